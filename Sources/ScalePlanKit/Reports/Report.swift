/// The shape every report has: a pure function from what a command worked out to text, in each
/// of the report's formats. `render` switches over `Format` exhaustively, so a format added to a
/// report does not compile until it is laid out; the command line's `--format` choices are
/// `Format.allCases`.
public protocol Report {
    /// What the report lays out.
    associatedtype Subject
    associatedtype Format: RawRepresentable, CaseIterable where Format.RawValue == String

    static func render(_ subject: Subject, format: Format, layout: TerminalLayout) -> String
}

extension Report {
    /// The report laid out for a plain 80-column terminal (files, pipes, tests).
    public static func render(_ subject: Subject, format: Format) -> String {
        render(subject, format: format, layout: .standard)
    }

    /// The formats, as `--format` takes them.
    public static var formatNames: [String] { Format.allCases.map(\.rawValue) }
}

/// The formats of the reports that are documents: markdown, and HTML for a browser.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown, html
}

/// The formats of `fit`: a terminal table, JSON, and markdown or HTML documents with charts.
public enum FitFormat: String, Sendable, CaseIterable {
    case table, json, markdown, html
}

/// The formats of the reports that list a few things: a terminal table, JSON, markdown.
public enum ListFormat: String, Sendable, CaseIterable {
    case table, json, markdown
}

/// The formats of `show`: a terminal layout, and JSON.
public enum ShowFormat: String, Sendable, CaseIterable {
    case table, json
}

/// How terminal text is laid out: the columns it must fit in and whether it may colour.
/// Formats for other programs (JSON, CSV) and documents (markdown, HTML) ignore it.
public struct TerminalLayout: Sendable {
    /// Columns every line fits in.
    public var width: Int
    public var style: TextStyle

    public init(width: Int = 80, style: TextStyle = .plain) {
        self.width = width
        self.style = style
    }

    /// 80 columns, no colour.
    public static let standard = TerminalLayout()
}
