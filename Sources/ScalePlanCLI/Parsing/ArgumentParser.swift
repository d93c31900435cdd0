import ScalePlanKit

/// Parses arguments against a `CommandSpec` in the manner of swift-argument-parser:
/// `--opt value`, `--opt=value`, `-o value`, `-ovalue`, `-o=value`, combined short flags (`-qh`),
/// `--` ends options, `--help` anywhere wins, a value-taking option never takes the next option
/// as its value (negative numbers and `-` for standard input excepted), unknown options get a
/// did-you-mean, and every problem is a `UsageError` (exit 64). A single-value option given
/// twice keeps the last value, as swift-argument-parser does.
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        if asksForHelp(arguments, spec: spec) {
            parsed.flags.insert(OptionSpec.help.name)
            return parsed
        }
        var index = 0
        var optionsEnded = false
        func error(_ message: String) -> UsageError { UsageError(message, command: spec) }
        /// The value of a value-taking option that was not given inline: the next argument,
        /// unless that is an option itself. The error names the option as it was typed
        /// (`-o <file>` or `--output <file>`), as swift-argument-parser does.
        func nextValue(for option: OptionSpec, typed: String) throws(UsageError) -> String {
            guard index < arguments.count, !isOptionToken(arguments[index]) else {
                throw error("Missing value for '\(typed) <\(option.valueName ?? "value")>'")
            }
            index += 1
            return arguments[index - 1]
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !isOptionToken(argument) {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let equals = body.firstIndex(of: "=")
                let name = String(body[..<(equals ?? body.endIndex)])
                guard let option = spec.option(named: name) else {
                    let suggestion = Suggestions.closest(to: name, in: spec.allOptions.map(\.name))
                    throw error(
                        "Unknown option '--\(UsageError.echo(name))'" + (suggestion.map { ". Did you mean '--\($0)'?" } ?? ""))
                }
                let inline = equals.map { String(body[body.index(after: $0)...]) }
                if option.isFlag {
                    if let inline {
                        throw error(
                            "The option '--\(option.name)' does not take any value, but '\(UsageError.echo(inline))' was specified."
                        )
                    }
                    parsed.flags.insert(option.name)
                } else {
                    let value: String
                    if let inline { value = inline } else { value = try nextValue(for: option, typed: "--" + option.name) }
                    try parsed.add(value, for: option, spec: spec)
                }
                continue
            }
            // Short options: `-o value`, `-ovalue`, `-o=value`, or a cluster of flags `-qh` whose
            // last letter may take the next argument as its value (`-qo file`).
            let letters = Array(argument.dropFirst())
            for (position, letter) in letters.enumerated() {
                guard let option = spec.option(short: letter) else {
                    let longForm = spec.allOptions.first { "-" + $0.name == argument }
                    let shown =
                        letters.count > 1 ? "'-\(letter)' in '\(UsageError.echo(argument))'" : "'\(UsageError.echo(argument))'"
                    throw error("Unknown option \(shown)" + (longForm.map { ". Did you mean '--\($0.name)'?" } ?? ""))
                }
                if option.isFlag {
                    if position + 1 < letters.count, letters[position + 1] == "=" {
                        let value = String(letters[(position + 2)...])
                        throw error(
                            "The option '-\(letter)' does not take any value, but '\(UsageError.echo(value))' was specified.")
                    }
                    parsed.flags.insert(option.name)
                    continue
                }
                var rest = String(letters[(position + 1)...])
                if rest.hasPrefix("=") {
                    rest.removeFirst()
                } else if rest.isEmpty {
                    rest = try nextValue(for: option, typed: "-\(letter)")
                }
                try parsed.add(rest, for: option, spec: spec)
                break
            }
        }
        for option in spec.options where option.isRequired && parsed.values[option.name] == nil {
            throw error("Missing expected argument '\(option.valueLabel)'")
        }
        let required = spec.arguments.filter { !$0.isOptional }
        if parsed.positionals.count < required.count {
            throw error("Missing expected argument '<\(required[parsed.positionals.count].name)>'")
        }
        let acceptsMore = spec.arguments.last?.isRepeating ?? false
        if !acceptsMore && parsed.positionals.count > spec.arguments.count {
            throw error("Unexpected argument '\(UsageError.echo(parsed.positionals[spec.arguments.count]))'")
        }
        return parsed
    }

    /// Whether an argument is an option (or `--`), not a value: it starts with `-` and is neither
    /// `-` alone (standard input or output) nor starts like a negative number (`-5`, `-0.5`,
    /// `-1e3`, `-10%`: no option is a digit, so the option's own check explains a bad value).
    static func isOptionToken(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return false }
        let rest = argument.unicodeScalars.dropFirst()
        let digits = rest.first == "." ? rest.dropFirst() : rest
        return !(digits.first.map { ("0"..."9").contains($0) } ?? false)
    }

    /// `--help` or `-h` anywhere before `--`, also inside a cluster of short flags (`-qh`): help
    /// wins over every other problem on the line, as in swift-argument-parser.
    static func asksForHelp(_ arguments: [String], spec: CommandSpec) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "--help" || argument == "-h" { return true }
            guard isOptionToken(argument), !argument.hasPrefix("--") else { continue }
            // A cluster counts only while every letter before the `h` is a flag: in `-ohelp`,
            // "help" is the value of -o.
            for letter in argument.dropFirst() {
                if letter == OptionSpec.help.short { return true }
                guard let option = spec.option(short: letter), option.isFlag else { break }
            }
        }
        return false
    }
}

extension ParsedArguments {
    /// Records an option's value, checking it against the option's choices.
    mutating func add(_ value: String, for option: OptionSpec, spec: CommandSpec) throws(UsageError) {
        if !option.choices.isEmpty && !option.choices.contains(value) {
            let suggestion = Suggestions.closest(to: value, in: option.choices)
            throw UsageError(
                "The value '\(UsageError.echo(value))' is invalid for '\(option.valueLabel)'."
                    + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                    + " Choose from: \(option.choices.joined(separator: ", ")).", command: spec)
        }
        if option.isRepeatable {
            values[option.name, default: []].append(value)
        } else {
            // Like swift-argument-parser, the last value wins.
            values[option.name] = [value]
        }
    }
}

/// A problem with how the command was invoked (exit 64).
struct UsageError: Error, Sendable {
    var message: String
    var command: CommandSpec

    init(_ message: String, command: CommandSpec) {
        self.message = message
        self.command = command
    }

    /// Text from the command line as an error message shows it: without control or escape
    /// characters, and at most 200 characters (an argument can be a whole file's worth).
    static func echo(_ argument: String) -> String {
        let clean = TextSafety.terminal(argument)
        return clean.count > 200 ? String(clean.prefix(199)) + "…" : clean
    }
}
