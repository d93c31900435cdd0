/// `check` in every format: the triggers that fire on the observed values, what to do, and the
/// values the triggers read (observed or derived).
public enum CheckReport: Report {
    public struct Subject: Sendable {
        public var result: ObservedCheck.Result
        public var profile: Profile
        /// The `--fail-on` severity: a trigger at or above it firing fails the check.
        public var failOn: Trigger.Severity
        /// The params set with `--set`.
        public var overrides: [ParamOverride] = []
        /// With `--trials`: the moves into tiers above the active one and their safe start dates
        /// (a Monte Carlo of the default scenario), and where the dates come from.
        public var moves: [MonteCarloResult.Move] = []
        public var movesSource: String?
        /// The scenario's calendar month of month 0, for the dates.
        public var movesStart: YearMonth?
        /// Names monitoring was asked for but gave no usable value for (derived instead), and why.
        public var unobserved: [ObservedInput.Unobserved] = []
        /// Where the observed values came from: the file, or `Prometheus http://…`.
        public var observedFrom: String?

        /// `2026-03` when the scenario has a start month, else `M3`.
        public func label(_ month: Int) -> String { YearMonth.label(month, start: movesStart) }

        /// Months from the check's month to a move's safe start date (negative: late).
        public func monthsLeft(_ move: MonteCarloResult.Move) -> Int? { move.startBy.map { $0 - result.month } }

        public init(
            result: ObservedCheck.Result, profile: Profile, failOn: Trigger.Severity, overrides: [ParamOverride] = []
        ) {
            self.result = result
            self.profile = profile
            self.failOn = failOn
            self.overrides = overrides
        }

        /// Why the check fails; nil when it passes.
        public var failureReason: String? { result.failureReason(atOrAbove: failOn) }
    }

    public static func render(_ subject: Subject, format: ListFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(subject, layout: layout)
        case .json: json(subject)
        case .markdown: markdown(subject)
        }
    }

    static func table(_ subject: Subject, layout: TerminalLayout) -> String {
        let (result, profile, style, width) = (subject.result, subject.profile, layout.style, layout.width)
        let tier = profile.tiers[result.tier]
        let clean = { (text: String) in TextSafety.terminal(text) }
        // Colour goes on after the text is cleaned and wrapped, so neither touches the codes.
        var out =
            style.bold(
                TextWrap.wrap(
                    clean("\(profile.name): triggers of tier \(tier.name) (\(tier.id)) and the global ones"), width: width,
                    indent: 2))
            + "\n"
        if let line = ParamOverride.header(subject.overrides) {
            out += TextWrap.wrap(clean(line), width: width, indent: 2) + "\n"
        }
        switch result.tierFrom {
        case .driver: out += clean("Active tier from the observed \(profile.driver.name).") + "\n"
        case .capacity:
            out +=
                result.loadCarried
                ? "Active tier from the observed load: the lowest tier whose limits carry it.\n"
                : TextWrap.wrap(
                    clean("No tier's limits carry the observed load (a plan gap): checking the last tier, \(tier.name)."),
                    width: width, indent: 2) + "\n"
        case .option: out += "Active tier from --tier.\n"
        }
        out += "\n"
        if result.firing.isEmpty {
            out += style.green("No trigger fires") + " (\(result.quiet.count) checked).\n"
        } else {
            out += style.bold("FIRING (\(result.firing.count) of \(result.firing.count + result.quiet.count)):") + "\n"
            for firing in result.firing {
                let severity = firing.trigger.severity
                var line = "  \(severity.rawValue.padding(8)) \(clean(firing.trigger.id))"
                if let quantity = firing.quantity, let value = firing.value, let threshold = firing.threshold {
                    line += ": \(clean(quantity)) = \(number(value)) (threshold \(number(threshold)))"
                }
                var wrapped = TextWrap.wrap(line, width: width, indent: 13)
                let label = severity.rawValue
                let colored = severity == .critical ? style.red(label) : severity == .warning ? style.yellow(label) : label
                wrapped = "  " + colored + wrapped.dropFirst(2 + label.count)
                out += wrapped + "\n"
                out += TextWrap.wrap("             → " + clean(firing.trigger.action), width: width, indent: 15) + "\n"
            }
        }
        if let reason = subject.failureReason {
            out +=
                "\n"
                + style.bold(
                    TextWrap.wrap("FAILED (--fail-on \(subject.failOn.rawValue)): " + clean(reason), width: width, indent: 2))
                + "\n"
        }
        out += "\nVALUES THE TRIGGERS READ (observed, or derived from the model):\n"
        out += TextTable.render(
            [TableColumn("NAME", shrinksTo: 16), TableColumn("VALUE", .right), TableColumn("SOURCE")],
            rows: result.values.map { [clean($0.name), number($0.value), Self.source(of: $0, subject)] },
            width: width, indent: 2)
        if !subject.unobserved.isEmpty {
            out += "\nNOT OBSERVED (monitoring gave no single number; derived from the model):\n"
            for item in subject.unobserved {
                out += TextWrap.wrap("  " + clean("\(item.name): \(item.reason)"), width: width, indent: 4) + "\n"
            }
        }
        if let source = subject.movesSource {
            out += "\n" + TextWrap.wrap(clean("MOVES (\(source)):"), width: width, indent: 2) + "\n"
            if subject.moves.isEmpty { out += "  none: the active tier is the last\n" }
            for move in subject.moves {
                out += TextWrap.wrap("  " + clean(deadline(move, subject)), width: width, indent: 4) + "\n"
            }
        }
        return out
    }

    /// "Scale: start within 4 months (by M17; 90% sure to be ready in time; 50%: M18)".
    static func deadline(_ move: MonteCarloResult.Move, _ subject: Subject) -> String {
        let name = subject.profile.tier(move.tierID)?.name ?? move.tierID
        let sure = MonteCarloResult.Move.percent(move.confidence)
        let half = move.startByHalf.map(subject.label) ?? "not needed"
        guard let startBy = move.startBy, let left = subject.monthsLeft(move) else {
            return "\(name): no start needed before \(subject.label(move.notBefore)) in \(sure) of trials"
        }
        let when =
            left > 0
            ? "start within \(NumberFormatting.prose(Double(left))) month\(left == 1 ? "" : "s")"
            : left == 0
                ? "start this month"
                : "late: the start was due \(NumberFormatting.prose(Double(-left))) month\(left == -1 ? "" : "s") ago"
        return "\(name): \(when) (by \(subject.label(startBy)); \(sure) sure to be ready in time; 50%: \(half))"
    }

    /// Where a value came from, in words.
    static func source(of value: ObservedCheck.Value, _ subject: Subject) -> String {
        if value.observed { return "observed" }
        if subject.unobserved.contains(where: { $0.name == value.name }) { return "derived (not observed, see below)" }
        return value.derivation.map { "derived (\($0))" } ?? "derived"
    }

    static func number(_ value: Double) -> String {
        NumberFormatting.grouped(value, decimals: Swift.abs(value) < 10 && value != value.rounded() ? 3 : 0)
    }

    static func json(_ subject: Subject) -> String {
        let (result, profile, failOn) = (subject.result, subject.profile, subject.failOn)
        return JSONOutput.object([
            ("schema", .string("scaleplan.check/2")), ("overrides", ParamOverride.json(subject.overrides)),
            ("profile", .string(profile.id)),
            ("tier", .string(profile.tiers[result.tier].id)),
            ("tier_from", .string(result.tierFrom.rawValue)), ("load_carried", .bool(result.loadCarried)),
            ("fail_on", .string(failOn.rawValue)),
            ("failed", .bool(subject.failureReason != nil)),
            ("reason", .string(subject.failureReason)),
            (
                "firing",
                .array(
                    result.firing.map { firing in
                        .object([
                            ("id", .string(firing.trigger.id)), ("tier", .string(firing.tierID)),
                            ("severity", .string(firing.trigger.severity.rawValue)), ("action", .string(firing.trigger.action)),
                            ("quantity", .string(firing.quantity)), ("value", .number(firing.value)),
                            ("threshold", .number(firing.threshold)),
                        ])
                    })
            ),
            ("quiet", .array(result.quiet.map { .string($0.id) })),
            ("month", .number(Double(result.month))),
            (
                "moves",
                .array(
                    subject.moves.map { move in
                        .object([
                            ("tier", .string(move.tierID)), ("confidence", .number(move.confidence)),
                            ("start_by", .number(move.startBy.map(Double.init))),
                            ("start_by_p50", .number(move.startByHalf.map(Double.init))),
                            ("months_left", .number(subject.monthsLeft(move).map(Double.init))),
                            ("advice", .string(deadline(move, subject))),
                        ])
                    })
            ),
            (
                "values",
                .array(
                    result.values.map {
                        .object([
                            ("name", .string($0.name)), ("value", .number($0.value)), ("observed", .bool($0.observed)),
                            ("derivation", .string($0.derivation)),
                        ])
                    })
            ),
            ("observed_from", .string(subject.observedFrom)),
            (
                "unobserved",
                .array(
                    subject.unobserved.map {
                        .object([("name", .string($0.name)), ("reason", .string($0.reason)), ("query", .string($0.query))])
                    })
            ),
        ]).rendered() + "\n"
    }

    static func markdown(_ subject: Subject) -> String {
        let (result, profile) = (subject.result, subject.profile)
        let md = TextSafety.markdown
        let tier = profile.tiers[result.tier]
        var out = "## \(md(profile.name)): trigger check (tier \(md(tier.name)))\n\n"
        if let line = ParamOverride.header(subject.overrides) { out += md(line) + "\n\n" }
        if result.firing.isEmpty {
            out += "No trigger fires (\(result.quiet.count) checked).\n"
        } else {
            out += "| Severity | Trigger | Value | Threshold | Action |\n|---|---|---:|---:|---|\n"
            for firing in result.firing {
                out +=
                    "| \(firing.trigger.severity.rawValue) | \(md(firing.trigger.id)) | "
                    + "\(firing.value.map(number) ?? "–") | \(firing.threshold.map(number) ?? "–") | \(md(firing.trigger.action)) |\n"
            }
        }
        if let reason = subject.failureReason { out += "\n**Failed (--fail-on \(subject.failOn.rawValue)):** \(md(reason))\n" }
        out += "\n| Value | | Source |\n|---|---:|---|\n"
        for value in result.values {
            out += "| \(md(value.name)) | \(number(value.value)) | \(md(Self.source(of: value, subject))) |\n"
        }
        if !subject.unobserved.isEmpty {
            out += "\nNot observed (derived from the model):\n\n"
            for item in subject.unobserved { out += "- \(md(item.name)): \(md(item.reason))\n" }
        }
        if let source = subject.movesSource {
            out += "\n**Moves** (\(md(source))):\n\n"
            if subject.moves.isEmpty { out += "- none: the active tier is the last\n" }
            for move in subject.moves { out += "- \(md(deadline(move, subject)))\n" }
        }
        return out
    }
}
