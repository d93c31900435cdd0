import ScalePlanKit

/// Prints diagnostics as compilers do: `file:line:column: error: message`, the offending source
/// line with a caret under the column, then the suggestion.
enum DiagnosticRenderer {
    static func render(_ diagnostics: [Diagnostic], file: String, text: String, style: Style) -> String {
        let lines = text.isEmpty ? [] : text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var output = ""
        for diagnostic in diagnostics {
            var copy = diagnostic
            copy.hint = nil
            let plain = TextSafety.message(copy.formatted(file: file))
            let label = "\(diagnostic.severity.rawValue):"
            let colored = diagnostic.severity == .error ? style.red(style.bold(label)) : style.yellow(style.bold(label))
            // Colour the first "error:" only: the file name may contain the word too.
            let parts = plain.pieces(separatedBy: " \(label) ")
            let heading =
                parts.count > 1
                ? parts[0] + " \(colored) " + parts.dropFirst().joined(separator: " \(label) ") : plain
            output += heading + "\n"
            if let location = diagnostic.location, location.line >= 1, location.line <= lines.count,
                lines[location.line - 1].utf8.count <= 640  // O(1): a long line is not shown, so not copied each time
            {
                let line = lines[location.line - 1]
                let source = Terminal.sanitize(String(line))
                if source.count <= 160 {
                    // The caret's column in the line as shown, without the removed characters.
                    let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, location.column - 1))))
                    let before = Terminal.sanitize(prefix).unicodeScalars.count
                    output += "    " + source + "\n"
                    output += "    " + String(repeating: " ", count: before) + style.green("^") + "\n"
                }
            }
            if let hint = diagnostic.hint { output += "  " + TextSafety.message(hint) + "\n" }
        }
        return output
    }
}
