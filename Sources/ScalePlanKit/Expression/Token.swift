/// A lexical token of the expression language.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Sendable {
        case and, or, not, `true`, `false`
    }

    enum Symbol: String, Sendable {
        case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case equal = "==", notEqual = "!="
        case leftParen = "(", rightParen = ")", comma = ","
    }

    var kind: Kind
    /// 1-based column of the token's first scalar in the expression.
    var column: Int
    /// The token as written, for messages.
    var text: String
}
