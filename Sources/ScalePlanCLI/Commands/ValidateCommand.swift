import ScalePlanKit

/// `scaleplan validate <file>...`: every error in every file, exit 65 if any is invalid.
enum ValidateCommand: Command {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check profiles and report every error.",
        discussion:
            "Checks JSON syntax, keys and types, names, tier ranges (contiguous, no overlap), references from limits, costs and triggers, expression syntax and types, and metric cycles. Errors are printed as file:line:column: error: message, with a suggestion. '-' reads a profile from standard input. Exits 65 if any file is invalid, 66 if one cannot be read.",
        arguments: [
            ArgumentSpec(
                name: "file", help: "Profile files (or bundled profile ids) to check; '-' reads one from standard input.",
                isRepeating: true, completion: .profile)
        ],
        options: [OptionSpec(name: "quiet", short: "q", help: "Print only errors.")] + ColorChoice.options,
        examples: [
            Example("scaleplan validate plan.json", "Every error in a profile, as file:line:column with a suggestion."),
            Example("scaleplan validate --quiet plans/*.json", "In CI: nothing on success, exit 65 if any file is invalid."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        var status = ExitCode.success
        for argument in arguments.positionals {
            do {
                let loaded = try context.loadProfile(argument, for: spec)
                if !loaded.warnings.isEmpty {
                    context.stderr.write(
                        DiagnosticRenderer.render(
                            loaded.warnings, file: loaded.path, text: "",
                            style: context.errorStyle))
                }
                if !arguments.has("quiet") {
                    let profile = loaded.profile
                    let triggers = profile.triggers.count + profile.tiers.reduce(0) { $0 + $1.triggers.count }
                    context.stdout.write(
                        "\(Terminal.sanitize(loaded.path)): ok (\(profile.tiers.count) tiers, "
                            + "\(profile.metrics.count) metrics, \(triggers) triggers)\n")
                }
            } catch {
                if case .usage = error { throw error }
                let code = ScalePlan.report(error, context)
                // A missing file outranks an invalid one: it usually means a wrong path.
                if status != .noInput { status = code }
            }
        }
        return status
    }
}
