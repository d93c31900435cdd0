/// For each tier, the largest driver value its limits carry, the limit that binds there, and
/// the headroom at the tier's declared maximum.
///
/// "Carries d" means every limit holds at driver d: metric ≤ limit (a NaN fails). The answer
/// is the largest whole d such that the tier carries every whole value from its minimum up to
/// d — so `carries(answer)` and `!carries(answer + 1)`. It is found by doubling from the minimum
/// to bracket the first failure, then bisecting; because a bisection can step over a dip in a
/// metric that is not monotone in the driver, the range below the answer is also sampled
/// (2,048 points) and the range above it probed, and any sign of non-monotonicity is reported
/// rather than hidden.
public struct CapacitySearch: Sendable {
    /// Beyond this driver value a tier is reported as unbounded.
    public static let ceiling = 1e12

    public let compiled: CompiledProfile
    private let params: [Double]?

    public init(_ compiled: CompiledProfile, params: [Double]? = nil) {
        self.compiled = compiled
        self.params = params
    }

    /// One tier's answer.
    public struct Result: Sendable {
        public var tier: Int
        /// The largest whole driver value carried contiguously from the minimum; nil when the
        /// tier fails at its own minimum.
        public var maximum: Double?
        /// No limit binds below `ceiling` (or the tier has no limits).
        public var unbounded: Bool
        /// The limit that fails just above `maximum` (or at the minimum).
        public var binding: LimitUse?
        /// The bottleneck at the declared maximum of the range, when it has one.
        public var atDeclaredMaximum: LimitUse?
        /// `(maximum − declared max) / declared max`; negative means the tier runs out inside its
        /// own range.
        public var headroom: Double?
        /// Set when the limits are not monotone in the driver: what was seen.
        public var nonMonotone: String?
    }

    /// Whether every limit of the tier holds at driver `d` (`LimitRule`, as in the month step).
    public func carries(_ tier: Int, _ d: Double) -> Bool {
        PointEvaluator(compiled, params: params).carries(tier: tier, driver: d)
    }

    /// The failing limit at `d` with the highest utilisation (a NaN one first).
    private func binding(_ evaluator: PointEvaluator, _ tier: Int, _ d: Double) -> LimitUse? {
        LimitUse.bottleneck(evaluator.limits(of: tier, driver: d).filter { !$0.holds })
    }

    /// Searches one tier.
    /// - Parameter tier: an index of `compiled.tiers` (the CLI maps `--tier` ids to indices).
    /// - Complexity: O(log(*answer*) + 2,048) model evaluations.
    public func search(tier: Int) -> Result {
        let tierDeclared = compiled.tiers[tier].tier
        // A derived range has no declared maximum to measure headroom against: it ends where
        // this search says.
        let range = tierDeclared.rangeDerived ? DriverRange(min: tierDeclared.range.min, max: nil) : tierDeclared.range
        return search(tier: tier, range: range, evaluator: PointEvaluator(compiled, params: params))
    }

    /// Searches one tier from the minimum of `range` (whose maximum is the declared one, if any).
    func search(tier: Int, range: DriverRange, evaluator: PointEvaluator) -> Result {
        func carries(_ tier: Int, _ d: Double) -> Bool { evaluator.carries(tier: tier, driver: d) }
        func binding(_ tier: Int, _ d: Double) -> LimitUse? { self.binding(evaluator, tier, d) }
        func bisect(_ tier: Int, good: Double, bad: Double) -> Double { self.bisect(evaluator, good: good, bad: bad, tier: tier) }
        let low = range.min.rounded(.up)
        var result = Result(
            tier: tier, maximum: nil, unbounded: false, binding: nil, atDeclaredMaximum: nil,
            headroom: nil, nonMonotone: nil)
        if let declared = range.max {
            result.atDeclaredMaximum = LimitUse.bottleneck(evaluator.limits(of: tier, driver: declared))
        }
        guard carries(tier, low) else {
            result.binding = binding(tier, low)
            result.headroom = range.max.map { (low - 1 - $0) / $0 }
            return result
        }
        // Bracket: `good` carries, `bad` does not.
        var good = low
        var step = Swift.max(1, low)
        var bad: Double?
        while good < Self.ceiling {
            let next = Swift.min(good + step, Self.ceiling)
            if carries(tier, next) {
                good = next
                step *= 2
            } else {
                bad = next
                break
            }
        }
        guard var failing = bad else {
            result.unbounded = true
            return result
        }
        var answer = bisect(tier, good: good, bad: failing)
        // Below the answer: every sampled value must carry, or the first failure wins.
        let samples = 2048
        var previous = low
        for index in 1...samples {
            let d = (low + (answer - low) * Double(index) / Double(samples)).rounded(.down)
            guard d > previous else { continue }
            if !carries(tier, d) {
                failing = d
                answer = bisect(tier, good: previous, bad: d)
                result.nonMonotone = "the limits fail at \(NumberFormatting.grouped(d)) but hold at higher values searched first"
                break
            }
            previous = d
        }
        // Above the answer: a limit that holds again further up is worth saying.
        if result.nonMonotone == nil {
            for factor in [1.5, 2, 4, 8] {
                let d = (answer * factor).rounded(.down)
                if d > answer + 1, d < Self.ceiling, carries(tier, d) {
                    result.nonMonotone =
                        "fails at \(NumberFormatting.grouped(answer + 1)) but carries again at \(NumberFormatting.grouped(d))"
                    break
                }
            }
        }
        result.maximum = answer
        result.binding = binding(tier, answer + 1) ?? binding(tier, failing)
        if let declared = range.max, declared > 0 {
            result.headroom = (answer - declared) / declared
        }
        return result
    }

    /// Every tier, in order.
    public func searchAll() -> [Result] {
        compiled.tiers.indices.map { search(tier: $0) }
    }

    /// The driver range each tier covers when the plan's tier is the lowest that carries the
    /// load (`tier_selection: capacity`): each tier from where the one below stops carrying
    /// (the first from 0) up to the last whole value it carries; the last tier open-ended. A
    /// tier that fails where the one below stops covers nothing (min = max); a tier that is
    /// unbounded leaves the ones after it from `ceiling`.
    func derivedRanges() -> [DriverRange] {
        let evaluator = PointEvaluator(compiled, params: params)
        var ranges: [DriverRange] = []
        var start = 0.0
        let planTiers = compiled.profile.planTierCount
        for tier in 0..<planTiers {
            guard tier < planTiers - 1 else {
                ranges.append(DriverRange(min: start, max: nil))
                break
            }
            let result = search(tier: tier, range: DriverRange(min: start, max: nil), evaluator: evaluator)
            let end = result.unbounded ? Self.ceiling : result.maximum.map { $0 + 1 } ?? start
            ranges.append(DriverRange(min: start, max: Swift.max(start, end)))
            start = Swift.max(start, end)
        }
        // A laid-out option covers the range of the tier it is a way of running.
        for tier in planTiers..<compiled.tiers.count { ranges.append(ranges[compiled.tiers[tier].tier.stage ?? 0]) }
        return ranges
    }

    /// The largest whole value in [good, bad) that carries, given carries(good) and !carries(bad).
    private func bisect(_ evaluator: PointEvaluator, good: Double, bad: Double, tier: Int) -> Double {
        var good = good, bad = bad
        while bad - good > 1 {
            let middle = ((good + bad) / 2).rounded(.down)
            if evaluator.carries(tier: tier, driver: middle) { good = middle } else { bad = middle }
        }
        return good
    }
}
