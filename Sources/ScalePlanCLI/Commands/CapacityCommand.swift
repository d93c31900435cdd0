import ScalePlanKit

/// `scaleplan capacity <profile> [--tier T]`.
enum CapacityCommand: Command {
    static let spec = CommandSpec(
        name: "capacity",
        abstract: "Find the largest driver value each tier can carry.",
        discussion:
            "For each tier: the largest driver value at which all its limits hold (exact to one unit), the limit that binds just above it, the bottleneck at the tier's declared maximum, and the headroom against that maximum. Limits that are not monotone in the driver are reported as such.",
        arguments: [.profile],
        options: [
            ParamOverrideOption.option,
            OptionSpec(name: "tier", valueName: "id", help: "Only this tier."),
            .format(CapacityReport.formatNames),
            OutputWriter.option,
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan capacity sayar", "How many businesses each tier of the bundled sayar plan carries."),
            Example("scaleplan capacity plan.json --tier growth --format json", "One tier's answer, as JSON."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let loaded = try context.loadProfile(arguments.positionals[0], for: spec, arguments: arguments)
        let search = CapacitySearch(loaded.compiled)
        var results: [CapacitySearch.Result]
        if let id = arguments.value("tier", in: spec) {
            results = [search.search(tier: try context.tierIndex(id, in: loaded.profile, for: spec))]
        } else {
            results = search.searchAll()
        }
        let format = ReportFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        try OutputWriter.write(
            CapacityReport.render((results, loaded.compiled), format: format, layout: context.layout), arguments,
            spec: spec, context: context)
        return .success
    }
}
