/// Monte Carlo output in every format. The table shows each quantity's P50 with its P10–P90
/// band; JSON and CSV carry every percentile, the mean and the odds by month.
public enum MonteCarloReport: Report {
    public static let schema = "scaleplan.montecarlo/3"

    public static func render(_ result: MonteCarloResult, format: ReportFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(result, width: layout.width)
        case .json: json(result).rendered() + "\n"
        case .csv: csv(result)
        case .markdown: markdown(result)
        }
    }

    static func header(_ result: MonteCarloResult) -> String {
        var text =
            "Growth: \(result.growthSource) · \(NumberFormatting.grouped(Double(result.trials))) trials, seed \(result.seed)"
            + " · \(result.months) months"
        if let start = result.start { text += " from \(start)" }
        text += " · each cell is P50 [P10–P90]; monthly costs in \(result.profile.currency)"
        return text + (ParamOverride.header(result.compiled.overrides).map { " · " + $0 } ?? "")
    }

    /// The series shown in the table: the driver, cost, and revenue and margin when modelled.
    static func shownSeries(_ result: MonteCarloResult) -> [MonteCarloResult.Series] {
        result.series.filter { [.driver, .cost, .revenue, .margin].contains($0.kind) }
    }

    /// `P50 [P10–P90]`, or just the value when every trial agrees; compact (`$11.5K`) from
    /// 10,000 up so a row stays narrow; money below that with the column's `decimals`.
    static func cell(
        _ percentiles: MonteCarloResult.Percentiles, kind: MonteCarloResult.Series.Kind, text: ReportText, decimals: Int
    ) -> String {
        let format: (Double?) -> String = { value in
            guard let value, value.isFinite else { return "–" }
            if Swift.abs(value) >= 10_000 {
                let compact = NumberFormatting.compact(value)
                guard kind != .driver else { return compact }
                let symbol = NumberFormatting.currencySymbols[text.profile.currency]
                let body = value < 0 ? String(compact.dropFirst()) : compact
                return (value < 0 ? "-" : "") + (symbol.map { $0 + body } ?? body + " " + text.profile.currency)
            }
            return kind == .driver
                ? NumberFormatting.grouped(value)
                : NumberFormatting.money(value, currency: text.profile.currency, decimals: decimals)
        }
        let middle = format(percentiles.p50)
        if percentiles.p10 == percentiles.p90 { return middle }
        return "\(middle) [\(format(percentiles.p10))–\(format(percentiles.p90))]"
    }

    /// The decimals of a series' money cells: one count for the whole column. Whole units as
    /// soon as any amount in it reaches 100 (a percentile's cents are noise beside its spread),
    /// else `moneyDecimals` (per-user amounts: `$0.42 [$0.31–$0.55]`).
    static func decimals(_ series: MonteCarloResult.Series) -> Int {
        let values = series.months.flatMap { [$0.p10, $0.p50, $0.p90] }.compactMap { $0 }.filter(\.isFinite)
        return values.contains { Swift.abs($0) >= 100 } ? 0 : NumberFormatting.moneyDecimals(values)
    }

    /// Checkpoint months for the tier table: every 12 months and the last.
    static func checkpoints(_ months: Int) -> [Int] {
        var points = Array(stride(from: 11, to: months - 1, by: 12))
        points.append(months - 1)
        return Array(points.suffix(6))
    }

    /// When a trigger first fires, in words where trials run past the horizon: `M14 [M11–M20]`,
    /// `M14 [M11 – after M35]`, `after M35 in most trials (M20 in the earliest 10%)`.
    static func firstMonth(_ odds: MonteCarloResult.TriggerOdds, _ result: MonteCarloResult) -> String {
        let first = odds.firstMonth
        let after = "after \(result.label(result.months - 1))"
        guard let p50 = first.p50 else {
            return "\(after) in most trials" + (first.p10.map { " (\(result.label($0)) in the earliest 10%)" } ?? "")
        }
        let low = first.p10.map { result.label($0) } ?? result.label(p50)
        guard let p90 = first.p90 else { return "\(result.label(p50)) [\(low) – \(after)]" }
        if first.p10 == p90 { return result.label(p50) }
        return "\(result.label(p50)) [\(low)–\(result.label(p90))]"
    }

    static func table(_ result: MonteCarloResult, width: Int) -> String {
        let text = ReportText(profile: result.profile)
        var out =
            TextWrap.wrap(
                TextSafety.terminal("\(result.profile.name) (\(result.profile.id)) — Monte Carlo"), width: width, indent: 2)
            + "\n"
        out += TextWrap.wrap(TextSafety.terminal(header(result)), width: width, indent: 0) + "\n\n"
        let series = shownSeries(result)
        let columns =
            [TableColumn("MONTH")]
            + series.map { series in
                TableColumn(
                    TextSafety.terminal(series.name.uppercased()), .right,
                    dropRank: series.kind == .revenue ? 1 : series.kind == .margin ? 2 : nil)
            }
        let decimals = series.map(Self.decimals)
        let rows = (0..<result.months).map { month in
            [result.label(month)]
                + series.indices.map { cell(series[$0].months[month], kind: series[$0].kind, text: text, decimals: decimals[$0]) }
        }
        out += TextTable.render(columns, rows: rows, width: width)
        out +=
            "\n"
            + TextWrap.wrap(
                "TRIGGERS — probability of firing within \(result.months) months, first month P50 [P10–P90]:", width: width,
                indent: 2) + "\n"
        let fired = result.triggers.filter { $0.probability > 0 }.sorted { ($1.probability, $0.id) < ($0.probability, $1.id) }
        if fired.isEmpty { out += "  none fires in any trial\n" }
        let triggerRows = fired.map { odds -> [String] in
            [
                TextSafety.terminal(odds.label(among: result.triggers)), odds.severity.rawValue, text.percent(odds.probability),
                firstMonth(odds, result),
            ]
        }
        if !triggerRows.isEmpty {
            out += TextTable.render(
                [
                    TableColumn("TRIGGER", shrinksTo: 12), TableColumn("SEVERITY"), TableColumn("P(FIRES)", .right),
                    TableColumn("FIRST MONTH", shrinksTo: 14),
                ], rows: triggerRows, width: width, indent: 2)
        }
        let never = result.triggers.count - fired.count
        if never > 0 { out += "  (\(never) other trigger\(never == 1 ? "" : "s") never fire\(never == 1 ? "s" : ""))\n" }
        let points = checkpoints(result.months)
        out +=
            "\n" + TextWrap.wrap("TIERS — probability the load has reached each tier by month:", width: width, indent: 2) + "\n"
        out += TextTable.render(
            [TableColumn("TIER", shrinksTo: 8)]
                + points.enumerated().map { index, point in
                    // The last checkpoint is never hidden; the earliest go first.
                    TableColumn(result.label(point), .right, dropRank: index == points.count - 1 ? nil : index + 1)
                },
            rows: result.tiers.map { odds in
                [TextSafety.terminal(odds.id)] + points.map { text.percent(odds.neededBy[$0]) }
            },
            width: width, indent: 2)
        out += movesText(result, width: width)
        out += invalidText(result, text: text, width: width)
        out +=
            "\n"
            + TextWrap.wrap(
                "Limited metrics', utilisation's and p95's percentiles are in --format json and csv.", width: width, indent: 0)
            + "\n"
        return out
    }

    /// The safe start date of each move, one sentence each, with when the tier is needed and the
    /// lead time.
    static func movesText(_ result: MonteCarloResult, width: Int) -> String {
        guard !result.moves.isEmpty else { return "" }
        var out =
            "\n"
            + TextWrap.wrap(
                "MOVES — when to start each, from the month it is needed less its lead time (drawn per trial):", width: width,
                indent: 2) + "\n"
        for move in result.moves {
            out += TextWrap.wrap("  " + TextSafety.terminal(moveAdvice(move, result)), width: width, indent: 4) + "\n"
            out += TextWrap.wrap("    " + moveFacts(move, result), width: width, indent: 6) + "\n"
        }
        return out
    }

    static func moveAdvice(_ move: MonteCarloResult.Move, _ result: MonteCarloResult) -> String {
        let name = result.profile.tier(move.tierID)?.name ?? move.tierID
        return move.advice(tierName: name, months: result.months, label: result.label)
    }

    /// "needed M12 [M9–M16] (P50 [P10–P90]), lead time 1–3 months".
    static func moveFacts(_ move: MonteCarloResult.Move, _ result: MonteCarloResult) -> String {
        let months = [move.neededBy.p50, move.neededBy.p10, move.neededBy.p90].map { $0.map(result.label) ?? "later" }
        var facts = "needed \(months[0]) [\(months[1])–\(months[2])] (P50 [P10–P90])"
        if let lead = move.leadTime {
            facts +=
                ", lead time \(NumberFormatting.proseRange(lead.low, lead.high))"
                + (lead.mode.map { ", most likely \(NumberFormatting.prose($0))" } ?? "")
                + (lead.high == 1 ? " month" : " months")
        } else {
            facts += ", no lead time given"
        }
        return facts
    }

    /// The values of the model invalid in some trials, one line each.
    static func invalidText(_ result: MonteCarloResult, text: ReportText, width: Int) -> String {
        guard !result.invalidValues.isEmpty else { return "" }
        var out =
            "\n"
            + TextWrap.wrap(
                "INVALID VALUES — the share of trials in which a value of the model breaks its rule:", width: width, indent: 0)
            + "\n"
        for odds in result.invalidValues {
            let value = odds.value
            out +=
                TextWrap.wrap(
                    "  \(text.percent(odds.probability))  \(TextSafety.terminal(value.subject)) is \(NumberFormatting.quantity(value.value)) first at \(result.label(value.month)) (\(TextSafety.terminal(value.expression))); expected \(value.expected)",
                    width: width, indent: 7) + "\n"
        }
        return out
    }

    static func json(_ result: MonteCarloResult) -> JSONOutput {
        func percentiles(_ p: MonteCarloResult.Percentiles) -> JSONOutput {
            .object([("p10", .number(p.p10)), ("p50", .number(p.p50)), ("p90", .number(p.p90)), ("mean", .number(p.mean))])
        }
        return .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(result.compiled.overrides)),
            ("profile", JSONOutput.profile(result.profile)),
            ("growth", .string(result.growthSource)),
            ("trials", .number(Double(result.trials))),
            ("seed", .string(String(result.seed))),
            ("start", .string(result.start?.description)),
            (
                "months",
                .array(
                    (0..<result.months).map { month in
                        .object(
                            [("month", .number(Double(month))), ("label", .string(result.label(month)))]
                                + result.series.map { ($0.name, percentiles($0.months[month])) })
                    })
            ),
            ("series", .array(result.series.map { .object([("name", .string($0.name)), ("kind", .string($0.kind.rawValue))]) })),
            (
                "triggers",
                .array(
                    result.triggers.map { odds in
                        .object([
                            ("id", .string(odds.id)), ("tier", .string(odds.tierID)),
                            ("severity", .string(odds.severity.rawValue)),
                            ("action", .string(odds.action)), ("probability", .number(odds.probability)),
                            (
                                "first_month",
                                .object([
                                    ("p10", .number(odds.firstMonth.p10.map(Double.init))),
                                    ("p50", .number(odds.firstMonth.p50.map(Double.init))),
                                    ("p90", .number(odds.firstMonth.p90.map(Double.init))),
                                ])
                            ),
                            (
                                "first_months",
                                .array(odds.firstMonths.map { .array([.number(Double($0.month)), .number($0.share)]) })
                            ),
                        ])
                    })
            ),
            (
                "tiers",
                .array(
                    result.tiers.map {
                        .object([
                            ("id", .string($0.id)), ("needed_by", .array($0.neededBy.map { .number($0) })),
                            ("in_plan", .array($0.inPlan.map { .number($0) })),
                            ("required", .array($0.required.map { .number($0) })),
                        ])
                    })
            ),
            (
                "moves",
                .array(
                    result.moves.map { move in
                        func month(_ value: Int?) -> JSONOutput { value.map { .number(Double($0)) } ?? .null }
                        return .object([
                            ("tier", .string(move.tierID)),
                            (
                                "needed_by",
                                .object([
                                    ("p10", month(move.neededBy.p10)), ("p50", month(move.neededBy.p50)),
                                    ("p90", month(move.neededBy.p90)),
                                ])
                            ),
                            ("probability_needed", .number(move.probabilityNeeded)),
                            (
                                "lead_time",
                                move.leadTime.map { lead in
                                    .object([
                                        ("low", .number(lead.low)), ("mode", .number(lead.mode)), ("high", .number(lead.high)),
                                    ])
                                } ?? .null
                            ),
                            ("start_by", .object([("confidence", .number(move.confidence)), ("month", month(move.startBy))])),
                            ("start_by_p50", month(move.startByHalf)), ("not_before", .number(Double(move.notBefore))),
                            ("ready_if_started_in", .array(move.readyIfStartedIn.map { .number($0) })),
                            ("advice", .string(moveAdvice(move, result))),
                        ])
                    })
            ),
            ("no_tier_carries", .array(result.noTierCarries.map { .number($0) })),
            (
                "invalid_values",
                .array(
                    result.invalidValues.map { odds in
                        .object([
                            ("probability", .number(odds.probability)),
                            ("first", ProjectionJSONRenderer.invalidValue(odds.value)),
                        ])
                    })
            ),
        ])
    }

    /// One row per month: `<series>.p10,.p50,.p90,.mean` for every series, then
    /// `tier.<id>.needed_by` (cumulative), `tier.<id>.in_plan`, `tier.<id>.required`, `tier.<id>.ready_if_started` (the share of trials ready in time if the move starts that month) and
    /// `no_tier_carries`. Trigger odds are per trigger,
    /// not per month: they are in the table, markdown and JSON.
    static func csv(_ result: MonteCarloResult) -> String {
        var header = ["month", "label"]
        for series in result.series { header += ["p10", "p50", "p90", "mean"].map { "\(series.name).\($0)" } }
        header += result.tiers.flatMap { ["tier.\($0.id).needed_by", "tier.\($0.id).in_plan", "tier.\($0.id).required"] }
        header += result.moves.map { "tier.\($0.tierID).ready_if_started" }
        header.append("no_tier_carries")
        var out = header.map(TextSafety.csvText).joined(separator: ",") + "\n"
        let number = { (value: Double?) -> String in value.map { $0.isFinite ? NumberFormatting.plain($0) : "" } ?? "" }
        for month in 0..<result.months {
            var cells = [String(month), TextSafety.csvText(result.label(month))]
            for series in result.series {
                let p = series.months[month]
                cells += [number(p.p10), number(p.p50), number(p.p90), number(p.mean)]
            }
            cells += result.tiers.flatMap { [number($0.neededBy[month]), number($0.inPlan[month]), number($0.required[month])] }
            cells += result.moves.map { number($0.readyIfStartedIn[month]) }
            cells.append(number(result.noTierCarries[month]))
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    static func markdown(_ result: MonteCarloResult) -> String {
        let text = ReportText(profile: result.profile)
        let md = TextSafety.markdown
        var out = "# \(md(result.profile.name)): Monte Carlo projection\n\n\(md(header(result)))\n\n"
        let series = shownSeries(result)
        out += "| Month | " + series.map { md($0.name) }.joined(separator: " | ") + " |\n"
        out += "|---|" + series.map { _ in "---:|" }.joined() + "\n"
        let decimals = series.map(Self.decimals)
        for month in 0..<result.months {
            out +=
                "| \(result.label(month)) | "
                + series.indices.map {
                    md(cell(series[$0].months[month], kind: series[$0].kind, text: text, decimals: decimals[$0]))
                }
                .joined(separator: " | ") + " |\n"
        }
        out += "\n## Triggers\n\n| Trigger | Severity | P(fires) | First month P50 [P10–P90] |\n|---|---|---:|---|\n"
        for odds in result.triggers.sorted(by: { ($1.probability, $0.id) < ($0.probability, $1.id) }) {
            let months = [odds.firstMonth.p10, odds.firstMonth.p50, odds.firstMonth.p90].map {
                $0.map { result.label($0) } ?? "later"
            }
            out +=
                "| \(md(odds.label(among: result.triggers))) | \(odds.severity.rawValue) | \(text.percent(odds.probability)) | \(months[1]) [\(months[0])–\(months[2])] |\n"
        }
        let points = checkpoints(result.months)
        out +=
            "\n## Tiers: probability needed by\n\n| Tier | " + points.map { result.label($0) }.joined(separator: " | ") + " |\n"
        out += "|---|" + points.map { _ in "---:|" }.joined() + "\n"
        for odds in result.tiers {
            out += "| \(md(odds.id)) | " + points.map { text.percent(odds.neededBy[$0]) }.joined(separator: " | ") + " |\n"
        }
        if !result.moves.isEmpty {
            out += "\n## Moves: when to start\n\n"
            for move in result.moves { out += "- **\(md(moveAdvice(move, result)))** \(md(moveFacts(move, result)))\n" }
        }
        return out
    }
}
