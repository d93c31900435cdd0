import ScalePlanKit

/// `scaleplan check <profile> --observed FILE`: the plan's triggers against real numbers, for CI
/// and cron. Exits 1 when a trigger at or above `--fail-on` fires.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Evaluate the plan's triggers against observed values.",
        discussion:
            "FILE holds current real values — a JSON object of name → number, or CSV rows name,value — for the driver, params, metrics or trigger quantities (cost, latency.<queue>, utilization.<limit>). The active tier comes from the observed driver value, or --tier. That tier's triggers and the global ones are evaluated; anything not observed is derived from the model, and the output says which values were. Exit status: 1 if a trigger at or above --fail-on fires, 0 if none does.",
        arguments: [.profile],
        options: [
            OptionSpec(
                name: "observed", valueName: "file", help: "Observed values: a JSON object or name,value CSV.", isRequired: true),
            OptionSpec(
                name: "tier", valueName: "id",
                help: "The tier in production (default: the one the observed driver value falls in)."),
            OptionSpec(
                name: "fail-on", valueName: "severity",
                help: "Exit 1 when a trigger of this severity or higher fires: info, warning or critical.",
                defaultValue: "warning", choices: Trigger.Severity.allCases.map(\.rawValue)),
            .format(CheckReport.formatNames),
            OutputWriter.option,
            OptionSpec(name: "quiet", short: "q", help: "Print nothing; only the exit status tells."),
            OptionSpec(name: "no-color", help: "No colour, even on a terminal."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec)
        let profile = loaded.profile
        var tier: Int?
        if let id = arguments.value("tier", in: spec) { tier = try context.tierIndex(id, in: profile, for: spec) }
        let input = try context.inputs.read(
            arguments.value("observed", in: spec) ?? "", limit: 16 * 1024 * 1024, what: "--observed", for: spec)
        let (bytes, path) = input
        let observed: [(name: String, value: Double)]
        switch ObservedCheck.parse(bytes) {
        case .success(let values): observed = values
        case .failure(let errors):
            throw .invalidProfile(path: path, diagnostics: errors.diagnostics, text: String(decoding: bytes, as: UTF8.self))
        }
        if tier == nil && !observed.contains(where: { $0.name == profile.driver.name }) {
            throw .data(
                "\(path): no observed value for the driver '\(profile.driver.name)', so the active tier is unknown; add it or give --tier"
            )
        }
        let result: ObservedCheck.Result
        do {
            result = try ObservedCheck(loaded.compiled).run(observed: observed, tier: tier)
        } catch {
            throw .data(
                "\(path): '\(error.name)' is not a name in profile '\(profile.id)'"
                    + (error.suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + " Observed values may name the driver, params, metrics, \(ContextName.summary).")
        }
        let threshold = Trigger.Severity(rawValue: arguments.value("fail-on", in: spec) ?? "warning") ?? .warning
        let failed = result.firing.contains { $0.trigger.severity >= threshold }
        if !arguments.has("quiet") {
            let format = ListFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
            let text = CheckReport.render(
                CheckReport.Subject(
                    result: result, profile: profile, failOn: threshold, failed: failed,
                    style: context.style(noColor: arguments.has("no-color"))), format: format)
            try OutputWriter.write(text, arguments, spec: spec, context: context)
        }
        return failed ? .failure : .success
    }
}
