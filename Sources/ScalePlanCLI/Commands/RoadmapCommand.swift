import ScalePlanKit

/// `scaleplan roadmap <profile>`: the investor roadmap, in markdown or self-contained HTML.
enum RoadmapCommand: Command {
    static let spec = CommandSpec(
        name: "roadmap",
        abstract: "Write an investor roadmap of the plan (markdown or HTML).",
        discussion:
            "Headline numbers, the tier table (planned vs projected entry), charts of the driver and the monthly cost (with the P10–P90 band when --trials is given), a milestone timeline, the trigger calendar with migration lead times, unit economics, the team and hiring plan, what drives the plan (each uncertain assumption's swing of total spend and, with --trials, its share of the variance), risks (what to measure first, bottlenecks, plan gaps, early triggers), and every assumption with its range. Markdown uses plain tables and Mermaid charts (GitHub renders them); HTML is one self-contained file with inline CSS and SVG, no scripts and nothing fetched.",
        arguments: [.profile],
        options: GrowthOptions.options + [ParamOverrideOption.option] + MonteCarloOptions.options + [
            .format(RoadmapReport.formatNames),
            OutputWriter.option,
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan roadmap oviya -o roadmap.md", "The markdown roadmap, for a repository or a data room."),
            Example(
                "scaleplan roadmap oviya --format html --trials 10000 -o roadmap.html",
                "A self-contained HTML page with P10–P90 bands from 10,000 trials."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        let growth = try GrowthOptions.resolve(arguments, spec: spec, loaded: loaded, context: context)
        let projection = Simulator(growth.compiled).run(
            curve: growth.curve, months: growth.months, start: growth.start,
            growthSource: growth.source)
        var monteCarlo: MonteCarloResult?
        // What drives the plan: the swings always (a few deterministic runs); with trials, the
        // Sobol indices too, from about as many trials as the bands and the same seed.
        let analysis = Sensitivity(growth.compiled, growth: growth.monteCarloGrowth)
        var drivers = Sensitivity.Options(samples: 0, months: growth.months)
        if let options = try MonteCarloOptions.parse(arguments, spec: spec, months: growth.months) {
            monteCarlo = MonteCarloOptions.run(growth.compiled, growth: growth, options: options, arguments, context)
            drivers = Sensitivity.Options(
                samples: analysis.samples(forTrials: options.trials), seed: options.seed, threads: options.threads,
                months: growth.months)
        }
        let sensitivity = analysis.run(Roadmap.driversTarget, drivers, start: growth.start, growthSource: growth.source)
        // The cheapest path at the deterministic values; months no schedule carries are shown, not
        // an error (the roadmap's plan gaps say the same).
        var pathOptions = PathOptimization.Options(months: growth.months)
        pathOptions.allowsGaps = true
        let options = try? PathOptimization(growth.compiled, growth: .fixed(growth.curve)).run(
            pathOptions, start: growth.start, growthSource: growth.source)
        // The day in the footer: SOURCE_DATE_EPOCH when set, so a roadmap can be reproduced byte
        // for byte (reproducible-builds.org), else today.
        var seconds = System.secondsSinceEpoch()
        if let text = context.environment["SOURCE_DATE_EPOCH"] {
            guard let value = Int64(text), value >= 0 else {
                throw .usage(
                    UsageError(
                        "SOURCE_DATE_EPOCH is '\(UsageError.echo(text))': expected a whole number of seconds since 1970-01-01 UTC.",
                        command: spec))
            }
            seconds = value
        }
        let provenance = Provenance(
            version: ScalePlan.version, date: Provenance.day(secondsSince1970: seconds), seed: monteCarlo?.seed,
            trials: monteCarlo?.trials)
        let roadmap = Roadmap(
            projection: projection, monteCarlo: monteCarlo, drivers: sensitivity, options: options, growthFit: growth.fit,
            provenance: provenance)
        let format = DocumentFormat(rawValue: arguments.value("format", in: spec) ?? "markdown") ?? .markdown
        let text = RoadmapReport.render(roadmap, format: format)
        try OutputWriter.write(text, arguments, spec: spec, context: context)
        return .success
    }
}
