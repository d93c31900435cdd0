import ScalePlanKit

/// `scaleplan schema`: the profile JSON Schema, or with `--output NAME` the schema of a JSON
/// output. (`--output` names an output here, so this command has no `-o FILE`: redirect.)
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema of the profile language, or of a JSON output.",
        discussion:
            "A draft 2020-12 JSON Schema for editors' completion and checking. Bundled profiles point at it with \"$schema\": \"./schema/profile.schema.json\". `validate` checks more than the schema can (names, ranges, expressions, cycles). With --output, the schema of what a command prints with --format json, for programs that read it.",
        options: [
            OptionSpec(
                name: "output", valueName: "name",
                help: "The schema of this JSON output instead of the profile's.",
                choices: OutputSchemas.names)
        ],
        examples: [
            Example("scaleplan schema > profile.schema.json", "The profile schema, for an editor."),
            Example(
                "scaleplan schema --output projection",
                "The schema of `simulate --format json` (montecarlo: with --trials)."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        // The option only offers the names `OutputSchemas` knows, so the lookup cannot fail.
        let schema = arguments.value("output", in: spec).flatMap(OutputSchemas.schema(named:)) ?? ProfileSchema.json
        try OutputWriter.write(schema + "\n", arguments, spec: spec, context: context)
        return .success
    }
}
