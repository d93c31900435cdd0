import ScalePlanKit

/// `scaleplan schema`: the profile JSON Schema.
enum SchemaCommand: Command {
    static let spec = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema of the profile language.",
        discussion:
            "A draft 2020-12 JSON Schema for editors' completion and checking. Bundled profiles point at it with \"$schema\": \"./schema/profile.schema.json\". `validate` checks more than the schema can (names, ranges, expressions, cycles)."
    )

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        context.stdout.write(ProfileSchema.json + "\n")
        return .success
    }
}
