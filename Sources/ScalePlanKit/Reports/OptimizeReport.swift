/// `scaleplan optimize` in every format: the cheapest schedule (runs of months on one way), the
/// moves with their start dates, the total against the plan's own path, and what each option
/// would cost.
public enum OptimizeReport: Report {
    public static let schema = "scaleplan.optimize/1"

    public static func render(_ result: OptimizeResult, format: ReportFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(result, width: layout.width)
        case .json: json(result).rendered() + "\n"
        case .csv: csv(result)
        case .markdown: markdown(result)
        }
    }

    static func money(_ value: Double, _ result: OptimizeResult) -> String {
        NumberFormatting.money(value, currency: result.compiled.profile.currency)
    }

    static func month(_ month: Int, _ result: OptimizeResult) -> String { YearMonth.label(month, start: result.start) }

    /// What was run: growth, trials or not, horizon, discount, overrides.
    static func header(_ result: OptimizeResult) -> String {
        var text = "Growth: \(result.growthSource) · "
        text +=
            result.trials > 0
            ? "\(NumberFormatting.grouped(Double(result.trials))) trials, seed \(result.seed), each month carried in ≥ \(NumberFormatting.percent(result.confidence)) of them"
            : "deterministic"
        text += " · \(result.months) months"
        if let start = result.start { text += " from \(start)" }
        text += " · in \(result.compiled.profile.currency)"
        if result.discountRate > 0 { text += " · discounted at \(NumberFormatting.percent(result.discountRate)) a year" }
        return text + (ParamOverride.header(result.compiled.overrides).map { " · " + $0 } ?? "")
    }

    /// The totals in one sentence.
    static func summary(_ result: OptimizeResult) -> String {
        let expected = result.trials > 0 ? "expected " : ""
        var text =
            "Cheapest path: \(money(result.total, result)) \(expected)over \(result.months) months; the plan's own path: \(money(result.planTotal, result))"
        let saving = result.saving
        if abs(saving) < 0.005 {
            text += " (the same)."
        } else if saving > 0 {
            text += "; saving \(money(saving, result))"
            if result.planTotal > 0 { text += " (\(NumberFormatting.percent(saving / result.planTotal)))" }
            text += "."
        } else {
            text += ", \(money(-saving, result)) less"
            text += result.planGaps.isEmpty ? "." : ", because it does not carry the load in every month."
        }
        return text
    }

    /// Months as runs: `M7–M9, M14`.
    static func monthRuns(_ months: [Int], _ result: OptimizeResult) -> String {
        var runs: [(Int, Int)] = []
        for month in months {
            if let last = runs.last, last.1 + 1 == month { runs[runs.count - 1].1 = month } else { runs.append((month, month)) }
        }
        return runs.map { $0.0 == $0.1 ? month($0.0, result) : "\(month($0.0, result))–\(month($0.1, result))" }
            .joined(separator: ", ")
    }

    /// Months the plan's own path, and the cheapest schedule (`--allow-gaps`), cannot carry.
    static func gapText(_ result: OptimizeResult) -> String? {
        let sure = result.trials > 0 ? " in \(NumberFormatting.percent(result.confidence)) of trials" : ""
        var lines: [String] = []
        if !result.gaps.isEmpty {
            lines.append(
                "No schedule carries the load\(sure) in \(monthRuns(result.gaps, result)): the one below has the fewest such months."
            )
        }
        if !result.planGaps.isEmpty {
            lines.append("The plan's own path does not carry the load\(sure) in \(monthRuns(result.planGaps, result)).")
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// The decision in words: each move's start date, and which option of each tier with options
    /// is taken and by how much it is cheaper.
    public static func advice(_ result: OptimizeResult) -> [String] {
        var lines: [String] = []
        for stage in Set(result.considered.map(\.stage)).sorted() {
            let rows = result.considered.filter { $0.stage == stage }
            guard let chosen = rows.first(where: \.chosen) ?? rows.filter({ $0.total != nil }).min(by: { $0.total! < $1.total! })
            else { continue }
            let others = rows.filter { $0.way != chosen.way }
            let name = result.ways[chosen.way].tierName
            let option = result.ways[chosen.way].optionLabel
            guard chosen.chosen, let best = chosen.total else {
                lines.append("\(name): no option of it is on the cheapest path (it is skipped or never needed).")
                continue
            }
            // A path can bridge with one option while another is prepared: name them in order.
            let used = result.schedule.map(\.way).reduce(into: [Int]()) { ways, way in
                if rows.contains(where: { $0.way == way }) && !ways.contains(way) { ways.append(way) }
            }
            guard used.count == 1 else {
                let labels = used.map { result.ways[$0].optionLabel }
                lines.append("\(name): run \(labels.joined(separator: ", then ")) (see the schedule).")
                continue
            }
            let compared = others.map { other -> String in
                guard let total = other.total else {
                    return "\(result.ways[other.way].optionLabel): \(other.note ?? "not feasible")"
                }
                let difference = total - best
                return abs(difference) < 0.005
                    ? "as cheap as \(result.ways[other.way].optionLabel)"
                    : "\(money(difference, result)) cheaper than \(result.ways[other.way].optionLabel)"
            }
            lines.append("\(name): take \(option)" + (compared.isEmpty ? "." : " — " + compared.joined(separator: "; ") + "."))
        }
        for move in result.moves {
            let to = result.label(move.to)
            if move.leadMonths > 0 {
                lines.append(
                    "Start the move to \(to) by \(month(move.startMonth, result)) to run on it from \(month(move.doneMonth, result)) (\(move.leadMonths) month\(move.leadMonths == 1 ? "" : "s") lead time)."
                )
            } else {
                lines.append("Move to \(to) in \(month(move.doneMonth, result)).")
            }
        }
        return lines
    }

    /// The schedule as runs of months on one way.
    static func runs(_ result: OptimizeResult) -> [(first: Int, last: Int, way: Int)] {
        var runs: [(first: Int, last: Int, way: Int)] = []
        for step in result.schedule {
            if let last = runs.last, last.way == step.way {
                runs[runs.count - 1].last = step.month
            } else {
                runs.append((step.month, step.month, step.way))
            }
        }
        return runs
    }

    /// A run's carrying probability and monthly cost: `100%`, `$1,200 – $2,400`.
    static func runFacts(_ run: (first: Int, last: Int, way: Int), _ result: OptimizeResult) -> (String, String) {
        let steps = result.schedule[run.first...run.last]
        let lowest = steps.map(\.carriesProbability).min() ?? 0
        let costs = steps.map(\.expectedCost)
        let low = costs.min() ?? 0, high = costs.max() ?? 0
        let cost = abs(high - low) < 0.005 ? money(low, result) : "\(money(low, result)) – \(money(high, result))"
        let carried = lowest >= result.confidence - 1e-12
        return ((carried ? "" : "✗ ") + (lowest >= 1 ? "100%" : "≥ " + NumberFormatting.percent(lowest)), cost)
    }

    static func moveFacts(_ move: OptimizeResult.Move, _ result: OptimizeResult) -> [String] {
        [
            month(move.startMonth, result), month(move.doneMonth, result),
            "\(result.label(move.from)) → \(result.label(move.to))",
            "\(move.leadMonths) mo", move.oneOffCost > 0 ? money(move.oneOffCost, result) : "–",
        ]
    }

    static func consideredFacts(_ row: OptimizeResult.Considered, _ result: OptimizeResult) -> [String] {
        let way = result.ways[row.way]
        let best = result.considered.filter { $0.stage == row.stage }.compactMap(\.total).min()
        let versus: String
        if let total = row.total, let best {
            versus = abs(total - best) < 0.005 ? "cheapest" : "+" + money(total - best, result)
        } else {
            versus = row.note ?? "–"
        }
        return [
            way.tierName, way.optionLabel + (way.isPlanned ? ", as planned" : "") + (row.chosen ? " ✓" : ""),
            row.total.map { money($0, result) } ?? "–", versus,
        ]
    }

    static func table(_ result: OptimizeResult, width: Int) -> String {
        let profile = result.compiled.profile
        let text = { (line: String) in TextWrap.wrap(TextSafety.terminal(line), width: width, indent: 0) + "\n" }
        var out =
            TextWrap.wrap(TextSafety.terminal("\(profile.name) (\(profile.id)) — the cheapest path"), width: width, indent: 2)
            + "\n"
        out += text(header(result)) + text(summary(result))
        if let gaps = gapText(result) { out += text(gaps) }
        out += "\n"
        for line in advice(result) { out += text("• " + line) }
        out += "\nSCHEDULE\n"
        out += TextTable.render(
            [
                TableColumn("MONTHS"), TableColumn("RUNS ON", shrinksTo: 16), TableColumn("CARRIES", .right, dropRank: 1),
                TableColumn("COST / MONTH", .right),
            ],
            rows: runs(result).map { run in
                let facts = runFacts(run, result)
                let months =
                    run.first == run.last ? month(run.first, result) : "\(month(run.first, result))–\(month(run.last, result))"
                return [months, TextSafety.terminal(result.label(run.way)), facts.0, facts.1]
            }, width: width)
        if !result.moves.isEmpty {
            out += "\nMOVES\n"
            out += TextTable.render(
                [
                    TableColumn("START BY"), TableColumn("RUNS FROM"), TableColumn("MOVE", shrinksTo: 16),
                    TableColumn("LEAD", .right, dropRank: 2), TableColumn("ONE-OFF", .right, dropRank: 1),
                ],
                rows: result.moves.map { moveFacts($0, result).map { TextSafety.terminal($0) } }, width: width)
        }
        if !result.considered.isEmpty {
            out += "\nOPTIONS CONSIDERED (the cheapest path with each)\n"
            out += TextTable.render(
                [
                    TableColumn("TIER", shrinksTo: 10), TableColumn("OPTION", shrinksTo: 12), TableColumn("TOTAL", .right),
                    TableColumn("VS THE CHEAPEST", dropRank: 1),
                ],
                rows: result.considered.map { consideredFacts($0, result).map { TextSafety.terminal($0) } }, width: width)
        }
        out += "\n" + text(legend(result))
        return out
    }

    static func legend(_ result: OptimizeResult) -> String {
        (result.trials > 0
            ? "A way carries a month when its limits hold in at least \(NumberFormatting.percent(result.confidence)) of the trials; costs are means over the trials, lead times taken at their \(NumberFormatting.percent(result.confidence)) quantile. "
            : "A way carries a month when every limit holds; lead times at their high end. ")
            + "Totals are monthly costs plus one-off migration costs (paid when a move starts). Moves go up the tier list or between a tier's options"
            + (result.compiled.profile.allowsDowngrade ? ", or down (allow_downgrade)" : "")
            + "; a tier is passed over only when it is skippable."
    }

    static func way(_ index: Int, _ result: OptimizeResult) -> JSONOutput {
        let way = result.ways[index]
        return .object([("tier", .string(way.tier)), ("option", .string(way.option))])
    }

    static func json(_ result: OptimizeResult) -> JSONOutput {
        .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(result.compiled.overrides)),
            ("profile", JSONOutput.profile(result.compiled.profile)), ("growth", .string(result.growthSource)),
            ("months", .number(Double(result.months))), ("start", .string(result.start?.description)),
            ("trials", .number(Double(result.trials))), ("confidence", .number(result.confidence)),
            ("seed", result.trials > 0 ? .string(String(result.seed)) : .null),
            ("discount_rate", .number(result.discountRate)),
            ("total_expected_cost", .number(result.total)), ("plan_total_expected_cost", .number(result.planTotal)),
            ("saving", .number(result.saving)),
            ("plan_gaps", .array(result.planGaps.map { .number(Double($0)) })),
            ("gaps", .array(result.gaps.map { .number(Double($0)) })),
            ("advice", .array(advice(result).map { .string($0) })),
            (
                "schedule",
                .array(
                    result.schedule.map { step in
                        .object([
                            ("month", .number(Double(step.month))), ("label", .string(month(step.month, result))),
                            ("tier", .string(result.ways[step.way].tier)), ("option", .string(result.ways[step.way].option)),
                            ("carries_probability", .number(step.carriesProbability)),
                            ("expected_cost", .number(step.expectedCost)),
                        ])
                    })
            ),
            (
                "moves",
                .array(
                    result.moves.map { move in
                        .object([
                            ("start_month", .number(Double(move.startMonth))), ("done_month", .number(Double(move.doneMonth))),
                            ("from", way(move.from, result)), ("to", way(move.to, result)),
                            ("lead_time_months", .number(Double(move.leadMonths))), ("one_off_cost", .number(move.oneOffCost)),
                        ])
                    })
            ),
            (
                "options_considered",
                .array(
                    result.considered.map { row in
                        .object([
                            ("tier", .string(result.ways[row.way].tier)), ("option", .string(result.ways[row.way].option)),
                            ("name", .string(result.ways[row.way].optionLabel)),
                            ("planned", .bool(result.ways[row.way].isPlanned)), ("chosen", .bool(row.chosen)),
                            ("total_expected_cost", .number(row.total)), ("note", .string(row.note)),
                        ])
                    })
            ),
        ])
    }

    /// One row per month.
    static func csv(_ result: OptimizeResult) -> String {
        var out = "month,label,tier,option,carries_probability,expected_cost\n"
        for step in result.schedule {
            let way = result.ways[step.way]
            out +=
                [
                    String(step.month), month(step.month, result), TextSafety.csvText(TextSafety.terminal(way.tier)),
                    TextSafety.csvText(TextSafety.terminal(way.option)), NumberFormatting.plain(step.carriesProbability),
                    NumberFormatting.plain(step.expectedCost),
                ].joined(separator: ",") + "\n"
        }
        return out
    }

    static func markdown(_ result: OptimizeResult) -> String {
        let md = TextSafety.markdown
        var out = "# \(md(result.compiled.profile.name)): the cheapest path\n\n\(md(header(result)))\n\n"
        out += "**\(md(summary(result)))**\n\n"
        if let gaps = gapText(result) { out += md(gaps) + "\n\n" }
        for line in advice(result) { out += "- \(md(line))\n" }
        out += "\n" + pathTables(result) + "\n" + md(legend(result)) + "\n"
        return out
    }

    /// A table of the report: headers, which columns are numbers (right-aligned), rows.
    struct Table {
        var headers: [String]
        var numeric: Set<Int>
        var rows: [[String]]
    }

    /// The schedule (runs of months), the moves and the options considered, as the markdown and
    /// HTML outputs (and the roadmap) lay them out.
    static func tables(_ result: OptimizeResult) -> [Table] {
        var tables = [
            Table(
                headers: ["Months", "Runs on", "Carries", "Cost / month"], numeric: [2, 3],
                rows: runs(result).map { run in
                    let facts = runFacts(run, result)
                    let months =
                        run.first == run.last
                        ? month(run.first, result) : "\(month(run.first, result))–\(month(run.last, result))"
                    return [months, result.label(run.way), facts.0, facts.1]
                })
        ]
        if !result.moves.isEmpty {
            tables.append(
                Table(
                    headers: ["Start by", "Runs from", "Move", "Lead", "One-off"], numeric: [3, 4],
                    rows: result.moves.map { moveFacts($0, result) }))
        }
        if !result.considered.isEmpty {
            tables.append(
                Table(
                    headers: ["Tier", "Option", "Cheapest path with it", "vs the cheapest"], numeric: [2],
                    rows: result.considered.map { consideredFacts($0, result) }))
        }
        return tables
    }

    /// The tables in markdown.
    static func pathTables(_ result: OptimizeResult) -> String {
        let md = TextSafety.markdown
        return tables(result).map { table in
            "| " + table.headers.joined(separator: " | ") + " |\n|"
                + table.headers.indices.map { table.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
                + table.rows.map { "| " + $0.map(md).joined(separator: " | ") + " |\n" }.joined()
        }.joined(separator: "\n")
    }

    /// The tables in HTML, every cell escaped by `escape`.
    static func htmlTables(_ result: OptimizeResult, escape: (String) -> String) -> String {
        tables(result).map { table in
            func cell(_ tag: String, _ index: Int, _ text: String) -> String {
                "<\(tag)\(table.numeric.contains(index) ? " class=\"n\"" : "")>\(escape(text))</\(tag)>"
            }
            return "<table>\n<thead><tr>" + table.headers.enumerated().map { cell("th", $0, $1) }.joined() + "</tr></thead>\n"
                + table.rows.map { "<tr>" + $0.enumerated().map { cell("td", $0, $1) }.joined() + "</tr>\n" }.joined()
                + "</table>\n"
        }.joined()
    }
}
