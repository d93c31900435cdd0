/// The last step of every markdown document scaleplan writes: the layout rules a markdown
/// linter checks (pymarkdownlnt's MD009 and MD012, which the tests run), applied in one place
/// rather than by every section that might end a line with a space or add a blank line.
enum MarkdownDocument {
    /// No trailing spaces (the documents use no hard line breaks), at most one blank line in a
    /// row, and exactly one newline at the end.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A "label: value" line with its label in bold — `**Monthly cost:** +$900` — for a summary
    /// that must stand out; a paragraph that is all bold reads as a heading that is not one
    /// (MD036). `line` is markdown already; without a colon it is returned as it is.
    static func labelled(_ line: String) -> String {
        guard let colon = line.firstRange(ofText: ": ") else { return line }
        return "**" + line[..<colon.lowerBound] + ":**" + line[colon.lowerBound...].dropFirst()
    }
}
