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
    public var origin: Origin
}
