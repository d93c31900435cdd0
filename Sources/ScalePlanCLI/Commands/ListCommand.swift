import ScalePlanKit

/// `scaleplan list`: the bundled profiles.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list",
        abstract: "List the bundled profiles.",
        discussion:
            "Shows each bundled profile's id, name, growth driver, number of tiers and driver range. Use an id wherever a command takes <profile>.",
        options: [.format(ListReport.formatNames), OutputWriter.option] + ColorChoice.options,
        examples: [
            Example("scaleplan list", "The bundled profiles, as a table."),
            Example("scaleplan list --format json", "The same as JSON, for scripts."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let ids = context.library.ids
        guard !ids.isEmpty else {
            throw .noInput(
                path: context.library.directory ?? "profiles",
                reason: "no bundled profiles found; set \(ProfileLibrary.environmentKey) to the folder holding them")
        }
        var profiles: [Profile] = []
        for id in ids {
            guard let path = context.library.path(of: id) else { continue }
            profiles.append(try context.loadProfile(path, for: spec).profile)
        }
        let format = ShowFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        try OutputWriter.write(
            ListReport.render(profiles, format: format, layout: context.layout), arguments, spec: spec, context: context)
        return .success
    }
}
