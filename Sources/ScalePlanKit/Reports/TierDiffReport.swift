/// `diff <profile> <tierA> <tierB>` in every format, laid out like a cost diff in a pull request.
public enum TierDiffReport: Report {
    public static let schema = "scaleplan.tierdiff/1"

    public static func render(_ diff: TierDiff, format: ListFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: text(diff, width: layout.width)
        case .json: json(diff).rendered() + "\n"
        case .markdown: markdown(diff)
        }
    }

    static func money(_ diff: TierDiff, _ value: Double) -> String {
        NumberFormatting.money(value, currency: diff.profile.currency)
    }

    static func signed(_ diff: TierDiff, _ value: Double) -> String {
        (value > 0 ? "+" : "") + money(diff, value)
    }

    /// `$600 – $800`, or one amount when both ends read the same.
    static func range(_ diff: TierDiff, _ low: Double, _ high: Double) -> String {
        let (from, to) = (money(diff, low), money(diff, high))
        return from == to ? from : "\(from) – \(to)"
    }

    /// The change of a low–high range: `+$1,340 – +$1,700` when the low end's change is the
    /// smaller, else each end named (`low +$55, high +$50`), so a range never reads high–low;
    /// one amount when both ends change alike.
    static func deltaRange(_ diff: TierDiff, _ low: Double, _ high: Double) -> String {
        let (from, to) = (signed(diff, low), signed(diff, high))
        if from == to { return from }
        return low <= high ? "\(from) – \(to)" : "low \(from), high \(to)"
    }

    /// `Monthly cost: +$1,340 – +$1,700  ($600 – $800 → $1,940 – $2,500)`
    public static func summary(_ diff: TierDiff) -> String {
        let delta = diff.totalDelta, before = diff.totalBefore, after = diff.totalAfter
        return "Monthly cost: \(deltaRange(diff, delta.low, delta.high))  "
            + "(\(range(diff, before.low, before.high)) → \(range(diff, after.low, after.high)))"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return NumberFormatting.grouped(value, decimals: Swift.abs(value) < 10 && value != value.rounded() ? 2 : 0)
    }

    /// The diff lines, shared by the text and markdown layouts, fitted to `width`.
    static func lines(_ diff: TierDiff, width: Int) -> [String] {
        let clean = { (text: String) in TextSafety.terminal(text) }
        var rows: [[String]] = []
        for line in diff.costs {
            let before = line.before.map { range(diff, $0.low, $0.high) } ?? ""
            let after = line.after.map { range(diff, $0.low, $0.high) } ?? ""
            let delta = line.change == .unchanged ? "" : deltaRange(diff, line.deltaLow, line.deltaHigh)
            rows.append([line.change.rawValue, line.category, clean(line.item), before, after, delta])
        }
        var out = unmarkedRule(
            TextTable.render(
                [
                    TableColumn(" "), TableColumn("CATEGORY", shrinksTo: 8, dropRank: 1), TableColumn("ITEM", shrinksTo: 10),
                    // BEFORE goes before AFTER or DELTA: the summary line below has both totals.
                    TableColumn("BEFORE", .right, dropRank: 2), TableColumn("AFTER", .right), TableColumn("DELTA", .right),
                ], rows: rows, width: width))
        out.append(TextWrap.wrap(summary(diff), width: width, indent: 2))
        if !diff.limits.isEmpty {
            out.append("")
            let limitRows = diff.limits.map { line -> [String] in
                let percent = line.percent.map { ($0 >= 0 ? "+" : "") + NumberFormatting.grouped($0 * 100) + "%" } ?? ""
                return [line.change.rawValue, clean(line.metric), number(line.before), "→", number(line.after), percent]
            }
            out += unmarkedRule(
                TextTable.render(
                    [
                        TableColumn(" "), TableColumn("LIMIT", shrinksTo: 10), TableColumn("BEFORE", .right), TableColumn(""),
                        TableColumn("AFTER", .right), TableColumn("CHANGE", .right),
                    ], rows: limitRows, width: width))
        }
        for target in diff.targets where target.before != target.after {
            let marker = target.before == nil ? "+" : target.after == nil ? "-" : "~"
            let show = { (value: Double?) in value.map(NumberFormatting.prose) ?? "–" }
            out.append(
                TextWrap.wrap(
                    "\(marker) slo.\(clean(target.name)): \(show(target.before)) → \(show(target.after))", width: width, indent: 2
                ))
        }
        out.append("")
        out.append(
            TextWrap.wrap(
                clean("  carries: \(carries(diff, diff.capacityFrom, diff.from)) → \(carries(diff, diff.capacityTo, diff.to))"),
                width: width, indent: 4))
        if let migration = diff.to.migration {
            var parts: [String] = []
            if let lead = migration.leadTimeMonths {
                parts.append("lead time \(NumberFormatting.proseRange(lead.low, lead.high)) months")
            }
            if let downtime = migration.downtimeMinutes {
                parts.append("downtime \(NumberFormatting.proseRange(downtime.low, downtime.high)) min")
            }
            if !parts.isEmpty {
                out.append(
                    TextWrap.wrap("  migration into \(diff.to.id): " + parts.joined(separator: ", "), width: width, indent: 4))
            }
        }
        return out
    }

    /// The table's lines, the rule's first column blanked: in a diff a line starting with `-`
    /// reads as a removal.
    static func unmarkedRule(_ table: String) -> [String] {
        var lines = table.split(separator: "\n").map(String.init)
        if lines.count > 1, lines[1].hasPrefix("-") { lines[1] = " " + lines[1].dropFirst() }
        return lines
    }

    static func carries(_ diff: TierDiff, _ result: CapacitySearch.Result, _ tier: Tier) -> String {
        let unit = diff.profile.driver.name
        if result.unbounded { return "\(tier.id) carries any \(unit) (no limit binds)" }
        guard let maximum = result.maximum else { return "\(tier.id) cannot carry its own minimum" }
        return "\(tier.id) up to \(NumberFormatting.grouped(maximum)) \(unit)"
            + (result.binding.map { " (\($0.name) binds)" } ?? "")
    }

    static func heading(_ diff: TierDiff) -> String {
        "\(diff.profile.name): \(diff.from.name) (\(diff.from.id)) → \(diff.to.name) (\(diff.to.id)), "
            + "costs at \(NumberFormatting.grouped(diff.driver)) \(diff.profile.driver.name)"
            + (ParamOverride.header(diff.overrides).map { " · " + $0 } ?? "")
    }

    static func text(_ diff: TierDiff, width: Int) -> String {
        TextWrap.wrap(TextSafety.terminal(heading(diff)), width: width, indent: 2) + "\n\n"
            + lines(diff, width: width).joined(separator: "\n") + "\n"
    }

    /// A `diff` code block (GitHub colours the + and - lines), then the summary, labelled in bold: fit to
    /// paste as a pull-request comment.
    static func markdown(_ diff: TierDiff) -> String {
        var out = "### \(TextSafety.markdown(heading(diff)))\n\n```diff\n"
        // Inside a code block nothing is interpreted, but a fence in a name would close it.
        // A pull-request comment scrolls sideways: nothing is shortened to fit.
        for line in lines(diff, width: .max / 4) where line != summary(diff) { out += line.replacingFences() + "\n" }
        out += "```\n\n" + MarkdownDocument.labelled(TextSafety.markdown(summary(diff))) + "\n"
        return out
    }

    static func json(_ diff: TierDiff) -> JSONOutput {
        func cost(_ value: ItemCost?) -> JSONOutput {
            value.map { .object([("low", .number($0.low)), ("high", .number($0.high))]) } ?? .null
        }
        func capacity(_ result: CapacitySearch.Result) -> JSONOutput {
            .object([
                ("carries_up_to", .number(result.maximum)), ("unbounded", .bool(result.unbounded)),
                ("binding", .string(result.binding?.name)),
            ])
        }
        let before = diff.totalBefore, after = diff.totalAfter, delta = diff.totalDelta
        return .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(diff.overrides)),
            ("profile", .string(diff.profile.id)), ("from", .string(diff.from.id)), ("to", .string(diff.to.id)),
            ("driver", .number(diff.driver)), ("currency", .string(diff.profile.currency)),
            (
                "costs",
                .array(
                    diff.costs.map { line in
                        .object([
                            ("change", .string(name(line.change))), ("category", .string(line.category)),
                            ("item", .string(line.item)),
                            ("before", cost(line.before)), ("after", cost(line.after)),
                            ("delta", .object([("low", .number(line.deltaLow)), ("high", .number(line.deltaHigh))])),
                        ])
                    })
            ),
            (
                "total",
                .object([
                    ("before", .object([("low", .number(before.low)), ("high", .number(before.high))])),
                    ("after", .object([("low", .number(after.low)), ("high", .number(after.high))])),
                    ("delta", .object([("low", .number(delta.low)), ("high", .number(delta.high))])),
                ])
            ),
            (
                "limits",
                .array(
                    diff.limits.map { line in
                        .object([
                            ("change", .string(name(line.change))), ("metric", .string(line.metric)),
                            ("before", .number(line.before)), ("after", .number(line.after)), ("percent", .number(line.percent)),
                        ])
                    })
            ),
            (
                "slo",
                .array(
                    diff.targets.map {
                        .object([
                            ("name", .string($0.name)), ("before", .number($0.before)),
                            ("after", .number($0.after)),
                        ])
                    })
            ),
            ("capacity", .object([("from", capacity(diff.capacityFrom)), ("to", capacity(diff.capacityTo))])),
        ])
    }

    static func name(_ change: TierDiff.Change) -> String {
        switch change {
        case .added: "added"
        case .removed: "removed"
        case .changed: "changed"
        case .unchanged: "unchanged"
        }
    }
}

extension String {
    /// Breaks runs of three backticks so text cannot close a markdown code fence.
    func replacingFences() -> String {
        var out = ""
        var run = 0
        for character in self {
            if character == "`" {
                run += 1
                if run == 3 {
                    out += "\u{200B}"
                    run = 1
                }
            } else {
                run = 0
            }
            out.append(character)
        }
        return out
    }
}
