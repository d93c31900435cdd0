/// A problem in one expression: what, at which column of the expression text (1-based,
/// counting Unicode scalars), and a suggestion.
public struct ExpressionError: Error, Sendable, Equatable {
    public var message: String
    public var column: Int
    public var hint: String?

    public init(_ message: String, column: Int, hint: String? = nil) {
        self.message = message
        self.column = column
        self.hint = hint
    }
}
