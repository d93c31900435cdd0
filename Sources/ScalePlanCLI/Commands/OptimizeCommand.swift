import ScalePlanKit

/// `scaleplan optimize <profile>`: the cheapest schedule through the tiers and their options.
enum OptimizeCommand: Command {
    static let spec = CommandSpec(
        name: "optimize",
        abstract: "Find the cheapest path through the tiers and their options that always carries the load.",
        discussion:
            "Chooses, month by month, which tier — and which of a tier's options — to run on, so that every month's choice carries that month's load (its limits hold; with --trials, in at least --confidence of the trials), every move is started its lead time before it is needed, and the total cost over the horizon — monthly costs plus one-off migration costs (migration.cost, paid when a move starts), discounted at --discount-rate a year — is the least. Moves go up the tier list or between one tier's options; a tier marked \"skippable\" may be passed over, and \"allow_downgrade\" allows moves down. Prints the schedule, when to start and finish each move, the total against the plan's own path and the saving, any month the plan's own path cannot carry, and what the cheapest path costs with each option. A plan with no schedule that carries the load exits 65, naming the month and why each tier cannot run it.",
        arguments: [.profile],
        options: GrowthOptions.options + [ParamOverrideOption.option]
            + MonteCarloOptions.options.filter { ["trials", "seed", "threads"].contains($0.name) } + [
                OptionSpec(
                    name: "confidence", valueName: "p",
                    help: "With --trials: the share of trials each month's choice must carry, 0.5 to 0.999.",
                    defaultValue: NumberFormatting.plain(MonteCarlo.defaultConfidence)),
                OptionSpec(
                    name: "discount-rate", valueName: "r",
                    help: "Annual discount rate for later costs, 0 to 1 or a percentage (0.08 or 8%).", defaultValue: "0"),
                OptionSpec(
                    name: "allow-gaps",
                    help:
                        "When no schedule carries the load every month, show the one with the fewest such months (flagged) instead of failing."
                ),
                .format(OptimizeReport.formatNames),
                OutputWriter.option,
            ] + ColorChoice.options,
        examples: [
            Example("scaleplan optimize million", "Option A or B for Phase 3, and when to start each move."),
            Example(
                "scaleplan optimize million --trials 10000 --confidence 0.95",
                "The schedule that carries the load in 95% of trials."),
            Example("scaleplan optimize musician --discount-rate 8% --format json", "Discounted, as JSON."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        let growth = try GrowthOptions.resolve(arguments, spec: spec, loaded: loaded, context: context)
        var options = PathOptimization.Options(months: growth.months)
        if let monteCarlo = try MonteCarloOptions.parse(arguments, spec: spec, months: growth.months) {
            options.trials = monteCarlo.trials
            options.seed = monteCarlo.seed
            options.threads = monteCarlo.threads
            options.confidence = monteCarlo.confidence
        }
        let rateText = arguments.value("discount-rate", in: spec) ?? "0"
        guard let rate = NumberSyntax.fraction(rateText), PathOptimization.discountRange.contains(rate) else {
            throw .usage(
                UsageError(
                    "The value '\(UsageError.echo(rateText))' is invalid for '--discount-rate <r>': expected a rate from 0 to 1 or a percentage, such as 0.08 or 8%.",
                    command: spec))
        }
        options.discountRate = rate
        options.allowsGaps = arguments.has("allow-gaps")
        let result: OptimizeResult
        do {
            result = try PathOptimization(growth.compiled, growth: growth.monteCarloGrowth).run(
                options, start: growth.start, growthSource: growth.source)
        } catch let failure as PathOptimization.NoPath {
            throw .data(Terminal.sanitize(loaded.path) + ": " + failure.description)
        } catch {
            throw .data(Terminal.sanitize(loaded.path) + ": \(error)")
        }
        let format = ReportFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        try OutputWriter.write(
            OptimizeReport.render(result, format: format, layout: context.layout), arguments, spec: spec, context: context)
        return .success
    }
}
