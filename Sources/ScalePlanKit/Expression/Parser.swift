/// Recursive-descent parser for the expression language.
///
/// Grammar, loosest binding first:
///
///     expression := or
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := additive (("<"|"<="|">"|">="|"=="|"!=") additive)?     -- not chainable
///     additive   := term (("+"|"-") term)*
///     term       := unary (("*"|"/") unary)*
///     unary      := "-" unary | power
///     power      := primary ("^" unary)?                                   -- right-associative
///     primary    := number | "true" | "false" | name | name "(" args ")" | "(" expression ")"
///
/// So `-2^2` is -(2^2) = -4 and `2^3^2` is 2^9, as in mathematics.
enum ExpressionParser {
    /// Nesting deeper than this is an error (not a stack overflow).
    static let maximumDepth = 64
    /// Longer expressions are an error: a chain such as `1 + 1 + …` builds a tree as deep as
    /// it is long, and compiling and freeing that tree recurses through it.
    static let maximumTokens = 1_000

    /// Parses expression text.
    /// - Throws: `ExpressionError` with the column of the first problem.
    /// - Complexity: O(*n*) in the length of the text.
    static func parse(_ text: String) throws(ExpressionError) -> Syntax {
        let tokens = try Lexer.tokenize(text)
        if tokens.count > maximumTokens {
            throw ExpressionError(
                "expression is too long (\(tokens.count - 1) tokens; at most \(maximumTokens - 1))",
                column: tokens[maximumTokens - 1].column, hint: "split it into named metrics")
        }
        var parser = State(tokens: tokens)
        if parser.current.kind == .end {
            throw ExpressionError("empty expression", column: 1, hint: "write a number or a formula such as 'users * 0.1'")
        }
        let syntax = try parser.expression()
        guard parser.current.kind == .end else {
            let token = parser.current
            var hint: String? = nil
            if case .identifier = token.kind { hint = "is an operator missing before '\(token.text)'?" }
            if token.kind == .symbol(.rightParen) { hint = "this ')' has no matching '('" }
            throw ExpressionError("unexpected '\(token.text)'", column: token.column, hint: hint)
        }
        return syntax
    }

    private struct State {
        let tokens: [Token]
        var position = 0
        var depth = 0

        init(tokens: [Token]) { self.tokens = tokens }

        var current: Token { tokens[position] }

        mutating func advance() -> Token {
            let token = tokens[position]
            if position < tokens.count - 1 { position += 1 }
            return token
        }

        mutating func nested<T>(_ body: (inout State) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
            depth += 1
            defer { depth -= 1 }
            if depth > ExpressionParser.maximumDepth {
                throw ExpressionError(
                    "expression is nested more than \(ExpressionParser.maximumDepth) levels deep",
                    column: current.column, hint: "split it into named metrics")
            }
            return try body(&self)
        }

        mutating func expression() throws(ExpressionError) -> Syntax {
            try nested { (s: inout State) throws(ExpressionError) in try s.or() }
        }

        mutating func or() throws(ExpressionError) -> Syntax {
            var lhs = try and()
            while current.kind == .keyword(.or) {
                let op = advance()
                lhs = .binary(.or, lhs, try and(), column: op.column)
            }
            return lhs
        }

        mutating func and() throws(ExpressionError) -> Syntax {
            var lhs = try not()
            while current.kind == .keyword(.and) {
                let op = advance()
                lhs = .binary(.and, lhs, try not(), column: op.column)
            }
            return lhs
        }

        mutating func not() throws(ExpressionError) -> Syntax {
            if current.kind == .keyword(.not) {
                let op = advance()
                let operand = try nested { (s: inout State) throws(ExpressionError) in try s.not() }
                return .unary(.not, operand, column: op.column)
            }
            return try comparison()
        }

        mutating func comparison() throws(ExpressionError) -> Syntax {
            let lhs = try additive()
            guard case .symbol(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol.rawValue),
                op.isComparison
            else { return lhs }
            let opToken = advance()
            let rhs = try additive()
            if case .symbol(let next) = current.kind, let again = BinaryOperator(rawValue: next.rawValue), again.isComparison {
                throw ExpressionError(
                    "comparisons cannot be chained", column: current.column,
                    hint: "write 'a < b and b < c'")
            }
            return .binary(op, lhs, rhs, column: opToken.column)
        }

        mutating func additive() throws(ExpressionError) -> Syntax {
            var lhs = try term()
            while case .symbol(let symbol) = current.kind, symbol == .plus || symbol == .minus {
                let op = advance()
                lhs = .binary(symbol == .plus ? .add : .subtract, lhs, try term(), column: op.column)
            }
            return lhs
        }

        mutating func term() throws(ExpressionError) -> Syntax {
            var lhs = try unary()
            while case .symbol(let symbol) = current.kind, symbol == .star || symbol == .slash {
                let op = advance()
                lhs = .binary(symbol == .star ? .multiply : .divide, lhs, try unary(), column: op.column)
            }
            return lhs
        }

        mutating func unary() throws(ExpressionError) -> Syntax {
            if current.kind == .symbol(.minus) {
                let op = advance()
                let operand = try nested { (s: inout State) throws(ExpressionError) in try s.unary() }
                return .unary(.negate, operand, column: op.column)
            }
            if current.kind == .symbol(.plus) {
                throw ExpressionError("unary '+' is not supported", column: current.column, hint: "remove the '+'")
            }
            return try power()
        }

        mutating func power() throws(ExpressionError) -> Syntax {
            let base = try primary()
            guard current.kind == .symbol(.caret) else { return base }
            let op = advance()
            let exponent = try nested { (s: inout State) throws(ExpressionError) in try s.unary() }
            return .binary(.power, base, exponent, column: op.column)
        }

        mutating func primary() throws(ExpressionError) -> Syntax {
            let token = advance()
            switch token.kind {
            case .number(let value):
                return .number(value, column: token.column)
            case .keyword(.true):
                return .boolean(true, column: token.column)
            case .keyword(.false):
                return .boolean(false, column: token.column)
            case .identifier(let name):
                if current.kind == .symbol(.leftParen) { return try call(name, at: token) }
                return .identifier(name, column: token.column)
            case .symbol(.leftParen):
                let inner = try expression()
                guard current.kind == .symbol(.rightParen) else {
                    throw ExpressionError(
                        "expected ')' to close the '(' at column \(token.column)",
                        column: current.column, hint: current.kind == .end ? "add the missing ')'" : nil)
                }
                _ = advance()
                return inner
            case .end:
                throw ExpressionError(
                    "unexpected end of expression", column: token.column,
                    hint: "an operand is missing")
            default:
                throw ExpressionError(
                    "unexpected '\(token.text)'", column: token.column,
                    hint: "expected a number, a name or '('")
            }
        }

        mutating func call(_ name: String, at nameToken: Token) throws(ExpressionError) -> Syntax {
            guard let function = Function(rawValue: name) else {
                throw ExpressionError(
                    "unknown function '\(name)'", column: nameToken.column,
                    hint: Suggestions.didYouMean(name, in: Function.allCases.map(\.rawValue))
                        ?? "functions are " + Function.allCases.map(\.rawValue).joined(separator: ", "))
            }
            _ = advance()  // (
            var arguments: [Syntax] = []
            if current.kind != .symbol(.rightParen) {
                while true {
                    arguments.append(try expression())
                    if current.kind == .symbol(.comma) {
                        _ = advance()
                        continue
                    }
                    break
                }
            }
            guard current.kind == .symbol(.rightParen) else {
                throw ExpressionError("expected ',' or ')' in the call to \(name)", column: current.column)
            }
            _ = advance()
            guard function.arity.contains(arguments.count) else {
                throw ExpressionError(
                    "\(name) takes \(describe(function.arity)), not \(arguments.count)",
                    column: nameToken.column, hint: "usage: \(function.signature)")
            }
            return .call(function, arguments, column: nameToken.column)
        }

        func describe(_ arity: ClosedRange<Int>) -> String {
            if arity.lowerBound == arity.upperBound {
                return arity.lowerBound == 1 ? "1 argument" : "\(arity.lowerBound) arguments"
            }
            return "\(arity.lowerBound) to \(arity.upperBound) arguments"
        }
    }
}
