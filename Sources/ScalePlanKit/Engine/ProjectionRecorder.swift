/// Records every detail of each trial's months as the engine computes them: the deterministic
/// projection (a block of one trial), or each trial of a Monte Carlo block (to check that a trial
/// computed among others equals the same trial computed alone).
struct ProjectionRecorder: MonthObserver {
    static var wantsItems: Bool { true }

    let plan: EnginePlan
    /// Per trial, the months recorded so far.
    private(set) var months: [[MonthResult]]
    /// Per trial, per trigger (`plan.triggers` order): its runs of firing months.
    private(set) var spans: [[[ClosedRange<Int>]]]
    private(set) var explanations: [[TriggerExplanation?]]
    /// Per trial: the first month and value of each invalid subject.
    private(set) var invalid: [[InvalidSubject: (month: Int, value: Double)]]
    /// Per trial: this month's cost items of its plan tier.
    private var items: [[ItemCost]]
    private var probes: [Int: TriggerProbe] = [:]

    init(_ plan: EnginePlan, trials: Int, months: Int) {
        self.plan = plan
        self.months = Array(repeating: [], count: trials)
        for trial in self.months.indices { self.months[trial].reserveCapacity(months) }
        spans = Array(repeating: Array(repeating: [], count: plan.triggers.count), count: trials)
        explanations = Array(repeating: Array(repeating: nil, count: plan.triggers.count), count: trials)
        invalid = Array(repeating: [:], count: trials)
        items = Array(repeating: [], count: trials)
    }

    mutating func costItem(
        _ engine: MonthEngine, tier: Int, item: Int, low: UnsafePointer<Double>,
        amount: UnsafePointer<Double>, high: UnsafePointer<Double>
    ) {
        let index = Int32(tier)
        for trial in 0..<engine.count where engine.planTier[trial] == index {
            items[trial].append(ItemCost(low: low[trial], expected: amount[trial], high: high[trial]))
        }
    }

    mutating func fired(_ engine: MonthEngine, trigger: Int, fires: UnsafePointer<Bool>) {
        let month = engine.month
        for trial in 0..<engine.count where fires[trial] {
            if let last = spans[trial][trigger].last {
                if last.upperBound == month - 1 {
                    spans[trial][trigger][spans[trial][trigger].count - 1] = last.lowerBound...month
                } else if last.upperBound < month {
                    spans[trial][trigger].append(month...month)
                }
                continue
            }
            spans[trial][trigger].append(month...month)
            let probe =
                probes[trigger] ?? TriggerProbe(plan.triggers[trigger].trigger.trigger.condition, layout: plan.compiled.layout)
            probes[trigger] = probe
            let row = engine.row(trial)
            explanations[trial][trigger] = row.withUnsafeBufferPointer { probe.explain($0) }
        }
    }

    mutating func invalid(_ engine: MonthEngine, _ subject: InvalidSubject, values: UnsafePointer<Double>, mask: TrialMask) {
        let rule = subject.rule
        for trial in 0..<engine.count where invalid[trial][subject] == nil && engine.applies(mask, to: trial) {
            let value = values[trial]
            if !rule.accepts(value) { invalid[trial][subject] = (engine.month, value) }
        }
    }

    mutating func monthDone(_ engine: MonthEngine) {
        let compiled = plan.compiled
        let metricBase = compiled.layout.metricSlots.lowerBound
        let metricCount = compiled.metrics.count
        let last = compiled.profile.planTierCount - 1
        // Trials whose load no tier carries: the search checked every tier, the last one
        // included; its limits are read with its own params, in one scope change for the block
        // (then back to the plan tier's, which the rest of the month reads).
        var unmet = [LimitUse?](repeating: nil, count: engine.count)
        if (0..<engine.count).contains(where: { engine.requiredTier[$0] < 0 }) {
            engine.enterTier(last)
            for trial in 0..<engine.count where engine.requiredTier[trial] < 0 {
                unmet[trial] = LimitUse.bottleneck(limitUses(engine, tier: last, trial: trial))
            }
            var none = NoObserver()
            engine.enterPlanScope(observer: &none)
        }
        for trial in 0..<engine.count {
            let tier = Int(engine.planTier[trial])
            let columns = engine.tiers[tier]
            let compiledTier = compiled.tiers[tier]
            let limits = limitUses(engine, tier: tier, trial: trial)
            let bottleneck = Int(columns.bottleneck[trial])
            let queues = compiledTier.queues.enumerated().map { index, queue in
                QueueUse(
                    name: queue.queue.name, arrivalRate: columns.queueArrival[index][trial],
                    servers: columns.queueServers[index][trial], serviceMilliseconds: columns.queueService[index][trial],
                    utilization: columns.queueUtilization[index][trial], p95Milliseconds: columns.queueP95[index][trial],
                    targetMilliseconds: queue.queue.p95Milliseconds ?? compiledTier.tier.slo?.p95Milliseconds)
            }
            var categories = [Double](repeating: 0, count: compiled.categories.count)
            for (index, cost) in items[trial].enumerated() where index < compiledTier.costs.count {
                if let category = plan.categoryOfItem[tier][index] { categories[category] += cost.expected }
            }
            let cost = CostBreakdown(
                low: columns.costLow[trial], expected: columns.costAmount[trial],
                high: columns.costHigh[trial], items: items[trial], categories: categories)
            let required = Int(engine.requiredTier[trial])
            months[trial].append(
                MonthResult(
                    month: engine.month, driver: engine.slot(SlotLayout.driverSlot)[trial], tier: tier,
                    requiredTier: required < 0 ? nil : required,
                    metrics: (0..<metricCount).map { engine.slot(metricBase + $0)[trial] },
                    limits: limits, bottleneck: bottleneck >= 0 && bottleneck < limits.count ? limits[bottleneck] : nil,
                    queues: queues, cost: cost, revenue: compiled.revenue == nil ? nil : engine.revenue[trial],
                    unmet: unmet[trial]))
            items[trial].removeAll(keepingCapacity: true)
        }
    }

    private func limitUses(_ engine: MonthEngine, tier: Int, trial: Int) -> [LimitUse] {
        let columns = engine.tiers[tier]
        return plan.compiled.tiers[tier].limits.enumerated().map { index, limit in
            LimitUse(
                name: limit.name, value: engine.slot(limit.slot)[trial], limit: columns.limitValue(index, trial: trial),
                primary: limit.primary)
        }
    }

    /// The projection of one trial.
    func projection(trial: Int, curve: GrowthCurve, start: YearMonth?, growthSource: String) -> Projection {
        let compiled = plan.compiled
        let activity = plan.triggers.enumerated().map { index, entry in
            TriggerActivity(
                trigger: entry.trigger.trigger, tierID: entry.trigger.tierID, spans: spans[trial][index],
                explanation: explanations[trial][index])
        }
        let invalidValues = invalid[trial].sorted { $0.key.sortKey.lexicographicallyPrecedes($1.key.sortKey) }
            .map { subject, first in InvalidValue(subject, compiled: compiled, month: first.month, value: first.value) }
        let months = self.months[trial]
        let events = EventDetector(compiled: compiled, months: months, triggers: activity, invalidValues: invalidValues).events()
        return Projection(
            compiled: compiled, growthSource: growthSource, curve: curve, start: start, months: months,
            triggers: activity, invalidValues: invalidValues, events: events)
    }
}
