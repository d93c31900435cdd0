/// Projects a compiled plan month by month along a growth curve.
///
/// Each month: driver → every metric in dependency order → the tier the plan's ranges put it
/// in, and the lowest tier whose limits carry the load → utilisation of every limit and the
/// bottleneck → p95 latency of every queue (M/M/c) → cost per item and in total, low /
/// expected / high → revenue and margin → every trigger, tier and global.
///
/// A tier's own triggers are evaluated while it is the plan's tier, and also in the month the
/// plan moves on from it: that month the load is still running on it, which is exactly when an
/// upgrade trigger such as "50+ businesses" is meant to fire.
public struct Simulator: Sendable {
    public let compiled: CompiledProfile
    public let evaluator: ModelEvaluator
    private let context: TriggerContextSlots
    private let probes: [String: TriggerProbe]

    /// - Parameter params: param values; the deterministic ones when nil.
    public init(_ compiled: CompiledProfile, params: [Double]? = nil) {
        self.compiled = compiled
        evaluator = ModelEvaluator(compiled, params: params)
        context = TriggerContextSlots(compiled)
        var probes: [String: TriggerProbe] = [:]
        for trigger in compiled.globalTriggers + compiled.tiers.flatMap(\.triggers) {
            probes[trigger.trigger.id] = TriggerProbe(trigger.trigger.condition, layout: compiled.layout)
        }
        self.probes = probes
    }

    /// Runs the projection.
    /// - Parameters:
    ///   - curve: the driver's growth.
    ///   - months: the horizon (months 0 … months−1).
    ///   - start: calendar month of month 0, for labels.
    ///   - growthSource: a description of where the curve came from.
    /// - Complexity: O(*months* × size of the model).
    public func run(curve: GrowthCurve, months: Int, start: YearMonth? = nil, growthSource: String = "") -> Projection {
        var slots = [Double](repeating: 0, count: compiled.layout.count)
        var results: [MonthResult] = []
        results.reserveCapacity(months)
        var firstFiring: [String: (month: Int, explanation: (quantity: String, value: Double, threshold: Double)?)] = [:]
        var previousTier: Int?
        var firing: Set<String> = []
        for month in 0..<max(0, months) {
            let driver = curve.value(at: Double(month))
            evaluator.fill(&slots, driver: driver)
            let tier = planTier(for: driver)
            var result = step(month: month, driver: driver, tier: tier, slots: &slots)
            firing.removeAll(keepingCapacity: true)
            if let previousTier, previousTier != tier {
                // The outgoing tier's triggers see its own limits, queues and cost at this load.
                fillContext(&slots, tier: previousTier, result: result)
                evaluate(compiled.tiers[previousTier].triggers, month: month, slots: slots, into: &result,
                    firing: &firing, first: &firstFiring)
            }
            fillContext(&slots, tier: tier, result: result)
            evaluate(compiled.globalTriggers + compiled.tiers[tier].triggers, month: month, slots: slots,
                into: &result, firing: &firing, first: &firstFiring)
            results.append(result)
            previousTier = tier
        }
        let events = EventDetector(simulator: self, months: results, firstFiring: firstFiring).events()
        return Projection(compiled: compiled, growthSource: growthSource, curve: curve, start: start, months: results,
            events: events)
    }

    /// The tier whose range holds the driver (the first tier below its minimum).
    public func planTier(for driver: Double) -> Int {
        var index = 0
        for (candidate, tier) in compiled.tiers.enumerated() where driver >= tier.tier.range.min { index = candidate }
        return index
    }

    /// Whether every limit of a tier holds at these slot values (NaN counts as not holding).
    public func carries(_ tier: CompiledTier, slots: [Double]) -> Bool {
        slots.withUnsafeBufferPointer { buffer in
            tier.limits.allSatisfy { buffer[$0.slot] <= $0.limit.evaluate(buffer) }
        }
    }

    private func step(month: Int, driver: Double, tier: Int, slots: inout [Double]) -> MonthResult {
        let compiledTier = compiled.tiers[tier]
        let metricBase = compiled.layout.metricSlots.lowerBound
        let metrics = Array(slots[metricBase..<(metricBase + compiled.metrics.count)])
        let required = compiled.tiers.firstIndex { carries($0, slots: slots) }
        let limits = limitUses(compiledTier, slots: slots)
        let bottleneck = limits.max { a, b in
            // NaN sorts highest, so a broken metric is visible as the bottleneck.
            a.utilization.isNaN ? false : (b.utilization.isNaN || a.utilization < b.utilization)
        }
        let queues = queueUses(compiledTier, slots: slots)
        let cost = costBreakdown(compiledTier, slots: slots)
        let revenue = compiled.revenue.map { expression in slots.withUnsafeBufferPointer { expression.evaluate($0) } }
        return MonthResult(month: month, driver: driver, tier: tier, requiredTier: required, metrics: metrics,
            limits: limits, bottleneck: bottleneck, queues: queues, cost: cost, revenue: revenue, firing: [])
    }

    /// A tier's monthly cost at these slot values: per item, per category and in total.
    func costBreakdown(_ tier: CompiledTier, slots: [Double]) -> CostBreakdown {
        let items = evaluator.costs(of: tier, slots: slots)
        var categories = [Double](repeating: 0, count: compiled.categories.count)
        for (item, cost) in zip(tier.costs, items) {
            if let index = context.categoryIndex[item.item.category] { categories[index] += cost.expected }
        }
        return CostBreakdown(
            low: items.reduce(0) { $0 + $1.low }, expected: items.reduce(0) { $0 + $1.expected },
            high: items.reduce(0) { $0 + $1.high }, items: items, categories: categories)
    }

    func limitUses(_ tier: CompiledTier, slots: [Double]) -> [LimitUse] {
        evaluator.limits(of: tier, slots: slots).map { LimitUse(name: $0.name, value: $0.value, limit: $0.limit) }
    }

    func queueUses(_ tier: CompiledTier, slots: [Double]) -> [QueueUse] {
        slots.withUnsafeBufferPointer { buffer in
            tier.queues.map { queue in
                let arrival = queue.arrivalPerSecond.evaluate(buffer)
                let servers = queue.servers.evaluate(buffer)
                let service = queue.serviceMilliseconds.evaluate(buffer)
                let analysis = Queueing.analyze(arrivalRate: arrival, serviceTime: service / 1000, servers: servers)
                return QueueUse(name: queue.queue.name, arrivalRate: arrival, servers: servers,
                    serviceMilliseconds: service, utilization: analysis.utilization,
                    p95Milliseconds: analysis.p95Response * 1000,
                    targetMilliseconds: queue.queue.p95Milliseconds ?? tier.tier.slo?.p95Milliseconds)
            }
        }
    }

    /// Writes the trigger-only values (`cost`, `utilization.X`, `latency.Y`, …) for a tier.
    private func fillContext(_ slots: inout [Double], tier: Int, result: MonthResult) {
        let compiledTier = compiled.tiers[tier]
        let current = tier == result.tier
        let limits = current ? result.limits : limitUses(compiledTier, slots: slots)
        let queues = current ? result.queues : queueUses(compiledTier, slots: slots)
        let cost = current ? result.cost : costBreakdown(compiledTier, slots: slots)
        context.write(&slots, month: result.month, cost: cost, revenue: result.revenue, limits: limits, queues: queues)
    }

    /// - Parameter firing: the ids already in `result.firing` (a set, so that thousands of
    ///   firing triggers do not cost a linear search each).
    private func evaluate(_ triggers: [CompiledTrigger], month: Int, slots: [Double], into result: inout MonthResult,
        firing: inout Set<String>,
        first: inout [String: (month: Int, explanation: (quantity: String, value: Double, threshold: Double)?)])
    {
        slots.withUnsafeBufferPointer { buffer in
            for trigger in triggers where trigger.condition.holds(buffer) {
                let id = trigger.trigger.id
                if firing.insert(id).inserted { result.firing.append(id) }
                if first[id] == nil { first[id] = (month, probes[id]?.explain(buffer)) }
            }
        }
    }
}

/// Slot indices of the trigger-only names, resolved once.
struct TriggerContextSlots: Sendable {
    let cost: Int?
    let categories: [Int?]
    let categoryIndex: [String: Int]
    let revenue: Int?
    let margin: Int?
    let month: Int?
    let utilization: Int?
    let limitSlots: [String: Int]
    let latencySlots: [String: Int]

    init(_ compiled: CompiledProfile) {
        let layout = compiled.layout
        cost = layout.slot("cost")
        categories = compiled.categories.map { layout.slot("cost.\($0)") }
        categoryIndex = Dictionary(uniqueKeysWithValues: compiled.categories.enumerated().map { ($1, $0) })
        revenue = layout.slot("revenue")
        margin = layout.slot("margin")
        month = layout.slot("month")
        utilization = layout.slot("utilization")
        var limits: [String: Int] = [:]
        var latencies: [String: Int] = [:]
        for (slot, name) in layout.names.enumerated() where slot >= layout.modelSlotCount {
            if name.hasPrefix("utilization.") { limits[String(name.dropFirst("utilization.".count))] = slot }
            if name.hasPrefix("latency.") { latencies[String(name.dropFirst("latency.".count))] = slot }
        }
        limitSlots = limits
        latencySlots = latencies
    }

    /// A limit or queue the tier lacks reads 0: no limit means no utilisation.
    func write(_ slots: inout [Double], month: Int, cost: CostBreakdown, revenue: Double?, limits: [LimitUse],
        queues: [QueueUse])
    {
        if let slot = self.cost { slots[slot] = cost.expected }
        for (index, slot) in categories.enumerated() { if let slot { slots[slot] = cost.categories[index] } }
        if let slot = self.revenue { slots[slot] = revenue ?? 0 }
        if let slot = margin { slots[slot] = (revenue ?? 0) - cost.expected }
        if let slot = self.month { slots[slot] = Double(month) }
        for slot in limitSlots.values { slots[slot] = 0 }
        for slot in latencySlots.values { slots[slot] = 0 }
        var highest = 0.0
        for limit in limits {
            if let slot = limitSlots[limit.name] { slots[slot] = limit.utilization }
            if limit.utilization > highest || limit.utilization.isNaN { highest = limit.utilization }
        }
        if let slot = utilization { slots[slot] = highest }
        for queue in queues { if let slot = latencySlots[queue.name] { slots[slot] = queue.p95Milliseconds } }
    }
}
