import ScalePlanKit

/// `scaleplan rules <profile> [--tier ID] [--for DURATION] [-o FILE]`: the plan's triggers as
/// Prometheus alerting rules over the profile's `observe` queries.
enum RulesCommand: Command {
    static let spec = CommandSpec(
        name: "rules",
        abstract: "Write the plan's triggers as Prometheus alerting rules.",
        discussion:
            "Each trigger whose quantities are all mapped in the profile's \"observe\" becomes an alerting rule (YAML for Prometheus's rule_files; check it with promtool check rules): its condition in PromQL over the mapped queries, params written in as their planned values, held for --for before it fires, with the severity, profile, tier and trigger as labels and the action, tier and condition as annotations. A tier's trigger applies only while the observed driver is in that tier's range; with --tier only that tier's triggers and the global ones are written, unguarded. Triggers that cannot be expressed are listed on standard error with the reason (and as comments in the file). Exit status 65 when no trigger can be expressed.",
        arguments: [.profile],
        options: [
            ParamOverrideOption.option,
            OptionSpec(
                name: "tier", valueName: "id", help: "Only this tier's triggers (and the global ones), not guarded by its range."),
            OptionSpec(
                name: "for", valueName: "duration",
                help: "How long a condition must hold before the alert fires (a Prometheus duration: 30s, 15m, 1h).",
                defaultValue: "15m"),
            OutputWriter.option,
        ],
        examples: [
            Example("scaleplan rules sayar -o sayar.rules.yml", "Alert rules for the bundled sayar plan."),
            Example("scaleplan rules sayar | promtool check rules /dev/stdin", "Checked by Prometheus's own tool."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        let duration = arguments.value("for", in: spec) ?? "15m"
        guard PrometheusRules.isDuration(duration) else {
            throw .usage(
                UsageError(
                    "--for '\(UsageError.echo(duration))': expected a Prometheus duration such as 30s, 15m or 1h.", command: spec)
            )
        }
        var tier: Int?
        if let id = arguments.value("tier", in: spec) { tier = try context.tierIndex(id, in: loaded.profile, for: spec) }
        let (rules, skipped) = PrometheusRules.build(loaded.compiled, tier: tier)
        for item in skipped {
            context.stderr.write(
                TextSafety.message(
                    "not expressed: \(item.trigger)\(item.tier.map { " (tier \($0))" } ?? ""): \(item.reason)") + "\n")
        }
        guard !rules.isEmpty else {
            throw .data(
                loaded.profile.observe.isEmpty
                    ? "\(loaded.path): the profile maps nothing to Prometheus, so no trigger can be written as a rule: add \"observe\" (see the README's observe section)"
                    : "\(loaded.path): no trigger can be written as a rule: each reads a quantity that \"observe\" does not map (above)"
            )
        }
        let text = PrometheusRules.yaml(
            rules, skipped: skipped, profile: loaded.profile, duration: duration, generator: "scaleplan \(ScalePlan.version)")
        try OutputWriter.write(text, arguments, spec: spec, context: context)
        return .success
    }
}
