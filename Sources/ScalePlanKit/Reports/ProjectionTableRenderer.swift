/// `simulate --format table`: a month table and the events list, within 100 columns.
enum ProjectionTableRenderer {
    static func render(_ projection: Projection) -> String {
        let profile = projection.profile
        let text = ReportText(profile: profile)
        let hasRevenue = projection.compiled.revenue != nil
        var out = TextSafety.terminal("\(profile.name) (\(profile.id))") + "\n"
        var facts = "Growth: \(TextSafety.terminal(projection.growthSource)) · \(projection.months.count) months"
        if let start = projection.start { facts += " from \(start)" }
        facts +=
            " · COST is the expected monthly cost in \(profile.currency) (low and high in --format json or csv);"
            + " PER UNIT is per \(profile.driver.unit)"
        out += TextWrap.wrap(facts, width: 100, indent: 0) + "\n\n"

        var headers = [
            "MONTH", TextTable.truncate(profile.driver.name.uppercased(), 10), "TIER", "BOTTLENECK", "P95", "COST", "PER UNIT",
        ]
        if hasRevenue { headers += ["REVENUE", "MARGIN"] } else { headers += ["LOW", "HIGH"] }
        var rows: [[String]] = []
        for month in projection.months {
            let tier = TextTable.truncate(profile.tiers[month.tier].id, 9)
            let bottleneck = month.bottleneck.map { TextTable.truncate($0.name, 13) + " " + text.percent($0.utilization) } ?? "–"
            let p95 = month.worstQueue.map { text.milliseconds($0.p95Milliseconds) } ?? "–"
            var row = [
                projection.label(month.month), text.driver(month.driver), tier, bottleneck, p95,
                text.money(month.cost.expected), text.money(month.costPerUnit),
            ]
            if hasRevenue {
                row += [text.money(month.revenue), text.money(month.margin)]
            } else {
                row += [text.money(month.cost.low), text.money(month.cost.high)]
            }
            rows.append(row)
        }
        out += TextTable.render(headers: headers, rows: rows, rightAligned: [1, 4, 5, 6, 7, 8])
        out += "\n" + events(projection)
        return out
    }

    static func events(_ projection: Projection) -> String {
        let events = projection.events
        guard !events.isEmpty else { return "EVENTS: none — no trigger fires and the plan carries the load.\n" }
        var out = "EVENTS (\(events.count)):\n"
        for event in events {
            let head = "  \(projection.label(event.month))  \(event.severity.rawValue.padding(8))  "
            let indent = String(repeating: " ", count: head.count)
            out += TextWrap.wrap(head + TextSafety.terminal(event.message), width: 100, indent: head.count) + "\n"
            if let action = event.action {
                out += TextWrap.wrap(indent + "→ " + TextSafety.terminal(action), width: 100, indent: head.count + 2) + "\n"
            }
        }
        return out
    }
}

extension String {
    /// Pads with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
