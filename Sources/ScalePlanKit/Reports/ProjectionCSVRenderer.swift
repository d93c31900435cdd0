/// `simulate --format csv`: one row per month. The header is stable for a given profile:
/// fixed columns first, then `metric.<name>` in declaration order, `utilization.<limit>` and
/// `latency.<queue>` (every limit and queue of any tier, sorted; empty where the month's tier
/// has none) and `cost.<category>` (sorted). Numbers are raw; text cells are neutralised
/// against spreadsheet formula injection.
public enum ProjectionCSVRenderer {
    public static let fixedColumns = [
        "month", "label", "driver", "tier", "required_tier", "bottleneck", "bottleneck_utilization", "p95_ms",
        "cost_low", "cost_expected", "cost_high", "cost_per_unit", "revenue", "margin", "firing",
    ]

    public static func render(_ projection: Projection) -> String {
        let compiled = projection.compiled
        let limitNames = Array(Set(compiled.tiers.flatMap { $0.limits.map(\.name) })).sorted()
        let queueNames = Array(Set(compiled.tiers.flatMap { $0.queues.map(\.queue.name) })).sorted()
        var header = fixedColumns
        header += projection.profile.metrics.map { "metric.\($0.name)" }
        header += limitNames.map { "utilization.\($0)" }
        header += queueNames.map { "latency.\($0)" }
        header += compiled.categories.map { "cost.\($0)" }
        var out = header.map(TextSafety.csvText).joined(separator: ",") + "\n"
        let number = { (value: Double?) -> String in
            guard let value, value.isFinite else { return "" }
            return NumberFormatting.plain(value)
        }
        for month in projection.months {
            let worst = ReportText(profile: projection.profile).worstQueue(month)
            var cells = [
                String(month.month), TextSafety.csvText(projection.label(month.month)), number(month.driver),
                TextSafety.csvText(compiled.tiers[month.tier].tier.id),
                TextSafety.csvText(month.requiredTier.map { compiled.tiers[$0].tier.id } ?? ""),
                TextSafety.csvText(month.bottleneck?.name ?? ""), number(month.bottleneck?.utilization),
                number(worst?.p95Milliseconds), number(month.cost.low), number(month.cost.expected),
                number(month.cost.high), number(month.costPerUnit), number(month.revenue), number(month.margin),
                TextSafety.csvText(month.firing.joined(separator: " ")),
            ]
            cells += month.metrics.map(number)
            let limits = Dictionary(month.limits.map { ($0.name, $0.utilization) }, uniquingKeysWith: { a, _ in a })
            cells += limitNames.map { number(limits[$0]) }
            let queues = Dictionary(month.queues.map { ($0.name, $0.p95Milliseconds) }, uniquingKeysWith: { a, _ in a })
            cells += queueNames.map { number(queues[$0]) }
            cells += month.cost.categories.map(number)
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
