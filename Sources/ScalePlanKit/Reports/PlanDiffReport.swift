/// `diff <old.json> <new.json>` in every format.
public enum PlanDiffReport: Report {
    public static let schema = "scaleplan.plandiff/1"

    /// The diff, and the `--fail-on-increase` limit when one was given.
    public struct Subject: Sendable {
        public var diff: PlanDiff
        public var limit: CostIncreaseLimit?

        public init(diff: PlanDiff, limit: CostIncreaseLimit? = nil) {
            self.diff = diff
            self.limit = limit
        }

        /// Why the change fails its limit; nil without a limit or within it.
        public var failureReason: String? { limit?.exceeded(by: diff) }
    }

    public static func render(_ subject: Subject, format: ListFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: text(subject, width: layout.width)
        case .json: json(subject).rendered() + "\n"
        case .markdown: markdown(subject)
        }
    }

    static func money(_ diff: PlanDiff, _ value: Double) -> String {
        NumberFormatting.money(value, currency: diff.new.currency)
    }

    static func label(_ month: Int?) -> String { month.map { "M\($0)" } ?? "never" }

    /// The outcome in sentences, shared by text and markdown.
    static func outcome(_ diff: PlanDiff) -> [String] {
        let increase = diff.costIncrease
        let percent =
            diff.costBefore.expected > 0
            ? " (\(increase >= 0 ? "+" : "")\(NumberFormatting.grouped(increase / diff.costBefore.expected * 100, decimals: 1))%)"
            : ""
        var lines = [
            "Monthly cost at month \(diff.months - 1): \(money(diff, diff.costBefore.expected)) → \(money(diff, diff.costAfter.expected)), "
                + "\(increase >= 0 ? "+" : "")\(money(diff, increase))\(percent)"
        ]
        for month in diff.triggerMonths {
            lines.append("trigger \(month.id): first fires \(label(month.before)) → \(label(month.after))")
        }
        for gap in diff.gapsAppearing { lines.append("new gap (M\(gap.month)): \(gap.message)") }
        for gap in diff.gapsDisappearing { lines.append("gap closed (was M\(gap.month)): \(gap.message)") }
        return lines
    }

    static func changeLines(_ diff: PlanDiff) -> [String] {
        diff.lines.map { line in
            var text = "\(line.change.rawValue) \(line.kind) \(line.name)"
            switch line.change {
            case .changed: text += ": \(line.before ?? "") → \(line.after ?? "")"
            case .added: text += ": \(line.after ?? "")"
            case .removed: text += ": \(line.before ?? "")"
            }
            return text
        }
    }

    static func text(_ subject: Subject, width: Int) -> String {
        let diff = subject.diff
        let clean = { (text: String) in TextSafety.terminal(text) }
        var out =
            TextWrap.wrap(clean("\(diff.old.name) (\(diff.old.id)) → \(diff.new.name) (\(diff.new.id))"), width: width, indent: 2)
            + "\n"
        if let line = ParamOverride.header(diff.overrides) { out += TextWrap.wrap(clean(line), width: width, indent: 2) + "\n" }
        out += "\n"
        out += diff.lines.isEmpty ? "No changes to the plan.\n" : "CHANGES (\(diff.lines.count)):\n"
        for line in changeLines(diff) { out += TextWrap.wrap("  " + clean(line), width: width, indent: 6) + "\n" }
        out +=
            "\n"
            + TextWrap.wrap(clean("PROJECTED OUTCOME (\(diff.growthSource), \(diff.months) months):"), width: width, indent: 2)
            + "\n"
        for line in outcome(diff) { out += TextWrap.wrap("  " + clean(line), width: width, indent: 4) + "\n" }
        if let reason = subject.failureReason {
            out += "\n" + TextWrap.wrap("FAILED (--fail-on-increase): " + clean(reason), width: width, indent: 2) + "\n"
        }
        return out
    }

    static func markdown(_ subject: Subject) -> String {
        let diff = subject.diff
        let md = TextSafety.markdown
        var out = "### Plan change: \(md(diff.new.name))\n\n"
        if let line = ParamOverride.header(diff.overrides) { out += md(line) + "\n\n" }
        out += MarkdownDocument.labelled(md(outcome(diff)[0])) + "\n\n"
        if diff.lines.isEmpty {
            out += "No changes to the plan.\n"
        } else {
            // Inside the fence markdown is not interpreted, but control characters still are.
            out +=
                "```diff\n" + changeLines(diff).map { TextSafety.terminal($0).replacingFences() }.joined(separator: "\n")
                + "\n```\n"
        }
        let rest = outcome(diff).dropFirst()
        if !rest.isEmpty {
            out += "\nProjected along \(md(diff.growthSource)), \(diff.months) months:\n\n"
            for line in rest { out += "- \(md(line))\n" }
        }
        if let reason = subject.failureReason { out += "\n**Failed (--fail-on-increase):** \(md(reason))\n" }
        return out
    }

    static func json(_ subject: Subject) -> JSONOutput {
        let diff = subject.diff
        func cost(_ value: CostBreakdown) -> JSONOutput {
            .object([("low", .number(value.low)), ("expected", .number(value.expected)), ("high", .number(value.high))])
        }
        func gap(_ event: PlanEvent) -> JSONOutput {
            .object([
                ("month", .number(Double(event.month))), ("kind", .string(event.kind.rawValue)),
                ("tier", .string(event.tierID)), ("message", .string(event.message)),
            ])
        }
        return .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(diff.overrides)),
            ("old", .string(diff.old.id)), ("new", .string(diff.new.id)), ("currency", .string(diff.new.currency)),
            (
                "changes",
                .array(
                    diff.lines.map { line in
                        .object([
                            (
                                "change",
                                .string(line.change == .added ? "added" : line.change == .removed ? "removed" : "changed")
                            ),
                            ("kind", .string(line.kind)), ("name", .string(line.name)), ("before", .string(line.before)),
                            ("after", .string(line.after)),
                        ])
                    })
            ),
            ("growth", .string(diff.growthSource)), ("months", .number(Double(diff.months))),
            (
                "cost_at_horizon",
                .object([
                    ("before", cost(diff.costBefore)), ("after", cost(diff.costAfter)),
                    ("increase", .number(diff.costIncrease)),
                ])
            ),
            ("failed", .bool(subject.failureReason != nil)), ("reason", .string(subject.failureReason)),
            (
                "triggers",
                .array(
                    diff.triggerMonths.map {
                        .object([
                            ("id", .string($0.id)),
                            ("before", .number($0.before.map(Double.init))), ("after", .number($0.after.map(Double.init))),
                        ])
                    })
            ),
            ("gaps_appearing", .array(diff.gapsAppearing.map(gap))),
            ("gaps_disappearing", .array(diff.gapsDisappearing.map(gap))),
        ])
    }
}
