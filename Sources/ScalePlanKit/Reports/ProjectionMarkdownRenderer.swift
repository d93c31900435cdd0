/// `simulate --format markdown`: the month table and the events, as GitHub-flavoured markdown.
enum ProjectionMarkdownRenderer {
    static func render(_ projection: Projection) -> String {
        let profile = projection.profile
        let text = ReportText(profile: profile)
        let md = TextSafety.markdown
        let hasRevenue = projection.compiled.revenue != nil
        var out = "# \(md(profile.name)): projection\n\n"
        out += "Growth: \(md(projection.growthSource)) · \(projection.months.count) months"
        if let start = projection.start { out += " from \(start)" }
        out += " · monthly costs in \(profile.currency)\n\n"
        if let line = ParamOverride.header(projection.compiled.overrides) { out += md(line) + "\n\n" }
        var headers = [
            "Month", md(profile.driver.label), "Tier", "Bottleneck", "p95", "Cost (expected)", "Cost (low–high)",
            "Per \(md(profile.driver.unit))",
        ]
        if hasRevenue { headers += ["Revenue", "Margin"] }
        out += "| " + headers.joined(separator: " | ") + " |\n"
        out +=
            "|" + headers.enumerated().map { $0.offset == 0 || $0.offset == 2 || $0.offset == 3 ? "---|" : "---:|" }.joined()
            + "\n"
        for month in projection.months {
            var cells = [
                projection.label(month.month), text.driver(month.driver), md(profile.tiers[month.tier].name),
                month.bottleneck.map { "\(md($0.name)) \(text.percent($0.utilization))" } ?? "–",
                month.worstQueue.map { text.milliseconds($0.p95Milliseconds) } ?? "–",
                text.money(month.cost.expected), "\(text.money(month.cost.low))–\(text.money(month.cost.high))",
                text.money(month.costPerUnit),
            ]
            if hasRevenue { cells += [text.money(month.revenue), text.money(month.margin)] }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        out += "\n## Events\n\n"
        if projection.events.isEmpty { out += "None: no trigger fires and the plan carries the load.\n" }
        for event in projection.events {
            out += "- **\(projection.label(event.month))** · \(event.severity.rawValue) · \(md(event.message))"
            if let action = event.action { out += "  \n  → \(md(action))" }
            out += "\n"
        }
        return out
    }
}
