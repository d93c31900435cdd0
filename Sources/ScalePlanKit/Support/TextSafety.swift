/// Keeps text that came from a profile from doing harm where it is printed.
public enum TextSafety {
    /// Removes control and escape characters (and bidirectional overrides), so a profile cannot
    /// move the cursor, change colours or hide text on the user's terminal. Tabs become spaces;
    /// newlines are kept only where `keepNewlines`.
    public static func terminal(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result.append(" ")
            case 0x0A where keepNewlines: result.append(scalar)
            default: if !isControl(scalar) { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// A character a terminal acts on instead of showing: C0 and C1 controls, DEL, and the
    /// bidirectional marks, embeddings, overrides and isolates that reorder what is shown.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Error-message text: controls removed; any quoted span (`'…'`, an echoed argument or file
    /// name) longer than 200 characters, and any run of more than 200 characters without a
    /// space, shortened with "…".
    public static func message(_ text: String, longestRun: Int = 200) -> String {
        let clean = Array(terminal(text, keepNewlines: true))
        var result = ""
        var run = 0
        var quoted: Int?  // characters so far inside an open quote
        for (index, character) in clean.enumerated() {
            let before = index > 0 ? clean[index - 1] : " "
            let after = index + 1 < clean.count ? clean[index + 1] : " "
            if character == "'" {
                if quoted == nil, before == " " || before == "(" || before == "\n" {
                    quoted = 0
                } else if quoted != nil, !after.isLetter && !after.isNumber {
                    quoted = nil
                }
            } else if let count = quoted {
                quoted = count + 1
                if count + 1 == longestRun { result += "…" }
                if count + 1 >= longestRun { continue }
            }
            if character == " " || character == "\n" {
                run = 0
            } else {
                run += 1
                if run == longestRun { result += "…" }
                if run >= longestRun { continue }
            }
            result.append(character)
        }
        return result
    }

    /// A CSV cell: quoted when needed, and a text cell that a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`
    /// (OWASP's CSV-injection advice). Numbers are written by the caller, unquoted.
    public static func csvText(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") {
            cell = "\"" + cell.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return cell
    }

    /// Text for a markdown table cell or paragraph: markdown and HTML metacharacters escaped,
    /// line breaks and control characters removed.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for scalar in terminal(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "<", ">", "!": result += "\\" + String(scalar)
            case "&": result += "&amp;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
