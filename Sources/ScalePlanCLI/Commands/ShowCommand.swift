import ScalePlanKit

/// `scaleplan show <profile>`: the plan as the engine reads it.
enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show a profile's tiers, limits, costs and triggers.",
        discussion: "Costs are monthly, in the profile's currency. A usage-priced item (an expression) is shown at the tier's range: its low at the range's minimum and its high at the maximum (at the minimum for the last, open-ended tier).",
        arguments: [.profile],
        options: [
            .format(["table", "json"])
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec)
        let summary = ProfileSummary(loaded.compiled)
        if arguments.value("format", in: spec) == "json" {
            context.stdout.write(summary.json.rendered() + "\n")
        } else {
            context.stdout.write(ShowTableRenderer.render(summary, style: context.style(), width: context.width))
        }
        return .success
    }

    /// `0 – 50`, `2M+`.
    static func describe(range: DriverRange) -> String {
        guard let max = range.max else { return NumberFormatting.compact(range.min) + "+" }
        return NumberFormatting.compact(range.min) + " – " + NumberFormatting.compact(max)
    }
}
