import ScalePlanKit

/// Parses arguments against a `CommandSpec` in the manner of swift-argument-parser:
/// `--opt value`, `--opt=value`, `-o value`, `-ovalue`, `--` ends options, unknown options get a
/// did-you-mean, and every problem is a `UsageError` (exit 64).
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        func error(_ message: String) -> UsageError { UsageError(message, command: spec) }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let option: OptionSpec
            var inlineValue: String?
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name: String
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    inlineValue = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                }
                guard let found = spec.option(named: name) else {
                    if Double(argument) != nil {  // a negative number
                        parsed.positionals.append(argument)
                        continue
                    }
                    let suggestion = Suggestions.closest(to: name, in: spec.allOptions.map(\.name))
                    throw error("Unknown option '--\(name)'." + (suggestion.map { " Did you mean '--\($0)'?" } ?? ""))
                }
                option = found
            } else {
                let letters = Array(argument.dropFirst())
                guard let first = letters.first, let found = spec.option(short: first) else {
                    if Double(argument) != nil {
                        parsed.positionals.append(argument)
                        continue
                    }
                    let longForm = spec.allOptions.first { "-" + $0.name == argument }
                    throw error(
                        "Unknown option '\(argument)'."
                            + (longForm.map { " Did you mean '--\($0.name)'?" } ?? ""))
                }
                option = found
                if letters.count > 1 {
                    guard !found.isFlag else {
                        throw error("Unknown option '\(argument)'. Short options cannot be combined here.")
                    }
                    inlineValue = String(letters.dropFirst())
                }
            }
            if option.isFlag {
                if inlineValue != nil { throw error("The flag '--\(option.name)' does not take a value.") }
                parsed.flags.insert(option.name)
                continue
            }
            var value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw error("Missing value for '\(option.helpLabel)'.")
                }
                value = arguments[index]
                index += 1
            }
            if !option.choices.isEmpty && !option.choices.contains(value) {
                let suggestion = Suggestions.closest(to: value, in: option.choices)
                throw error(
                    "The value '\(value)' is invalid for '--\(option.name) <\(option.valueName ?? "value")>'."
                        + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                        + " Choose from: \(option.choices.joined(separator: ", ")).")
            }
            if !option.isRepeatable, parsed.values[option.name] != nil {
                // Like swift-argument-parser, the last value wins.
                parsed.values[option.name] = [value]
            } else {
                parsed.values[option.name, default: []].append(value)
            }
        }
        if parsed.has("help") { return parsed }
        for option in spec.options where option.isRequired && parsed.values[option.name] == nil {
            throw error("Missing expected argument '\(option.helpLabel)'")
        }
        let required = spec.arguments.filter { !$0.isOptional }
        if parsed.positionals.count < required.count {
            throw error("Missing expected argument '<\(required[parsed.positionals.count].name)>'")
        }
        let acceptsMore = spec.arguments.last?.isRepeating ?? false
        if !acceptsMore && parsed.positionals.count > spec.arguments.count {
            throw error("Unexpected argument '\(parsed.positionals[spec.arguments.count])'")
        }
        return parsed
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
}
