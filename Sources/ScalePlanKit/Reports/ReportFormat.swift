/// Output formats of the reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal, fitted to its width.
    case table
    /// Versioned JSON carrying every number.
    case json
    /// One row per month with a stable header.
    case csv
    /// GitHub-flavoured markdown.
    case markdown
}

/// Shared text pieces of the projection reports.
struct ReportText {
    let profile: Profile

    func money(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value.isFinite ? NumberFormatting.money(value, currency: profile.currency) : (value.isNaN ? "n/a" : "∞")
    }

    func driver(_ value: Double) -> String {
        NumberFormatting.grouped(value, decimals: value < 10 && value != value.rounded() ? 1 : 0)
    }

    /// A column of money amounts, the same decimals on every row.
    func moneyColumn(_ values: [Double?]) -> [String] { NumberFormatting.moneyColumn(values, currency: profile.currency) }

    /// A column of driver values: whole numbers, unless every value is below 10.
    func driverColumn(_ values: [Double]) -> [String] {
        let decimals = values.allSatisfy { Swift.abs($0) < 10 } ? NumberFormatting.columnDecimals(values) : 0
        return values.map { NumberFormatting.grouped($0, decimals: decimals) }
    }

    /// A column of latencies, all in milliseconds ("–" where there is none).
    func millisecondsColumn(_ values: [Double?]) -> [String] {
        let decimals = NumberFormatting.columnDecimals(values.compactMap { $0 }.filter(\.isFinite))
        return values.map { value in
            guard let value else { return "–" }
            guard value.isFinite else { return value.isNaN ? "n/a" : "∞" }
            return NumberFormatting.grouped(value, decimals: decimals) + " ms"
        }
    }

    func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    func milliseconds(_ value: Double) -> String { NumberFormatting.milliseconds(value) }
}

extension Uncertain {
    /// The value as reports describe it: `0.05`, `10 – 20 (uniform)`, `0.03 – 0.08, most likely
    /// 0.05`, `1 – 4 (lognormal, 10th–90th percentile)`.
    public var summary: String { summary(significantDigits: nil) }

    /// The summary with each number to at most `significantDigits` (a fitted 0.1582499674681114
    /// reads 0.15825 at 6); nil keeps every digit, as `show` does.
    public func summary(significantDigits: Int?) -> String {
        let p = { (x: Double) in
            significantDigits.map { NumberFormatting.significant(x, digits: $0) } ?? NumberFormatting.plain(x)
        }
        switch distribution {
        case .fixed: return p(expected)
        case .uniform: return "\(p(low)) – \(p(high)) (uniform)"
        case .triangular: return "\(p(low)) – \(p(high)), most likely \(p(mode ?? expected))"
        case .lognormal: return "\(p(low)) – \(p(high)) (lognormal, 10th–90th percentile)"
        }
    }
}
