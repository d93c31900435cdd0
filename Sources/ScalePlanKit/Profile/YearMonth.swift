/// A calendar month, `YYYY-MM`.
public struct YearMonth: Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1
        else { return nil }
        self.year = year
        self.month = month
    }

    /// The month `offset` months later.
    /// No overflow: a parsed year has four digits, and offsets are month indices (at most 1,200).
    public func adding(months offset: Int) -> YearMonth {
        var copy = self
        let total = year * 12 + (month - 1) + offset
        copy.year = total / 12
        copy.month = total % 12 + 1
        return copy
    }

    /// Whole months from `earlier` to this month (negative when this one is earlier).
    public func months(since earlier: YearMonth) -> Int {
        (year * 12 + month) - (earlier.year * 12 + earlier.month)
    }

    /// How every report names a month of a run: `2026-03` when the run has a start month, else
    /// `M3`.
    public static func label(_ month: Int, start: YearMonth?) -> String {
        start.map { $0.adding(months: month).description } ?? "M\(month)"
    }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }
}
