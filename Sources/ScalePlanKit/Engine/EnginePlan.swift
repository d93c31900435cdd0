/// What the month step needs to know about a plan, worked out once and shared read-only by every
/// `MonthEngine` — each Monte Carlo worker, the deterministic run, `check`, `capacity`: the
/// trigger list in one order, which trigger-context slots exist and which are read, which cost
/// items are drawn per trial, how deep the evaluation stacks go.
struct EnginePlan: Sendable {
    let compiled: CompiledProfile
    /// Every trigger: the global ones first, then each tier's, in declaration order, with the
    /// index of the tier that owns it (nil for a global one). Trigger indices everywhere in the
    /// engine are positions in this list.
    let triggers: [(trigger: CompiledTrigger, tier: Int?)]
    /// Indices into `triggers` of the global triggers, and of each tier's own.
    let globalTriggers: [Int]
    let tierTriggers: [[Int]]
    let context: TriggerContextSlots
    /// The trigger-context slots some trigger reads (the others are never written).
    let contextSlotsRead: [Int]
    /// The indices (into `compiled.categories`) of the categories some trigger reads as
    /// `cost.<category>`, ascending.
    let readCategories: [Int]
    /// Ranged cost items, each drawn once per trial: (tier, item).
    let costDraws: [(tier: Int, item: Int)]
    /// Per tier, per cost item: its index in `costDraws`, or −1 when it is not drawn.
    let drawIndex: [[Int]]
    /// Tiers whose migration lead time is a range, each drawn once per trial (after the cost
    /// draws); per tier, its index in `leadDraws`, or −1.
    let leadDraws: [Int]
    let leadDrawIndex: [Int]
    /// The deepest stack of any expression, and the deepest nesting of any/all groups.
    let maximumStack: Int
    let maximumConditionDepth: Int
    /// Each tier's `range.min`, ascending (ranges are contiguous).
    let tierMinimums: [Double]
    /// The tiers the plan chooses among (`Profile.planTierCount`): laid-out options come after.
    let planTierCount: Int
    /// Slots of the metrics some tier limits, in declaration order.
    let limitedMetricSlots: [Int]
    /// Whether any tier has a queue.
    let hasQueues: Bool
    /// Per tier, per cost item: the index of its category in `compiled.categories`.
    let categoryOfItem: [[Int?]]
    /// Per tier, what the month step evaluates, laid out flat: the compiled items themselves carry
    /// their text, file positions and syntax, and copying one per item per month costs more than
    /// evaluating it.
    let tierCosts: [CostColumns]
    let tierLimits: [LimitColumns]

    struct CostColumns: Sendable {
        var low: [CompiledExpression] = []
        var high: [CompiledExpression] = []
        var mode: [CompiledExpression?] = []
        /// A single constant amount, in the item's currency.
        var fixed: [Double?] = []
        var rate: [Double] = []
        var isRange: [Bool] = []
        /// Subtracted instead of added (`"credit": true`); whether any item is.
        var credit: [Bool] = []
        var hasCredits = false
    }

    struct LimitColumns: Sendable {
        var limit: [CompiledExpression] = []
        var metricSlot: [Int] = []
        /// The order the bottleneck is chosen in (ties keep the earlier): primary limits first,
        /// then declaration order (`LimitRule.isWorse`).
        var bottleneckOrder: [Int] = []
    }

    init(_ compiled: CompiledProfile) {
        self.compiled = compiled
        let triggers =
            compiled.globalTriggers.map { ($0, Int?.none) }
            + compiled.tiers.enumerated().flatMap { index, tier in tier.triggers.map { ($0, Int?.some(index)) } }
        self.triggers = triggers
        globalTriggers = triggers.indices.filter { triggers[$0].1 == nil }
        var perTier = Array(repeating: [Int](), count: compiled.tiers.count)
        for (index, entry) in triggers.enumerated() { if let tier = entry.1 { perTier[tier].append(index) } }
        tierTriggers = perTier
        context = TriggerContextSlots(compiled.layout, categories: compiled.categories)
        var read: Set<Int> = []
        var deepestCondition = 1
        var deepest = 1
        func visit(_ expression: CompiledExpression) { deepest = Swift.max(deepest, expression.stackSize) }
        func collect(_ condition: CompiledCondition, depth: Int) {
            deepestCondition = Swift.max(deepestCondition, depth)
            switch condition {
            case .expression(let expression):
                visit(expression)
                for case .load(let slot) in expression.code where compiled.layout.isTriggerOnly(slot) { read.insert(slot) }
            case .any(let parts), .all(let parts):
                for part in parts { collect(part, depth: depth + 1) }
            }
        }
        for entry in triggers { collect(entry.0.condition, depth: 1) }
        contextSlotsRead = read.sorted()
        maximumConditionDepth = deepestCondition
        let contextSlots = context
        readCategories = compiled.categories.indices.filter { index in
            contextSlots.categories[index].map(read.contains) ?? false
        }
        var draws: [(tier: Int, item: Int)] = []
        drawIndex = compiled.tiers.enumerated().map { tierIndex, tier in
            tier.costs.enumerated().map { itemIndex, cost in
                guard case .range = cost.item.amount else { return -1 }
                draws.append((tierIndex, itemIndex))
                return draws.count - 1
            }
        }
        costDraws = draws
        var leads: [Int] = []
        leadDrawIndex = compiled.tiers.enumerated().map { index, tier in
            guard let lead = tier.tier.migration?.leadTimeMonths, lead.low < lead.high else { return -1 }
            leads.append(index)
            return leads.count - 1
        }
        leadDraws = leads
        for expression in compiled.metrics { visit(expression) }
        if let revenue = compiled.revenue { visit(revenue) }
        for tier in compiled.tiers {
            for limit in tier.limits { visit(limit.limit) }
            for cost in tier.costs {
                visit(cost.low)
                visit(cost.expected)
                visit(cost.high)
                if let mode = cost.mode { visit(mode) }
            }
            for queue in tier.queues {
                visit(queue.servers)
                visit(queue.serviceMilliseconds)
                visit(queue.arrivalPerSecond)
            }
        }
        maximumStack = deepest
        tierMinimums = compiled.tiers.prefix(compiled.profile.planTierCount).map(\.tier.range.min)
        planTierCount = compiled.profile.planTierCount
        let limited = Set(compiled.tiers.flatMap { $0.limits.map(\.slot) })
        limitedMetricSlots = compiled.layout.metricSlots.filter { limited.contains($0) }
        hasQueues = compiled.tiers.contains { !$0.queues.isEmpty }
        let categoryIndex = Dictionary(compiled.categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        categoryOfItem = compiled.tiers.map { tier in tier.costs.map { categoryIndex[$0.item.category] } }
        tierCosts = compiled.tiers.map { tier in
            var columns = CostColumns()
            for cost in tier.costs {
                columns.low.append(cost.low)
                columns.high.append(cost.high)
                columns.mode.append(cost.mode)
                columns.fixed.append(cost.fixedValue)
                columns.rate.append(cost.fxRate)
                columns.isRange.append(cost.isRange)
                columns.credit.append(cost.item.credit)
                columns.hasCredits = columns.hasCredits || cost.item.credit
            }
            return columns
        }
        tierLimits = compiled.tiers.map { tier in
            LimitColumns(
                limit: tier.limits.map(\.limit), metricSlot: tier.limits.map(\.slot),
                bottleneckOrder: LimitRule.bottleneckOrder(primary: tier.limits.map(\.primary)))
        }
    }

    /// The tier whose range holds `driver`: the last whose minimum it reaches, the first tier
    /// below every minimum (and for NaN).
    /// - Complexity: O(log *tiers*).
    @inline(__always)
    func tier(forDriver driver: Double) -> Int {
        var low = 0, high = tierMinimums.count
        // Invariant: tiers below `low` have min ≤ driver (or low = 0); tiers from `high` have min > driver.
        while high - low > 1 {
            let middle = (low + high) / 2
            if driver >= tierMinimums[middle] { low = middle } else { high = middle }
        }
        return low
    }
}

/// Slot indices of the trigger-context names (`ContextName`), resolved once.
struct TriggerContextSlots: Sendable {
    let cost: Int?
    /// Per category, in `CompiledProfile.categories` order.
    let categories: [Int?]
    let revenue: Int?
    let margin: Int?
    let utilization: Int?
    let limitSlots: [String: Int]
    let latencySlots: [String: Int]

    init(_ layout: SlotLayout, categories names: [String]) {
        var cost: Int?, revenue: Int?, margin: Int?, utilization: Int?
        var categories: [String: Int] = [:], limits: [String: Int] = [:], latencies: [String: Int] = [:]
        for (offset, name) in layout.context.enumerated() {
            let slot = layout.modelSlotCount + offset
            switch name {
            case .cost: cost = slot
            case .costCategory(let category): categories[category] = slot
            case .revenue: revenue = slot
            case .margin: margin = slot
            case .utilization: utilization = slot
            case .utilizationOf(let limit): limits[limit] = slot
            case .latencyOf(let queue): latencies[queue] = slot
            }
        }
        self.cost = cost
        self.categories = names.map { categories[$0] }
        self.revenue = revenue
        self.margin = margin
        self.utilization = utilization
        limitSlots = limits
        latencySlots = latencies
    }
}
