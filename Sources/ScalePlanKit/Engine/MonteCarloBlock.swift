/// One worker's state: simulates blocks of trials column-wise and accumulates their results.
/// All buffers are allocated once, when the worker starts; a block allocates nothing per trial.
final class MonteCarloBlock {
    let plan: MonteCarloPlan
    private(set) var accumulator: MonteCarloAccumulator
    private let width: Int
    private let evaluator: ColumnarEvaluator
    private let compiled: CompiledProfile
    private let tierCount: Int

    /// Slot-major values of the block: `slots[slot * width + trial]`.
    private let slots: UnsafeMutablePointer<Double>
    private let revenue: UnsafeMutablePointer<Double>
    /// Scratch for the queue model: two columns.
    private let queueWork: UnsafeMutablePointer<Double>
    private var scratch: [UnsafeMutablePointer<Double>]
    /// Condition results, one column per nesting level of any/all groups.
    private var conditionColumns: [UnsafeMutablePointer<Double>]
    private var tiers: [TierColumns]
    private let triggerCount: Int
    private let computed: UnsafeMutablePointer<Bool>
    private let present: UnsafeMutablePointer<Bool>
    private let outgoing: UnsafeMutablePointer<Bool>
    private let tierMinimums: [Double]

    // Per-trial state as raw buffers: a class's array properties pay a dynamic exclusivity
    // check on every access, which the inner loops cannot afford.
    private let planTier: UnsafeMutablePointer<Int>
    private let previousTier: UnsafeMutablePointer<Int>
    private let candidate: UnsafeMutablePointer<Int>
    private var curves: [GrowthCurve]
    private let costDraw: UnsafeMutablePointer<Double>
    private let firstFire: UnsafeMutablePointer<Int32>
    private let firstNeed: UnsafeMutablePointer<Int32>

    /// A tier's per-trial values at the current month.
    private struct TierColumns {
        var utilization: [UnsafeMutablePointer<Double>]
        var highest: UnsafeMutablePointer<Double>
        var fails: UnsafeMutablePointer<Double>
        var total: UnsafeMutablePointer<Double>
        /// Cost per category, for the categories a trigger reads that this tier's items use
        /// (by index into `compiled.categories`): not tiers × categories columns, which a plan
        /// with thousands of each would make gigabytes.
        var categories: [Int: UnsafeMutablePointer<Double>]
        var latency: [UnsafeMutablePointer<Double>]
        /// Context slots of its limits and queues, and the cost draw of each item (-1: none).
        var limitSlots: [Int?]
        var queueSlots: [Int?]
        var itemDraws: [Int]
        var itemCategories: [Int]
    }

    private var owned: [UnsafeMutablePointer<Double>] = []

    private func column() -> UnsafeMutablePointer<Double> {
        let pointer = UnsafeMutablePointer<Double>.allocate(capacity: width)
        pointer.initialize(repeating: 0, count: width)
        owned.append(pointer)
        return pointer
    }

    init(_ plan: MonteCarloPlan) {
        self.plan = plan
        compiled = plan.compiled
        width = plan.blockSize
        tierCount = plan.compiled.tiers.count
        accumulator = MonteCarloAccumulator(plan)
        evaluator = ColumnarEvaluator(width: plan.blockSize, maximumStack: plan.maximumStack)
        let slotCount = plan.compiled.layout.count * plan.blockSize
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
            pointer.initialize(repeating: value, count: Swift.max(count, 1))
            return pointer
        }
        planTier = buffer(width, 0)
        previousTier = buffer(width, -1)
        candidate = buffer(width, 0)
        curves = Array(repeating: .constant(0), count: width)
        costDraw = buffer(plan.costDraws.count * width, 0.0)
        firstFire = buffer(plan.triggers.count * width, Int32(-1))
        firstNeed = buffer(tierCount * width, Int32(-1))
        triggerCount = plan.triggers.count
        computed = buffer(tierCount, false)
        present = buffer(tierCount, false)
        outgoing = buffer(tierCount, false)
        tierMinimums = plan.compiled.tiers.map(\.tier.range.min)
        revenue = .allocate(capacity: width)
        revenue.initialize(repeating: 0, count: width)
        queueWork = .allocate(capacity: 2 * width)
        queueWork.initialize(repeating: 0, count: 2 * width)
        scratch = []
        conditionColumns = []
        tiers = []
        scratch = (0..<3).map { _ in column() }
        conditionColumns = (0..<18).map { _ in column() }
        let drawIndex = Dictionary(plan.costDraws.enumerated().map { ("\($1.tier)/\($1.item)", $0) }, uniquingKeysWith: { a, _ in a })
        let categoryIndex = plan.context.categoryIndex
        tiers = plan.compiled.tiers.enumerated().map { tierIndex, tier in
            TierColumns(
                utilization: tier.limits.map { _ in column() }, highest: column(), fails: column(), total: column(),
                categories: Dictionary(
                    Set(tier.costs.compactMap { categoryIndex[$0.item.category] }).filter { plan.categoriesRead[$0] }
                        .sorted().map { ($0, column()) }, uniquingKeysWith: { first, _ in first }),
                latency: tier.queues.map { _ in column() },
                limitSlots: tier.limits.map { plan.context.limitSlots[$0.name] },
                queueSlots: tier.queues.map { plan.context.latencySlots[$0.queue.name] },
                itemDraws: tier.costs.indices.map { drawIndex["\(tierIndex)/\($0)"] ?? -1 },
                itemCategories: tier.costs.map { categoryIndex[$0.item.category] ?? 0 })
        }
    }

    deinit {
        slots.deallocate()
        revenue.deallocate()
        queueWork.deallocate()
        planTier.deallocate()
        previousTier.deallocate()
        candidate.deallocate()
        costDraw.deallocate()
        firstFire.deallocate()
        firstNeed.deallocate()
        computed.deallocate()
        present.deallocate()
        outgoing.deallocate()
        for pointer in owned { pointer.deallocate() }
    }

    @inline(__always) private func slot(_ index: Int) -> UnsafeMutablePointer<Double> { slots + index * width }

    /// Simulates trials `index·width ..< index·width + count` over the horizon.
    /// - Parameter sums: this block's row of sums, `[quantity][month]`.
    func run(index: Int, count: Int, seed: UInt64, sums: UnsafeMutablePointer<Double>) {
        var random = Xoshiro256StarStar(seed: seed, stream: UInt64(index))
        let params = compiled.profile.params
        let paramBase = compiled.layout.paramSlots.lowerBound
        for trial in 0..<count {
            for (offset, param) in params.enumerated() { slot(paramBase + offset)[trial] = param.value.sample(&random) }
            switch plan.growth {
            case .fixed(let curve): curves[trial] = curve
            case .scenario(let spec) where !spec.isUncertain: curves[trial] = plan.expectedCurve
            case .scenario(let spec): curves[trial] = spec.curve { $0.sample(&random) } ?? .constant(0)
            }
            for draw in plan.costDraws.indices { costDraw[draw * width + trial] = random.nextUnit() }
        }
        firstFire.update(repeating: -1, count: triggerCount * width)
        firstNeed.update(repeating: -1, count: tierCount * width)
        for trial in 0..<count { previousTier[trial] = -1 }
        for month in 0..<plan.months {
            step(month: month, count: count, sums: sums)
        }
        for (triggerIndex, _) in plan.triggers.enumerated() {
            for trial in 0..<count {
                let first = firstFire[triggerIndex * width + trial]
                accumulator.triggerFirstMonth[triggerIndex][first < 0 ? plan.months : Int(first)] += 1
            }
        }
        for tier in 0..<tierCount {
            for trial in 0..<count {
                let first = firstNeed[tier * width + trial]
                accumulator.tierFirstMonth[tier][first < 0 ? plan.months : Int(first)] += 1
            }
        }
    }

    private func step(month: Int, count: Int, sums: UnsafeMutablePointer<Double>) {
        let driver = slot(SlotLayout.driverSlot)
        for trial in 0..<count { driver[trial] = curves[trial].value(at: Double(month)) }
        let metricBase = compiled.layout.metricSlots.lowerBound
        for index in compiled.metricOrder {
            evaluator.evaluate(compiled.metrics[index], slots: slots, count: count, into: slot(metricBase + index))
        }
        if let expression = compiled.revenue {
            evaluator.evaluate(expression, slots: slots, count: count, into: revenue)
        }
        // The plan's tier by range, and the tiers whose values this month needs.
        for index in 0..<tierCount {
            computed[index] = false
            present[index] = false
            outgoing[index] = false
        }
        for trial in 0..<count {
            var tier = 0
            let value = driver[trial]
            for index in 1..<Swift.max(tierCount, 1) where value >= tierMinimums[index] { tier = index }
            planTier[trial] = tier
            present[tier] = true
            let previous = previousTier[trial]
            if previous >= 0 && previous != tier { outgoing[previous] = true }
        }
        for tier in 0..<tierCount where present[tier] || outgoing[tier] { compute(tier, month: month, count: count) }
        // The tier the load needs: the plan's, or the first later one whose limits hold.
        for trial in 0..<count { candidate[trial] = planTier[trial] }
        for tier in 0..<tierCount {
            var any = false
            for trial in 0..<count where candidate[trial] == tier { any = true; break }
            guard any else { continue }
            compute(tier, month: month, count: count)
            let fails = tiers[tier].fails
            for trial in 0..<count where candidate[trial] == tier && fails[trial] != 0 { candidate[trial] = tier + 1 }
        }
        for trial in 0..<count {
            let reached = Swift.min(candidate[trial], tierCount - 1)
            for tier in 0...reached where firstNeed[tier * width + trial] < 0 { firstNeed[tier * width + trial] = Int32(month) }
        }
        // Triggers: the outgoing tier's at a change, each tier's own, then the global ones.
        for tier in 0..<tierCount where outgoing[tier] && !plan.tierTriggers[tier].isEmpty {
            writeContext(tier, month: month, count: count, onlyWhereTierIs: nil)
            for triggerIndex in plan.tierTriggers[tier] {
                condition(plan.triggers[triggerIndex].trigger.condition, count: count, depth: 0)
                let result = conditionColumns[0]
                for trial in 0..<count where result[trial] != 0 && previousTier[trial] == tier && planTier[trial] != tier {
                    record(triggerIndex, trial, month)
                }
            }
        }
        for tier in 0..<tierCount where present[tier] && !plan.tierTriggers[tier].isEmpty {
            writeContext(tier, month: month, count: count, onlyWhereTierIs: nil)
            for triggerIndex in plan.tierTriggers[tier] {
                condition(plan.triggers[triggerIndex].trigger.condition, count: count, depth: 0)
                let result = conditionColumns[0]
                for trial in 0..<count where result[trial] != 0 && planTier[trial] == tier { record(triggerIndex, trial, month) }
            }
        }
        if plan.triggers.contains(where: { $0.tier == nil }) {
            for tier in 0..<tierCount where present[tier] {
                writeContext(tier, month: month, count: count, onlyWhereTierIs: tier)
            }
            for (triggerIndex, entry) in plan.triggers.enumerated() where entry.tier == nil {
                condition(entry.trigger.condition, count: count, depth: 0)
                let result = conditionColumns[0]
                for trial in 0..<count where result[trial] != 0 { record(triggerIndex, trial, month) }
            }
        }
        accumulate(month: month, count: count, sums: sums)
        for trial in 0..<count { previousTier[trial] = planTier[trial] }
    }

    @inline(__always) private func record(_ trigger: Int, _ trial: Int, _ month: Int) {
        let index = trigger * width + trial
        if firstFire[index] < 0 { firstFire[index] = Int32(month) }  // months ≤ 1,200 (CLI, profile)
    }

    /// Limits, costs and (when triggers read them) latencies of a tier, for every trial.
    private func compute(_ tierIndex: Int, month: Int, count: Int) {
        guard !computed[tierIndex] else { return }
        computed[tierIndex] = true
        let tier = compiled.tiers[tierIndex]
        let columns = tiers[tierIndex]
        let limitColumn = scratch[0]
        for trial in 0..<count {
            columns.highest[trial] = 0
            columns.fails[trial] = 0
        }
        for (index, limit) in tier.limits.enumerated() {
            let constantLimit = limit.limit.constantValue
            if constantLimit == nil { evaluator.evaluate(limit.limit, slots: slots, count: count, into: limitColumn) }
            let metric = slot(limit.slot), utilization = columns.utilization[index]
            for trial in 0..<count {
                let value = metric[trial], bound = constantLimit ?? limitColumn[trial]
                let use = bound > 0 ? value / bound : .infinity
                utilization[trial] = use
                if !(value <= bound) { columns.fails[trial] = 1 }
                if use > columns.highest[trial] || use.isNaN { columns.highest[trial] = use }
            }
        }
        for trial in 0..<count { columns.total[trial] = 0 }
        for category in columns.categories.values {
            for trial in 0..<count { category[trial] = 0 }
        }
        let low = scratch[1], high = scratch[2]
        for (index, cost) in tier.costs.enumerated() {
            let draw = columns.itemDraws[index]
            let categoryIndex = columns.itemCategories[index]
            // Category sums are kept only where a trigger reads `cost.<category>`; else a sink.
            let category = columns.categories[categoryIndex] ?? scratch[0]
            let rate = cost.fxRate
            if draw < 0, let constant = cost.low.constantValue {
                let value = constant * rate
                for trial in 0..<count { columns.total[trial] += value }
                if columns.categories[categoryIndex] != nil { for trial in 0..<count { category[trial] += value } }
                continue
            }
            evaluator.evaluate(cost.low, slots: slots, count: count, into: low)
            if draw >= 0 {
                evaluator.evaluate(cost.high, slots: slots, count: count, into: high)
                let offset = draw * width
                for trial in 0..<count {
                    let value = (low[trial] + costDraw[offset + trial] * (high[trial] - low[trial])) * rate
                    columns.total[trial] += value
                    category[trial] += value
                }
            } else {
                for trial in 0..<count {
                    let value = low[trial] * rate
                    columns.total[trial] += value
                    category[trial] += value
                }
            }
        }
        guard plan.needsLatency else { return }
        let arrival = scratch[0], servers = scratch[1], service = scratch[2]
        for (index, queue) in tier.queues.enumerated() {
            evaluator.evaluate(queue.arrivalPerSecond, slots: slots, count: count, into: arrival)
            evaluator.evaluate(queue.servers, slots: slots, count: count, into: servers)
            evaluator.evaluate(queue.serviceMilliseconds, slots: slots, count: count, into: service)
            let latency = columns.latency[index]
            for trial in 0..<count { service[trial] /= 1000 }
            Queueing.p95Responses(arrival: arrival, service: service, servers: servers, count: count,
                work: queueWork, into: latency)
            for trial in 0..<count { latency[trial] *= 1000 }
        }
    }

    /// Writes the trigger-only slots from a tier's columns: for every trial, or only for the
    /// trials whose plan tier is `onlyWhereTierIs` (to give each trial its own tier's values).
    private func writeContext(_ tierIndex: Int, month: Int, count: Int, onlyWhereTierIs: Int?) {
        let columns = tiers[tierIndex]
        let context = plan.context
        let used = plan.contextSlotsRead
        @inline(__always) func write(_ target: Int?, _ value: (Int) -> Double) {
            // Only the slots some trigger reads are worth writing.
            guard let target, used.contains(target) else { return }
            let column = slot(target)
            if let only = onlyWhereTierIs {
                for trial in 0..<count where planTier[trial] == only { column[trial] = value(trial) }
            } else {
                for trial in 0..<count { column[trial] = value(trial) }
            }
        }
        write(context.cost) { columns.total[$0] }
        for index in plan.readCategories {
            if let column = columns.categories[index] {
                write(context.categories[index]) { column[$0] }
            } else {
                write(context.categories[index]) { _ in 0 }  // the tier has no item in it
            }
        }
        write(context.revenue) { self.revenue[$0] }
        write(context.margin) { self.revenue[$0] - columns.total[$0] }
        write(context.month) { _ in Double(month) }
        write(context.utilization) { columns.highest[$0] }
        for target in context.limitSlots.values { write(target) { _ in 0 } }
        for target in context.latencySlots.values { write(target) { _ in 0 } }
        for (index, target) in columns.limitSlots.enumerated() { write(target) { columns.utilization[index][$0] } }
        if plan.needsLatency {
            for (index, target) in columns.queueSlots.enumerated() { write(target) { columns.latency[index][$0] } }
        }
    }

    /// Evaluates a condition for every trial into `conditionColumns[depth]` (1 or 0).
    private func condition(_ condition: CompiledCondition, count: Int, depth: Int) {
        let out = conditionColumns[Swift.min(depth, conditionColumns.count - 1)]
        switch condition {
        case .expression(let expression):
            evaluator.evaluate(expression, slots: slots, count: count, into: out)
        case .any(let parts), .all(let parts):
            let isAny: Bool = { if case .any = condition { true } else { false } }()
            for trial in 0..<count { out[trial] = isAny ? 0 : 1 }
            let inner = conditionColumns[Swift.min(depth + 1, conditionColumns.count - 1)]
            for part in parts {
                self.condition(part, count: count, depth: depth + 1)
                for trial in 0..<count {
                    out[trial] = isAny ? (out[trial] != 0 || inner[trial] != 0 ? 1 : 0)
                        : (out[trial] != 0 && inner[trial] != 0 ? 1 : 0)
                }
            }
        }
    }

    /// Adds this month's values to the histograms and the block's sums.
    private func accumulate(month: Int, count: Int, sums: UnsafeMutablePointer<Double>) {
        let months = plan.months
        var quantity = 0
        func add(_ column: UnsafePointer<Double>) {
            let base = quantity * months + month
            var sum = 0.0
            for trial in 0..<count { sum += column[trial] }
            accumulator.histograms.withUnsafeMutableBufferPointer { $0[base].add(column, count: count) }
            sums[base] = sum
            quantity += 1
        }
        add(slot(SlotLayout.driverSlot))
        for metricSlot in plan.limitedMetricSlots { add(slot(metricSlot)) }
        let cost = scratch[0]
        for trial in 0..<count { cost[trial] = tiers[planTier[trial]].total[trial] }
        add(cost)
        if compiled.revenue != nil {
            add(revenue)
            let margin = scratch[1]
            for trial in 0..<count { margin[trial] = revenue[trial] - cost[trial] }
            add(margin)
        }
    }
}
