/// Output formats of the reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal (fits 100 columns).
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

    func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    func milliseconds(_ value: Double) -> String { NumberFormatting.milliseconds(value) }
}
