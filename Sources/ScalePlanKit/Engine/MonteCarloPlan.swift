/// What a Monte Carlo run needs to know about the plan, worked out once and shared read-only by
/// every worker: which quantities to report, the trigger list, which context slots exist.
struct MonteCarloPlan: Sendable {
    let compiled: CompiledProfile
    let growth: MonteCarlo.Growth
    let months: Int
    let blockSize: Int
    /// Slots of the metrics some tier limits, in declaration order.
    let limitedMetricSlots: [Int]
    /// Every trigger: global first, then each tier's, with the tier index (nil for global).
    let triggers: [(trigger: CompiledTrigger, tier: Int?)]
    let context: TriggerContextSlots
    /// Per tier: indices into `triggers` of its own triggers.
    let tierTriggers: [[Int]]
    /// The trigger-only slots some trigger reads (the others are not written).
    let contextSlotsRead: Set<Int>
    /// Per category (in `compiled.categories` order): whether a trigger reads `cost.<category>`.
    let categoriesRead: [Bool]
    /// The indices of the categories some trigger reads, ascending.
    let readCategories: [Int]
    /// Whether any trigger reads `latency.<queue>` (the queue model is skipped otherwise).
    let needsLatency: Bool
    /// Uncertain cost ranges: (tier, item) pairs drawn per trial.
    let costDraws: [(tier: Int, item: Int)]
    let maximumStack: Int
    /// The scenario's curve when nothing in it is uncertain, built once (a `points` curve holds an
    /// array, which building per trial would allocate).
    let expectedCurve: GrowthCurve

    init(_ compiled: CompiledProfile, growth: MonteCarlo.Growth, months: Int, blockSize: Int) {
        self.compiled = compiled
        self.growth = growth
        self.months = months
        self.blockSize = blockSize
        switch growth {
        case .fixed(let curve): expectedCurve = curve
        case .scenario(let spec): expectedCurve = spec.expectedCurve ?? .constant(0)
        }
        let limited = Set(compiled.tiers.flatMap { $0.limits.map(\.slot) })
        limitedMetricSlots = compiled.layout.metricSlots.filter { limited.contains($0) }
        triggers = compiled.globalTriggers.map { ($0, nil) }
            + compiled.tiers.enumerated().flatMap { index, tier in tier.triggers.map { ($0, index) } }
        context = TriggerContextSlots(compiled)
        var perTier = Array(repeating: [Int](), count: compiled.tiers.count)
        for (index, entry) in triggers.enumerated() { if let tier = entry.tier { perTier[tier].append(index) } }
        tierTriggers = perTier
        var read: Set<Int> = []
        func collect(_ condition: CompiledCondition) {
            switch condition {
            case .expression(let expression):
                for case .load(let slot) in expression.code where compiled.layout.isTriggerOnly(slot) { read.insert(slot) }
            case .any(let parts), .all(let parts): parts.forEach(collect)
            }
        }
        triggers.forEach { collect($0.trigger.condition) }
        contextSlotsRead = read
        let categoriesRead = compiled.categories.map { name in compiled.layout.slot("cost.\(name)").map(read.contains) ?? false }
        self.categoriesRead = categoriesRead
        readCategories = categoriesRead.indices.filter { categoriesRead[$0] }
        let latencySlots = Set(context.latencySlots.values)
        func reads(_ condition: CompiledCondition) -> Bool {
            switch condition {
            case .expression(let expression):
                expression.code.contains { if case .load(let slot) = $0 { latencySlots.contains(slot) } else { false } }
            case .any(let parts), .all(let parts): parts.contains(where: reads)
            }
        }
        needsLatency = triggers.contains { reads($0.trigger.condition) }
        costDraws = compiled.tiers.enumerated().flatMap { tierIndex, tier in
            tier.costs.enumerated().compactMap { itemIndex, cost -> (Int, Int)? in
                if case .range = cost.item.amount { return (tierIndex, itemIndex) }
                return nil
            }
        }
        var deepest = 1
        func visit(_ expression: CompiledExpression) { deepest = Swift.max(deepest, expression.stackSize) }
        compiled.metrics.forEach(visit)
        compiled.revenue.map(visit)
        for tier in compiled.tiers {
            tier.limits.forEach { visit($0.limit) }
            tier.costs.forEach { visit($0.low); visit($0.high) }
            tier.queues.forEach { visit($0.servers); visit($0.serviceMilliseconds); visit($0.arrivalPerSecond) }
        }
        func visitCondition(_ condition: CompiledCondition) {
            switch condition {
            case .expression(let expression): visit(expression)
            case .any(let parts), .all(let parts): parts.forEach(visitCondition)
            }
        }
        triggers.forEach { visitCondition($0.trigger.condition) }
        maximumStack = deepest
    }

    var hasRevenue: Bool { compiled.revenue != nil }

    /// Driver, limited metrics, cost, then revenue and margin where modelled.
    var quantityCount: Int { 2 + limitedMetricSlots.count + (hasRevenue ? 2 : 0) }

    /// - Parameter totals: per quantity and month (`quantity × months + month`), the sum over
    ///   every trial, added block by block in block order.
    func result(_ total: MonteCarloAccumulator, totals: [Double], trials: Int, seed: UInt64,
        start: YearMonth?, growthSource: String) -> MonteCarloResult
    {
        let names: [(String, MonteCarloResult.Series.Kind)] =
            [(compiled.profile.driver.name, .driver)]
            + limitedMetricSlots.map { (compiled.layout.names[$0], .metric) }
            + [("cost", .cost)] + (hasRevenue ? [("revenue", .revenue), ("margin", .margin)] : [])
        var series: [MonteCarloResult.Series] = []
        for (quantity, (name, kind)) in names.enumerated() {
            var percentiles: [MonteCarloResult.Percentiles] = []
            for month in 0..<months {
                // Sums were added in block order, so the mean does not depend on the thread count.
                let sum = totals[quantity * months + month]
                let histogram = total.histograms[quantity * months + month]
                percentiles.append(MonteCarloResult.Percentiles(p10: histogram.quantile(0.1), p50: histogram.quantile(0.5),
                    p90: histogram.quantile(0.9), mean: trials > 0 ? sum / Double(trials) : nil))
            }
            series.append(MonteCarloResult.Series(name: name, kind: kind, months: percentiles))
        }
        let triggerOdds = triggers.enumerated().map { index, entry -> MonteCarloResult.TriggerOdds in
            let counts = total.triggerFirstMonth[index]
            let fired = counts.dropLast().reduce(0, +)
            var cumulative = 0
            let firedBy = counts.dropLast().map { count -> Double in
                cumulative += count
                return trials > 0 ? Double(cumulative) / Double(trials) : 0
            }
            return MonteCarloResult.TriggerOdds(id: entry.trigger.trigger.id, tierID: entry.trigger.tierID,
                severity: entry.trigger.trigger.severity, action: entry.trigger.trigger.action,
                probability: trials > 0 ? Double(fired) / Double(trials) : 0,
                firstMonth: (Self.rank(counts, 0.1, trials), Self.rank(counts, 0.5, trials), Self.rank(counts, 0.9, trials)),
                firedBy: firedBy)
        }
        let tierOdds = compiled.tiers.enumerated().map { index, tier -> MonteCarloResult.TierOdds in
            var cumulative = 0
            let neededBy = (0..<months).map { month -> Double in
                cumulative += total.tierFirstMonth[index][month]
                return trials > 0 ? Double(cumulative) / Double(trials) : 0
            }
            return MonteCarloResult.TierOdds(id: tier.tier.id, neededBy: neededBy)
        }
        return MonteCarloResult(compiled: compiled, growthSource: growthSource, start: start, trials: trials, seed: seed,
            months: months, series: series, triggers: triggerOdds, tiers: tierOdds)
    }

    /// The month of rank ⌈q·n⌉ in a histogram of first months whose last bucket is "never".
    static func rank(_ counts: [Int], _ q: Double, _ trials: Int) -> Int? {
        guard trials > 0 else { return nil }
        let target = Swift.max(1, Int((q * Double(trials)).rounded(.up)))
        var seen = 0
        for (month, count) in counts.dropLast().enumerated() {
            seen += count
            if seen >= target { return month }
        }
        return nil
    }
}

/// Counts merged across blocks: integer histograms, so the merge order does not matter.
struct MonteCarloAccumulator: Sendable {
    /// Indexed `quantity × months + month`.
    var histograms: [QuantileHistogram]
    /// Per trigger: trials whose first firing is in each month; the last bucket is "never".
    var triggerFirstMonth: [[Int]]
    /// Per tier: trials that first need it in each month; the last bucket is "never".
    var tierFirstMonth: [[Int]]

    init(_ plan: MonteCarloPlan) {
        histograms = Array(repeating: QuantileHistogram(), count: plan.quantityCount * plan.months)
        triggerFirstMonth = Array(repeating: Array(repeating: 0, count: plan.months + 1), count: plan.triggers.count)
        tierFirstMonth = Array(repeating: Array(repeating: 0, count: plan.months + 1), count: plan.compiled.tiers.count)
    }

    mutating func merge(_ other: MonteCarloAccumulator) {
        for index in histograms.indices { histograms[index].merge(other.histograms[index]) }
        for index in triggerFirstMonth.indices {
            for month in triggerFirstMonth[index].indices { triggerFirstMonth[index][month] += other.triggerFirstMonth[index][month] }
        }
        for index in tierFirstMonth.indices {
            for month in tierFirstMonth[index].indices { tierFirstMonth[index][month] += other.tierFirstMonth[index][month] }
        }
    }
}
