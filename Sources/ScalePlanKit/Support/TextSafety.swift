/// Keeps text that came from a profile from doing harm where it is printed.
public enum TextSafety {
    /// Removes control and escape characters (and bidirectional overrides), so a profile cannot
    /// move the cursor, change colours or hide text on the user's terminal. Tabs become spaces;
    /// newlines are kept only where `keepNewlines`.
    public static func terminal(_ text: String, keepNewlines: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result.append(" ")
            case 0x0A where keepNewlines: result.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result)
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
