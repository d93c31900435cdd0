/// `simulate --format csv`: one row per month. The header is stable for a given profile:
/// fixed columns first, then `metric.<name>` in declaration order, `utilization.<limit>` and
/// `latency.<queue>` (every limit and queue of any tier, sorted; empty where the month's tier
/// has none) and `cost.<category>` (sorted). Numbers are raw; text cells are neutralised
/// against spreadsheet formula injection.
enum ProjectionCSVRenderer {
    static let fixedColumns = [
        "month", "label", "driver", "tier", "required_tier", "bottleneck", "bottleneck_utilization", "p95_ms",
        "cost_low", "cost_expected", "cost_high", "cost_per_unit", "revenue", "margin", "triggers_firing",
        "triggers_started",
    ]

    static func render(_ projection: Projection) -> String {
        let compiled = projection.compiled
        let limitNames = Array(Set(compiled.tiers.flatMap { $0.limits.map(\.name) })).sorted()
        let queueNames = Array(Set(compiled.tiers.flatMap { $0.queues.map(\.queue.name) })).sorted()
        var header = fixedColumns
        header += projection.profile.metrics.map { "metric.\($0.name)" }
        header += limitNames.map { ContextName.utilizationOf($0).description }
        header += queueNames.map { ContextName.latencyOf($0).description }
        header += compiled.categories.map { ContextName.costCategory($0).description }
        var out = header.map(TextSafety.csvText).joined(separator: ",") + "\n"
        let number = { (value: Double?) -> String in
            guard let value, value.isFinite else { return "" }
            return NumberFormatting.plain(value)
        }
        // Per month: how many triggers fire, and which start a run of firing months (the list of
        // every firing trigger would be months × triggers; the JSON's spans carry it whole).
        // Counted as differences at each span's ends, then summed: O(spans + months).
        var firing = [Int](repeating: 0, count: projection.months.count + 1)
        var started = [[String]](repeating: [], count: projection.months.count)
        for activity in projection.triggers {
            for span in activity.spans where span.lowerBound < started.count {
                started[span.lowerBound].append(activity.trigger.id)
                firing[span.lowerBound] += 1
                firing[Swift.min(span.upperBound + 1, started.count)] -= 1
            }
        }
        for month in firing.indices.dropFirst() { firing[month] += firing[month - 1] }
        for month in projection.months {
            let worst = month.worstQueue
            var cells = [
                String(month.month), TextSafety.csvText(projection.label(month.month)), number(month.driver),
                TextSafety.csvText(compiled.tiers[month.tier].tier.id),
                TextSafety.csvText(month.requiredTier.map { compiled.tiers[$0].tier.id } ?? ""),
                TextSafety.csvText(month.bottleneck?.name ?? ""), number(month.bottleneck?.utilization),
                number(worst?.p95Milliseconds), number(month.cost.low), number(month.cost.expected),
                number(month.cost.high), number(month.costPerUnit), number(month.revenue), number(month.margin),
                String(firing[month.month]), TextSafety.csvText(started[month.month].joined(separator: " ")),
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
