/// One tier's values in the current month, for every trial of a block: what `MonthEngine`
/// computes when some trial needs the tier, and what observers read.
///
/// A class, though immutable: the engine reads a tier's columns many times a month, and a copy
/// of a struct of arrays retains every array (one retain for a class, on the engine's own object).
final class TierColumns {
    typealias Column = UnsafeMutablePointer<Double>

    /// Per limit: the limit's value (when it is an expression; see `constantLimits`), and the
    /// utilisation metric ÷ limit.
    let limitValues: [Column]
    let constantLimits: [Double?]
    let utilization: [Column]
    /// The highest utilisation (−∞ for a tier without limits) and which limit has it (the first
    /// declared among equals; −1 for a tier without limits).
    let highest: Column
    let bottleneck: UnsafeMutablePointer<Int32>
    /// Whether some limit fails (the tier does not carry the load).
    let fails: UnsafeMutablePointer<Bool>
    /// Total cost: the items' lows, amounts (expected, or drawn in Monte Carlo) and highs.
    let costLow: Column
    let costAmount: Column
    let costHigh: Column
    /// Per cost item: the column of its category's amount when a trigger reads `cost.<category>`.
    let itemCategory: [Column?]
    /// The read categories this tier has items in: (index into `compiled.categories`, column).
    let categories: [(index: Int, column: Column)]
    /// Per queue: arrival rate, servers used (NaN when invalid), service time in ms,
    /// utilisation and p95 in ms.
    let queueArrival: [Column]
    let queueServers: [Column]
    let queueService: [Column]
    let queueUtilization: [Column]
    let queueP95: [Column]
    /// Trigger-context slots of its limits and queues (nil: no trigger reads them).
    let limitContextSlots: [Int?]
    let queueContextSlots: [Int?]

    init(_ tier: CompiledTier, index: Int, plan: EnginePlan, width: Int, column: () -> Column) {
        limitValues = tier.limits.map { _ in column() }
        constantLimits = tier.limits.map(\.limit.constantValue)
        utilization = tier.limits.map { _ in column() }
        highest = column()
        bottleneck = .allocate(capacity: width)
        bottleneck.initialize(repeating: -1, count: width)
        fails = .allocate(capacity: width)
        fails.initialize(repeating: false, count: width)
        costLow = column()
        costAmount = column()
        costHigh = column()
        let categoryIndex = Dictionary(plan.compiled.categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let read = Set(plan.readCategories)
        var categories: [(index: Int, column: Column)] = []
        var byIndex: [Int: Column] = [:]
        for cost in tier.costs {
            guard let index = categoryIndex[cost.item.category], read.contains(index), byIndex[index] == nil else { continue }
            let pointer = column()
            byIndex[index] = pointer
            categories.append((index, pointer))
        }
        self.categories = categories.sorted { $0.index < $1.index }
        itemCategory = tier.costs.map { categoryIndex[$0.item.category].flatMap { byIndex[$0] } }
        queueArrival = tier.queues.map { _ in column() }
        queueServers = tier.queues.map { _ in column() }
        queueService = tier.queues.map { _ in column() }
        queueUtilization = tier.queues.map { _ in column() }
        queueP95 = tier.queues.map { _ in column() }
        let read2 = Set(plan.contextSlotsRead)
        limitContextSlots = tier.limits.map { plan.context.limitSlots[$0.name].flatMap { read2.contains($0) ? $0 : nil } }
        queueContextSlots = tier.queues.map { plan.context.latencySlots[$0.queue.name].flatMap { read2.contains($0) ? $0 : nil } }
    }

    /// The buffers not made by the engine's `column()`.
    func deallocate() {
        bottleneck.deallocate()
        fails.deallocate()
    }

    /// A limit's value for one trial.
    @inline(__always)
    func limitValue(_ limit: Int, trial: Int) -> Double { constantLimits[limit] ?? limitValues[limit][trial] }
}

extension MonthEngine {
    /// Whether the tier carries each trial's load (`LimitRule.holds` on every limit), with the
    /// limits' values: all the search for the required tier needs.
    func evaluateCarrying(_ tier: Int) {
        guard !carryingDone[tier] else { return }
        carryingDone[tier] = true
        enterTier(tier)
        let columns = tiers[tier]
        let fails = columns.fails
        for trial in 0..<count { fails[trial] = false }
        let limits = plan.tierLimits[tier]
        // The flags as bytes, OR-ed without a branch per trial (a Bool is the byte 0 or 1).
        fails.withMemoryRebound(to: UInt8.self, capacity: count) { failed in
            for index in limits.limit.indices {
                let bounds = columns.limitValues[index]
                let metric = slot(limits.metricSlot[index])
                if let constant = columns.constantLimits[index] {
                    LimitRule.markFailures(metric, limit: constant, count: count, into: failed)
                } else {
                    evaluator.evaluate(limits.limit[index].program, slots: slots, count: count, into: bounds)
                    for trial in 0..<count {
                        failed[trial] |= LimitRule.holds(value: metric[trial], limit: bounds[trial]) ? 0 : 1
                    }
                }
            }
        }
    }

    /// Each limit's utilisation, the bottleneck and whether the tier carries the load.
    func evaluateLimits(_ tier: Int) {
        // Even when the columns are done: a reader of the tier's metrics after this call sees the
        // tier's own (its params'), whatever scope other tiers left behind.
        enterTier(tier)
        guard !limitsDone[tier] else { return }
        limitsDone[tier] = true
        evaluateCarrying(tier)
        let columns = tiers[tier]
        let highest = columns.highest, bottleneck = columns.bottleneck
        for trial in 0..<count {
            highest[trial] = -.infinity
            bottleneck[trial] = -1
        }
        let metricSlots = plan.tierLimits[tier].metricSlot
        for (position, index) in plan.tierLimits[tier].bottleneckOrder.enumerated() {
            let bounds = columns.limitValues[index]
            let constant = columns.constantLimits[index]
            let metric = slot(metricSlots[index]), use = columns.utilization[index]
            let marker = Int32(index)
            for trial in 0..<count {
                let utilization = LimitRule.utilization(value: metric[trial], limit: constant ?? bounds[trial])
                use[trial] = utilization
                if position == 0 || LimitRule.isWorse(utilization, than: highest[trial]) {
                    highest[trial] = utilization
                    bottleneck[trial] = marker
                }
            }
        }
    }

    /// Reports limits that evaluate to NaN or ≤ 0, for the trials whose check reached them.
    func reportInvalidLimits<Observer: MonthObserver>(observer: inout Observer) {
        for tier in tiers.indices where carryingDone[tier] {
            let columns = tiers[tier]
            for index in columns.constantLimits.indices where columns.constantLimits[index] == nil {
                report(.limit(tier: tier, limit: index), columns.limitValues[index], mask: .tierLimits(tier), observer: &observer)
            }
        }
    }

    /// Every cost item of a tier — low, amount and high — and the totals.
    ///
    /// A ranged item's amount is its expected value (the mode, else the midpoint) in the
    /// deterministic run, and in Monte Carlo the trial's draw `u`: triangular(low, mode, high)
    /// when the item has a mode, else uniform(low, high) (`Draw`).
    ///
    /// A credit's amount obeys the same rule as any item's (0 or more) and is then subtracted: its
    /// low, amount and high become −high, −amount and −low. A total below zero is invalid.
    func evaluateCosts<Observer: MonthObserver>(_ tier: Int, observer: inout Observer) {
        guard !costsDone[tier] else { return }
        costsDone[tier] = true
        enterTier(tier)
        let columns = tiers[tier]
        let totalLow = columns.costLow, totalAmount = columns.costAmount, totalHigh = columns.costHigh
        // While every item so far is a constant the totals are one number for all trials: added
        // up as scalars (the same additions in the same order, so the same bits) and written to
        // the columns when the first item that varies comes, or at the end.
        var shared: (low: Double, amount: Double, high: Double)? = (0, 0, 0)
        @inline(__always) func writeShared() {
            guard let totals = shared else { return }
            totalLow.update(repeating: totals.low, count: count)
            totalAmount.update(repeating: totals.amount, count: count)
            totalHigh.update(repeating: totals.high, count: count)
            shared = nil
        }
        for category in columns.categories { category.column.update(repeating: 0, count: count) }
        let low = scratch[0], amount = scratch[1], high = scratch[2], mode = scratch[3]
        let costs = plan.tierCosts[tier]
        let draws = plan.drawIndex[tier]
        for index in costs.low.indices {
            let rate = costs.rate[index]
            let category = columns.itemCategory[index]
            let credit = costs.credit[index]
            if let constant = costs.fixed[index] {
                let value = credit ? -(constant * rate) : constant * rate
                if let totals = shared {
                    shared = (totals.low + value, totals.amount + value, totals.high + value)
                } else {
                    for trial in 0..<count {
                        totalLow[trial] += value
                        totalAmount[trial] += value
                        totalHigh[trial] += value
                    }
                }
                if let category { for trial in 0..<count { category[trial] += value } }
                if Observer.wantsItems {
                    low.update(repeating: value, count: count)
                    observer.costItem(self, tier: tier, item: index, low: low, amount: low, high: low)
                }
                continue
            }
            writeShared()
            evaluator.evaluate(costs.low[index].program, slots: slots, count: count, into: low)
            guard costs.isRange[index] else {
                if rate != 1 { for trial in 0..<count { low[trial] *= rate } }
                report(.cost(tier: tier, item: index), low, mask: .tierCosts(tier), observer: &observer)
                if credit { for trial in 0..<count { low[trial] = -low[trial] } }
                for trial in 0..<count {
                    let value = low[trial]
                    totalLow[trial] += value
                    totalAmount[trial] += value
                    totalHigh[trial] += value
                }
                if let category { for trial in 0..<count { category[trial] += low[trial] } }
                if Observer.wantsItems { observer.costItem(self, tier: tier, item: index, low: low, amount: low, high: low) }
                continue
            }
            evaluator.evaluate(costs.high[index].program, slots: slots, count: count, into: high)
            let hasMode = costs.mode[index] != nil
            if let modeExpression = costs.mode[index] {
                evaluator.evaluate(modeExpression.program, slots: slots, count: count, into: mode)
            }
            if drawsCosts, draws[index] >= 0, onlyCostDraw < 0 || onlyCostDraw == draws[index] {
                let draw = costDraws + draws[index] * width
                if hasMode {
                    for trial in 0..<count {
                        amount[trial] = Draw.triangular(draw[trial], low: low[trial], mode: mode[trial], high: high[trial])
                    }
                } else {
                    for trial in 0..<count { amount[trial] = Draw.uniform(draw[trial], low: low[trial], high: high[trial]) }
                }
            } else if hasMode {
                for trial in 0..<count { amount[trial] = Draw.mode(mode[trial], low: low[trial], high: high[trial]) }
            } else {
                // The same operations as the compiled midpoint `(low + high) / 2`.
                for trial in 0..<count { amount[trial] = (low[trial] + high[trial]) / 2 }
            }
            if rate != 1 {
                for trial in 0..<count {
                    low[trial] *= rate
                    amount[trial] *= rate
                    high[trial] *= rate
                }
            }
            let subject = InvalidSubject.cost(tier: tier, item: index)
            report(subject, low, mask: .tierCosts(tier), observer: &observer)
            report(subject, amount, mask: .tierCosts(tier), observer: &observer)
            report(subject, high, mask: .tierCosts(tier), observer: &observer)
            if credit {
                for trial in 0..<count {
                    let lowest = -high[trial]
                    high[trial] = -low[trial]
                    low[trial] = lowest
                    amount[trial] = -amount[trial]
                }
            }
            for trial in 0..<count {
                totalLow[trial] += low[trial]
                totalAmount[trial] += amount[trial]
                totalHigh[trial] += high[trial]
            }
            if let category { for trial in 0..<count { category[trial] += amount[trial] } }
            if Observer.wantsItems { observer.costItem(self, tier: tier, item: index, low: low, amount: amount, high: high) }
        }
        writeShared()
        // Credits can take a total below zero: a plan gap, never a silent negative bill.
        if costs.hasCredits {
            report(.totalCost(tier: tier), totalAmount, mask: .tierCosts(tier), observer: &observer)
            report(.totalCost(tier: tier), totalLow, mask: .tierCosts(tier), observer: &observer)
        }
    }

    /// Each queue's utilisation and p95 (M/M/c).
    func evaluateQueues<Observer: MonthObserver>(_ tier: Int, observer: inout Observer) {
        let queues = plan.compiled.tiers[tier].queues
        guard !queues.isEmpty else { return }
        enterTier(tier)
        let columns = tiers[tier]
        let servers = scratch[0], seconds = scratch[1], waiting = scratch[2]
        // The p95 only for the trials that read it (a block's trials spread over tiers as they
        // grow): the others' is NaN, which nothing reads.
        var needed: UnsafePointer<Bool>? = nil
        var everyone = true
        for trial in 0..<count {
            let reads = applies(.tierCosts(tier), to: trial)
            queueNeeded[trial] = reads
            everyone = everyone.and(reads)
        }
        if !everyone { needed = UnsafePointer(queueNeeded) }
        for (index, queue) in queues.enumerated() {
            let arrival = columns.queueArrival[index], service = columns.queueService[index]
            evaluator.evaluate(queue.arrivalPerSecond.program, slots: slots, count: count, into: arrival)
            evaluator.evaluate(queue.servers.program, slots: slots, count: count, into: servers)
            evaluator.evaluate(queue.serviceMilliseconds.program, slots: slots, count: count, into: service)
            for trial in 0..<count { seconds[trial] = service[trial] / 1000 }
            let p95 = columns.queueP95[index]
            Queueing.responses(
                arrival: arrival, service: seconds, servers: servers, count: count, work: queueWork,
                utilization: columns.queueUtilization[index], waiting: waiting, p95: p95, needed: needed)
            let used = columns.queueServers[index]
            for trial in 0..<count {
                p95[trial] *= 1000
                used[trial] = Queueing.serversUsed(servers[trial]) ?? .nan
            }
            let mask = TrialMask.tierCosts(tier)
            report(.arrival(tier: tier, queue: index), arrival, mask: mask, observer: &observer)
            if queue.servers.constantValue == nil {
                report(.servers(tier: tier, queue: index), servers, mask: mask, observer: &observer)
            }
            if queue.serviceMilliseconds.constantValue == nil {
                report(.serviceTime(tier: tier, queue: index), service, mask: mask, observer: &observer)
            }
        }
    }
}
