/// A problem in one expression: what, at which column of the expression text (1-based,
/// counting Unicode scalars), and a suggestion.
struct ExpressionError: Error, Sendable, Equatable {
    var message: String
    var column: Int
    var hint: String?

    init(_ message: String, column: Int, hint: String? = nil) {
        self.message = message
        self.column = column
        self.hint = hint
    }
}
