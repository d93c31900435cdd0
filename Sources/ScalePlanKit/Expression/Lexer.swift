/// Splits expression text into tokens.
///
/// Identifiers may contain dots (`utilization.db_connections`, `cost.compute`): the namespaces
/// that triggers read are names like any other. Numbers may use `_` as a digit separator
/// (`50_000`), since profiles are written by hand.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var column: Int { index + 1 }

    private mutating func next() throws(ExpressionError) -> Token {
        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count else { return Token(kind: .end, column: column, text: "end of expression") }
        let start = index
        let scalar = scalars[index]
        if isDigit(scalar) || (scalar == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
            return try number()
        }
        if isIdentifierStart(scalar) { return identifier() }
        index += 1
        let two: String? = index < scalars.count ? String(scalar) + String(scalars[index]) : nil
        if let two, let symbol = Token.Symbol(rawValue: two) {
            index += 1
            return Token(kind: .symbol(symbol), column: start + 1, text: two)
        }
        if let symbol = Token.Symbol(rawValue: String(scalar)) {
            return Token(kind: .symbol(symbol), column: start + 1, text: String(scalar))
        }
        let hint: String? =
            switch scalar {
            case "=": "use '==' to compare"
            case "!": "use 'not' for negation, '!=' for inequality"
            case "&": "use 'and'"
            case "|": "use 'or'"
            case "%": "write a percentage as a fraction: 80% is 0.8"
            case "$", ",": "write numbers without currency signs or thousands separators (50_000 is allowed)"
            default: nil
            }
        throw ExpressionError("unexpected character '\(scalar.escaped(asASCII: true))'", column: start + 1, hint: hint)
    }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    /// ASCII white space; other scalars are not part of the language (and are reported).
    private func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
    private func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_"
    }
    private func isIdentifierPart(_ s: Unicode.Scalar) -> Bool { isIdentifierStart(s) || isDigit(s) }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = index
        var text = ""
        func digits(_ lexer: inout Lexer) {
            while lexer.index < lexer.scalars.count,
                lexer.isDigit(lexer.scalars[lexer.index]) || lexer.scalars[lexer.index] == "_"
            {
                if lexer.scalars[lexer.index] != "_" { text.unicodeScalars.append(lexer.scalars[lexer.index]) }
                lexer.index += 1
            }
        }
        digits(&self)
        if index < scalars.count, scalars[index] == "." {
            text += "."
            index += 1
            digits(&self)
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var lookahead = index + 1
            if lookahead < scalars.count, scalars[lookahead] == "+" || scalars[lookahead] == "-" { lookahead += 1 }
            if lookahead < scalars.count, isDigit(scalars[lookahead]) {
                text += "e" + String(String.UnicodeScalarView(scalars[(index + 1)..<lookahead]))
                index = lookahead
                digits(&self)
            }
        }
        let written = String(String.UnicodeScalarView(scalars[start..<index]))
        if index < scalars.count, isIdentifierStart(scalars[index]) {
            throw ExpressionError(
                "a number cannot run into a name: '\(written)\(scalars[index])'", column: start + 1,
                hint: "write the multiplication explicitly, e.g. '2 * users'; write 50K as 50_000")
        }
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError("number '\(written)' is out of range", column: start + 1)
        }
        return Token(kind: .number(value), column: start + 1, text: written)
    }

    private mutating func identifier() -> Token {
        let start = index
        while index < scalars.count {
            if isIdentifierPart(scalars[index]) {
                index += 1
            } else if scalars[index] == ".", index + 1 < scalars.count, isIdentifierStart(scalars[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        if let keyword = Token.Keyword(rawValue: text) {
            return Token(kind: .keyword(keyword), column: start + 1, text: text)
        }
        return Token(kind: .identifier(text), column: start + 1, text: text)
    }
}
