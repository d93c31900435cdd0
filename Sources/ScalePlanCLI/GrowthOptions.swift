import ScalePlanKit

/// The growth options shared by `simulate` and (later) `roadmap`, and how they resolve to a curve.
enum GrowthOptions {
    static let options: [OptionSpec] = [
        OptionSpec(
            name: "scenario", valueName: "name", help: "A scenario of the profile (default: the profile's default scenario)."),
        OptionSpec(
            name: "growth", valueName: "spec",
            help: GrowthKind.commandLineHelp),
        OptionSpec(name: "growth-csv", valueName: "file", help: "Month,value rows (observed or forecast) instead of a scenario."),
        OptionSpec(
            name: "growth-fit", valueName: "file",
            help:
                "A monthly history (month,value or YYYY-MM,value) to fit as 'fit growth' does; the best curve continues it from its last month, its parameters' uncertainty sampled under --trials."
        ),
        OptionSpec(
            name: "months", valueName: "n", help: "Months to project, 1 to 1200 (default: the scenario's horizon, else 36)."),
        OptionSpec(name: "start", valueName: "YYYY-MM", help: "Calendar month of month 0, for labels (default: the scenario's)."),
    ]

    /// A resolved growth choice.
    struct Choice {
        var curve: GrowthCurve
        /// The scenario's declared growth, whose uncertain parameters Monte Carlo samples; nil for
        /// a curve from the command line or a CSV file.
        var spec: GrowthSpec?
        var months: Int
        var start: YearMonth?
        var source: String
        /// The plan to project: the profile with the params the chosen scenario sets.
        var compiled: CompiledProfile
        /// The fit behind `--growth-fit`, for the roadmap's chart.
        var fit: GrowthFit.Result? = nil

        /// The growth as Monte Carlo, sensitivity and optimize sample it: the scenario's declared
        /// growth (its uncertain parameters drawn per trial), else the one curve.
        var monteCarloGrowth: MonteCarlo.Growth { spec.map { .scenario($0) } ?? .fixed(curve) }
    }

    /// The horizons `--months` allows.
    static let monthsRange = 1...1200

    static func resolve(
        _ arguments: ParsedArguments, spec: CommandSpec, loaded: ProfileLoader.Loaded,
        context: CommandContext
    ) throws(CLIError) -> Choice {
        let profile = loaded.profile
        let given = ["scenario", "growth", "growth-csv", "growth-fit"].filter { arguments.values[$0] != nil }
        if given.count > 1 {
            throw .usage(
                UsageError(
                    "Use only one of --scenario, --growth, --growth-csv and --growth-fit (got --\(given.joined(separator: " and --"))).",
                    command: spec))
        }
        var scenario: Scenario? = profile.defaultScenario
        if let name = arguments.value("scenario", in: spec) {
            guard let found = profile.scenarios.first(where: { $0.id == name }) else {
                let ids = profile.scenarios.map(\.id)
                throw .usage(
                    UsageError(
                        "Unknown scenario '\(name)' in profile '\(profile.id)'."
                            + (Suggestions.closest(to: name, in: ids).map { " Did you mean '\($0)'?" } ?? "")
                            + " Scenarios: \(ids.joined(separator: ", ")).", command: spec))
            }
            scenario = found
        }
        var months = 36
        var start: YearMonth? = nil
        let curve: GrowthCurve
        var declaredGrowth: GrowthSpec?
        var source: String
        var compiled = loaded.compiled
        var fit: GrowthFit.Result?
        if let text = arguments.value("growth", in: spec) {
            do { curve = try GrowthInput.parse(text) } catch { throw .usage(UsageError(error.message, command: spec)) }
            source = "--growth \(text)"
        } else if let path = arguments.value("growth-csv", in: spec) {
            curve = .points(try readCSV(path, what: "--growth-csv", spec: spec, context: context))
            source = "--growth-csv \(path)"
        } else if let path = arguments.value("growth-fit", in: spec) {
            let result = try fitHistory(path, spec: spec, context: context)
            curve = result.scenario.growth.expectedCurve ?? .constant(0)
            declaredGrowth = result.scenario.growth
            start = result.scenario.start
            source =
                "--growth-fit \(path) (\(result.best.kind.rawValue), continuing from \(result.history.label(result.history.lastMonth)))"
            fit = result
        } else if let scenario {
            months = scenario.months ?? 36
            start = scenario.start
            if case .csv(let file) = scenario.growth.self {
                let path = file.hasPrefix("/") ? file : ProfileLibrary.parent(of: loaded.path) + "/" + file
                curve = .points(try readCSV(path, what: "the scenario's growth CSV", spec: spec, context: context))
            } else {
                curve = scenario.growth.expectedCurve ?? .constant(0)
                declaredGrowth = scenario.growth
            }
            source = "scenario \(scenario.id)" + (scenario.name.map { " (\($0))" } ?? "")
            if !scenario.params.isEmpty {
                source += ", which sets " + scenario.params.map(\.name).joined(separator: ", ")
                compiled = loaded.compiled.forScenario(scenario)
            }
        } else {
            throw .usage(UsageError("Profile '\(profile.id)' has no scenario; give --growth or --growth-csv.", command: spec))
        }
        if let text = arguments.value("months", in: spec) {
            guard let value = Int(text), monthsRange.contains(value) else {
                throw .usage(
                    UsageError(
                        "The value '\(text)' is invalid for '--months <n>': expected a whole number from 1 to \(monthsRange.upperBound).",
                        command: spec))
            }
            months = value
        }
        if let text = arguments.value("start", in: spec) {
            guard let value = YearMonth(text) else {
                throw .usage(
                    UsageError(
                        "The value '\(text)' is invalid for '--start <YYYY-MM>': expected a month such as 2026-01.", command: spec
                    ))
            }
            start = value
        }
        return Choice(
            curve: curve, spec: declaredGrowth, months: months, start: start, source: source, compiled: compiled, fit: fit)
    }

    /// The best growth fit of a history file, as `fit growth` makes it.
    static func fitHistory(
        _ path: String, kinds: [GrowthKind] = GrowthFit.fittableKinds, what: String = "--growth-fit", spec: CommandSpec,
        context: CommandContext
    ) throws(CLIError) -> GrowthFit.Result {
        let input = try context.inputs.read(path, limit: 64 * 1024 * 1024, what: what, for: spec)
        switch GrowthHistory.read(input.bytes) {
        case .success(let history):
            do {
                return try GrowthFit.fit(history, kinds: kinds, source: input.name)
            } catch {
                throw .data("\(input.name): \(error.message)")
            }
        case .failure(let errors):
            throw .invalidProfile(
                path: input.name, diagnostics: errors.diagnostics, text: String(decoding: input.bytes, as: UTF8.self))
        }
    }

    /// Month,value rows from a file or standard input.
    static func readCSV(_ path: String, what: String, spec: CommandSpec, context: CommandContext) throws(CLIError)
        -> [GrowthPoint]
    {
        let input = try context.inputs.read(path, limit: 16 * 1024 * 1024, what: what, for: spec)
        switch GrowthInput.csv(input.bytes) {
        case .success(let points): return points
        case .failure(let errors):
            throw .invalidProfile(
                path: input.name, diagnostics: errors.diagnostics, text: String(decoding: input.bytes, as: UTF8.self))
        }
    }
}

/// Writes a command's result to stdout, or atomically to `-o FILE`.
enum OutputWriter {
    static let option = OptionSpec(
        name: "output", short: "o", valueName: "file",
        help:
            "Write to this file instead of standard output ('-'): atomically, keeping an existing file's permissions, through a symbolic link to its target, never over an input."
    )

    /// The file `-o` names, nil for standard output (no `-o`, or `-o -`) and for a command
    /// without `-o`.
    static func file(_ arguments: ParsedArguments, spec: CommandSpec) -> String? {
        guard spec.options.contains(where: { $0.name == option.name && $0.short == option.short }),
            let path = arguments.value(option.name, in: spec), path != "-"
        else { return nil }
        return path
    }

    static func write(_ text: String, _ arguments: ParsedArguments, spec: CommandSpec, context: CommandContext) throws(CLIError) {
        guard let path = file(arguments, spec: spec) else {
            context.stdout.write(text)
            return
        }
        do {
            try FileIO.writeAtomically(text, to: path)
        } catch {
            throw CLIError(error)
        }
    }
}
