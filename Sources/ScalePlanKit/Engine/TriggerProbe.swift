/// Reads "the value against its threshold" off a trigger: each comparison in its condition is
/// compiled side by side, so when the trigger fires the report can say
/// `db_connections = 104 (threshold 100)`.
struct TriggerProbe: Sendable {
    struct Comparison: Sendable {
        let quantity: String
        let op: BinaryOperator
        let lhs: CompiledExpression
        let rhs: CompiledExpression
    }

    let comparisons: [Comparison]

    init(_ condition: TriggerCondition, layout: SlotLayout) {
        let resolve: ExpressionCompiler.Resolver = { (name, column) throws(ExpressionError) -> Int in
            guard let slot = layout.slot(name) else { throw ExpressionError("unknown", column: column) }
            return slot
        }
        var found: [Comparison] = []
        for text in condition.expressions {
            guard let syntax = try? ExpressionParser.parse(text.text) else { continue }
            var stack = [syntax]
            while let node = stack.popLast() {
                switch node {
                case .binary(let op, let lhs, let rhs, _) where op.isComparison:
                    if let left = try? ExpressionCompiler.compile(lhs, source: lhs.rendered, as: .number, resolve: resolve),
                        let right = try? ExpressionCompiler.compile(rhs, source: rhs.rendered, as: .number, resolve: resolve)
                    {
                        found.append(Comparison(quantity: lhs.rendered, op: op, lhs: left, rhs: right))
                    }
                case .binary(_, let lhs, let rhs, _):
                    stack.append(rhs)
                    stack.append(lhs)
                case .unary(_, let operand, _):
                    stack.append(operand)
                case .call(_, let arguments, _):
                    stack.append(contentsOf: arguments.reversed())
                default:
                    break
                }
            }
        }
        comparisons = found
    }

    /// The first comparison that holds at these slot values: its quantity, value and threshold.
    func explain(_ slots: UnsafeBufferPointer<Double>) -> TriggerExplanation? {
        for comparison in comparisons {
            let value = comparison.lhs.evaluate(slots)
            let threshold = comparison.rhs.evaluate(slots)
            if CompiledExpression.apply(instruction(comparison.op), value, threshold) != 0 {
                return TriggerExplanation(quantity: comparison.quantity, value: value, threshold: threshold)
            }
        }
        return nil
    }

    private func instruction(_ op: BinaryOperator) -> Instruction {
        switch op {
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .equal: .equal
        default: .notEqual
        }
    }
}

extension Syntax {
    /// The expression written back as text, with the parentheses its structure needs.
    var rendered: String {
        switch self {
        case .number(let value, _): return NumberFormatting.plain(value)
        case .boolean(let value, _): return value ? "true" : "false"
        case .identifier(let name, _): return name
        case .unary(.negate, let operand, _): return "-" + operand.renderedOperand
        case .unary(.not, let operand, _): return "not " + operand.renderedOperand
        case .binary(let op, let lhs, let rhs, _): return "\(lhs.renderedOperand) \(op.rawValue) \(rhs.renderedOperand)"
        case .call(let function, let arguments, _):
            return function.rawValue + "(" + arguments.map(\.rendered).joined(separator: ", ") + ")"
        }
    }

    private var renderedOperand: String {
        if case .binary = self { return "(\(rendered))" }
        return rendered
    }
}
