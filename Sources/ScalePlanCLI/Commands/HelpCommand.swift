import ScalePlanKit

/// `scaleplan help [command]`.
enum HelpCommand: Command {
    static let spec = CommandSpec(
        name: "help",
        abstract: "Show help for a command.",
        arguments: [ArgumentSpec(name: "command", help: "The command to describe.", isOptional: true, completion: .command)],
        examples: [
            Example("scaleplan help", "The commands."),
            Example("scaleplan help simulate", "One command in detail: the same as 'scaleplan simulate --help'."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        guard let name = arguments.positionals.first else {
            context.stdout.write(
                HelpFormatter.help(
                    for: ScalePlan.rootSpec,
                    subcommands: ScalePlan.commands.map { $0.spec }, width: context.width))
            return .success
        }
        guard let command = ScalePlan.commands.first(where: { $0.spec.name == name }) else {
            let suggestion = Suggestions.closest(to: name, in: ScalePlan.commands.map { $0.spec.name })
            throw .usage(
                UsageError(
                    "Unknown command '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                    command: spec))
        }
        context.stdout.write(HelpFormatter.help(for: command.spec, width: context.width))
        return .success
    }
}
