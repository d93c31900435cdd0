/// One row of a small comma-separated file, as the growth and observed-metrics readers see it.
struct CSVRow {
    /// The 1-based line number in the file, for diagnostics.
    var line: Int
    /// The cells, each trimmed of surrounding whitespace.
    var cells: [String]
    /// The 1-based column where the second cell starts (just after the first comma).
    var secondCellColumn: Int

    /// Where the row starts, for diagnostics about the whole row.
    var location: SourceLocation { SourceLocation(line: line, column: 1) }
}

enum CSVRows {
    /// Why the file cannot be read as text, nil when it can: not UTF-8, or starting with a
    /// byte-order mark (which would glue itself to the first cell).
    static func encodingProblem(_ bytes: [UInt8]) -> Diagnostic? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return .error(
                "the file starts with a UTF-8 byte-order mark", at: SourceLocation(line: 1, column: 1),
                hint: "save it as UTF-8 without a BOM")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .error("the file is not valid UTF-8", hint: "save it as UTF-8 text")
        }
        return nil
    }

    /// Splits text into rows, skipping blank lines and `#` comments. Both the growth CSV and
    /// the observed-metrics CSV use this, so they agree on line endings and line numbers.
    static func rows(in text: String) -> [CSVRow] {
        var rows: [CSVRow] = []
        // "\r\n" is one Character in Swift, so split on every line ending explicitly; a lone
        // "\r" (old Mac files, some exports) ends a line too.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, line) in lines.enumerated() {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            let secondCellColumn = (line.firstIndex(of: ",").map { line[..<$0].count } ?? 0) + 2
            rows.append(CSVRow(line: index + 1, cells: cells, secondCellColumn: secondCellColumn))
        }
        return rows
    }
}
