/// The month of a plan, computed in one place for a block of trials at once.
///
/// Every consumer runs this: the deterministic projection is a block of one trial at the
/// deterministic values, Monte Carlo runs blocks of 384 sampled trials, `check` is one trial with
/// observed values in place of the model's, `capacity` and `diff` evaluate a tier's limits and
/// costs here. One month, for each trial of the block:
///
/// 1. driver = the trial's growth curve at the month, `month` = the month;
/// 2. every metric in dependency order (a stock adds this month's amount to last month's value),
///    then revenue;
/// 3. the plan's tier: the one whose driver range holds the driver (`tier_selection: range`), or
///    the required tier, the last when none carries the load (`capacity`);
/// 4. the required tier: the lowest tier whose limits carry the load (`LimitRule`), or none;
/// 5. for the plan's tier (and the tier the plan leaves this month): each limit's utilisation
///    and the bottleneck, each cost item low / amount / high in the profile's currency and the
///    totals per category, each queue's utilisation and p95 (M/M/c, `Queueing`);
/// 6. the triggers: a tier's own against its context (while it is the plan's tier, and in the
///    month the plan leaves it: the load still runs on it then, which is when an upgrade trigger
///    such as "50+ businesses" is meant to fire), the global ones against the plan tier's;
/// 7. values that break their `ValueRule` are reported as invalid.
///
/// Values are kept column-wise (`slots[slot · width + trial]`) and every expression is evaluated
/// over the block at once by `ColumnarEvaluator`. All memory is allocated when the engine is
/// made; a month allocates nothing.
///
/// Tier params (`MonthEngine+TierScope.swift`): a tier's limits, costs, queues and triggers are
/// evaluated with that tier's params in place of the global ones, and the metrics that read them
/// evaluated again; what observers see of the model (metrics, revenue) is each trial's plan tier's.
final class MonthEngine {
    typealias Column = UnsafeMutablePointer<Double>

    let plan: EnginePlan
    let width: Int
    /// Trials in the current block (≤ width).
    private(set) var count = 0
    /// The month being computed (the last one computed, after `step`).
    private(set) var month = 0

    /// Slot-major values: the model's slots, then the trigger context of the tier last written.
    let slots: Column
    let revenue: Column
    /// Per trial: the plan's tier, last month's, and the lowest tier that carries the load (−1:
    /// none does).
    let planTier: UnsafeMutablePointer<Int32>
    let previousTier: UnsafeMutablePointer<Int32>
    let requiredTier: UnsafeMutablePointer<Int32>
    /// Per tier, this month's columns.
    let tiers: [TierColumns]
    /// Per tier, pointers to the columns read per trial by the plan tier (so that gathering a
    /// trial's own tier's value touches no array): cost amount, highest utilisation, whether it has
    /// limits, and its queues' p95 (`tierQueueP95[tierQueueStart[tier] ..< tierQueueStart[tier + 1]]`).
    let tierCostAmount: UnsafeMutablePointer<Column>
    let tierHighest: UnsafeMutablePointer<Column>
    let tierHasLimits: UnsafeMutablePointer<Bool>
    let tierQueueP95: UnsafeMutablePointer<Column>
    let tierQueueStart: UnsafeMutablePointer<Int>

    /// Per trial: the growth curve; per drawn cost item (`plan.costDraws`) and trial: the draw in
    /// [0, 1).
    private var curves: [GrowthCurve]
    /// Whether a trial's curve was set after `begin`; if not, every trial has `begin`'s curve and
    /// the driver is computed once a month.
    private var curvesDiffer = false
    let costDraws: Column
    /// Per uncertain lead time (`plan.leadDraws`) and trial: the draw in [0, 1) (Monte Carlo).
    let leadDraws: Column
    /// Whether ranged cost items take the trial's draw (Monte Carlo) or their expected amount.
    var drawsCosts = false
    /// When `drawsCosts`: the one drawn cost item (index into `plan.costDraws`) that takes its
    /// draw, every other at its expected amount; −1: all take theirs. Sensitivity's swing moves
    /// one cost range at a time.
    var onlyCostDraw = -1
    /// A tier every trial runs on whatever the driver (`check --tier`; each month's tier of a
    /// schedule, `simulate --schedule`).
    var forcedTier: Int?
    /// Observed values (`check`): a metric slot takes the value instead of its formula (metrics
    /// that read it see the value), a trigger-context slot instead of what the tier gives.
    var overrides: [Int: Double] = [:] {
        didSet {
            metricOverrides = overrides.filter { !plan.compiled.layout.isTriggerOnly($0.key) }
            contextOverrides = overrides.filter { plan.compiled.layout.isTriggerOnly($0.key) }.sorted { $0.key < $1.key }
        }
    }
    private(set) var metricOverrides: [Int: Double] = [:]
    private var contextOverrides: [(key: Int, value: Double)] = []

    /// Tier params: per `compiled.tierParams` entry, its values; per varying param, the global
    /// values (what a tier that does not declare it reads); per tier, per varying param, the
    /// index of its entry in `tierParamValues` (−1: the global value).
    let tierParamValues: [Column]
    let globalParamValues: [Column]
    let tierParamIndex: [[Int]]
    /// Whose params the param slots hold now (see `MonthEngine+TierScope.swift`); whether any
    /// tier declares params (read on every tier evaluation, so kept here rather than looked up).
    var scope = ParamScope.global
    let hasTierParams: Bool
    /// Per metric, for a stock: its value at the end of last month (`initial` before month 0).
    let stockPrevious: [Column?]
    let evaluator: ColumnarEvaluator
    /// Scratch columns for costs and queues.
    let scratch: [Column]
    /// Condition results, one column per nesting level of any/all groups.
    let conditionColumns: [Column]
    let fires: UnsafeMutablePointer<Bool>
    let queueWork: Column
    /// Per trial: whether the tier whose queues are being evaluated is its plan tier or the one
    /// it leaves (`TrialMask.tierCosts`): the trials that read the queues' latency.
    let queueNeeded: UnsafeMutablePointer<Bool>
    /// Per tier, whether this month's limits / costs and queues are computed; whether some trial
    /// is on it / leaving it.
    let carryingDone: UnsafeMutablePointer<Bool>
    let limitsDone: UnsafeMutablePointer<Bool>
    let costsDone: UnsafeMutablePointer<Bool>
    let present: UnsafeMutablePointer<Bool>
    let outgoing: UnsafeMutablePointer<Bool>
    private let searching: UnsafeMutablePointer<Int32>
    private var owned: [Column] = []

    /// - Parameters:
    ///   - plan: the plan, shared by every engine.
    ///   - width: the most trials a block holds.
    init(_ plan: EnginePlan, width: Int) {
        self.plan = plan
        self.width = Swift.max(1, width)
        let width = self.width
        let compiled = plan.compiled
        let tierCount = compiled.tiers.count
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
            pointer.initialize(repeating: value, count: Swift.max(count, 1))
            return pointer
        }
        slots = buffer(compiled.layout.count * width, 0.0)
        revenue = buffer(width, 0.0)
        planTier = buffer(width, 0)
        previousTier = buffer(width, -1)
        requiredTier = buffer(width, -1)
        searching = buffer(width, 0)
        curves = Array(repeating: .constant(0), count: width)
        costDraws = buffer(plan.costDraws.count * width, 0.0)
        leadDraws = buffer(plan.leadDraws.count * width, 0.0)
        evaluator = ColumnarEvaluator(width: width, maximumStack: plan.maximumStack)
        fires = buffer(width, false)
        queueWork = buffer(Queueing.workPerQueue * width, 0.0)
        queueNeeded = buffer(width, false)
        carryingDone = buffer(tierCount, false)
        limitsDone = buffer(tierCount, false)
        costsDone = buffer(tierCount, false)
        present = buffer(tierCount, false)
        outgoing = buffer(tierCount, false)
        var owned: [Column] = []
        func column() -> Column {
            let pointer = buffer(width, 0.0)
            owned.append(pointer)
            return pointer
        }
        scratch = (0..<6).map { _ in column() }
        tierParamValues = compiled.tierParams.map { _ in column() }
        globalParamValues = compiled.varyingParams.map { _ in column() }
        tierParamIndex = compiled.tiers.indices.map { tier in
            compiled.varyingParams.map { param in
                compiled.tierParams.firstIndex { $0.tier == tier && $0.param == param } ?? -1
            }
        }
        stockPrevious = compiled.profile.metrics.map { $0.initial == nil ? nil : column() }
        hasTierParams = compiled.hasTierParams
        conditionColumns = (0...plan.maximumConditionDepth).map { _ in column() }
        let tiers = compiled.tiers.enumerated().map { index, tier in
            TierColumns(tier, index: index, plan: plan, width: width, column: column)
        }
        self.tiers = tiers
        self.owned = owned
        tierCostAmount = .allocate(capacity: Swift.max(1, tierCount))
        tierHighest = .allocate(capacity: Swift.max(1, tierCount))
        tierHasLimits = .allocate(capacity: Swift.max(1, tierCount))
        tierQueueStart = .allocate(capacity: tierCount + 1)
        let queues = tiers.flatMap(\.queueP95)
        tierQueueP95 = .allocate(capacity: Swift.max(1, queues.count))
        tierQueueP95.initialize(from: queues, count: queues.count)
        var start = 0
        for (index, tier) in tiers.enumerated() {
            (tierCostAmount + index).initialize(to: tier.costAmount)
            (tierHighest + index).initialize(to: tier.highest)
            (tierHasLimits + index).initialize(to: !tier.limitValues.isEmpty)
            (tierQueueStart + index).initialize(to: start)
            start += tier.queueP95.count
        }
        (tierQueueStart + tierCount).initialize(to: start)
    }

    deinit {
        slots.deallocate()
        revenue.deallocate()
        planTier.deallocate()
        previousTier.deallocate()
        requiredTier.deallocate()
        searching.deallocate()
        costDraws.deallocate()
        leadDraws.deallocate()
        fires.deallocate()
        queueWork.deallocate()
        queueNeeded.deallocate()
        carryingDone.deallocate()
        limitsDone.deallocate()
        costsDone.deallocate()
        present.deallocate()
        outgoing.deallocate()
        for tier in tiers { tier.deallocate() }
        tierCostAmount.deallocate()
        tierHighest.deallocate()
        tierHasLimits.deallocate()
        tierQueueP95.deallocate()
        tierQueueStart.deallocate()
        for pointer in owned { pointer.deallocate() }
    }

    @inline(__always) func slot(_ index: Int) -> Column { slots + index * width }

    // MARK: Inputs

    /// Starts a block of `count` trials, every input at its deterministic value: params at their
    /// mode (or midpoint, or median), ranged costs at their expected amount, the given curve.
    func begin(count: Int, curve: GrowthCurve) {
        self.count = Swift.min(Swift.max(count, 0), width)
        drawsCosts = false
        onlyCostDraw = -1
        let compiled = plan.compiled
        let paramBase = compiled.layout.paramSlots.lowerBound
        for (index, param) in compiled.profile.params.enumerated() {
            slot(paramBase + index).update(repeating: param.value.expected, count: self.count)
        }
        // Params only tiers declare have no global value: a tier that lacks one never runs.
        for index in compiled.profile.params.count..<compiled.layout.paramSlots.count {
            slot(paramBase + index).update(repeating: .nan, count: self.count)
        }
        for (position, param) in compiled.varyingParams.enumerated() {
            globalParamValues[position].update(from: slot(paramBase + param), count: self.count)
        }
        for (index, entry) in compiled.tierParams.enumerated() {
            tierParamValues[index].update(repeating: entry.value.expected, count: self.count)
        }
        scope = .global
        for trial in 0..<self.count { curves[trial] = curve }
        curvesDiffer = false
        resetHistory()
    }

    /// Sets one trial's inputs (after `begin`): its params, curve and, when given, cost draws.
    func setInputs(_ inputs: TrialInputs, trial: Int) {
        for (index, value) in inputs.params.enumerated() where index < plan.compiled.profile.params.count {
            setParam(index, trial: trial, value)
        }
        for (index, value) in inputs.tierParams.enumerated() where index < tierParamValues.count {
            tierParamValues[index][trial] = value
        }
        curves[trial] = inputs.curve
        curvesDiffer = true
        if let draws = inputs.costDraws {
            drawsCosts = true
            for (index, value) in draws.enumerated() where index < plan.costDraws.count {
                costDraws[index * width + trial] = value
            }
            for (index, value) in inputs.leadDraws.enumerated() where index < plan.leadDraws.count {
                leadDraws[index * width + trial] = value
            }
        }
    }

    /// Sets a param of one trial (Monte Carlo's sampler writes straight into the block).
    @inline(__always)
    func setParam(_ index: Int, trial: Int, _ value: Double) {
        slot(plan.compiled.layout.paramSlots.lowerBound + index)[trial] = value
        if hasTierParams, let position = plan.compiled.varyingParams.firstIndex(of: index) {
            globalParamValues[position][trial] = value
        }
    }

    /// Sets a tier's param of one trial (`index` into `compiled.tierParams`).
    @inline(__always)
    func setTierParam(_ index: Int, trial: Int, _ value: Double) { tierParamValues[index][trial] = value }

    /// Sets a param for every tier, whatever the tiers declare (an observed value in `check`).
    func setParamEverywhere(_ index: Int, trial: Int, _ value: Double) {
        setParam(index, trial: trial, value)
        for (entry, tierParam) in plan.compiled.tierParams.enumerated() where tierParam.param == index {
            tierParamValues[entry][trial] = value
        }
    }

    @inline(__always)
    func setCurve(_ curve: GrowthCurve, trial: Int) {
        curves[trial] = curve
        curvesDiffer = true
    }

    @inline(__always)
    func setCostDraw(_ draw: Int, trial: Int, _ value: Double) { costDraws[draw * width + trial] = value }

    @inline(__always)
    func setLeadDraw(_ draw: Int, trial: Int, _ value: Double) { leadDraws[draw * width + trial] = value }

    /// A trial's lead time into `tier`, in months: the tier's `lead_time_months` drawn from the
    /// trial's draw in Monte Carlo (triangular with a mode, else uniform), its high end otherwise
    /// (what the deterministic run plans with); 0 without one.
    func leadTime(into tier: Int, trial: Int) -> Double {
        let index = plan.leadDrawIndex[tier]
        let u = drawsCosts && index >= 0 ? leadDraws[index * width + trial] : nil
        return Migration.leadTime(plan.compiled.tiers[tier].tier.migration?.leadTimeMonths, at: u)
    }

    /// A trial's cost this month: its plan tier's expected amount (what `cost` means in every
    /// report).
    @inline(__always)
    func planCost(_ trial: Int) -> Double { tierCostAmount[Int(planTier[trial])][trial] }

    /// The highest tier a trial needs this month: its plan tier, or the one the load requires when
    /// that is higher (the last tier when none carries it). A tier is *needed* in a month when this
    /// is at or above it — what the Monte Carlo tier odds, the safe start dates and sensitivity's
    /// tier target all count.
    @inline(__always)
    func neededTier(_ trial: Int) -> Int32 {
        let required = requiredTier[trial]
        return Swift.max(planTier[trial], required < 0 ? Int32(plan.planTierCount - 1) : required)
    }

    /// Forgets the previous month: a new block starts in no tier, each stock at its initial value.
    private func resetHistory() {
        for trial in 0..<width { previousTier[trial] = -1 }
        resetStocks()
    }

    private func resetStocks() {
        for (index, previous) in stockPrevious.enumerated() {
            guard let previous else { continue }
            previous.update(repeating: plan.compiled.profile.metrics[index].initial ?? 0, count: width)
        }
    }

    // MARK: The month

    /// Computes `month` for every trial of the block and reports it to `observer`.
    /// - Complexity: O(count × size of the model).
    func step<Observer: MonthObserver>(month: Int, observer: inout Observer) {
        self.month = month
        let driver = slot(SlotLayout.driverSlot)
        let at = Double(month)
        // Through the buffer: a curve read in place, not copied (a copy of a curve of points
        // retains its array, one the trials and threads share).
        if curvesDiffer {
            curves.withUnsafeBufferPointer { curves in
                for trial in 0..<count { driver[trial] = curves[trial].value(at: at) }
            }
        } else if count > 0 {
            driver.update(repeating: curves[0].value(at: at), count: count)
        }
        slot(SlotLayout.monthSlot).update(repeating: at, count: count)
        resetTierFlags()
        let byCapacity = plan.compiled.profile.tierSelection == .capacity
        if byCapacity {
            // The plan's tier is what carries the load, so the model is first evaluated with
            // the first tier's params (each tier's search evaluates it again with its own).
            writeParams(for: .tier(0))
            evaluateModel(observer: &observer)
            searchRequiredTiers()
            choosePlanTiers()
            enterPlanScope(observer: &observer)
        } else {
            choosePlanTiers()
            writeParams(for: .plan)
            evaluateModel(observer: &observer)
            searchRequiredTiers()
        }
        for tier in tiers.indices where present[tier] || outgoing[tier] {
            evaluateLimits(tier)
            evaluateCosts(tier, observer: &observer)
            evaluateQueues(tier, observer: &observer)
        }
        reportInvalidLimits(observer: &observer)
        evaluateTriggers(observer: &observer)
        var none = NoObserver()
        enterPlanScope(observer: &none)
        observer.monthDone(self)
        for trial in 0..<count { previousTier[trial] = planTier[trial] }
        saveStocks()
    }

    /// Keeps each stock's value (the plan tier's) for next month.
    private func saveStocks() {
        let metricBase = plan.compiled.layout.metricSlots.lowerBound
        for (index, previous) in stockPrevious.enumerated() {
            guard let previous else { continue }
            previous.update(from: slot(metricBase + index), count: count)
        }
    }

    /// The model alone at one driver value for every trial of the block — metrics and revenue,
    /// no tier choice, no triggers — after which any tier's limits and costs can be evaluated
    /// (`capacity`, the tier tables of `show`, `diff` and the roadmap).
    ///
    /// A point is month 0 of no history: `month` is 0 and each stock its initial value plus one
    /// month's amount; the model is that of the tier whose range holds the driver (its params).
    func evaluatePoint(driver value: Double) {
        month = 0
        slot(SlotLayout.driverSlot).update(repeating: value, count: count)
        slot(SlotLayout.monthSlot).update(repeating: 0, count: count)
        resetStocks()
        let tier = Int32(plan.tier(forDriver: value))
        for trial in 0..<count { planTier[trial] = tier }
        writeParams(for: .plan)
        var none = NoObserver()
        evaluateModel(observer: &none)
        resetTierFlags()
    }

    /// Makes the next `evaluateCosts(tier)` compute again (its items go to a new observer).
    func resetCosts(_ tier: Int) { costsDone[tier] = false }

    /// Metrics in dependency order (observed ones take their value), then revenue. A value that
    /// depends on tier params is reported invalid only when the params are the plan tier's.
    func evaluateModel<Observer: MonthObserver>(observer: inout Observer) {
        let compiled = plan.compiled
        let reportsScoped = scope == .plan || !hasTierParams
        for index in compiled.metricOrder {
            evaluateMetric(index, reports: reportsScoped || !compiled.scopedMetrics[index], observer: &observer)
        }
        if compiled.revenue != nil {
            evaluateRevenue(reports: reportsScoped || !compiled.scopedRevenue, observer: &observer)
        } else {
            revenue.update(repeating: 0, count: count)
        }
    }

    /// One metric: its formula over the block (an observed one takes its value); a stock adds
    /// its amount to last month's value, which its own formula reads as the stock's name.
    @inline(__always)
    func evaluateMetric<Observer: MonthObserver>(_ index: Int, reports: Bool, observer: inout Observer) {
        let compiled = plan.compiled
        let metricSlot = compiled.layout.metricSlots.lowerBound + index
        let column = slot(metricSlot)
        if let value = metricOverrides[metricSlot] {
            column.update(repeating: value, count: count)
            return
        }
        if let previous = stockPrevious[index] {
            let added = scratch[5]
            column.update(from: previous, count: count)
            evaluator.evaluate(compiled.metrics[index].program, slots: slots, count: count, into: added)
            for trial in 0..<count { column[trial] = previous[trial] + added[trial] }
        } else {
            evaluator.evaluate(compiled.metrics[index].program, slots: slots, count: count, into: column)
        }
        if reports { report(.metric(index), column, mask: .all, observer: &observer) }
    }

    @inline(__always)
    func evaluateRevenue<Observer: MonthObserver>(reports: Bool, observer: inout Observer) {
        guard let expression = plan.compiled.revenue else { return }
        evaluator.evaluate(expression.program, slots: slots, count: count, into: revenue)
        if reports { report(.revenue, revenue, mask: .all, observer: &observer) }
    }

    /// Calls `observer.invalid` when a value of `column` breaks the subject's rule.
    @inline(__always)
    func report<Observer: MonthObserver>(
        _ subject: InvalidSubject, _ column: UnsafePointer<Double>, mask: TrialMask,
        observer: inout Observer
    ) {
        if subject.rule.rejectsAny(column, count: count) { observer.invalid(self, subject, values: column, mask: mask) }
    }

    /// Marks every tier's columns as not yet computed this month.
    private func resetTierFlags() {
        for index in 0..<tiers.count {
            carryingDone[index] = false
            limitsDone[index] = false
            costsDone[index] = false
            present[index] = false
            outgoing[index] = false
        }
    }

    /// The plan's tier per trial — `--tier`, else by the driver's range, or (capacity selection,
    /// after `searchRequiredTiers`) the required tier, the last when none carries the load — and
    /// which tiers are on or left this month.
    private func choosePlanTiers() {
        let driver = slot(SlotLayout.driverSlot)
        let byCapacity = plan.compiled.profile.tierSelection == .capacity
        let last = plan.planTierCount - 1
        let scheduled = plan.compiled.schedule.flatMap { $0.isEmpty ? nil : $0[Swift.min(month, $0.count - 1)] }
        for trial in 0..<count {
            let tier =
                forcedTier ?? scheduled
                ?? (byCapacity
                    ? (requiredTier[trial] >= 0 ? Int(requiredTier[trial]) : last) : plan.tier(forDriver: driver[trial]))
            planTier[trial] = Int32(tier)
            present[tier] = true
            let previous = Int(previousTier[trial])
            if previous >= 0 && previous != tier { outgoing[previous] = true }
        }
    }

    /// The lowest tier whose limits carry each trial's load: tiers are tried from the first, each
    /// for the trials still without one (the plan's tiers only: laid-out options are not in the
    /// plan's own path).
    private func searchRequiredTiers() {
        var remaining = count
        for trial in 0..<count {
            searching[trial] = 0
            requiredTier[trial] = -1
        }
        for tier in 0..<plan.planTierCount where remaining > 0 {
            evaluateCarrying(tier)
            let fails = tiers[tier].fails
            let index = Int32(tier)
            for trial in 0..<count where searching[trial] == index {
                if !fails[trial] {
                    requiredTier[trial] = index
                    searching[trial] = -1
                    remaining -= 1
                } else {
                    searching[trial] = index + 1
                }
            }
        }
    }

    /// Whether a tier's values count for a trial this month (see `TrialMask`).
    @inline(__always)
    func applies(_ mask: TrialMask, to trial: Int) -> Bool {
        switch mask {
        case .all:
            return true
        case .tierCosts(let tier):
            let index = Int32(tier)
            return planTier[trial] == index || (previousTier[trial] == index && planTier[trial] != index)
        case .tierLimits(let tier):
            let index = Int32(tier)
            let required = requiredTier[trial]
            return planTier[trial] == index || (previousTier[trial] == index && planTier[trial] != index)
                || required < 0 || required >= index
        }
    }

    /// One trial's slot values (for explaining a trigger, which reads them one at a time).
    func row(_ trial: Int) -> [Double] {
        (0..<plan.compiled.layout.count).map { slots[$0 * width + trial] }
    }

    /// The trigger-context overrides, applied after the context of a tier is written.
    func applyContextOverrides() {
        for (slot, value) in contextOverrides { self.slot(slot).update(repeating: value, count: count) }
    }
}
