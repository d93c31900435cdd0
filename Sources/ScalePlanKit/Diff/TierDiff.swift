/// What changes when a plan moves from one tier to another: cost items added, removed and
/// changed (with monthly low/high deltas), limits before → after, SLO changes, and how far each
/// tier carries the load.
public struct TierDiff: Sendable {
    public enum Change: String, Sendable {
        case added = "+"
        case removed = "-"
        case changed = "~"
        case unchanged = " "
    }

    /// A cost item matched by category and name.
    public struct CostLine: Sendable {
        public var change: Change
        public var category: String
        public var item: String
        public var before: ItemCost?
        public var after: ItemCost?

        public var deltaLow: Double { (after?.low ?? 0) - (before?.low ?? 0) }
        public var deltaHigh: Double { (after?.high ?? 0) - (before?.high ?? 0) }
    }

    /// A limit, by the metric it limits.
    public struct LimitLine: Sendable {
        public var change: Change
        public var metric: String
        public var before: Double?
        public var after: Double?

        /// Relative change, when both sides exist and the old one is not zero.
        public var percent: Double? {
            guard let before, let after, before != 0 else { return nil }
            return (after - before) / before
        }
    }

    /// One SLO field.
    public struct TargetLine: Sendable {
        public var name: String
        public var before: Double?
        public var after: Double?
    }

    public let profile: Profile
    /// The params set with `--set` for this comparison.
    public let overrides: [ParamOverride]
    public let from: Tier
    public let to: Tier
    /// The driver value the costs and limits are evaluated at.
    public let driver: Double
    public let costs: [CostLine]
    public let limits: [LimitLine]
    public let targets: [TargetLine]
    public let capacityFrom: CapacitySearch.Result
    public let capacityTo: CapacitySearch.Result

    /// Totals before and after, low and high.
    public var totalBefore: (low: Double, high: Double) {
        costs.reduce((0, 0)) { ($0.0 + ($1.before?.low ?? 0), $0.1 + ($1.before?.high ?? 0)) }
    }

    public var totalAfter: (low: Double, high: Double) {
        costs.reduce((0, 0)) { ($0.0 + ($1.after?.low ?? 0), $0.1 + ($1.after?.high ?? 0)) }
    }

    /// The sum of the item deltas (equal to after − before by construction; tested).
    public var totalDelta: (low: Double, high: Double) {
        costs.reduce((0, 0)) { ($0.0 + $1.deltaLow, $0.1 + $1.deltaHigh) }
    }

    /// Compares two tiers of a plan at a driver value (default: the second tier's minimum, the
    /// moment the plan moves, or the first's when moving down).
    public init(_ compiled: CompiledProfile, from fromIndex: Int, to toIndex: Int, at driver: Double? = nil) {
        profile = compiled.profile
        overrides = compiled.overrides
        let fromTier = compiled.tiers[fromIndex], toTier = compiled.tiers[toIndex]
        from = fromTier.tier
        to = toTier.tier
        let at = driver ?? Swift.max(fromTier.tier.range.min, toTier.tier.range.min)
        self.driver = at
        let evaluator = PointEvaluator(compiled)
        let before = evaluator.costs(of: fromIndex, driver: at)
        let after = evaluator.costs(of: toIndex, driver: at)
        func key(_ item: CostItem) -> String { item.category + "\u{1F}" + item.displayName }
        // Items of the second tier by key, in order: each match takes the first unmatched one.
        // O(n) look-ups in dictionaries of queues instead of a scan per item.
        var unmatched: [String: [Int]] = [:]
        for (index, cost) in toTier.costs.enumerated() { unmatched[key(cost.item), default: []].append(index) }
        var cursor: [String: Int] = [:]
        var lines: [CostLine] = []
        var matched = [Bool](repeating: false, count: toTier.costs.count)
        for (index, cost) in fromTier.costs.enumerated() {
            let itemKey = key(cost.item)
            let position = cursor[itemKey, default: 0]
            if let candidates = unmatched[itemKey], position < candidates.count {
                let other = candidates[position]
                cursor[itemKey] = position + 1
                matched[other] = true
                let same = before[index] == after[other]
                lines.append(
                    CostLine(
                        change: same ? .unchanged : .changed, category: cost.item.category, item: cost.item.displayName,
                        before: before[index], after: after[other]))
            } else {
                lines.append(
                    CostLine(
                        change: .removed, category: cost.item.category, item: cost.item.displayName,
                        before: before[index], after: nil))
            }
        }
        // A removed and an added item of the same category are one item changing plan (Railway
        // Hobby → Railway Pro): pair them in order, so the diff reads as a change.
        var removedByCategory: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() where line.change == .removed {
            removedByCategory[line.category, default: []].append(index)
        }
        var removedCursor: [String: Int] = [:]
        for (index, cost) in toTier.costs.enumerated() where !matched[index] {
            let category = cost.item.category
            let position = removedCursor[category, default: 0]
            if let candidates = removedByCategory[category], position < candidates.count {
                let paired = candidates[position]
                removedCursor[category] = position + 1
                lines[paired].change = .changed
                lines[paired].item += " → " + cost.item.displayName
                lines[paired].after = after[index]
                continue
            }
            lines.append(
                CostLine(
                    change: .added, category: cost.item.category, item: cost.item.displayName, before: nil,
                    after: after[index]))
        }
        costs = lines
        let fromLimits = evaluator.limits(of: fromIndex, driver: at)
        let toLimits = evaluator.limits(of: toIndex, driver: at)
        let toByName = Dictionary(toLimits.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let fromNames = Set(fromLimits.map(\.name))
        var limitLines: [LimitLine] = []
        for limit in fromLimits {
            let other = toByName[limit.name]
            let change: Change = other == nil ? .removed : (other?.limit == limit.limit ? .unchanged : .changed)
            limitLines.append(LimitLine(change: change, metric: limit.name, before: limit.limit, after: other?.limit))
        }
        for limit in toLimits where !fromNames.contains(limit.name) {
            limitLines.append(LimitLine(change: .added, metric: limit.name, before: nil, after: limit.limit))
        }
        limits = limitLines
        targets = [
            TargetLine(name: "p95_ms", before: fromTier.tier.slo?.p95Milliseconds, after: toTier.tier.slo?.p95Milliseconds),
            TargetLine(name: "uptime_pct", before: fromTier.tier.slo?.uptimePercent, after: toTier.tier.slo?.uptimePercent),
        ].filter { $0.before != nil || $0.after != nil }
        let search = CapacitySearch(compiled)
        capacityFrom = search.search(tier: fromIndex)
        capacityTo = search.search(tier: toIndex)
    }
}
