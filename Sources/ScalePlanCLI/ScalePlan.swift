import ScalePlanKit

/// The `scaleplan` command line: parses arguments, dispatches to a command, prints errors, and
/// returns the exit status. Never calls `exit`, so tests run it in-process.
public enum ScalePlan {
    public static let toolName = "scaleplan"
    public static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        ListCommand.self, ShowCommand.self, ValidateCommand.self, SimulateCommand.self, CapacityCommand.self,
        CheckCommand.self, DiffCommand.self, SensitivityCommand.self, OptimizeCommand.self, RoadmapCommand.self,
        FitCommand.self, RulesCommand.self,
        SchemaCommand.self,
        CompletionsCommand.self,
        HelpCommand.self,
    ]

    static let rootSpec = CommandSpec(
        name: toolName,
        abstract: "Capacity planning for growing software products.",
        discussion: """
            Describe a scaling plan once as a JSON profile (tiers, limits, costs, triggers); scaleplan \
            projects it month by month and tells you when each upgrade trigger fires, what it costs and \
            what the plan is missing.

            EXIT STATUS: \(ExitCode.allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ")).
            """,
        options: [OptionSpec(name: "version", help: "Show the version.")],
        usageOverride: "\(toolName) <subcommand>",
        examples: [
            Example("scaleplan simulate oviya", "Project a bundled plan month by month."),
            Example(
                "scaleplan validate plan.json && scaleplan roadmap plan.json -o roadmap.md",
                "Check your own plan, then write its roadmap."),
            Example(
                "scaleplan check plan.json --observed metrics.json", "Compare this morning's numbers with the plan's triggers."),
        ])

    /// Runs the command line.
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - stdout: where results go.
    ///   - stderr: where errors and progress go.
    ///   - stdin: what `-` reads (a profile, a growth CSV or observed values).
    ///   - environment: the process environment (`NO_COLOR`, `SCALEPLAN_PROFILES`, `COLUMNS`).
    ///   - terminal: whether stdout/stderr are terminals, and the width.
    ///   - executablePath: the binary's path, used to find the bundled profiles.
    /// - Returns: the exit status.
    public static func run(
        arguments: [String], stdout: TextOutput, stderr: TextOutput, stdin: ByteInput = InputBuffer(),
        environment: [String: String] = [:], terminal: TerminalInfo = TerminalInfo(),
        executablePath: String? = nil
    ) -> Int32 {
        let library = ProfileLibrary.locate(environment: environment, executablePath: executablePath)
        let context = CommandContext(
            stdout: stdout, stderr: stderr, stdin: stdin, environment: environment, terminal: terminal,
            library: library)
        let status = dispatch(arguments, context)
        // Output that could not be written is an I/O error, whatever the command concluded.
        if let reason = stdout.failure {
            stderr.write("Error: could not write to standard output: \(reason)\n")
            return ExitCode.ioError.rawValue
        }
        return status.rawValue
    }

    static func dispatch(_ arguments: [String], _ context: CommandContext) -> ExitCode {
        guard let first = arguments.first else {
            context.stdout.write(
                HelpFormatter.help(
                    for: rootSpec, subcommands: commands.map { $0.spec },
                    width: context.width))
            return .success
        }
        if first == "__complete" {
            return CompletionsCommand.answer(Array(arguments.dropFirst()), context)
        }
        if first == "__manpage" {
            context.stdout.write(ManPage.render())
            return .success
        }
        if first == "--version" {
            context.stdout.write(version + "\n")
            return .success
        }
        if first == "-h" || first == "--help" {
            context.stdout.write(
                HelpFormatter.help(
                    for: rootSpec, subcommands: commands.map { $0.spec },
                    width: context.width))
            return .success
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let names = commands.map { $0.spec.name }
            var message: String
            if first.hasPrefix("-") {
                message = "Unknown option '\(UsageError.echo(first))'"
                if let suggestion = Suggestions.closest(to: first.trimmingPrefix("-"), in: ["version", "help"]) {
                    message += ". Did you mean '--\(suggestion)'?"
                }
            } else {
                message = "Unknown command '\(first)'."
                if let suggestion = Suggestions.closest(to: first, in: names) { message += " Did you mean '\(suggestion)'?" }
            }
            return report(.usage(UsageError(message, command: rootSpec)), context)
        }
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: command.spec)
            if parsed.has("help") {
                context.stdout.write(HelpFormatter.help(for: command.spec, width: context.width))
                return .success
            }
            context.color = ColorChoice(parsed, spec: command.spec)
            context.inputs.output = OutputWriter.file(parsed, spec: command.spec)
            return try command.run(parsed, context)
        } catch let error as UsageError {
            return report(.usage(error), context)
        } catch let error as CLIError {
            return report(error, context)
        } catch {
            context.stderr.write("Error: \(error)\n")
            return .dataError
        }
    }

    /// Says on standard error why a command exits 1 (a check that failed, a cost rise over its
    /// limit): one line, also when the report went to a file or `--quiet` kept it back.
    static func reportFailure(_ reason: String, _ context: CommandContext) {
        context.stderr.write(
            HelpFormatter.wrap(TextSafety.message(reason), width: context.width, indent: 2) + "\n")
    }

    /// Prints an error the way its kind calls for and returns its status.
    static func report(_ error: CLIError, _ context: CommandContext) -> ExitCode {
        let style = context.errorStyle
        switch error {
        case .usage(let usage):
            context.stderr.write(HelpFormatter.usageError(usage, width: context.width))
        case .invalidProfile(let path, let diagnostics, let text):
            context.stderr.write(DiagnosticRenderer.render(diagnostics, file: path, text: text, style: style))
            let errors = diagnostics.count { $0.severity == .error }
            context.stderr.write(TextSafety.message("\(path): \(errors) error\(errors == 1 ? "" : "s")") + "\n")
        case .data(let message), .unavailable(let message):
            context.stderr.write(TextSafety.message("Error: \(message)") + "\n")
        case .noInput(let path, let reason):
            context.stderr.write(TextSafety.message("Error: cannot read '\(path)': \(reason)") + "\n")
        case .cannotCreate(let path, let reason):
            context.stderr.write(TextSafety.message("Error: cannot create '\(path)': \(reason)") + "\n")
        case .io(let path, let reason):
            context.stderr.write(
                TextSafety.message("Error: writing '\(path)' failed: \(reason); the file was left unchanged") + "\n")
        }
        return error.exitCode
    }
}

extension String {
    func trimmingPrefix(_ character: Character) -> String {
        String(drop { $0 == character })
    }
}
