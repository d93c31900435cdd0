import ScalePlanKit

/// `scaleplan show <profile>`: the plan as the engine reads it.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show a profile's tiers, limits, costs and triggers.",
        discussion:
            "Costs are monthly, in the profile's currency. A usage-priced item (an expression) is shown at the tier's range: its low at the range's minimum and its high at the maximum (at the minimum for the last, open-ended tier).",
        arguments: [.profile],
        options: [
            .format(ShowReport.formatNames)
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec)
        let format = ShowFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        let subject = ShowReport.Subject(summary: ProfileSummary(loaded.compiled), style: context.style(), width: context.width)
        context.stdout.write(ShowReport.render(subject, format: format))
        return .success
    }
}
