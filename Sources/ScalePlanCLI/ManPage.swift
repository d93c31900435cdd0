import ScalePlanKit

/// `scaleplan.1`, written from the same command specs as `--help` (hidden command `__manpage`;
/// `make install` installs it).
enum ManPage {
    static func render() -> String {
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "\\": out += "\\e"
                case "-": out += "\\-"
                default: out.append(character)
                }
            }
            return out.hasPrefix(".") || out.hasPrefix("'") ? "\\&" + out : out
        }
        let root = ScalePlan.rootSpec
        var out = ".TH SCALEPLAN 1 \"\" \"scaleplan \(ScalePlan.version)\" \"User Commands\"\n"
        out += ".SH NAME\nscaleplan \\- \(escape(root.abstract))\n"
        out += ".SH SYNOPSIS\n.B scaleplan\n.I command\n[\n.I options\n]\n"
        out += ".SH DESCRIPTION\n"
        for paragraph in (root.discussion ?? "").split(separator: "\n", omittingEmptySubsequences: true) {
            out += escape(String(paragraph)) + "\n.PP\n"
        }
        out += ".SH COMMANDS\n"
        for command in ScalePlan.commands.map({ $0.spec }) {
            out += ".SS \(escape(command.usage))\n\(escape(command.abstract))\n"
            if let discussion = command.discussion { out += ".PP\n" + escape(discussion) + "\n" }
            for argument in command.arguments {
                out += ".TP\n.I <\(argument.name)>\n\(escape(argument.help))\n"
            }
            for option in command.allOptions {
                var text = option.help
                if let defaultValue = option.defaultValue { text += " (default: \(defaultValue))" }
                out += ".TP\n.B \(escape(option.helpLabel))\n\(escape(text))\n"
            }
        }
        out += ".SH EXIT STATUS\n"
        for code in ExitCode.allCases {
            out += ".TP\n.B \(code.rawValue)\n\(escape(code.meaning))\n"
        }
        out += ".SH ENVIRONMENT\n.TP\n.B SCALEPLAN_PROFILES\nFolder of the bundled profiles.\n"
        out += ".TP\n.B NO_COLOR\nNo colour in terminal output.\n"
        out += ".SH SEE ALSO\nThe README of the project: the profile language and every command in detail.\n"
        return out
    }
}
