import ScalePlanKit

/// Renders help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// SUBCOMMANDS, then EXAMPLES; labels in a 24-column gutter, everything wrapped to the width,
/// and usage lines broken only between whole elements.
enum HelpFormatter {
    static let labelWidth = 24

    static func help(for spec: CommandSpec, subcommands: [CommandSpec] = [], width: Int) -> String {
        var text = wrap("OVERVIEW: \(spec.abstract)", width: width, indent: 0) + "\n"
        if let discussion = spec.discussion {
            text +=
                "\n"
                + discussion.split(separator: "\n", omittingEmptySubsequences: false)
                .map { wrap(String($0), width: width, indent: 0) }.joined(separator: "\n") + "\n"
        }
        text += "\n" + usage("USAGE:", spec, width: width) + "\n"
        if !spec.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in spec.arguments {
                text += row("<\(argument.name)>", argument.help, width: width)
            }
        }
        text += "\nOPTIONS:\n"
        for option in spec.allOptions {
            text += row(option.helpLabel, option.fullHelp, width: width)
        }
        if !subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for command in subcommands {
                text += row(command.name, command.abstract, width: width)
            }
            text +=
                "\n" + wrap("  See '\(spec.commandName) help <subcommand>' for detailed help.", width: width, indent: 2) + "\n"
        }
        if !spec.examples.isEmpty {
            text += "\nEXAMPLES:\n"
            for example in spec.examples {
                text += wrap("  " + example.command, width: width, indent: 6) + "\n"
                text += wrap("      " + example.meaning, width: width, indent: 6) + "\n"
            }
        }
        return text
    }

    /// The three-line usage error block.
    static func usageError(_ error: UsageError, width: Int) -> String {
        wrap(TextSafety.message("Error: \(error.message)"), width: width, indent: 7) + "\n"
            + usage("Usage:", error.command, width: width) + "\n"
            + "  See '\(error.command.commandName) --help' for more information.\n"
    }

    /// `USAGE: scaleplan simulate <profile> [--scenario <name>] …`, continuation lines under the
    /// command name, never breaking inside an element.
    static func usage(_ heading: String, _ spec: CommandSpec, width: Int) -> String {
        let indent = String(repeating: " ", count: heading.count + 1)
        var lines: [String] = []
        var current = heading
        for element in spec.usageElements {
            if current.count > indent.count && current.count + 1 + element.count > width {
                lines.append(current)
                current = indent + element
            } else {
                current += " " + element
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
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
