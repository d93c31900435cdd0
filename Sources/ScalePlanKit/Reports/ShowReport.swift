/// `show`: the plan as the engine reads it — each tier's range, limits, costs (evaluated at its
/// range), targets and triggers — as a terminal layout or JSON.
public enum ShowReport: Report {
    public typealias Subject = ProfileSummary

    public static func render(_ summary: ProfileSummary, format: ShowFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(summary, style: layout.style, width: layout.width)
        case .json: summary.json.rendered() + "\n"
        }
    }

    /// `0 – 50`, `2M+`.
    /// A param's value, unit and label in one line.
    static func describe(_ param: Param) -> String {
        var line = "\(param.name) = \(param.value.summary)" + (param.unit.map { " \($0)" } ?? "")
        if let label = param.label { line += " — \(label)" }
        if param.observed { line += " (observed in production)" }
        return line
    }

    public static func describe(range: DriverRange) -> String {
        guard let max = range.max else { return NumberFormatting.compact(range.min) + "+" }
        return NumberFormatting.compact(range.min) + " – " + NumberFormatting.compact(max)
    }

    static func table(_ summary: ProfileSummary, style: TextStyle, width: Int) -> String {
        let profile = summary.profile
        let money = { (value: Double) in NumberFormatting.money(value, currency: profile.currency) }
        let clean = { (text: String) in TextSafety.terminal(text) }
        /// Wrapped text at `indent`, continuation lines `hang` further in.
        func paragraph(_ text: String, indent: Int, hang: Int = 2) -> String {
            TextWrap.wrap(String(repeating: " ", count: indent) + clean(text), width: width, indent: indent + hang) + "\n"
        }
        var out = style.bold(TextWrap.wrap("\(clean(profile.name)) (\(profile.id))", width: width, indent: 2)) + "\n"
        if let description = profile.description { out += paragraph(description, indent: 0, hang: 0) }
        var facts = [
            "Driver: \(profile.driver.name) (\(profile.driver.label), per \(profile.driver.unit))",
            "Currency: \(profile.currency)",
        ]
        if !profile.fx.isEmpty {
            facts.append(
                "FX: "
                    + profile.fx.keys.sorted().map {
                        "1 \($0) = \(NumberFormatting.plain(profile.fx[$0] ?? 0)) \(profile.currency)"
                    }.joined(separator: ", "))
        }
        out += paragraph(facts.joined(separator: " · "), indent: 0)
        if let source = profile.source { out += paragraph("Source: \(source)", indent: 0) }

        if !profile.params.isEmpty {
            out += "\n" + style.bold("Params (\(profile.params.count)):") + "\n"
            for param in profile.params {
                out += paragraph(describe(param), indent: 2, hang: 4)
                if let assumption = param.assumption { out += paragraph("Assumption: \(assumption)", indent: 6) }
                if let source = param.source { out += paragraph("Source: \(source)", indent: 6) }
            }
        }
        if !profile.metrics.isEmpty {
            out += "\n" + style.bold("Metrics (\(profile.metrics.count)):") + "\n"
            for metric in profile.metrics {
                var line =
                    metric.initial.map {
                        "\(metric.name): a stock from \(NumberFormatting.plain($0)), adding \(metric.expression.text) each month"
                    } ?? "\(metric.name) = \(metric.expression.text)"
                line += metric.unit.map { "  [\($0)]" } ?? ""
                if let label = metric.label { line += " — \(label)" }
                out += paragraph(line, indent: 2, hang: 4)
                if let assumption = metric.assumption { out += paragraph("Assumption: \(assumption)", indent: 6) }
                if let source = metric.source { out += paragraph("Source: \(source)", indent: 6) }
            }
        }
        if let revenue = profile.revenue {
            out += "\n" + paragraph("Revenue = \(revenue.text) (\(profile.currency) a month)", indent: 0)
        }
        if profile.tierSelection == .capacity {
            out +=
                "\n"
                + paragraph(
                    "Tiers are chosen by capacity: each month's tier is the lowest whose limits carry that month's load"
                        + (profile.tiers.contains(where: \.rangeDerived)
                            ? "; the \(profile.driver.name) ranges below are derived from the limits." : "."),
                    indent: 0)
        }
        if profile.metrics.contains(where: { $0.initial != nil }) {
            out += paragraph(
                "Tier tables evaluate a stock at month 0 (its initial value plus one month's amount); simulate follows it month by month.",
                indent: 0)
        }

        var blocks: [(ProfileSummary.TierSummary, String)] = []
        for (index, tierSummary) in summary.tiers.enumerated() {
            let tier = tierSummary.tier
            var heading = "Tier \(index + 1)/\(summary.tiers.count): \(clean(tier.name)) (\(tier.id))"
            heading += " · \(profile.driver.name) \(describe(range: tier.range))" + (tier.rangeDerived ? " (derived)" : "")
            if let timeline = tier.timeline { heading += " · " + describe(timeline) }
            let options = summary.options(of: index)
            if !options.isEmpty || tier.option != Tier.plannedOption {
                heading += " · option \(clean(tier.option))" + (tier.optionName.map { ": \(clean($0))" } ?? "")
            }
            if tier.skippable { heading += " · skippable" }
            blocks.append((tierSummary, heading))
            for option in options {
                var optionHeading = "Option \(clean(option.tier.option)) of \(clean(tier.name)) (\(clean(option.tier.id)))"
                if let name = option.tier.optionName { optionHeading += ": \(clean(name))" }
                blocks.append((option, optionHeading))
            }
        }
        for (tierSummary, heading) in blocks {
            let tier = tierSummary.tier
            out += "\n" + style.bold(TextWrap.wrap(heading, width: width, indent: 2)) + "\n"
            if let source = tier.source { out += paragraph("Source: \(source)", indent: 2) }
            if !tier.uses.isEmpty {
                out += paragraph("Uses: " + tier.uses.joined(separator: ", ") + " (items marked with the component)", indent: 2)
            }
            if !tier.params.isEmpty {
                out += "  Params (this tier's, in place of the global ones):\n"
                for param in tier.params { out += paragraph(describe(param), indent: 4, hang: 4) }
            }
            if !tierSummary.limits.isEmpty {
                out += "  Capacity:\n"
                var rows: [[String]] = []
                var footnotes: [String] = []
                for row in tierSummary.limits {
                    var name = clean(row.limit.metric) + (row.limit.component.map { " (\(clean($0)))" } ?? "")
                    var notes: [String] = []
                    if let formula = row.formula { notes.append("= \(formula)") }
                    if row.limit.headroom > 0 {
                        notes.append(
                            "includes \(NumberFormatting.percent(row.limit.headroom)) headroom over "
                                + NumberFormatting.quantity(row.value / (1 + row.limit.headroom)))
                    }
                    if row.limit.primary { notes.append("primary: the limit that sizes this tier") }
                    if let source = row.limit.source { notes.append("source: \(source)") }
                    if !notes.isEmpty {
                        footnotes.append(notes.joined(separator: "; "))
                        name += " [\(footnotes.count)]"
                    }
                    let decimals = row.value < 10 && row.value != row.value.rounded() ? 2 : 0
                    rows.append([name, NumberFormatting.grouped(row.value, decimals: decimals), clean(row.limit.label ?? "")])
                }
                out += TextTable.render(
                    [TableColumn("LIMIT", shrinksTo: 12), TableColumn("VALUE", .right), TableColumn("WHAT", shrinksTo: 10)],
                    rows: rows, width: width, indent: 4)
                for (number, note) in footnotes.enumerated() { out += paragraph("[\(number + 1)] \(note)", indent: 6, hang: 4) }
            }
            if !tierSummary.costs.isEmpty {
                out += "  Costs (monthly):\n"
                var rows: [[String]] = []
                var footnotes: [String] = []
                for row in tierSummary.costs {
                    var name = clean(row.item.displayName)
                    var notes: [String] = []
                    if row.item.credit { notes.append("credit: subtracted from the total") }
                    if let formula = row.formula { notes.append((row.usagePriced ? "usage-priced: " : "computed: ") + formula) }
                    if let note = row.item.note { notes.append(note) }
                    if let source = row.item.source { notes.append("source: \(source)") }
                    if !notes.isEmpty {
                        footnotes.append(notes.joined(separator: "; "))
                        name += " [\(footnotes.count)]"
                    }
                    if let currency = row.item.currency, currency != profile.currency { name += " (\(currency))" }
                    rows.append([name, row.item.category, money(row.low), money(row.high)])
                }
                rows.append(["Total", "", money(tierSummary.totalLow), money(tierSummary.totalHigh)])
                out += TextTable.render(
                    [
                        TableColumn("ITEM", shrinksTo: 14), TableColumn("CATEGORY", shrinksTo: 8), TableColumn("LOW", .right),
                        TableColumn("HIGH", .right),
                    ], rows: rows, width: width, indent: 4)
                if tierSummary.costs.contains(where: \.usagePriced) {
                    let low = NumberFormatting.compact(tierSummary.lowAt), high = NumberFormatting.compact(tierSummary.highAt)
                    out += paragraph(
                        tier.range.max == nil
                            ? "Usage-priced items are evaluated at \(low) \(profile.driver.name), where this open-ended tier starts."
                            : "Usage-priced items are evaluated at \(low) – \(high) \(profile.driver.name): low at the first, high at the second.",
                        indent: 4)
                }
                for (number, note) in footnotes.enumerated() { out += paragraph("[\(number + 1)] \(note)", indent: 6, hang: 4) }
            }
            if let slo = tier.slo {
                var parts: [String] = []
                if let p95 = slo.p95Milliseconds { parts.append("p95 ≤ \(NumberFormatting.grouped(p95)) ms") }
                if let uptime = slo.uptimePercent { parts.append("uptime \(NumberFormatting.plain(uptime))%") }
                if !parts.isEmpty { out += paragraph("SLO: " + parts.joined(separator: " · "), indent: 2) }
            }
            for queue in tier.queues {
                var line =
                    "Queue \(queue.name) (M/M/c): servers = \(queue.servers.description); "
                    + "mean service = \(queue.serviceMilliseconds.description) ms; "
                    + "arrivals = \(queue.arrival.text) per second"
                if let target = queue.p95Milliseconds { line += "; p95 target \(NumberFormatting.grouped(target)) ms" }
                out += paragraph(line, indent: 2)
            }
            if !tier.triggers.isEmpty {
                out += "  Triggers:\n" + triggers(tier.triggers, style: style, width: width)
            }
            if let migration = tier.migration {
                var parts: [String] = []
                if let lead = migration.leadTimeMonths { parts.append("lead time \(describe(lead)) months") }
                if let downtime = migration.downtimeMinutes { parts.append("downtime \(describe(downtime)) min") }
                if let cost = migration.cost {
                    parts.append(
                        "one-off cost "
                            + (cost.low == cost.high
                                ? money(cost.low) : "\(money(cost.low)) – \(money(cost.high))"))
                }
                if let note = migration.note { parts.append(note) }
                out += paragraph("Migration into this tier: " + parts.joined(separator: " · "), indent: 2)
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
                out += paragraph("Team: " + parts.joined(separator: " · "), indent: 2)
                for hire in team.hires {
                    var line =
                        "hire \(hire.count > 1 ? "\(hire.count) × " : "")\(hire.role) at \(NumberFormatting.compact(hire.at)) \(profile.driver.name)"
                    if let salary = hire.salary {
                        let currency = hire.currency ?? team.currency ?? profile.currency
                        line +=
                            " · \(NumberFormatting.money(salary.low, currency: currency)) – \(NumberFormatting.money(salary.high, currency: currency))/month"
                    }
                    if let why = hire.why { line += " — \(why)" }
                    out += paragraph(line, indent: 4)
                }
            }
            if !tier.notes.isEmpty {
                out += "  Notes:\n"
                for note in tier.notes { out += paragraph("- " + note, indent: 4) }
            }
        }
        if !profile.triggers.isEmpty {
            out +=
                "\n" + style.bold("Global triggers (every tier):") + "\n" + triggers(profile.triggers, style: style, width: width)
        }
        out += "\n" + style.bold("Scenarios:") + "\n"
        for scenario in profile.scenarios {
            var line = "\(scenario.id)\(scenario.isDefault ? " (default)" : ""): \(scenario.growth.kind.rawValue)"
            if let months = scenario.months { line += ", \(months) months" }
            if let start = scenario.start { line += " from \(start)" }
            if let name = scenario.name { line += " — \(name)" }
            out += paragraph(line, indent: 2)
            if !scenario.params.isEmpty {
                let sets = scenario.params.map { "\(clean($0.name)) = \($0.value.summary)" }.joined(separator: "; ")
                out += paragraph("sets " + sets, indent: 4, hang: 2)
            }
        }
        if !profile.observe.isEmpty {
            out += "\n" + style.bold("Observed from Prometheus (check --prometheus, rules):") + "\n"
            for query in profile.observe {
                out += paragraph(
                    "\(clean(query.name)) = \(clean(query.query))\(query.example ? " (example)" : "")", indent: 2, hang: 4)
                if let note = query.note { out += paragraph(note, indent: 6, hang: 0) }
            }
        }
        if !profile.notes.isEmpty {
            out += "\n" + style.bold("Notes:") + "\n"
            for note in profile.notes { out += paragraph("- " + note, indent: 2) }
        }
        return out
    }

    static func triggers(_ triggers: [Trigger], style: TextStyle, width: Int) -> String {
        var out = ""
        for trigger in triggers {
            let label = trigger.severity.rawValue
            let condition = TextSafety.terminal(trigger.condition.summary)
            let action = TextSafety.terminal(trigger.action) + (trigger.target.map { " → \($0)" } ?? "")
            let from = trigger.component.map { " (\(TextSafety.terminal($0)))" } ?? ""
            let line = TextWrap.wrap("    \(label.padding(8)) \(trigger.id)\(from): when \(condition)", width: width, indent: 8)
            // The severity is coloured after wrapping, so the codes never count as text.
            let colored =
                switch trigger.severity {
                case .critical: style.red(label)
                case .warning: style.yellow(label)
                case .info: label
                }
            out += "    " + colored + line.dropFirst(4 + label.count) + "\n"
            out += TextWrap.wrap("        → \(action)", width: width, indent: 10) + "\n"
        }
        return out
    }

    static func describe(_ timeline: Timeline) -> String {
        if let label = timeline.label { return TextSafety.terminal(label) }
        guard let end = timeline.end else { return "month \(NumberFormatting.plain(timeline.start))+" }
        return "months \(NumberFormatting.plain(timeline.start))–\(NumberFormatting.plain(end))"
    }

    static func describe(_ range: NumberRange) -> String {
        NumberFormatting.proseRange(range.low, range.high)
            + (range.mode.map { " (most likely \(NumberFormatting.prose($0)))" } ?? "")
    }
}
