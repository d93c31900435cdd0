import ScalePlanKit

/// `scaleplan simulate <profile>`: the month-by-month projection and its events.
enum SimulateCommand: Command {
    static let spec = CommandSpec(
        name: "simulate",
        abstract: "Project a plan month by month and report what to act on.",
        discussion:
            "With --trials N, a Monte Carlo: each trial draws every uncertain param, growth parameter and cost range, and the report gives P10/P50/P90 per month, the probability each trigger fires and when, and the probability each tier is needed by each month. Without it, the deterministic projection. Each month: driver → metrics → tier → utilisation and bottleneck → p95 latency (M/M/c) → cost (low/expected/high) → revenue → triggers. Then the events: when each trigger first fires with its value against the threshold, tier changes and the month each migration must start, and the gaps in the plan (load no tier carries, a tier over its own limits inside its range, a missed latency target).",
        arguments: [.profile],
        options: GrowthOptions.options + [ParamOverrideOption.option] + MonteCarloOptions.options + [
            OptionSpec(
                name: "schedule", valueName: "file",
                help:
                    "Follow the tier and option of each month from `scaleplan optimize --format json` output ('-': standard input) instead of choosing tiers by range or capacity."
            ),
            .format(ProjectionReport.formatNames),
            OutputWriter.option,
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan simulate sayar", "The month-by-month projection of the default scenario, and its events."),
            Example("scaleplan simulate oviya --trials 10000 --months 24", "A Monte Carlo of 10,000 trials over two years."),
            Example(
                "scaleplan simulate million --schedule path.json",
                "The path `scaleplan optimize million --format json -o path.json` chose, month by month."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        var growth = try GrowthOptions.resolve(arguments, spec: spec, loaded: loaded, context: context)
        if let file = arguments.value("schedule", in: spec) {
            let (bytes, path) = try context.inputs.read(file, limit: 64 * 1024 * 1024, what: "--schedule", for: spec)
            let laidOut = growth.compiled.layingOutOptions()
            switch ScheduleInput.parse(bytes, laidOut: laidOut) {
            case .success(let schedule): growth.compiled = laidOut.following(schedule)
            case .failure(let errors):
                throw .invalidProfile(path: path, diagnostics: errors.diagnostics, text: String(decoding: bytes, as: UTF8.self))
            }
        }
        let format = ReportFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        if let options = try MonteCarloOptions.parse(arguments, spec: spec, months: growth.months) {
            let result = MonteCarloOptions.run(growth.compiled, growth: growth, options: options, arguments, context)
            try OutputWriter.write(
                MonteCarloReport.render(result, format: format, layout: context.layout), arguments, spec: spec, context: context)
            return .success
        }
        let projection = Simulator(growth.compiled).run(
            curve: growth.curve, months: growth.months, start: growth.start,
            growthSource: growth.source)
        try OutputWriter.write(
            ProjectionReport.render(projection, format: format, layout: context.layout), arguments, spec: spec, context: context)
        return .success
    }
}
