import ScalePlanKit

/// Renders help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// SUBCOMMANDS; labels in a 24-column gutter, descriptions wrapped to the terminal width.
enum HelpFormatter {
    static let labelWidth = 24

    static func help(for spec: CommandSpec, subcommands: [CommandSpec] = [], width: Int) -> String {
        var text = "OVERVIEW: \(spec.abstract)\n"
        if let discussion = spec.discussion {
            text +=
                "\n"
                + discussion.split(separator: "\n", omittingEmptySubsequences: false)
                .map { wrap(String($0), width: width, indent: 0) }.joined(separator: "\n") + "\n"
        }
        text += "\n" + wrap("USAGE: \(spec.usage)", width: width, indent: 7) + "\n"
        if !spec.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in spec.arguments {
                text += row("<\(argument.name)>", argument.help, width: width)
            }
        }
        text += "\nOPTIONS:\n"
        for option in spec.allOptions {
            var description = option.help
            if let defaultValue = option.defaultValue { description += " (default: \(defaultValue))" }
            text += row(option.helpLabel, description, width: width)
        }
        if !subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for command in subcommands {
                text += row(command.name, command.abstract, width: width)
            }
            text += "\n  See '\(spec.commandName) help <subcommand>' for detailed help.\n"
        }
        return text
    }

    /// The three-line usage error block.
    static func usageError(_ error: UsageError, width: Int) -> String {
        TextSafety.message("Error: \(error.message)") + "\n"
            + wrap("Usage: \(error.command.usage)", width: width, indent: 7) + "\n"
            + "  See '\(error.command.commandName) --help' for more information.\n"
    }

    /// `  label                   description…`, the description wrapped in its own column.
    static func row(_ label: String, _ description: String, width: Int) -> String {
        let indent = 2 + labelWidth
        let lines = wrap(description, width: width - indent, indent: 0).split(separator: "\n", omittingEmptySubsequences: false)
        let gutter = String(repeating: " ", count: indent)
        let padded = "  " + label
        var text =
            padded.count + 2 > indent
            ? padded + "\n" + gutter + (lines.first ?? "")
            : padded + String(repeating: " ", count: indent - padded.count) + (lines.first ?? "")
        for line in lines.dropFirst() { text += "\n" + gutter + line }
        return text + "\n"
    }

    static func wrap(_ text: String, width: Int, indent: Int) -> String {
        TextWrap.wrap(text, width: width, indent: indent)
    }
}
