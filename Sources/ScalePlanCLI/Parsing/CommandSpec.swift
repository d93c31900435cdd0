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

    /// The full command name as typed (`scaleplan show`).
    var commandName: String { name == ScalePlan.toolName ? name : "\(ScalePlan.toolName) \(name)" }

    /// All options including the implicit `--help`.
    var allOptions: [OptionSpec] { options + [.help] }

    func option(named name: String) -> OptionSpec? { allOptions.first { $0.name == name } }
    func option(short: Character) -> OptionSpec? { allOptions.first { $0.short == short } }

    /// `scaleplan show <profile> [--format <format>]`
    var usage: String {
        if let usageOverride { return usageOverride }
        var parts = [commandName]
        for argument in arguments { parts.append(argument.usageFragment) }
        for option in options where option.isRequired { parts.append(option.usageFragment) }
        for option in options where !option.isRequired && !option.hiddenFromUsage { parts.append("[\(option.usageFragment)]") }
        return parts.joined(separator: " ")
    }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
    /// `<profile>`: a bundled id or a path, taken by most commands.
    static let profile = ArgumentSpec(
        name: "profile",
        help: "A bundled profile id (see 'scaleplan list') or a path to a profile file.")

    var name: String
    var help: String
    var isOptional = false
    var isRepeating = false

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
        case "growth-csv", "output", "observed": return .file
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

    /// `--format <format>` with the given choices; the first is the default.
    static func format(_ choices: [String]) -> OptionSpec {
        let list =
            choices.count > 1
            ? choices.dropLast().joined(separator: ", ") + (choices.count > 2 ? "," : "") + " or " + (choices.last ?? "")
            : choices.joined()
        return OptionSpec(
            name: "format", valueName: "format", help: "Output format: \(list).",
            defaultValue: choices.first, choices: choices)
    }
}
