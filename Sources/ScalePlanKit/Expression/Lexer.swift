/// Splits expression text into tokens.
///
/// Identifiers may contain dots (`utilization.db_connections`, `cost.compute`): the namespaces
/// that triggers read are names like any other. Numbers may use `_` as a digit separator
/// (`50_000`), since profiles are written by hand.
///
/// The language is ASCII, so the lexer reads UTF-8 bytes: a byte of 0x80 or more can only start a
/// token, where it is reported as an unexpected character. Every byte before it is ASCII, so a
/// byte's offset + 1 is its column (counted in scalars) wherever a token starts.
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
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
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return Token(kind: .end, column: column, text: "end of expression") }
        let start = index
        let byte = bytes[index]
        if isDigit(byte) || (byte == UInt8(ascii: ".") && index + 1 < bytes.count && isDigit(bytes[index + 1])) {
            return try number()
        }
        if isIdentifierStart(byte) { return identifier() }
        let second = index + 1 < bytes.count ? bytes[index + 1] : 0
        if let (symbol, length) = Self.symbol(byte, second) {
            index += length
            return Token(kind: .symbol(symbol), column: start + 1, text: symbol.rawValue)
        }
        // The whole scalar (of up to four bytes), for the message.
        let scalar = String(decoding: bytes[start...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
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

    /// The symbol these bytes start with and its length: two-byte symbols first.
    private static func symbol(_ first: UInt8, _ second: UInt8) -> (Token.Symbol, Int)? {
        if second == UInt8(ascii: "=") {
            switch first {
            case UInt8(ascii: "<"): return (.lessEqual, 2)
            case UInt8(ascii: ">"): return (.greaterEqual, 2)
            case UInt8(ascii: "="): return (.equal, 2)
            case UInt8(ascii: "!"): return (.notEqual, 2)
            default: break
            }
        }
        switch first {
        case UInt8(ascii: "+"): return (.plus, 1)
        case UInt8(ascii: "-"): return (.minus, 1)
        case UInt8(ascii: "*"): return (.star, 1)
        case UInt8(ascii: "/"): return (.slash, 1)
        case UInt8(ascii: "^"): return (.caret, 1)
        case UInt8(ascii: "<"): return (.less, 1)
        case UInt8(ascii: ">"): return (.greater, 1)
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        default: return nil
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    /// ASCII white space; other scalars are not part of the language (and are reported).
    private func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }
    private func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }
    private func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }

    /// The text of bytes `range` (ASCII).
    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = index
        func digits(_ lexer: inout Lexer) {
            while lexer.index < lexer.bytes.count,
                lexer.isDigit(lexer.bytes[lexer.index]) || lexer.bytes[lexer.index] == UInt8(ascii: "_")
            {
                lexer.index += 1
            }
        }
        digits(&self)
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            digits(&self)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var lookahead = index + 1
            if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "+") || bytes[lookahead] == UInt8(ascii: "-") {
                lookahead += 1
            }
            if lookahead < bytes.count, isDigit(bytes[lookahead]) {
                index = lookahead
                digits(&self)
            }
        }
        let written = text(start..<index)
        if index < bytes.count, isIdentifierStart(bytes[index]) {
            throw ExpressionError(
                "a number cannot run into a name: '\(written)\(Character(Unicode.Scalar(bytes[index])))'",
                column: start + 1,
                hint: "write the multiplication explicitly, e.g. '2 * users'; write 50K as 50_000")
        }
        // An underscore only separates digits (it is dropped wherever it stands).
        let digitsOnly =
            bytes[start..<index].contains(UInt8(ascii: "_"))
            ? String(decoding: bytes[start..<index].lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self) : written
        guard let value = Double(digitsOnly), value.isFinite else {
            throw ExpressionError("number '\(written)' is out of range", column: start + 1)
        }
        return Token(kind: .number(value), column: start + 1, text: written)
    }

    private mutating func identifier() -> Token {
        let start = index
        while index < bytes.count {
            if isIdentifierPart(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, isIdentifierStart(bytes[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        let text = text(start..<index)
        if let keyword = Self.keyword(text) {
            return Token(kind: .keyword(keyword), column: start + 1, text: text)
        }
        return Token(kind: .identifier(text), column: start + 1, text: text)
    }

    /// The keyword a name is, if any (a plain comparison: `init(rawValue:)` searches a table).
    private static func keyword(_ name: String) -> Token.Keyword? {
        switch name {
        case "and": .and
        case "or": .or
        case "not": .not
        case "true": .true
        case "false": .false
        default: nil
        }
    }
}
