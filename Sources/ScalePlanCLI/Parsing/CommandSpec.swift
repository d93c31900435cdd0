/// A command's declared interface: the single source for parsing, help, usage lines,
/// completions and the man page.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var discussion: String? = nil
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    /// Replaces the generated usage line (the root command's is `scaleplan <subcommand>`).
    var usageOverride: String? = nil
    /// Two or three typical invocations, ending the help and the man page.
    var examples: [Example] = []

    /// The full command name as typed (`scaleplan show`).
    var commandName: String { name == ScalePlan.toolName ? name : "\(ScalePlan.toolName) \(name)" }

    /// All options including the implicit `--help`.
    var allOptions: [OptionSpec] { options + [.help] }

    func option(named name: String) -> OptionSpec? { allOptions.first { $0.name == name } }
    func option(short: Character) -> OptionSpec? { allOptions.first { $0.short == short } }

    /// `scaleplan show <profile> [--format <format>]`
    var usage: String { usageElements.joined(separator: " ") }

    /// The usage line's elements, each kept whole when the line wraps (`[--format <format>]`).
    var usageElements: [String] {
        if let usageOverride { return [usageOverride] }
        var parts = [commandName]
        for argument in arguments { parts.append(argument.usageFragment) }
        for option in options where option.isRequired { parts.append(option.usageFragment) }
        // A repeatable option ends in " ..." inside its brackets, as swift-argument-parser writes it.
        for option in options where !option.isRequired && !option.hiddenFromUsage {
            parts.append("[\(option.usageFragment)\(option.isRepeatable ? " ..." : "")]")
        }
        return parts
    }
}

/// A typical invocation and what it does, for help and the man page.
struct Example: Sendable {
    var command: String
    var meaning: String

    init(_ command: String, _ meaning: String) {
        self.command = command
        self.meaning = meaning
    }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
    /// `<profile>`: a bundled id or a path, taken by most commands.
    static let profile = ArgumentSpec(
        name: "profile",
        help: "A bundled profile id (see 'scaleplan list'), a path to a profile file, or '-' for standard input.",
        completion: .profile)

    var name: String
    var help: String
    var isOptional = false
    var isRepeating = false
    /// What a shell should offer for it.
    var completion: Completion = .none

    enum Completion: Equatable {
        case none, profile, tier, shell, command, file
        /// One of these words.
        case choices([String])
        /// A tier id of the profile given first, or (after a file) another profile file.
        case tierOrProfile
    }

    var usageFragment: String {
        let base = "<\(name)>" + (isRepeating ? " ..." : "")
        return isOptional ? "[\(base)]" : base
    }
}

/// A named option (`--months <n>`) or flag (`--quiet`).
struct OptionSpec: Sendable {
    var name: String
    var short: Character? = nil
    /// Nil for a flag.
    var valueName: String? = nil
    var help: String
    var defaultValue: String? = nil
    /// Allowed values, for validation, help and completion.
    var choices: [String] = []
    var isRequired = false
    var isRepeatable = false
    var hiddenFromUsage = false

    var isFlag: Bool { valueName == nil }

    /// What a shell should offer as this option's value.
    enum Completion: Equatable {
        case none, file, tier, scenario
        case choices([String])
    }

    var completion: Completion {
        if !choices.isEmpty { return .choices(choices) }
        switch name {
        case "scenario": return .scenario
        case "tier": return .tier
        case "growth-csv", "growth-fit", "output", "observed": return .file
        default: return .none
        }
    }

    var usageFragment: String {
        let flag = valueName == nil ? "--\(name)" : (short.map { "-\($0)" } ?? "--\(name)")
        return valueName.map { "\(flag) <\($0)>" } ?? flag
    }

    /// `--months <n>`, as a missing or invalid value names the option.
    var valueLabel: String { "--\(name)" + (valueName.map { " <\($0)>" } ?? "") }

    /// `-o, --output <file>`
    var helpLabel: String {
        var label = short.map { "-\($0), " } ?? ""
        label += "--\(name)"
        if let valueName { label += " <\(valueName)>" }
        return label
    }

    static let help = OptionSpec(name: "help", short: "h", help: "Show help information.", hiddenFromUsage: true)

    /// What help adds after the description, as swift-argument-parser does:
    /// `(values: table, json; default: table)`, or `(default: 20261126)`.
    var helpSuffix: String? {
        if !choices.isEmpty {
            return "(values: \(choices.joined(separator: ", "))" + (defaultValue.map { "; default: \($0)" } ?? "") + ")"
        }
        return defaultValue.map { "(default: \($0))" }
    }

    /// The description with its suffix.
    var fullHelp: String { helpSuffix.map { help + " " + $0 } ?? help }

    /// `--format <format>` with the given choices; the first is the default.
    static func format(_ choices: [String]) -> OptionSpec {
        OptionSpec(name: "format", valueName: "format", help: "Output format.", defaultValue: choices.first, choices: choices)
    }
}
