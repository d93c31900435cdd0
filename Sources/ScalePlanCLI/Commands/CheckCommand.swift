import ScalePlanKit

/// `scaleplan check <profile> --observed FILE`: the plan's triggers against real numbers, for CI
/// and cron. Exits 1 when a trigger at or above `--fail-on` fires.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Evaluate the plan's triggers against observed values.",
        discussion:
            "The observed values come from FILE (--observed) or from a Prometheus server (--prometheus). FILE holds current real values — a JSON object of name → number, or CSV rows name,value, or saved Prometheus query responses — for the driver, params, metrics or trigger quantities (cost, latency.<queue>, utilization.<limit>); '-' reads them from standard input. --prometheus runs the profile's \"observe\" queries; a query that returns no single number leaves its name to the model, and says so. The active tier comes from the observed driver value, or --tier. That tier's triggers and the global ones are evaluated; anything not observed is derived from the model, and the output says which values were. Exit status: 1 if a trigger at or above --fail-on fires (standard error says which), 0 if none does; 69 if Prometheus cannot be reached within --timeout.",
        arguments: [.profile],
        options: [
            ParamOverrideOption.option,
            OptionSpec(
                name: "observed", valueName: "file",
                help:
                    "Observed values: a JSON object of name → number or of name → saved Prometheus /api/v1/query response, a saved response alone (the driver's value), or name,value CSV."
            ),
            OptionSpec(
                name: "prometheus", valueName: "url",
                help:
                    "Read the observed values from this Prometheus server (http://host:port[/prefix]): each query of the profile's \"observe\". A bearer token comes from SCALEPLAN_PROMETHEUS_TOKEN; user:password may be in the URL."
            ),
            OptionSpec(
                name: "at", valueName: "time",
                help: "With --prometheus: evaluate the queries at this time (RFC 3339 or Unix seconds) instead of now."),
            OptionSpec(
                name: "timeout", valueName: "seconds",
                help: "With --prometheus: give up after this many seconds, all queries included (exit 69).",
                defaultValue: "10"),
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
                "scaleplan check sayar --prometheus http://127.0.0.1:9090",
                "The same, with the numbers read from Prometheus by the profile's \"observe\" queries."),
            Example(
                "curl -s $EXPORT | scaleplan check plan.json --observed - --fail-on critical --quiet",
                "In cron or CI: exit 1, with the reason on standard error, only when a critical trigger fires."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        let profile = loaded.profile
        var tier: Int?
        if let id = arguments.value("tier", in: spec) { tier = try context.tierIndex(id, in: profile, for: spec) }
        let (input, path, bytes) = try observedInput(arguments, context, profile: profile, profilePath: loaded.path)
        let observed = input.observations
        // An unknown name is the first thing to fix (a misspelt driver is one): `run` reports it
        // with a did-you-mean, so the missing-driver message is only for known names.
        let checker = ObservedCheck(loaded.compiled)
        let accepted = Set(checker.acceptedNames)
        let names = Set(observed.map(\.name))
        if tier == nil && !names.contains(profile.driver.name) && names.isSubset(of: accepted) {
            // By capacity, the load itself tells the tier: every metric a limit reads will do.
            let limited = checker.limitedNames
            if profile.tierSelection != .capacity {
                // Asked for and not given (a query with no series): say why.
                let why = input.unobserved.first { $0.name == profile.driver.name }.map { " (\($0.reason))" } ?? ""
                throw .data(
                    "\(path): no observed value for the driver '\(profile.driver.name)'\(why), so the active tier is unknown; add it or give --tier"
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
        subject.unobserved = input.unobserved
        subject.observedFrom = path
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

    /// The observed values: from `--observed FILE` (numbers or saved Prometheus responses) or
    /// from `--prometheus URL` (the profile's `observe` queries), with where they came from for
    /// messages and the bytes read (for excerpts in errors; empty from a server).
    static func observedInput(
        _ arguments: ParsedArguments, _ context: CommandContext, profile: Profile, profilePath: String
    ) throws(CLIError) -> (ObservedInput, String, [UInt8]) {
        let file = arguments.value("observed", in: spec)
        guard let url = arguments.value("prometheus", in: spec) else {
            for name in ["at", "timeout"] where arguments.values[name] != nil {
                throw .usage(UsageError("--\(name) is for --prometheus.", command: spec))
            }
            guard let file else {
                throw .usage(
                    UsageError(
                        "give the observed values: --observed FILE, or --prometheus URL to read them from Prometheus.",
                        command: spec))
            }
            let (bytes, path) = try context.inputs.read(file, limit: 16 * 1024 * 1024, what: "--observed", for: spec)
            switch ObservedInput.read(bytes, driver: profile.driver.name) {
            case .success(var input):
                // A saved response does not carry its query; the profile's mapping does.
                for index in input.unobserved.indices where input.unobserved[index].query == nil {
                    input.unobserved[index].query = profile.observe.first { $0.name == input.unobserved[index].name }?.query
                }
                return (input, path, bytes)
            case .failure(let errors):
                throw .invalidProfile(path: path, diagnostics: errors.diagnostics, text: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard file == nil else { throw .usage(UsageError("give --observed or --prometheus, not both.", command: spec)) }
        let address: HTTPAddress
        switch HTTPAddress.parse(url) {
        case .success(let parsed): address = parsed
        case .failure(.unavailable(let reason)): throw .unavailable("\(UsageError.echo(url)): \(reason)")
        case .failure(.invalid(let reason)), .failure(.malformed(let reason)):
            throw .usage(UsageError("--prometheus '\(UsageError.echo(url))': \(reason).", command: spec))
        }
        let timeoutText = arguments.value("timeout", in: spec) ?? "10"
        guard let timeout = Double(timeoutText), timeout > 0, timeout <= 3600 else {
            throw .usage(
                UsageError(
                    "--timeout '\(UsageError.echo(timeoutText))': expected seconds, above 0 and at most 3600.", command: spec))
        }
        let time = arguments.value("at", in: spec)
        if let time, !PrometheusSource.isTime(time) {
            throw .usage(
                UsageError(
                    "--at '\(UsageError.echo(time))': expected an RFC 3339 time such as 2026-12-01T09:00:00Z, or Unix seconds.",
                    command: spec))
        }
        guard !profile.observe.isEmpty else {
            throw .data(
                "\(profilePath): the profile maps nothing to Prometheus: add \"observe\": {\"\(profile.driver.name)\": \"<PromQL>\", …} (see the README's observe section)"
            )
        }
        let source = PrometheusSource(
            address: address, token: context.environment["SCALEPLAN_PROMETHEUS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            time: time, timeout: timeout, userAgent: "scaleplan/\(ScalePlan.version)")
        do {
            let readings = try source.read(profile.observe)
            return (try ObservedInput(readings: readings), "Prometheus \(address.display)", [])
        } catch let failure as PrometheusSource.Failure {
            switch failure {
            case .unavailable(let reason): throw .unavailable("Prometheus \(address.display): \(reason)")
            case .malformed(let name, let query, let reason):
                throw .data("Prometheus's answer for '\(name)' (\(query)) is not usable: \(reason)")
            }
        } catch let rejected as ObservedInput.Rejected {
            throw .data(
                "Prometheus rejected the query for '\(rejected.name)' (\(rejected.query)): \(rejected.type): \(rejected.message)")
        } catch {
            throw .data("\(error)")
        }
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
