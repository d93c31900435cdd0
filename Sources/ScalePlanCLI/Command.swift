/// A subcommand: its interface and what it does.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; returns the exit status.
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode
}
