/// The result of parsing a command line against a `CommandSpec`.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The last value given for an option (later ones override earlier ones), else its default.
    func value(_ name: String, in spec: CommandSpec) -> String? {
        values[name]?.last ?? spec.option(named: name)?.defaultValue
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
