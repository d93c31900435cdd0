import ScalePlanKit

/// `scaleplan sensitivity <profile>`: which uncertain input a plan's number depends on most.
enum SensitivityCommand: Command {
    static let spec = CommandSpec(
        name: "sensitivity",
        abstract: "Rank the uncertain inputs by how much each moves a number of the plan.",
        discussion:
            "The target is one number of each trial: the expected monthly cost in a month (--target cost, the default, at --month, default the last month of the horizon), total spend over the horizon (spend), revenue less cost in a month (margin), the first month a trigger fires (trigger:ID) or the month a tier is first needed (tier:ID; a trial where it never happens counts as the horizon). Every uncertain input is ranked — each param with a range, each tier's own, each uncertain growth parameter, each cost item's range — by its swing (the target with that input alone at its low and at its high, every other at its deterministic value: a tornado) and by its first-order and total Sobol indices (Saltelli's design of N(k + 2) trials for k inputs; the Saltelli 2010 and Jansen estimators; 95% bootstrap intervals). The input with the largest total index is said as advice: what to measure first.",
        arguments: [.profile],
        options: GrowthOptions.options + [ParamOverrideOption.option] + [
            OptionSpec(
                name: "target", valueName: "t",
                help: "What to explain: cost, spend, margin, trigger:ID or tier:ID.", defaultValue: "cost"),
            OptionSpec(
                name: "month", valueName: "n",
                help: "The month of a cost or margin target, from 0 (default: the last month of the horizon)."),
            OptionSpec(
                name: "samples", valueName: "n",
                help:
                    "Rows N of each of Saltelli's two sample matrices, \(NumberFormatting.grouped(Double(Sensitivity.samplesRange.lowerBound))) to \(NumberFormatting.grouped(Double(Sensitivity.samplesRange.upperBound))): N(k + 2) trials in all.",
                defaultValue: String(Sensitivity.defaultSamples)),
        ] + MonteCarloOptions.options.filter { ["seed", "threads"].contains($0.name) } + [
            .format(SensitivityReport.formatNames),
            OutputWriter.option,
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan sensitivity million --target cost --month 24", "What the month-24 cost depends on most."),
            Example("scaleplan sensitivity sayar --target tier:growth", "What decides when the Growth tier is needed."),
            Example("scaleplan sensitivity musician --target spend --format json", "Total spend's inputs, as JSON."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        var growth = try GrowthOptions.resolve(arguments, spec: spec, loaded: loaded, context: context)
        var month: Int?
        if let text = arguments.value("month", in: spec) {
            guard let value = Int(text), (0..<GrowthOptions.monthsRange.upperBound).contains(value) else {
                throw .usage(
                    UsageError(
                        "The value '\(UsageError.echo(text))' is invalid for '--month <n>': expected a whole number from 0 to \(GrowthOptions.monthsRange.upperBound - 1).",
                        command: spec))
            }
            // A month past the scenario's horizon runs the curve that far, unless --months said
            // otherwise: `--month 24` of a 24-month scenario (months 0–23) is its month 24.
            if value >= growth.months && arguments.values["months"] == nil { growth.months = value + 1 }
            month = value
        }
        let targetText = arguments.value("target", in: spec) ?? "cost"
        let target: SensitivityTarget
        switch SensitivityTarget.parse(targetText, month: month, months: growth.months, profile: loaded.profile) {
        case .success(let parsed): target = parsed
        case .failure(let problem):
            throw .usage(
                UsageError(
                    UsageError.echo(problem.message) + (problem.hint.map { " " + Self.sentence($0) } ?? ""), command: spec))
        }
        let samplesText = arguments.value("samples", in: spec) ?? String(Sensitivity.defaultSamples)
        guard let samples = Int(samplesText), Sensitivity.samplesRange.contains(samples) else {
            throw .usage(
                UsageError(
                    "The value '\(UsageError.echo(samplesText))' is invalid for '--samples <n>': expected a whole number from \(Sensitivity.samplesRange.lowerBound) to \(Sensitivity.samplesRange.upperBound).",
                    command: spec))
        }
        let options = Sensitivity.Options(
            samples: samples, seed: try MonteCarloOptions.seed(arguments, spec: spec),
            threads: try MonteCarloOptions.threads(arguments, spec: spec), months: growth.months)
        let runner = Sensitivity(growth.compiled, growth: growth.monteCarloGrowth)
        let result = runner.run(target, options, start: growth.start, growthSource: growth.source)
        let format = ReportFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        try OutputWriter.write(
            SensitivityReport.render(result, format: format, layout: context.layout), arguments, spec: spec, context: context)
        return .success
    }

    /// A hint as a sentence: `did you mean 'spend'?` → `Did you mean 'spend'?`.
    private static func sentence(_ hint: String) -> String {
        let capital = hint.prefix(1).uppercased() + hint.dropFirst()
        return capital.hasSuffix("?") || capital.hasSuffix(".") ? capital : capital + "."
    }
}
