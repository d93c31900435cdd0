/// `simulate --format table`: a month table and the events list, fitted to the terminal.
enum ProjectionTableRenderer {
    static func render(_ projection: Projection, layout: TerminalLayout) -> String {
        let profile = projection.profile
        let text = ReportText(profile: profile)
        let hasRevenue = projection.compiled.revenue != nil
        var out = TextWrap.wrap(TextSafety.terminal("\(profile.name) (\(profile.id))"), width: layout.width, indent: 2) + "\n"
        var facts = "Growth: \(TextSafety.terminal(projection.growthSource)) · \(projection.months.count) months"
        if let start = projection.start { facts += " from \(start)" }
        facts +=
            " · COST is the expected monthly cost in \(profile.currency) (low and high in --format json or csv);"
            + " PER UNIT is per \(TextSafety.terminal(profile.driver.unit))"
        out += TextWrap.wrap(facts, width: layout.width, indent: 0) + "\n"
        if let line = ParamOverride.header(projection.compiled.overrides) {
            out += TextWrap.wrap(TextSafety.terminal(line), width: layout.width, indent: 2) + "\n"
        }
        out += "\n"

        let months = projection.months
        var columns = [
            TableColumn("MONTH"), TableColumn(TextSafety.terminal(profile.driver.name.uppercased()), .right),
            TableColumn("TIER", shrinksTo: 6), TableColumn("BOTTLENECK", shrinksTo: 8), TableColumn("UTIL", .right),
            TableColumn("P95", .right, dropRank: 2), TableColumn("COST", .right), TableColumn("PER UNIT", .right, dropRank: 1),
        ]
        var money: [[String]] = [
            text.moneyColumn(months.map(\.cost.expected)), text.moneyColumn(months.map(\.costPerUnit)),
        ]
        if hasRevenue {
            columns += [TableColumn("REVENUE", .right, dropRank: 3), TableColumn("MARGIN", .right)]
            money += [text.moneyColumn(months.map(\.revenue)), text.moneyColumn(months.map(\.margin))]
        } else {
            columns += [TableColumn("LOW", .right, dropRank: 3), TableColumn("HIGH", .right, dropRank: 4)]
            money += [text.moneyColumn(months.map(\.cost.low)), text.moneyColumn(months.map(\.cost.high))]
        }
        let drivers = text.driverColumn(months.map(\.driver))
        let latencies = text.millisecondsColumn(months.map { $0.worstQueue?.p95Milliseconds })
        var rows: [[String]] = []
        for (index, month) in months.enumerated() {
            rows.append(
                [
                    projection.label(month.month), drivers[index], TextSafety.terminal(profile.tiers[month.tier].id),
                    month.bottleneck.map { TextSafety.terminal($0.name) } ?? "–",
                    month.bottleneck.map { text.percent($0.utilization) } ?? "", latencies[index],
                ] + money.map { $0[index] })
        }
        out += TextTable.render(columns, rows: rows, width: layout.width)
        out += "\n" + events(projection, width: layout.width)
        return out
    }

    static func events(_ projection: Projection, width: Int) -> String {
        let events = projection.events
        guard !events.isEmpty else { return "EVENTS: none — no trigger fires and the plan carries the load.\n" }
        var out = "EVENTS (\(events.count)):\n"
        // Every month label padded to the longest, so M9 and M10 start their text together.
        let labelWidth = events.map { projection.label($0.month).count }.max() ?? 0
        for event in events {
            let head = "  \(projection.label(event.month).padding(labelWidth))  \(event.severity.rawValue.padding(8))  "
            let indent = String(repeating: " ", count: head.count)
            out += TextWrap.wrap(head + TextSafety.terminal(event.message), width: width, indent: head.count) + "\n"
            if let action = event.action {
                out += TextWrap.wrap(indent + "→ " + TextSafety.terminal(action), width: width, indent: head.count + 2) + "\n"
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
