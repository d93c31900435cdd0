import ScalePlanKit

/// `scaleplan show <profile>`: the plan as the engine reads it.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show a profile's tiers, limits, costs and triggers.",
        discussion:
            "Costs are monthly, in the profile's currency. An item whose amount depends on the driver (usage-priced) is shown at the tier's range: its low at the range's minimum and its high at the maximum (at the minimum for the last, open-ended tier). Params, metrics, limits with their labels, queues, migrations, the team and hiring plan, and every note are shown too.",
        arguments: [.profile],
        options: [.format(ShowReport.formatNames), OutputWriter.option] + ColorChoice.options,
        examples: [
            Example("scaleplan show musician", "Every param, metric, tier, limit, cost and trigger of a bundled plan."),
            Example("scaleplan show plan.json --format json -o plan-read.json", "The plan as the engine reads it, as JSON."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec)
        let format = ShowFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        try OutputWriter.write(
            ShowReport.render(ProfileSummary(loaded.compiled), format: format, layout: context.layout), arguments, spec: spec,
            context: context)
        return .success
    }
}
