/// A plain aligned text table: a header row, a rule, rows; numbers right-aligned.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    var indent = 0

    init(_ headers: [String], alignments: [Alignment]? = nil, indent: Int = 0) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
        self.indent = indent
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Shortens text to `limit` characters, ending in an ellipsis.
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    func render() -> String {
        let columns = headers.count
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.prefix(columns).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in 0..<columns {
                let cell = index < cells.count ? cells[index] : ""
                let space = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(alignments[index] == .right ? space + cell : cell + space)
            }
            var text = pad + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var text = line(headers) + "\n"
        var rule = pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        while rule.hasSuffix(" ") { rule.removeLast() }
        text += rule + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }
}
