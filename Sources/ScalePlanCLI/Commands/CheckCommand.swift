import ScalePlanKit

/// `scaleplan check <profile> --observed FILE`: the plan's triggers against real numbers, for CI
/// and cron. Exits 1 when a trigger at or above `--fail-on` fires.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Evaluate the plan's triggers against observed values.",
        discussion:
            "FILE holds current real values — a JSON object of name → number, or CSV rows name,value — for the driver, params, metrics or trigger quantities (cost, latency.<queue>, utilization.<limit>); '-' reads them from standard input. The active tier comes from the observed driver value, or --tier. That tier's triggers and the global ones are evaluated; anything not observed is derived from the model, and the output says which values were. Exit status: 1 if a trigger at or above --fail-on fires (standard error says which), 0 if none does.",
        arguments: [.profile],
        options: [
            ParamOverrideOption.option,
            OptionSpec(
                name: "observed", valueName: "file", help: "Observed values: a JSON object or name,value CSV.", isRequired: true),
            OptionSpec(
                name: "tier", valueName: "id",
                help: "The tier in production (default: the one the observed driver value falls in)."),
            OptionSpec(
                name: "fail-on", valueName: "severity",
                help: "Exit 1 when a trigger of this severity or higher fires: info, warning or critical.",
                defaultValue: "warning", choices: Trigger.Severity.allCases.map(\.rawValue)),
            OptionSpec(
                name: "trials", valueName: "n",
                help:
                    "Also date the moves above the active tier: a Monte Carlo of this many trials (1 to 10,000,000) of the default scenario gives each move's safe start date and the months left before it."
            ),
        ] + MonteCarloOptions.options.filter { ["seed", "confidence"].contains($0.name) } + [
            .format(CheckReport.formatNames),
            OutputWriter.option,
            OptionSpec(
                name: "quiet", short: "q",
                help: "No report; the exit status tells, and a failure still says why on standard error."),
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan check sayar --observed metrics.json", "The plan's triggers against this morning's numbers."),
            Example(
                "curl -s $EXPORT | scaleplan check plan.json --observed - --fail-on critical --quiet",
                "In cron or CI: exit 1, with the reason on standard error, only when a critical trigger fires."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        let profile = loaded.profile
        var tier: Int?
        if let id = arguments.value("tier", in: spec) { tier = try context.tierIndex(id, in: profile, for: spec) }
        let input = try context.inputs.read(
            arguments.value("observed", in: spec) ?? "", limit: 16 * 1024 * 1024, what: "--observed", for: spec)
        let (bytes, path) = input
        let observed: [ObservedCheck.Observation]
        switch ObservedCheck.parse(bytes) {
        case .success(let values): observed = values
        case .failure(let errors):
            throw .invalidProfile(path: path, diagnostics: errors.diagnostics, text: String(decoding: bytes, as: UTF8.self))
        }
        // An unknown name is the first thing to fix (a misspelt driver is one): `run` reports it
        // with a did-you-mean, so the missing-driver message is only for known names.
        let checker = ObservedCheck(loaded.compiled)
        let accepted = Set(checker.acceptedNames)
        let names = Set(observed.map(\.name))
        if tier == nil && !names.contains(profile.driver.name) && names.isSubset(of: accepted) {
            // By capacity, the load itself tells the tier: every metric a limit reads will do.
            let limited = checker.limitedNames
            if profile.tierSelection != .capacity {
                throw .data(
                    "\(path): no observed value for the driver '\(profile.driver.name)', so the active tier is unknown; add it or give --tier"
                )
            } else if !limited.allSatisfy(names.contains) {
                let lacking = limited.filter { !names.contains($0) }.map { "'\($0)'" }.joined(separator: ", ")
                throw .data(
                    "\(path): tiers are chosen by capacity, and neither the driver '\(profile.driver.name)' nor every limited metric is observed (missing \(lacking)), so the active tier is unknown; add them, or give --tier"
                )
            }
        }
        let result: ObservedCheck.Result
        do {
            result = try checker.run(observed: observed, tier: tier)
        } catch {
            throw .invalidProfile(path: path, diagnostics: [error.diagnostic], text: String(decoding: bytes, as: UTF8.self))
        }
        let threshold = Trigger.Severity(rawValue: arguments.value("fail-on", in: spec) ?? "warning") ?? .warning
        var subject = CheckReport.Subject(
            result: result, profile: profile, failOn: threshold, overrides: loaded.compiled.overrides)
        try addMoves(to: &subject, loaded.compiled, arguments, context)
        // --quiet silences standard output; a file asked for with -o is still written.
        if !arguments.has("quiet") || OutputWriter.file(arguments, spec: spec) != nil {
            let format = ListFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
            try OutputWriter.write(
                CheckReport.render(subject, format: format, layout: context.layout), arguments, spec: spec, context: context)
        }
        guard let reason = subject.failureReason else { return .success }
        ScalePlan.reportFailure("check failed (--fail-on \(threshold.rawValue)): \(reason)", context)
        return .failure
    }

    /// With `--trials`: a Monte Carlo of the default scenario gives the safe start date of each
    /// move into a tier above the active one, and how many months are left before it.
    static func addMoves(
        to subject: inout CheckReport.Subject, _ compiled: CompiledProfile, _ arguments: ParsedArguments,
        _ context: CommandContext
    ) throws(CLIError) {
        guard arguments.value("trials", in: spec) != nil else {
            _ = try MonteCarloOptions.parse(arguments, spec: spec, months: 1)  // --confidence alone is an error
            return
        }
        guard let scenario = compiled.profile.defaultScenario, scenario.growth.expectedCurve != nil else {
            throw .usage(
                UsageError("--trials needs a default scenario with a growth curve (not a CSV) to date the moves.", command: spec))
        }
        // Far enough past both the scenario's horizon and the check's month that a move due after
        // the check can be dated (each move needs its lead time before it).
        let longestLead = compiled.profile.tiers.compactMap { $0.migration?.leadTimeMonths?.high }.max() ?? 0
        let months = Int(
            Swift.min(
                1200,
                Double(Swift.max(scenario.months ?? 36, subject.result.month + 1)) + Swift.min(longestLead, 1200).rounded(.up) + 1
            ))
        guard let options = try MonteCarloOptions.parse(arguments, spec: spec, months: months) else { return }
        let result = MonteCarlo(compiled.forScenario(scenario), growth: .scenario(scenario.growth)).run(
            options, start: scenario.start)
        let active = subject.result.tier
        subject.moves = result.moves.filter { move in
            (compiled.profile.tiers.firstIndex { $0.id == move.tierID } ?? 0) > active
        }
        subject.movesStart = scenario.start
        subject.movesSource =
            "Monte Carlo of \(NumberFormatting.grouped(Double(options.trials))) trials of scenario \(scenario.id) over \(months) months; months left counted from month \(subject.result.month)"
    }
}
