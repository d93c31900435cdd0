import ScalePlanKit

/// `scaleplan simulate <profile>`: the month-by-month projection and its events.
enum SimulateCommand: Command {
    static let spec = CommandSpec(
        name: "simulate",
        abstract: "Project a plan month by month and report what to act on.",
        discussion: "Each month: driver → metrics → tier → utilisation and bottleneck → p95 latency (M/M/c) → cost (low/expected/high) → revenue → triggers. Then the events: when each trigger first fires with its value against the threshold, tier changes and the month each migration must start, and the gaps in the plan (load no tier carries, a tier over its own limits inside its range, a missed latency target).",
        arguments: [.profile],
        options: GrowthOptions.options + [
            .format(ReportFormat.allCases.map(\.rawValue)),
            OutputWriter.option,
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec)
        let growth = try GrowthOptions.resolve(arguments, spec: spec, loaded: loaded, context: context)
        let projection = Simulator(loaded.compiled).run(curve: growth.curve, months: growth.months, start: growth.start,
            growthSource: growth.source)
        let format = ReportFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        let text: String = switch format {
        case .table: ProjectionTableRenderer.render(projection)
        case .json: ProjectionJSONRenderer.render(projection)
        case .csv: ProjectionCSVRenderer.render(projection)
        case .markdown: ProjectionMarkdownRenderer.render(projection)
        }
        try OutputWriter.write(text, arguments, spec: spec, context: context)
        return .success
    }
}
