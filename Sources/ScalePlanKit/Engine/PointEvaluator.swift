/// The model at one driver value — metric values, and any tier's limits and costs there — by the
/// month step's own evaluation (`MonthEngine`), for `show`, `capacity`, `diff` and the roadmap's
/// tier table.
///
/// A class holding one engine, reused across calls (the capacity search makes thousands); use it
/// from one thread.
final class PointEvaluator {
    let compiled: CompiledProfile
    private let engine: MonthEngine
    private var loaded: Double?

    /// - Parameter params: values for the params; the deterministic values when nil.
    init(_ compiled: CompiledProfile, params: [Double]? = nil) {
        self.compiled = compiled
        engine = MonthEngine(EnginePlan(compiled), width: 1)
        engine.begin(count: 1, curve: .constant(0))
        if let params {
            for (index, value) in params.enumerated() where index < compiled.profile.params.count {
                engine.setParam(index, trial: 0, value)
            }
        }
    }

    private func load(_ driver: Double) {
        guard loaded != driver || driver.isNaN else { return }
        engine.evaluatePoint(driver: driver)
        loaded = driver
    }

    /// Every slot: the driver, params and metrics filled in (as the tier whose range holds the
    /// driver sees them); trigger-context slots zero.
    func slots(driver: Double) -> [Double] {
        load(driver)
        var none = NoObserver()
        engine.enterPlanScope(observer: &none)
        return contextCleared(engine.row(0))
    }

    /// Every slot as one tier sees them: its params, and the metrics that read them.
    func slots(of tier: Int, driver: Double) -> [Double] {
        load(driver)
        engine.enterTier(tier)
        return contextCleared(engine.row(0))
    }

    /// Monthly revenue at `driver` with one tier's params (nil when the plan has no revenue).
    func revenue(of tier: Int, driver: Double) -> Double? {
        guard compiled.revenue != nil else { return nil }
        load(driver)
        engine.enterTier(tier)
        return engine.revenue[0]
    }

    private func contextCleared(_ slots: [Double]) -> [Double] {
        var row = slots
        for slot in compiled.layout.modelSlotCount..<row.count { row[slot] = 0 }
        return row
    }

    /// Each limit of a tier: the metric's value against the limit's.
    func limits(of tier: Int, driver: Double) -> [LimitUse] {
        load(driver)
        engine.evaluateLimits(tier)  // leaves the tier's own metric values in the slots
        let columns = engine.tiers[tier]
        return compiled.tiers[tier].limits.enumerated().map { index, limit in
            LimitUse(
                name: limit.name, value: engine.slot(limit.slot)[0], limit: columns.limitValue(index, trial: 0),
                primary: limit.primary)
        }
    }

    /// Whether every limit of the tier holds at `driver` (`LimitRule`).
    func carries(tier: Int, driver: Double) -> Bool {
        load(driver)
        engine.evaluateCarrying(tier)
        return !engine.tiers[tier].fails[0]
    }

    /// Each cost item of a tier at `driver`, in the profile's currency.
    func costs(of tier: Int, driver: Double) -> [ItemCost] {
        load(driver)
        var collector = ItemCollector()
        engine.resetCosts(tier)
        engine.evaluateCosts(tier, observer: &collector)
        return collector.items
    }

    /// The tier's total monthly cost at `driver`.
    func totalCost(of tier: Int, driver: Double) -> ItemCost {
        costs(of: tier, driver: driver).reduce(ItemCost(low: 0, expected: 0, high: 0)) {
            ItemCost(low: $0.low + $1.low, expected: $0.expected + $1.expected, high: $0.high + $1.high)
        }
    }

    private struct ItemCollector: MonthObserver {
        static var wantsItems: Bool { true }
        var items: [ItemCost] = []

        mutating func costItem(
            _ engine: MonthEngine, tier: Int, item: Int, low: UnsafePointer<Double>,
            amount: UnsafePointer<Double>, high: UnsafePointer<Double>
        ) {
            items.append(ItemCost(low: low[0], expected: amount[0], high: high[0]))
        }
    }
}
