/// Evaluates a compiled profile's model at one driver value: params, then metrics in
/// dependency order, then tier costs and limits. The building block of the monthly step.
public struct ModelEvaluator: Sendable {
    public let compiled: CompiledProfile
    /// Param values, indexed like `profile.params`.
    public let params: [Double]

    /// - Parameter params: values for the params; the deterministic values (mode, midpoint or
    ///   median) when nil.
    public init(_ compiled: CompiledProfile, params: [Double]? = nil) {
        self.compiled = compiled
        self.params = params ?? compiled.expectedParams
    }

    /// Every slot: the driver, params and metrics filled in; trigger-context slots zero.
    /// - Complexity: O(total size of the metric expressions).
    public func slots(driver: Double) -> [Double] {
        var slots = [Double](repeating: 0, count: compiled.layout.count)
        fill(&slots, driver: driver)
        return slots
    }

    /// Fills the model slots of an existing buffer (no allocation).
    public func fill(_ slots: inout [Double], driver: Double) {
        slots[SlotLayout.driverSlot] = driver
        let paramBase = compiled.layout.paramSlots.lowerBound
        for (index, value) in params.enumerated() { slots[paramBase + index] = value }
        let metricBase = compiled.layout.metricSlots.lowerBound
        slots.withUnsafeMutableBufferPointer { buffer in
            for index in compiled.metricOrder {
                let value = compiled.metrics[index].evaluate(UnsafeBufferPointer(buffer))
                buffer[metricBase + index] = value
            }
        }
    }

    /// One cost item's monthly amount, converted to the profile's currency.
    public struct ItemCost: Sendable, Equatable {
        public var low: Double
        public var expected: Double
        public var high: Double
    }

    /// Each cost item of a tier at these slot values.
    public func costs(of tier: CompiledTier, slots: [Double]) -> [ItemCost] {
        slots.withUnsafeBufferPointer { buffer in
            tier.costs.map { cost in
                ItemCost(low: cost.low.evaluate(buffer) * cost.fxRate,
                    expected: cost.expected.evaluate(buffer) * cost.fxRate,
                    high: cost.high.evaluate(buffer) * cost.fxRate)
            }
        }
    }

    /// The tier's total monthly cost.
    public func totalCost(of tier: CompiledTier, slots: [Double]) -> ItemCost {
        costs(of: tier, slots: slots).reduce(ItemCost(low: 0, expected: 0, high: 0)) {
            ItemCost(low: $0.low + $1.low, expected: $0.expected + $1.expected, high: $0.high + $1.high)
        }
    }

    /// Each limit of a tier: the metric's value and the limit's value.
    public func limits(of tier: CompiledTier, slots: [Double]) -> [(name: String, value: Double, limit: Double)] {
        slots.withUnsafeBufferPointer { buffer in
            tier.limits.map { ($0.name, buffer[$0.slot], $0.limit.evaluate(buffer)) }
        }
    }
}
