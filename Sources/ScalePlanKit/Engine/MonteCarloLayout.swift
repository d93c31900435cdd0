/// The quantities a Monte Carlo run reports month by month — its series — and how each is read off
/// the engine's columns: the driver, every limited metric, the plan tier's bottleneck utilisation,
/// its worst queue's p95 (when the plan has queues), its cost, and revenue and margin where
/// modelled.
struct MonteCarloLayout: Sendable {
    enum Source: Sendable {
        case driver
        case metric(slot: Int)
        case utilization
        case latency
        case cost
        case revenue
        case margin
    }

    struct Entry: Sendable {
        var name: String
        var kind: MonteCarloResult.Series.Kind
        var source: Source
    }

    let plan: EnginePlan
    let series: [Entry]

    init(_ plan: EnginePlan) {
        self.plan = plan
        let compiled = plan.compiled
        var series = [Entry(name: compiled.profile.driver.name, kind: .driver, source: .driver)]
        series += plan.limitedMetricSlots.map { Entry(name: compiled.layout.names[$0], kind: .metric, source: .metric(slot: $0)) }
        series.append(Entry(name: ContextName.utilization.description, kind: .utilization, source: .utilization))
        if plan.hasQueues { series.append(Entry(name: "p95_ms", kind: .latency, source: .latency)) }
        series.append(Entry(name: ContextName.cost.description, kind: .cost, source: .cost))
        if compiled.revenue != nil {
            series.append(Entry(name: ContextName.revenue.description, kind: .revenue, source: .revenue))
            series.append(Entry(name: ContextName.margin.description, kind: .margin, source: .margin))
        }
        self.series = series
    }

    /// Reads one series for the block's trials, gathering into `scratch` where the value depends
    /// on each trial's plan tier (`cost` must hold the plan tier's cost when `margin` is read).
    @inline(__always)
    func column(
        _ source: Source, _ engine: MonthEngine, scratch: UnsafeMutablePointer<Double>,
        cost: UnsafeMutablePointer<Double>
    ) -> UnsafePointer<Double> {
        let count = engine.count
        switch source {
        case .driver:
            return UnsafePointer(engine.slot(SlotLayout.driverSlot))
        case .metric(let slot):
            return UnsafePointer(engine.slot(slot))
        case .utilization:
            for trial in 0..<count {
                let tier = Int(engine.planTier[trial])
                scratch[trial] = engine.tierHasLimits[tier] ? engine.tierHighest[tier][trial] : 0
            }
            return UnsafePointer(scratch)
        case .latency:
            for trial in 0..<count {
                let tier = Int(engine.planTier[trial])
                let first = engine.tierQueueStart[tier], end = engine.tierQueueStart[tier + 1]
                var worst = Double.nan  // a tier without queues has no latency
                for index in first..<end {
                    let value = engine.tierQueueP95[index][trial]
                    if index == first || LimitRule.isWorse(value, than: worst) { worst = value }
                }
                scratch[trial] = worst
            }
            return UnsafePointer(scratch)
        case .cost:
            return UnsafePointer(cost)
        case .revenue:
            return UnsafePointer(engine.revenue)
        case .margin:
            for trial in 0..<count { scratch[trial] = engine.revenue[trial] - cost[trial] }
            return UnsafePointer(scratch)
        }
    }

    /// Gathers each trial's plan-tier cost.
    @inline(__always)
    func gatherCost(_ engine: MonthEngine, into cost: UnsafeMutablePointer<Double>) {
        for trial in 0..<engine.count { cost[trial] = engine.planCost(trial) }
    }

    /// Values to count exactly in each series-month histogram (`QuantileHistogram`'s anchors),
    /// indexed `series × months + month`: the deterministic run's value, and for the cost every
    /// tier's cost at the deterministic values — what all the trials on a fixed-price tier share.
    /// (A tier's cost is worked out once, at month 0: one that changes with the load is not
    /// shared by trials at different loads anyway. Plans of more than 64 tiers get the first.)
    func anchors(curve: GrowthCurve, months: Int) -> [[Double]] {
        var anchors = [[Double]](repeating: [], count: series.count * months)
        guard months > 0 else { return anchors }
        let engine = MonthEngine(plan, width: 1)
        engine.begin(count: 1, curve: curve)
        var none = NoObserver()
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        let cost = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        defer {
            scratch.deallocate()
            cost.deallocate()
        }
        var tierCosts: [Double] = []
        for month in 0..<months {
            engine.step(month: month, observer: &none)
            if month == 0 {
                for tier in 0..<Swift.min(plan.compiled.tiers.count, 64) {
                    engine.evaluateCosts(tier, observer: &none)
                    tierCosts.append(engine.tiers[tier].costAmount[0])
                }
            }
            gatherCost(engine, into: cost)
            for (index, entry) in series.enumerated() {
                var values = [column(entry.source, engine, scratch: scratch, cost: cost)[0]]
                if case .cost = entry.source { values += tierCosts }
                anchors[index * months + month] = values
            }
        }
        return anchors
    }
}
