/// Turns a parse tree into a `CompiledExpression`: checks types (quantities versus
/// conditions), resolves every name to a slot, and emits postfix code.
enum ExpressionCompiler {
    /// Resolves a name at a column to its slot, or throws a tailored error (unknown name with a
    /// did-you-mean, or a name not available in this context).
    typealias Resolver = (_ name: String, _ column: Int) throws(ExpressionError) -> Int

    /// Parses and compiles `text`.
    /// - Parameters:
    ///   - text: the expression.
    ///   - type: what the context needs: a quantity (metrics, limits, costs) or a condition
    ///     (triggers).
    ///   - resolve: maps names to slots.
    /// - Throws: `ExpressionError` with the column of the problem.
    static func compile(_ text: String, as type: ValueType, resolve: Resolver)
        throws(ExpressionError) -> CompiledExpression
    {
        let syntax = try ExpressionParser.parse(text)
        return try compile(syntax, source: text, as: type, resolve: resolve)
    }

    /// Compiles an already parsed expression.
    static func compile(_ syntax: Syntax, source: String, as type: ValueType, resolve: Resolver)
        throws(ExpressionError) -> CompiledExpression
    {
        var emitter = Emitter()
        let found = try emitter.emit(syntax, resolve)
        guard found == type else {
            let message =
                type == .boolean
                ? "a trigger needs a condition, but this is a quantity"
                : "expected a quantity, but this is a condition"
            let hint =
                type == .boolean
                ? "compare it with a threshold, e.g. '\(source) > 100'"
                : "use if(condition, a, b) to turn a condition into a number"
            throw ExpressionError(message, column: syntax.startColumn, hint: hint)
        }
        return CompiledExpression(
            source: source, syntax: syntax, type: type, code: emitter.code,
            stackSize: emitter.maximumDepth)
    }

    private struct Emitter {
        var code: [Instruction] = []
        var depth = 0
        var maximumDepth = 0

        mutating func push(_ instruction: Instruction, popping: Int = 0) {
            code.append(instruction)
            depth += 1 - popping
            maximumDepth = max(maximumDepth, depth)
        }

        mutating func emit(_ syntax: Syntax, _ resolve: Resolver) throws(ExpressionError) -> ValueType {
            switch syntax {
            case .number(let value, _):
                push(.constant(value))
                return .number
            case .boolean(let value, _):
                push(.constant(value ? 1 : 0))
                return .boolean
            case .identifier(let name, let column):
                push(.load(try resolve(name, column)))
                return .number
            case .unary(let op, let operand, let column):
                let type = try emit(operand, resolve)
                switch op {
                case .negate:
                    try require(.number, type, "'-'", column)
                    push(.negate, popping: 1)
                    return .number
                case .not:
                    try require(.boolean, type, "'not'", column)
                    push(.not, popping: 1)
                    return .boolean
                }
            case .binary(let op, let lhs, let rhs, let column):
                let left = try emit(lhs, resolve)
                let right = try emit(rhs, resolve)
                let instruction: Instruction
                switch op {
                case .add: instruction = .add
                case .subtract: instruction = .subtract
                case .multiply: instruction = .multiply
                case .divide: instruction = .divide
                case .power: instruction = .power
                case .less: instruction = .less
                case .lessEqual: instruction = .lessEqual
                case .greater: instruction = .greater
                case .greaterEqual: instruction = .greaterEqual
                case .equal: instruction = .equal
                case .notEqual: instruction = .notEqual
                case .and: instruction = .and
                case .or: instruction = .or
                }
                if op.isLogical {
                    try require(.boolean, left, "'\(op.rawValue)'", column)
                    try require(.boolean, right, "'\(op.rawValue)'", column)
                } else if op == .equal || op == .notEqual {
                    if left != right {
                        throw ExpressionError("'\(op.rawValue)' compares a quantity with a condition", column: column)
                    }
                } else {
                    try require(.number, left, "'\(op.rawValue)'", column)
                    try require(.number, right, "'\(op.rawValue)'", column)
                }
                push(instruction, popping: 2)
                return op.isComparison || op.isLogical ? .boolean : .number
            case .call(let function, let arguments, let column):
                var types: [ValueType] = []
                for argument in arguments { types.append(try emit(argument, resolve)) }
                push(.call(function, arguments.count), popping: arguments.count)
                if function == .if {
                    // The parser accepts `if` with exactly three arguments (`Function.arity`).
                    try require(.boolean, types[0], "the condition of if", arguments[0].column)
                    guard types[1] == types[2] else {
                        throw ExpressionError(
                            "the two branches of if must both be quantities or both conditions",
                            column: column)
                    }
                    return types[1]
                }
                for (argument, type) in zip(arguments, types) {
                    try require(.number, type, function.rawValue, argument.column)
                }
                return .number
            }
        }

        func require(_ expected: ValueType, _ found: ValueType, _ what: String, _ column: Int) throws(ExpressionError) {
            guard expected != found else { return }
            let hint =
                expected == .boolean
                ? "compare it, e.g. 'x > 0'"
                : "use if(condition, 1, 0) to turn a condition into a number"
            throw ExpressionError(
                "\(what) needs a \(expected.rawValue), but got a \(found.rawValue)",
                column: column, hint: hint)
        }
    }
}
