/// One problem found in a user's input, with enough context to fix it: where (line and column
/// and/or JSON path), what is wrong, and what was expected or what to do instead.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var message: String
    /// Line and column in the file, when known.
    public var location: SourceLocation?
    /// The JSON path of the offending value (`$.tiers[2].capacity`), when known.
    public var path: String?
    /// A suggestion: the expected form, or "did you mean …?".
    public var hint: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        path: String? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.path = path
        self.hint = hint
    }

    public static func error(
        _ message: String, at location: SourceLocation? = nil, path: String? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, path: path, hint: hint)
    }

    public static func warning(
        _ message: String, at location: SourceLocation? = nil, path: String? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, path: path, hint: hint)
    }

    /// `file:line:column: error: message (at path)`, then the hint on its own line, the form
    /// compilers use so editors and CI annotate the right line.
    public func formatted(file: String) -> String {
        var place = file
        if let location {
            place += ":\(location.line):\(location.column)"
        } else if let path {
            place += ":\(path)"
        }
        var text = "\(place): \(severity.rawValue): \(message)"
        if location != nil, let path { text += " (at \(path))" }
        if let hint { text += "\n  \(hint)" }
        return text
    }

    public var description: String { formatted(file: "<input>") }
}

/// Collects diagnostics while decoding so that a file's every error is reported at once,
/// instead of stopping at the first.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    public mutating func error(
        _ message: String, at location: SourceLocation? = nil, path: String? = nil,
        hint: String? = nil
    ) {
        append(.error(message, at: location, path: path, hint: hint))
    }

    public mutating func warning(
        _ message: String, at location: SourceLocation? = nil, path: String? = nil,
        hint: String? = nil
    ) {
        append(.warning(message, at: location, path: path, hint: hint))
    }

    /// Diagnostics in file order (those without a location last, by path), errors before
    /// warnings at the same place, so output is stable whatever order checks ran in.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
