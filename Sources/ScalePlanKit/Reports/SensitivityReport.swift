/// `scaleplan sensitivity` in every format: a tornado table of the inputs, the largest total
/// index first, each with its swing and its Sobol indices.
public enum SensitivityReport: Report {
    public static let schema = "scaleplan.sensitivity/1"

    public static func render(_ result: SensitivityResult, format: ReportFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(result, width: layout.width)
        case .json: json(result).rendered() + "\n"
        case .csv: csv(result)
        case .markdown: markdown(result)
        }
    }

    /// What was run: the growth, the design's size and seed, the horizon, the overrides.
    static func header(_ result: SensitivityResult) -> String {
        let k = result.inputs.count
        var text =
            "Growth: \(result.growthSource) · \(NumberFormatting.grouped(Double(result.samples))) samples × (\(k) inputs + 2)"
            + " = \(NumberFormatting.grouped(Double(result.evaluations))) trials, seed \(result.seed) · \(result.months) months"
        if let start = result.start { text += " from \(start)" }
        if !result.target.isMonth { text += " · in \(result.profile.currency)" }
        return text + (ParamOverride.header(result.compiled.overrides).map { " · " + $0 } ?? "")
    }

    /// A value of the target: money, or a month (`after M35` where it never happens).
    static func value(_ value: Double, _ result: SensitivityResult) -> String {
        guard value.isFinite else { return "–" }
        guard result.target.isMonth else { return NumberFormatting.money(value, currency: result.profile.currency) }
        let month = Int(value.rounded(.down))
        return month >= result.months ? "after \(result.label(result.months - 1))" : result.label(month)
    }

    /// The swing: money, or months.
    static func swing(_ entry: SensitivityResult.Entry, _ result: SensitivityResult) -> String {
        guard entry.swing.isFinite else { return "–" }
        guard result.target.isMonth else { return NumberFormatting.money(entry.swing, currency: result.profile.currency) }
        return "\(NumberFormatting.prose(entry.swing)) mo"
    }

    /// An input's range: `0.1–0.3`, `$20 – $50` (a cost), `formula` (a cost whose ends are
    /// expressions, so its amount changes with the month).
    static func range(_ input: SensitivityInput, _ result: SensitivityResult) -> String {
        guard let low = input.low, let high = input.high else { return "formula" }
        guard input.kind == .cost else { return NumberFormatting.readableRange(low, high) }
        let currency = result.profile.currency
        return NumberFormatting.money(low, currency: currency) + " – " + NumberFormatting.money(high, currency: currency)
    }

    /// `0.52 [0.49–0.55]`.
    static func index(_ estimate: SobolEstimate?) -> String {
        guard let estimate else { return "–" }
        func two(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 2) }
        return "\(two(estimate.value)) [\(two(estimate.low))–\(two(estimate.high))]"
    }

    /// The tornado's bar: `width` cells for the largest swing.
    static func bar(_ entry: SensitivityResult.Entry, largest: Double, width: Int) -> String {
        guard largest > 0, entry.swing.isFinite else { return "" }
        let cells = Int((entry.swing / largest * Double(width)).rounded())
        return String(repeating: "█", count: Swift.max(entry.swing > 0 ? 1 : 0, cells))
    }

    static func largestSwing(_ result: SensitivityResult) -> Double {
        result.inputs.map(\.swing).filter(\.isFinite).max() ?? 0
    }

    /// The facts under the advice: the deterministic value and the spread over the samples.
    static func summary(_ result: SensitivityResult) -> String {
        let spread = result.spread
        var text = "At the deterministic values: \(value(result.deterministic, result))"
        if result.evaluations > 0 {
            text +=
                "; over the samples: mean \(value(spread.mean, result)), \(value(spread.low, result)) to \(value(spread.high, result))"
        }
        return text + "."
    }

    /// The inputs that move the target: a swing, or a total index above zero (an input can act
    /// only together with another, with no swing of its own).
    static func moving(_ result: SensitivityResult) -> [SensitivityResult.Entry] {
        result.inputs.filter { $0.swing > 0 || ($0.total?.value ?? 0) > 0 || !$0.swing.isFinite }
    }

    /// One line naming the inputs that do not move the target at all (a tier's cost in a month
    /// no trial is on it, a param nothing the target reads depends on).
    static func stillText(_ result: SensitivityResult) -> String? {
        let moving = Set(Self.moving(result).map(\.input.name))
        let still = result.inputs.filter { !moving.contains($0.input.name) }
        guard !still.isEmpty else { return nil }
        let names = still.prefix(6).map(\.input.name).joined(separator: ", ")
        let more = still.count > 6 ? " and \(still.count - 6) more" : ""
        return "\(still.count) input\(still.count == 1 ? "" : "s") do\(still.count == 1 ? "es" : "") not move it "
            + "(no swing, total index 0): \(names)\(more)."
    }

    static let legend =
        "FIRST ORDER is the share of the target's variance an input explains alone, TOTAL the share it takes part in "
        + "(alone or with others); [95% bootstrap interval]. Estimators: Saltelli et al. 2010 (first order), Jansen 1999 "
        + "(total). AT LOW → HIGH: the target with that input alone at the low and at the high end of its range, every other at its "
        + "deterministic value."

    static func table(_ result: SensitivityResult, width: Int) -> String {
        var out =
            TextWrap.wrap(
                TextSafety.terminal("\(result.profile.name) (\(result.profile.id)) — sensitivity of \(result.targetText)"),
                width: width, indent: 2) + "\n"
        out += TextWrap.wrap(TextSafety.terminal(header(result)), width: width, indent: 0) + "\n"
        out += TextWrap.wrap(TextSafety.terminal(summary(result)), width: width, indent: 0) + "\n\n"
        guard !result.inputs.isEmpty else {
            return out + "No input of this plan is uncertain: every param, growth parameter and cost is a single value.\n"
        }
        if let advice = result.advice { out += TextWrap.wrap(TextSafety.terminal(advice), width: width, indent: 0) + "\n\n" }
        let largest = largestSwing(result)
        let columns = [
            // Dropped first when narrow: the kind, the range, the ends, the bar, the first order.
            TableColumn("INPUT", shrinksTo: 12), TableColumn("KIND", dropRank: 1), TableColumn("RANGE", dropRank: 2),
            TableColumn("AT LOW → HIGH", .right, dropRank: 3), TableColumn("SWING", .right), TableColumn("TORNADO", dropRank: 4),
            TableColumn("FIRST ORDER", dropRank: 5),
            TableColumn("TOTAL"),
        ]
        let rows = moving(result).map { entry in
            [
                TextSafety.terminal(entry.input.name), entry.input.kind.rawValue, range(entry.input, result),
                value(entry.targetAtLow, result) + " → " + value(entry.targetAtHigh, result), swing(entry, result),
                bar(entry, largest: largest, width: 12), index(entry.firstOrder), index(entry.total),
            ]
        }
        out += TextTable.render(columns, rows: rows, width: width)
        if let still = stillText(result) { out += TextWrap.wrap(TextSafety.terminal(still), width: width, indent: 0) + "\n" }
        out += "\n" + TextWrap.wrap(legend, width: width, indent: 0) + "\n"
        return out
    }

    static func json(_ result: SensitivityResult) -> JSONOutput {
        func estimate(_ value: SobolEstimate?) -> (JSONOutput, JSONOutput) {
            guard let value else { return (.null, .null) }
            return (.number(value.value), .array([.number(value.low), .number(value.high)]))
        }
        return .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(result.compiled.overrides)),
            ("profile", JSONOutput.profile(result.profile)),
            ("growth", .string(result.growthSource)),
            (
                "target",
                .object([
                    ("name", .string(result.target.name)), ("month", .number(result.target.month.map(Double.init))),
                    ("unit", .string(result.target.isMonth ? "month" : "money")),
                    ("description", .string(result.targetText)),
                ])
            ),
            ("samples", .number(Double(result.samples))), ("evaluations", .number(Double(result.evaluations))),
            ("seed", .string(String(result.seed))), ("months", .number(Double(result.months))),
            ("start", .string(result.start?.description)), ("confidence_level", .number(SobolIndices.level)),
            ("deterministic", .number(result.deterministic)),
            (
                "spread",
                .object([
                    ("mean", .number(result.spread.mean)), ("variance", .number(result.spread.variance)),
                    ("low", .number(result.spread.low)), ("high", .number(result.spread.high)),
                ])
            ),
            ("advice", .string(result.advice)),
            (
                "inputs",
                .array(
                    result.inputs.map { entry in
                        let first = estimate(entry.firstOrder), total = estimate(entry.total)
                        return .object([
                            ("name", .string(entry.input.name)), ("kind", .string(entry.input.kind.rawValue)),
                            ("label", .string(entry.input.label)), ("low", .number(entry.input.low)),
                            ("high", .number(entry.input.high)), ("target_at_low", .number(entry.targetAtLow)),
                            ("target_at_high", .number(entry.targetAtHigh)), ("swing", .number(entry.swing)),
                            ("first_order", first.0), ("first_order_ci", first.1), ("total", total.0), ("total_ci", total.1),
                        ])
                    })
            ),
        ])
    }

    /// One row per input, in the table's order.
    static func csv(_ result: SensitivityResult) -> String {
        let header = [
            "name", "kind", "low", "high", "target_at_low", "target_at_high", "swing", "first_order", "first_order_low",
            "first_order_high", "total", "total_low", "total_high",
        ]
        var out = header.joined(separator: ",") + "\n"
        let number = { (value: Double?) -> String in value.map { $0.isFinite ? NumberFormatting.plain($0) : "" } ?? "" }
        for entry in result.inputs {
            out +=
                ([TextSafety.csvText(TextSafety.terminal(entry.input.name)), entry.input.kind.rawValue]
                + [
                    entry.input.low, entry.input.high, entry.targetAtLow, entry.targetAtHigh, entry.swing,
                    entry.firstOrder?.value, entry.firstOrder?.low, entry.firstOrder?.high, entry.total?.value,
                    entry.total?.low, entry.total?.high,
                ].map(number)).joined(separator: ",") + "\n"
        }
        return out
    }

    static func markdown(_ result: SensitivityResult) -> String {
        let md = TextSafety.markdown
        var out = "# \(md(result.profile.name)): what drives \(md(result.targetText))\n\n\(md(header(result)))\n\n"
        out += md(summary(result)) + "\n\n"
        guard !result.inputs.isEmpty else {
            return out + "No input of this plan is uncertain: every param, growth parameter and cost is a single value.\n"
        }
        if let advice = result.advice { out += "**\(md(advice))**\n\n" }
        out += tornadoTable(result, rows: result.inputs.count)
        if let still = stillText(result) { out += "\n" + md(still) + "\n" }
        return out + "\n" + md(legend) + "\n"
    }

    /// The tornado as a markdown table (the roadmap shows its first rows).
    static func tornadoTable(_ result: SensitivityResult, rows: Int) -> String {
        let md = TextSafety.markdown
        let largest = largestSwing(result)
        var out =
            "| Input | Range | At low → high | Swing | | First order | Total |\n|---|---|---:|---:|---|---|---|\n"
        for entry in moving(result).prefix(rows) {
            out +=
                "| \(md(entry.input.name)) | \(md(range(entry.input, result))) "
                + "| \(md(value(entry.targetAtLow, result))) → \(md(value(entry.targetAtHigh, result))) | \(md(swing(entry, result))) "
                + "| \(bar(entry, largest: largest, width: 12)) | \(index(entry.firstOrder)) | \(index(entry.total)) |\n"
        }
        return out
    }
}
