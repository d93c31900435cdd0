/// `check` in every format: the triggers that fire on the observed values, what to do, and the
/// values the triggers read (observed or derived).
public enum CheckReport: Report {
    public struct Subject: Sendable {
        public var result: ObservedCheck.Result
        public var profile: Profile
        /// The `--fail-on` severity, and whether a trigger at or above it fired.
        public var failOn: Trigger.Severity
        public var failed: Bool
        public var style: TextStyle

        public init(result: ObservedCheck.Result, profile: Profile, failOn: Trigger.Severity, failed: Bool, style: TextStyle) {
            self.result = result
            self.profile = profile
            self.failOn = failOn
            self.failed = failed
            self.style = style
        }
    }

    public static func render(_ subject: Subject, format: ListFormat) -> String {
        switch format {
        case .table: table(subject.result, profile: subject.profile, style: subject.style)
        case .json: json(subject.result, profile: subject.profile, failOn: subject.failOn, failed: subject.failed)
        case .markdown: markdown(subject.result, profile: subject.profile)
        }
    }

    static func table(_ result: ObservedCheck.Result, profile: Profile, style: TextStyle) -> String {
        let tier = profile.tiers[result.tier]
        let clean = { (text: String) in TextSafety.terminal(text) }
        var out = style.bold(clean("\(profile.name): triggers of tier \(tier.name) (\(tier.id)) and the global ones")) + "\n"
        out += result.tierFromDriver ? "Active tier from the observed \(profile.driver.name).\n" : "Active tier from --tier.\n"
        out += "\n"
        if result.firing.isEmpty {
            out += style.green("No trigger fires") + " (\(result.quiet.count) checked).\n"
        } else {
            out += style.bold("FIRING (\(result.firing.count) of \(result.firing.count + result.quiet.count)):") + "\n"
            for firing in result.firing {
                let severity = firing.trigger.severity
                let label =
                    severity == .critical ? style.red("critical") : severity == .warning ? style.yellow("warning ") : "info    "
                var line = "  \(label) \(firing.trigger.id)"
                if let quantity = firing.quantity, let value = firing.value, let threshold = firing.threshold {
                    line += ": \(quantity) = \(number(value)) (threshold \(number(threshold)))"
                }
                out += TextWrap.wrap(clean(line), width: 100, indent: 13) + "\n"
                out += TextWrap.wrap("             → " + clean(firing.trigger.action), width: 100, indent: 15) + "\n"
            }
        }
        out += "\nVALUES THE TRIGGERS READ (observed, or derived from the model):\n"
        out += TextTable.render(
            headers: ["  NAME", "VALUE", "SOURCE"],
            rows: result.values.map { ["  " + $0.name, number($0.value), $0.observed ? "observed" : "derived"] },
            rightAligned: [1])
        return out
    }

    static func number(_ value: Double) -> String {
        NumberFormatting.grouped(value, decimals: Swift.abs(value) < 10 && value != value.rounded() ? 3 : 0)
    }

    static func json(_ result: ObservedCheck.Result, profile: Profile, failOn: Trigger.Severity, failed: Bool) -> String {
        JSONOutput.object([
            ("schema", .string("scaleplan.check/1")),
            ("profile", .string(profile.id)),
            ("tier", .string(profile.tiers[result.tier].id)),
            ("tier_from", .string(result.tierFromDriver ? "driver" : "option")),
            ("fail_on", .string(failOn.rawValue)),
            ("failed", .bool(failed)),
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
            (
                "values",
                .array(
                    result.values.map {
                        .object([("name", .string($0.name)), ("value", .number($0.value)), ("observed", .bool($0.observed))])
                    })
            ),
        ]).rendered() + "\n"
    }

    static func markdown(_ result: ObservedCheck.Result, profile: Profile) -> String {
        let md = TextSafety.markdown
        let tier = profile.tiers[result.tier]
        var out = "## \(md(profile.name)): trigger check (tier \(md(tier.name)))\n\n"
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
        out += "\n| Value | | Source |\n|---|---:|---|\n"
        for value in result.values {
            out += "| \(md(value.name)) | \(number(value.value)) | \(value.observed ? "observed" : "derived") |\n"
        }
        return out
    }
}
