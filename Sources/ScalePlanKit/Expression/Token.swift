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
        case plus = "+"
        case minus = "-"
        case star = "*"
        case slash = "/"
        case caret = "^"
        case less = "<"
        case lessEqual = "<="
        case greater = ">"
        case greaterEqual = ">="
        case equal = "=="
        case notEqual = "!="
        case leftParen = "("
        case rightParen = ")"
        case comma = ","
    }

    var kind: Kind
    /// 1-based column of the token's first scalar in the expression.
    var column: Int
    /// The token as written, for messages.
    var text: String
}
