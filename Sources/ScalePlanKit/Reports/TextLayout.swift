/// Plain aligned tables for text reports.
public enum TextTable {
    /// Renders rows under headers with a rule; columns in `rightAligned` are right-aligned
    /// (numbers). Trailing spaces are trimmed.
    public static func render(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], indent: Int = 0) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.prefix(headers.count).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in headers.indices {
                let cell = index < cells.count ? cells[index] : ""
                let space = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(rightAligned.contains(index) ? space + cell : cell + space)
            }
            var text = pad + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var text = line(headers) + "\n"
        text += pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }

    /// Shortens text to `limit` characters, ending in an ellipsis.
    public static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}

/// Word wrapping for text reports.
public enum TextWrap {
    /// Wraps at spaces so no line exceeds `width`; the first line keeps its leading spaces and
    /// continuation lines are indented by `indent`.
    public static func wrap(_ text: String, width: Int, indent: Int) -> String {
        let limit = max(width, indent + 20)
        let leading = text.prefix { $0 == " " }.count
        var lines: [String] = []
        var current = String(repeating: " ", count: leading)
        var hasWord = false
        // Splitting on single spaces keeps runs of spaces (aligned columns) as empty words.
        for word in text.dropFirst(leading).split(separator: " ", omittingEmptySubsequences: false) {
            if !hasWord {
                current += word
                hasWord = true
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else if !word.isEmpty {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
            }
        }
        lines.append(current)
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.hasSuffix(" ") { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
