/// Where each name lives in the flat array of values that compiled expressions read.
///
/// Slot 0 is the driver, slot 1 `month` (0 for the plan's first month); then params (the
/// profile's, then those only tiers declare), then metrics (in declaration order); then the values
/// only triggers may read (`ContextName`): `cost`, `cost.<category>`, `revenue`, `margin`,
/// `utilization`, `utilization.<limit>`, `latency.<queue>`.
struct SlotLayout: Sendable {
    static let driverSlot = 0
    static let monthSlot = 1
    /// The name of the month slot, which expressions read.
    static let monthName = "month"

    let names: [String]
    let index: [String: Int]
    /// Slots below this hold the model (driver, params, metrics); the rest are trigger context.
    let modelSlotCount: Int
    let paramSlots: Range<Int>
    let metricSlots: Range<Int>
    /// The trigger-context names, in slot order from `modelSlotCount`.
    let context: [ContextName]

    init(driver: String, params: [String], metrics: [String], context: [ContextName]) {
        var names = [driver, Self.monthName]
        names += params
        names += metrics
        paramSlots = 2..<(2 + params.count)
        metricSlots = paramSlots.upperBound..<(paramSlots.upperBound + metrics.count)
        modelSlotCount = names.count
        names += context.map(\.description)
        self.names = names
        self.context = context
        var index: [String: Int] = [:]
        for (slot, name) in names.enumerated() where index[name] == nil { index[name] = slot }
        self.index = index
    }

    var count: Int { names.count }

    func slot(_ name: String) -> Int? { index[name] }

    /// The slot of a trigger-context name, when the profile defines it.
    func slot(_ name: ContextName) -> Int? { index[name.description] }

    /// Whether a slot is readable only from triggers.
    func isTriggerOnly(_ slot: Int) -> Bool { slot >= modelSlotCount }

    /// The trigger-context name of a slot, nil for the model's slots.
    func contextName(of slot: Int) -> ContextName? {
        slot >= modelSlotCount && slot < names.count ? context[slot - modelSlotCount] : nil
    }
}
