/// `show`: the plan as the engine reads it — each tier's range, limits, costs (evaluated at its
/// range), targets and triggers — as a terminal layout or JSON.
public enum ShowReport: Report {
    public struct Subject {
        public var summary: ProfileSummary
        public var style: TextStyle
        /// The terminal's width (the layout uses at most 100 columns).
        public var width: Int

        public init(summary: ProfileSummary, style: TextStyle, width: Int) {
            self.summary = summary
            self.style = style
            self.width = width
        }
    }

    public static func render(_ subject: Subject, format: ShowFormat) -> String {
        switch format {
        case .table: table(subject.summary, style: subject.style, width: subject.width)
        case .json: subject.summary.json.rendered() + "\n"
        }
    }

    /// `0 – 50`, `2M+`.
    public static func describe(range: DriverRange) -> String {
        guard let max = range.max else { return NumberFormatting.compact(range.min) + "+" }
        return NumberFormatting.compact(range.min) + " – " + NumberFormatting.compact(max)
    }

    static func table(_ summary: ProfileSummary, style: TextStyle, width: Int) -> String {
        let profile = summary.profile
        let money = { (value: Double) in NumberFormatting.money(value, currency: profile.currency) }
        let clean = { (text: String) in TextSafety.terminal(text) }
        let textWidth = min(width, 100)
        var out = style.bold("\(clean(profile.name)) (\(profile.id))") + "\n"
        if let description = profile.description {
            out += TextWrap.wrap(clean(description), width: textWidth, indent: 0) + "\n"
        }
        var facts = ["Driver: \(profile.driver.name) (\(clean(profile.driver.label)))", "Currency: \(profile.currency)"]
        if !profile.fx.isEmpty {
            facts.append(
                "FX: "
                    + profile.fx.keys.sorted().map {
                        "1 \($0) = \(NumberFormatting.plain(profile.fx[$0] ?? 0)) \(profile.currency)"
                    }.joined(separator: ", "))
        }
        out += facts.joined(separator: " · ") + "\n"
        if let source = profile.source { out += TextWrap.wrap("Source: \(clean(source))", width: textWidth, indent: 2) + "\n" }

        for (index, tierSummary) in summary.tiers.enumerated() {
            let tier = tierSummary.tier
            out += "\n" + style.bold("Tier \(index + 1)/\(summary.tiers.count): \(clean(tier.name)) (\(tier.id))")
            out += " · \(profile.driver.name) \(describe(range: tier.range))"
            if let timeline = tier.timeline { out += " · " + describe(timeline) }
            out += "\n"
            if let source = tier.source { out += TextWrap.wrap("  Source: \(clean(source))", width: textWidth, indent: 4) + "\n" }
            if !tierSummary.limits.isEmpty {
                out += "  Capacity:\n"
                var rows: [[String]] = []
                var formulas: [String] = []
                for limit in tierSummary.limits {
                    var name = limit.name
                    if let formula = limit.formula {
                        formulas.append(clean(formula))
                        name += " [\(formulas.count)]"
                    }
                    let decimals = limit.limit < 10 && limit.limit != limit.limit.rounded() ? 2 : 0
                    rows.append([name, NumberFormatting.grouped(limit.limit, decimals: decimals)])
                }
                out += TextTable.render(headers: ["LIMIT", "VALUE"], rows: rows, rightAligned: [1], indent: 4)
                for (number, formula) in formulas.enumerated() {
                    out += TextWrap.wrap("      [\(number + 1)] = \(formula)", width: textWidth, indent: 10) + "\n"
                }
            }
            if !tierSummary.costs.isEmpty {
                out += "  Costs (monthly):\n"
                var rows: [[String]] = []
                var footnotes: [String] = []
                for row in tierSummary.costs {
                    var name = TextTable.truncate(clean(row.item.item), 44)
                    if let formula = row.formula {
                        footnotes.append(clean(formula))
                        name += " [\(footnotes.count)]"
                    }
                    if let currency = row.item.currency, currency != profile.currency { name += " (\(currency))" }
                    rows.append([name, row.item.category, money(row.low), money(row.high)])
                }
                rows.append(["Total", "", money(tierSummary.totalLow), money(tierSummary.totalHigh)])
                out += TextTable.render(
                    headers: ["ITEM", "CATEGORY", "LOW", "HIGH"], rows: rows, rightAligned: [2, 3],
                    indent: 4)
                if !footnotes.isEmpty {
                    let range =
                        "\(NumberFormatting.compact(tierSummary.lowAt)) – \(NumberFormatting.compact(tierSummary.highAt)) \(profile.driver.name)"
                    out += "    Usage-priced, evaluated at \(range):\n"
                    for (number, formula) in footnotes.enumerated() {
                        out += TextWrap.wrap("      [\(number + 1)] \(formula)", width: textWidth, indent: 10) + "\n"
                    }
                }
            }
            if let slo = tier.slo {
                var parts: [String] = []
                if let p95 = slo.p95Milliseconds { parts.append("p95 ≤ \(NumberFormatting.grouped(p95)) ms") }
                if let uptime = slo.uptimePercent { parts.append("uptime \(NumberFormatting.plain(uptime))%") }
                if !parts.isEmpty { out += "  SLO: " + parts.joined(separator: " · ") + "\n" }
            }
            for queue in tier.queues {
                let line =
                    "  Queue \(queue.name) (M/M/c): servers = \(clean(queue.servers.description)); "
                    + "mean service = \(clean(queue.serviceMilliseconds.description)) ms; "
                    + "arrivals = \(clean(queue.arrival.text)) per second"
                out += TextWrap.wrap(line, width: textWidth, indent: 4) + "\n"
            }
            if !tier.triggers.isEmpty {
                out += "  Triggers:\n" + triggers(tier.triggers, style: style, width: width)
            }
            if let migration = tier.migration {
                var parts: [String] = []
                if let lead = migration.leadTimeMonths { parts.append("lead time \(describe(lead)) months") }
                if let downtime = migration.downtimeMinutes { parts.append("downtime \(describe(downtime)) min") }
                if let note = migration.note { parts.append(clean(note)) }
                out +=
                    TextWrap.wrap("  Migration into this tier: " + parts.joined(separator: " · "), width: textWidth, indent: 4)
                    + "\n"
            }
            if let team = tier.team {
                var parts: [String] = []
                if let headcount = team.headcount { parts.append("headcount \(describe(headcount))") }
                if let burn = team.burn {
                    let currency = team.currency ?? profile.currency
                    parts.append(
                        "burn \(NumberFormatting.money(burn.low, currency: currency)) – \(NumberFormatting.money(burn.high, currency: currency))/month"
                    )
                }
                out += "  Team: " + parts.joined(separator: " · ") + "\n"
                for hire in team.hires {
                    var line =
                        "    hire \(hire.count > 1 ? "\(hire.count) × " : "")\(clean(hire.role)) at \(NumberFormatting.compact(hire.at)) \(profile.driver.name)"
                    if let salary = hire.salary {
                        let currency = hire.currency ?? team.currency ?? profile.currency
                        line +=
                            " · \(NumberFormatting.money(salary.low, currency: currency)) – \(NumberFormatting.money(salary.high, currency: currency))/month"
                    }
                    out += line + "\n"
                }
            }
        }
        if !profile.triggers.isEmpty {
            out +=
                "\n" + style.bold("Global triggers (every tier):") + "\n" + triggers(profile.triggers, style: style, width: width)
        }
        out += "\n" + style.bold("Scenarios:") + "\n"
        for scenario in profile.scenarios {
            var line = "  \(scenario.id)\(scenario.isDefault ? " (default)" : ""): \(scenario.growth.kind.rawValue)"
            if let months = scenario.months { line += ", \(months) months" }
            if let name = scenario.name { line += " — \(clean(name))" }
            out += line + "\n"
        }
        if !profile.notes.isEmpty {
            out += "\n" + style.bold("Notes:") + "\n"
            for note in profile.notes {
                out += TextWrap.wrap("  - " + clean(note), width: textWidth, indent: 4) + "\n"
            }
        }
        return out
    }

    static func triggers(_ triggers: [Trigger], style: TextStyle, width: Int) -> String {
        let textWidth = min(width, 100)
        var out = ""
        for trigger in triggers {
            let severity: String =
                switch trigger.severity {
                case .critical: style.red("critical")
                case .warning: style.yellow("warning ")
                case .info: "info    "
                }
            let condition = TextSafety.terminal(trigger.condition.summary)
            let action = TextSafety.terminal(trigger.action) + (trigger.target.map { " → \($0)" } ?? "")
            out += TextWrap.wrap("    \(severity) \(trigger.id): when \(condition)", width: textWidth, indent: 8) + "\n"
            out += TextWrap.wrap("        → \(action)", width: textWidth, indent: 10) + "\n"
        }
        return out
    }

    static func describe(_ timeline: Timeline) -> String {
        if let label = timeline.label { return TextSafety.terminal(label) }
        guard let end = timeline.end else { return "month \(NumberFormatting.plain(timeline.start))+" }
        return "months \(NumberFormatting.plain(timeline.start))–\(NumberFormatting.plain(end))"
    }

    static func describe(_ range: NumberRange) -> String {
        range.low == range.high
            ? NumberFormatting.plain(range.low)
            : "\(NumberFormatting.plain(range.low))–\(NumberFormatting.plain(range.high))"
    }
}
