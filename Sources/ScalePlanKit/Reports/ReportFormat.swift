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
        return value.isFinite ? NumberFormatting.money(value, currency: profile.currency) : "–"
    }

    func driver(_ value: Double) -> String {
        NumberFormatting.grouped(value, decimals: value < 10 && value != value.rounded() ? 1 : 0)
    }

    func percent(_ fraction: Double) -> String {
        fraction.isFinite ? NumberFormatting.grouped(fraction * 100) + "%" : "∞"
    }

    func milliseconds(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        return value >= 1000 ? NumberFormatting.fixed(value / 1000, decimals: 1) + " s" : NumberFormatting.grouped(value) + " ms"
    }

    /// The worst queue of a month (highest p95), if any.
    func worstQueue(_ month: MonthResult) -> QueueUse? {
        month.queues.max { a, b in a.p95Milliseconds < b.p95Milliseconds || (a.p95Milliseconds.isNaN && !b.p95Milliseconds.isNaN) }
    }
}
