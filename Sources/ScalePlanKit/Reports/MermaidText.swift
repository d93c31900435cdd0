/// Text from a profile made inert inside a Mermaid chart: the one definition the roadmap's and
/// the fits' charts use for every label, task and title.
///
/// Mermaid reads meaning into characters and words a name may carry: `%%` starts a comment or
/// an `%%{init}%%` directive, `:` ends a gantt task's name, `;` and `#` end a statement or start
/// an entity, quotes end a label, brackets and braces open lists, and a line that begins with a
/// keyword (`section`, `title`, `dateFormat`, `excludes`, `todayMarker`, `axisFormat`, `click`,
/// …) is that statement, not a task. So each such character becomes a look-alike that means
/// nothing to Mermaid (`%` → `％`, `:` → `꞉`, `#` → `＃`, `;` → `；`, quotes → typographic ones,
/// brackets → parentheses), control characters and line breaks go, and a name whose first word
/// is a keyword is put in typographic quotes.
public enum MermaidText {
    /// The statements of the chart types we write (gantt and xychart-beta) and the common ones.
    static let keywords: Set<String> = [
        "title", "dateformat", "axisformat", "tickinterval", "section", "excludes", "includes", "todaymarker",
        "inclusiveenddates", "topaxis", "weekday", "weekend", "click", "call", "acctitle", "accdescr", "displaymode",
        "x-axis", "y-axis", "line", "bar", "horizontal", "gantt", "xychart-beta", "xychart", "href", "classdef", "class",
        "style", "linkstyle", "direction",
    ]

    /// `text` safe as a Mermaid label.
    public static func label(_ text: String) -> String {
        var out = ""
        for character in TextSafety.terminal(text) {
            switch character {
            case "%": out += "％"
            case ":": out += "꞉"
            case "#": out += "＃"
            case ";": out += "；"
            case "\"": out += "”"
            case "'", "`": out += "’"
            case "{", "[": out += "("
            case "}", "]": out += ")"
            case "<": out += "‹"
            case ">": out += "›"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        let words = out.split(separator: " ")
        let collapsed = words.joined(separator: " ")
        guard let first = words.first, keywords.contains(first.lowercased()) else { return collapsed }
        return "“" + collapsed + "”"
    }
}
