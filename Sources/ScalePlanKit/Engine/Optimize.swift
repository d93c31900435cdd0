/// `scaleplan optimize`: the cheapest path through a plan's tiers and options that carries the
/// load every month, against the plan's own path.
///
/// The profile's options are laid out as tiers (`Profile.layingOutOptions`), every way is
/// evaluated every month by the month step (`OptionTable`), and `PathOptimizer` picks the
/// schedule. Deterministic: one trial at the deterministic values, a way carries a month when
/// its limits hold (`LimitRule`), lead times at their high end (what the plan's migration
/// events use). With trials: a way carries a month when it does so in at least `confidence` of
/// the trials, costs are means over the trials, and a lead time is taken at its `confidence`
/// quantile, so a move started that early is ready in time that often.
public struct PathOptimization: Sendable {
    public struct Options: Sendable {
        public var months: Int
        /// 0: the deterministic run.
        public var trials: Int
        public var confidence: Double
        public var seed: UInt64
        public var threads: Int
        /// Annual discount rate (0.08: 8% a year), applied monthly: month m is worth (1 + r)^(−m/12).
        public var discountRate: Double
        /// Report the schedule with the fewest months not carried when none carries them all,
        /// instead of failing (`--allow-gaps`).
        public var allowsGaps = false

        public init(
            months: Int, trials: Int = 0, confidence: Double = MonteCarlo.defaultConfidence,
            seed: UInt64 = MonteCarlo.defaultSeed, threads: Int = 1, discountRate: Double = 0
        ) {
            self.months = months
            self.trials = trials
            self.confidence = confidence
            self.seed = seed
            self.threads = threads
            self.discountRate = discountRate
        }
    }

    /// Annual discount rates accepted.
    public static let discountRange = 0.0...1.0

    /// No schedule carries the load: the first month none can, and why for each way.
    public struct NoPath: Error, Sendable, CustomStringConvertible {
        public var month: Int
        public var label: String
        public var reasons: [String]

        public var description: String {
            "no schedule carries the load in \(label): " + reasons.joined(separator: "; ")
                + ". --allow-gaps shows the cheapest schedule with the fewest such months"
                + (sampled ? "; a lower --confidence asks less of each month." : ".")
        }
        /// Whether the run had trials (a lower confidence is then a way out).
        public var sampled: Bool
    }

    /// The plan as written (its options are laid out here).
    public let compiled: CompiledProfile
    public let growth: MonteCarlo.Growth

    public init(_ compiled: CompiledProfile, growth: MonteCarlo.Growth) {
        self.compiled = compiled
        self.growth = growth
    }

    /// - Throws: `NoPath` when no schedule carries the load in some month.
    /// - Complexity: O(trials × months × ways × model size / threads + months × ways² × stages).
    public func run(_ options: Options, start: YearMonth? = nil, growthSource: String = "") throws -> OptimizeResult {
        let laidOut = compiled.layingOutOptions()
        let plan = EnginePlan(laidOut)
        let months = Swift.max(1, options.months)
        let sampled = options.trials > 0
        let table = OptionTable.build(
            plan, growth: growth, months: months, trials: options.trials, seed: options.seed, threads: options.threads)
        let confidence = sampled ? options.confidence : 1
        let problem = Self.problem(laidOut, table: table, confidence: confidence, options: options)
        let best = problem.solve()
        guard let solution = best, options.allowsGaps || solution.gaps.isEmpty else {
            let month = best?.gaps.first ?? 0
            throw NoPath(
                month: month, label: YearMonth.label(month, start: start),
                reasons: Self.reasons(
                    laidOut, table: table, problem: problem, month: month, confidence: confidence, start: start),
                sampled: sampled)
        }
        let ways = laidOut.tiers.indices.map { index in
            OptimizeResult.Way(laidOut.tiers[index].tier, of: laidOut.profile.tiers[Self.stage(of: index, in: laidOut)])
        }
        let schedule = solution.ways.enumerated().map { month, way in
            OptimizeResult.Month(
                month: month, way: way, carriesProbability: table.carriesProbability(way, month),
                expectedCost: table.expectedCost(way, month))
        }
        let moves = solution.moves.map { move in
            OptimizeResult.Move(
                startMonth: move.start, doneMonth: move.done, from: move.from, to: move.to,
                oneOffCost: problem.ways[move.to].oneOff, leadMonths: problem.ways[move.to].lead)
        }
        let trials = Double(table.trials)
        var planTotal = 0.0
        for month in 0..<months {
            planTotal += problem.discount[month] * (table.planCost[month] + table.planOneOff[month]) / trials
        }
        let gaps = (0..<months).filter { Double(table.planCarried[$0]) / trials < confidence - 1e-12 }
        return OptimizeResult(
            compiled: laidOut, ways: ways, schedule: schedule, moves: moves, total: solution.total,
            planTotal: planTotal, planGaps: gaps, gaps: solution.gaps,
            considered: Self.considered(problem, stages: laidOut.profile.planTierCount, best: solution),
            trials: options.trials, confidence: confidence, seed: options.seed, discountRate: options.discountRate,
            months: months, start: start, growthSource: growthSource)
    }

    /// For each stage with options, each way of running it: the best schedule when that stage
    /// runs only on it, or why there is none as good (`note`).
    static func considered(_ problem: PathOptimizer, stages: Int, best: PathOptimizer.Solution)
        -> [OptimizeResult.Considered]
    {
        var considered: [OptimizeResult.Considered] = []
        let months = problem.months
        for stage in 0..<stages {
            let stageWays = problem.ways.indices.filter { problem.ways[$0].stage == stage }
            guard stageWays.count > 1 else { continue }
            for way in stageWays {
                let restricted = problem.restricted(stage: stage, to: way).solve()
                var note: String?
                let carriesSomeMonth = (0..<months).contains { problem.carries[way * months + $0] }
                if way != problem.start && problem.ways[way].lead >= months {
                    let lead = problem.ways[way].lead
                    note = "a move into it takes \(lead) months, longer than the \(months)-month horizon"
                } else if !carriesSomeMonth {
                    note = "it does not carry the load in any month of the horizon"
                } else if let restricted, restricted.gaps.count > best.gaps.count {
                    let more = restricted.gaps.count - best.gaps.count
                    note = "no schedule with it carries the load in every month (\(more) month\(more == 1 ? "" : "s") short)"
                } else if let restricted, !restricted.ways.contains(way) {
                    note = "never worth taking: the cheapest path with it passes the tier by"
                } else if restricted == nil {
                    note = "it cannot run: its cost is not a number"
                }
                considered.append(
                    OptimizeResult.Considered(
                        stage: stage, way: way, total: note == nil ? restricted?.total : nil,
                        chosen: best.ways.contains(way), note: note))
            }
        }
        return considered
    }

    /// The optimiser's problem from the table.
    static func problem(_ laidOut: CompiledProfile, table: OptionTable, confidence: Double, options: Options)
        -> PathOptimizer
    {
        let months = table.months
        let sampled = options.trials > 0
        let ways = laidOut.tiers.indices.map { index -> PathOptimizer.Way in
            let tier = laidOut.tiers[index].tier
            return PathOptimizer.Way(
                stage: Self.stage(of: index, in: laidOut),
                // Its high end, or with trials its quantile at the confidence: ready in time that often.
                lead: Migration.wholeMonths(
                    Migration.leadTime(tier.migration?.leadTimeMonths, at: sampled ? confidence : nil)),
                oneOff: tier.migration?.cost?.expected ?? 0)
        }
        var carries = [Bool](repeating: false, count: ways.count * months)
        var runnable = carries
        var cost = [Double](repeating: 0, count: ways.count * months)
        for way in ways.indices {
            for month in 0..<months {
                let cell = way * months + month
                runnable[cell] = table.invalidCost[cell] == 0
                carries[cell] = table.carriesProbability(way, month) >= confidence - 1e-12
                cost[cell] = table.expectedCost(way, month)
            }
        }
        let monthly = Math.power(1 + Swift.max(0, options.discountRate), -1.0 / 12)
        var start = 0
        for way in table.planStart.indices where table.planStart[way] > table.planStart[start] { start = way }
        return PathOptimizer(
            months: months, ways: ways, start: start, carries: carries, runnable: runnable, cost: cost,
            discount: (0..<months).map { Math.power(monthly, Double($0)) },
            skippable: laidOut.profile.tiers.prefix(laidOut.profile.planTierCount).map(\.skippable),
            allowsDowngrade: laidOut.profile.allowsDowngrade)
    }

    /// The plan tier a laid-out tier is a way of running (itself, in a profile without options).
    static func stage(of tier: Int, in laidOut: CompiledProfile) -> Int { laidOut.profile.tiers[tier].stage ?? tier }

    /// Why no way can run `month`: per way, what stops it.
    static func reasons(
        _ laidOut: CompiledProfile, table: OptionTable, problem: PathOptimizer, month: Int, confidence: Double,
        start: YearMonth?
    ) -> [String] {
        let months = table.months
        return laidOut.tiers.indices.map { way in
            let tier = laidOut.tiers[way]
            let name = tier.tier.name
            let cell = way * months + month
            if table.invalidCost[cell] > 0 { return "\(name): its cost is not a number" }
            let carries = table.carriesProbability(way, month)
            if carries < confidence - 1e-12 {
                if table.trials == 1, table.bottleneck.indices.contains(cell), table.bottleneck[cell] >= 0 {
                    let limit = tier.limits[Int(table.bottleneck[cell])].name
                    return "\(name) does not carry it (\(limit) at \(NumberFormatting.percent(table.utilization[cell])))"
                }
                return table.trials == 1
                    ? "\(name) does not carry it"
                    : "\(name) carries it in \(NumberFormatting.percent(carries)) of trials (needs \(NumberFormatting.percent(confidence)))"
            }
            let lead = problem.ways[way].lead
            if problem.startMonth(into: way, done: month) < 0 && way != problem.start {
                return
                    "\(name) carries it, but a move into it takes \(lead) month\(lead == 1 ? "" : "s"): it would have had to start before \(YearMonth.label(0, start: start))"
            }
            return
                "\(name) carries it, but no schedule reaches it by then without an earlier month the load is not carried (moves go up one tier at a time unless the tiers between are \"skippable\")"
        }
    }
}

/// What `scaleplan optimize` reports: the cheapest schedule, its moves and its cost against the
/// plan's own path.
public struct OptimizeResult: Sendable {
    /// A way of running a stage: a plan tier as written, or one of its options.
    public struct Way: Sendable, Equatable {
        /// The laid-out id (`phase-3`, or `phase-3/railway` for an option).
        public var id: String
        /// The plan tier's id and name.
        public var tier: String
        public var tierName: String
        public var option: String
        public var optionLabel: String
        public var isPlanned: Bool

        /// - Parameter stage: the plan tier it is a way of running.
        init(_ tier: Tier, of stage: Tier) {
            id = tier.id
            self.tier = stage.id
            tierName = stage.name
            option = tier.option
            optionLabel = tier.optionLabel
            isPlanned = tier.id == stage.id
        }

        /// `Phase 3` or `Phase 3 · Option A: Railway` (the planned option is not named when the
        /// tier has no other).
        public func label(named: Bool) -> String { named ? "\(tierName) · \(optionLabel)" : tierName }
    }

    public struct Month: Sendable, Equatable {
        public var month: Int
        /// Index into `ways`.
        public var way: Int
        public var carriesProbability: Double
        public var expectedCost: Double
    }

    public struct Move: Sendable, Equatable {
        public var startMonth: Int
        public var doneMonth: Int
        public var from: Int
        public var to: Int
        /// Expected one-off cost, paid in `startMonth`.
        public var oneOffCost: Double
        public var leadMonths: Int
    }

    /// What the cheapest path costs when a stage runs on one of its ways.
    public struct Considered: Sendable, Equatable {
        public var stage: Int
        public var way: Int
        /// Nil when no schedule uses it (`note` says why).
        public var total: Double?
        public var chosen: Bool
        public var note: String?
    }

    /// The profile with its options laid out as tiers.
    public let compiled: CompiledProfile
    public let ways: [Way]
    public let schedule: [Month]
    public let moves: [Move]
    /// Discounted expected totals over the horizon (monthly costs plus one-off costs).
    public let total: Double
    public let planTotal: Double
    /// Months in which the plan's own path does not carry the load (with the confidence).
    public let planGaps: [Int]
    /// Months in which the cheapest schedule does not carry it either (only with `allowsGaps`:
    /// no schedule can).
    public let gaps: [Int]
    public let considered: [Considered]
    public let trials: Int
    /// 1 in a deterministic run.
    public let confidence: Double
    public let seed: UInt64
    public let discountRate: Double
    public let months: Int
    public let start: YearMonth?
    public let growthSource: String

    public var saving: Double { planTotal - total }

    /// Whether stage `stage` has options (its ways are then named with their option).
    public func hasOptions(_ stage: Int) -> Bool {
        compiled.profile.tiers.contains { $0.stage == stage && $0.id != $0.stageID }
    }

    /// How reports name a way.
    public func label(_ way: Int) -> String {
        ways[way].label(named: hasOptions(PathOptimization.stage(of: way, in: compiled)))
    }
}
