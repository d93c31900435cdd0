/// HTML escaping for text from a profile, and where that text may break across lines.
enum HTMLText {
    /// Text escaped for an attribute or an element that takes no markup (`<title>`, SVG text).
    static func escape(_ text: String) -> String { escape(text, keepNewlines: false) }

    /// The text of a `<pre>` block: its lines kept.
    static func preformatted(_ text: String) -> String { escape(text, keepNewlines: true) }

    /// Body text (paragraphs, list items, table cells): escaped, with the line breaks a reader
    /// expects. A short word with a digit in it — a month `2026-09`, a range `P10–P90` or `1–3`,
    /// an amount `$2,500-11,000` — is kept on one line (the browser would otherwise break it at
    /// its hyphen, and a narrow column would split `2026-` from `09`). A word too long for a
    /// column — a points curve, a sum of costs, an identifier list — may break after its
    /// commas, plus signs, slashes, colons, semicolons and underscores (`<wbr>`), so a table
    /// stays inside the page instead of being cut off when printed.
    static func text(_ text: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            out += word.count > longWord ? breakable(word) : whole(word)
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
                out += escape(String(character))
            } else {
                word.append(character)
            }
        }
        flush()
        return out
    }

    /// Words longer than this may be broken at their punctuation.
    static let longWord = 20

    /// `word` escaped, kept on one line when it has a digit and a dash (`2026-09`, `P10–P90`).
    private static func whole(_ word: String) -> String {
        guard word.contains(where: \.isNumber) && word.contains(where: { "-–‐".contains($0) }) else { return escape(word) }
        return "<span class=\"nb\">" + escape(word) + "</span>"
    }

    /// `word` with a break opportunity after each of its separators, each piece kept whole as
    /// `whole` keeps a short word.
    private static func breakable(_ word: String) -> String {
        var out = ""
        var piece = ""
        for character in word {
            piece.append(character)
            if ",+/:;_".contains(character) {
                out += whole(piece) + "<wbr>"
                piece = ""
            }
        }
        return out + whole(piece)
    }

    private static func escape(_ text: String, keepNewlines: Bool) -> String {
        var out = ""
        for scalar in TextSafety.terminal(text, keepNewlines: keepNewlines).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
