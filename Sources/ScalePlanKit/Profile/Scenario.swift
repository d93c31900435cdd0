/// A named growth curve for the driver.
public struct Scenario: Sendable {
    public var id: String
    public var name: String?
    public var isDefault: Bool
    /// Projection horizon in months.
    public var months: Int?
    /// Calendar month of month 0.
    public var start: YearMonth?
    public var growth: GrowthSpec
    public var source: String?
    /// Params this scenario sets (a what-if without editing the plan): name → value, in
    /// declaration order. They replace the profile's values while the scenario is projected.
    public var params: [(name: String, value: Uncertain, origin: Origin)] = []
    public var origin: Origin
}
