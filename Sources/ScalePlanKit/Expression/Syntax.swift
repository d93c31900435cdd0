/// The parsed form of an expression, before names are resolved.
///
/// Only the cases that hold a `Syntax` are boxed (`indirect`): a leaf, the commonest node, is
/// stored inline, not in an allocation of its own.
enum Syntax: Sendable, Equatable {
    case number(Double, column: Int)
    case boolean(Bool, column: Int)
    case identifier(String, column: Int)
    indirect case unary(UnaryOperator, Syntax, column: Int)
    indirect case binary(BinaryOperator, Syntax, Syntax, column: Int)
    case call(Function, [Syntax], column: Int)

    /// Column of the node's first scalar (for binary nodes, of the operator).
    var column: Int {
        switch self {
        case .number(_, let c), .boolean(_, let c), .identifier(_, let c), .unary(_, _, let c),
            .binary(_, _, _, let c), .call(_, _, let c):
            c
        }
    }

    /// Column where the node's text begins (for a binary node, its left operand's start).
    var startColumn: Int {
        var node = self
        while case .binary(_, let lhs, _, _) = node { node = lhs }
        return node.column
    }

    /// Every identifier in the expression with its column, in order of appearance.
    var identifiers: [(name: String, column: Int)] {
        var result: [(String, Int)] = []
        var stack: [Syntax] = [self]
        // Iterative, so that a pathological (though depth-limited) tree cannot exhaust the stack.
        while let node = stack.popLast() {
            switch node {
            case .number, .boolean: break
            case .identifier(let name, let column): result.append((name, column))
            case .unary(_, let operand, _): stack.append(operand)
            case .binary(_, let lhs, let rhs, _):
                stack.append(rhs)
                stack.append(lhs)
            case .call(_, let arguments, _): stack.append(contentsOf: arguments.reversed())
            }
        }
        return result
    }
}

enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "not"
}

enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and, or

    var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: true
        default: false
        }
    }

    var isLogical: Bool { self == .and || self == .or }
}
