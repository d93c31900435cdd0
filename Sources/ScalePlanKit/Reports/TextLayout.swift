/// A column of a `TextTable`: its header, alignment, and what may happen to it when the table
/// is wider than the terminal.
public struct TableColumn: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: String
    public var alignment: Alignment
    /// Text columns may be shortened with "…" down to this many characters; nil: never.
    public var shrinksTo: Int?
    /// When shortening is not enough, columns are hidden, the lowest rank first; nil: always shown.
    public var dropRank: Int?

    public init(_ header: String, _ alignment: Alignment = .left, shrinksTo: Int? = nil, dropRank: Int? = nil) {
        self.header = header
        self.alignment = alignment
        self.shrinksTo = shrinksTo
        self.dropRank = dropRank
    }
}

/// Aligned tables for text reports, fitted to a width.
public enum TextTable {
    /// Renders rows under headers with a rule under each header. When the table is wider than
    /// `width`, the columns that may shrink are shortened (the one with the most to spare
    /// first), then the lowest-ranked droppable columns are hidden, with a one-line note naming
    /// them. Trailing spaces are trimmed; `indent` spaces start every line, rules included.
    public static func render(_ columns: [TableColumn], rows: [[String]], width: Int, indent: Int = 0) -> String {
        var shown = Array(columns.indices)
        var widths: [Int] = []
        while true {
            widths = shown.map { column in
                rows.reduce(columns[column].header.count) { Swift.max($0, column < $1.count ? $1[column].count : 0) }
            }
            var excess = indent + widths.reduce(0, +) + 2 * Swift.max(0, shown.count - 1) - width
            // The shrinkable column with the most room above its minimum gives one character.
            func spare(_ position: Int) -> Int { widths[position] - (columns[shown[position]].shrinksTo ?? widths[position]) }
            while excess > 0, let best = shown.indices.max(by: { spare($0) < spare($1) }), spare(best) > 0 {
                widths[best] -= 1
                excess -= 1
            }
            let droppable = shown.enumerated().filter { columns[$0.element].dropRank != nil }
            guard excess > 0,
                let drop = droppable.min(by: { (columns[$0.element].dropRank ?? 0) < (columns[$1.element].dropRank ?? 0) })
            else { break }
            shown.remove(at: drop.offset)
        }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var text = pad
            for (position, column) in shown.enumerated() {
                let cell = truncate(column < cells.count ? cells[column] : "", widths[position])
                let space = String(repeating: " ", count: widths[position] - cell.count)
                if position > 0 { text += "  " }
                text += columns[column].alignment == .right ? space + cell : cell + space
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var text = line(columns.map(\.header)) + "\n"
        text += pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) + "\n" }
        let hidden = columns.indices.filter { !shown.contains($0) }.map { columns[$0].header.trimmingCharacters(in: " ") }
        if !hidden.isEmpty {
            text +=
                TextWrap.wrap(
                    pad
                        + "(Not shown at \(width) columns: \(hidden.joined(separator: ", ")). A wider terminal, or COLUMNS, shows \(hidden.count == 1 ? "it" : "them").)",
                    width: width, indent: indent) + "\n"
        }
        return text
    }

    /// Shortens text to `limit` characters, ending in an ellipsis.
    public static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}

extension String {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
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
