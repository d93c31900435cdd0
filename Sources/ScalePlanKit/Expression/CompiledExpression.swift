/// The static type of an expression: a quantity, or a condition (true/false).
enum ValueType: String, Sendable {
    case number = "quantity"
    case boolean = "condition"
}

/// One step of the compiled program: a postfix (stack-machine) instruction.
enum Instruction: Sendable, Equatable {
    case constant(Double)
    case load(Int)
    case negate, not
    case add, subtract, multiply, divide, power
    case less, lessEqual, greater, greaterEqual, equal, notEqual
    case and, or
    case call(Function, Int)
}

/// An expression parsed, type-checked and resolved once, ready to be evaluated many times.
///
/// Names are resolved to slot indices at compile time, so evaluation does no dictionary look-up
/// and no allocation: it walks a flat postfix program over a stack sized at compile time.
///
/// Evaluation never traps. Arithmetic follows IEEE 754: `x / 0` is ±infinity, `0 / 0`,
/// `sqrt(-1)` and `inf - inf` are NaN, overflow gives ±infinity. A condition is 1 (true) or 0
/// (false); comparisons involving NaN are false. `min`/`max` return NaN if any argument is NaN,
/// so a broken input is visible rather than silently dropped. `round` rounds half away from zero.
struct CompiledExpression: Sendable, CustomStringConvertible {
    /// The text the expression was compiled from.
    let source: String
    /// The parse tree (kept for reports: a trigger's threshold is read off its comparison).
    let syntax: Syntax
    let type: ValueType
    let code: [Instruction]
    let stackSize: Int

    /// The value when the expression uses no names, e.g. a literal limit `500` (worked out once).
    let constantValue: Double?
    /// A NaN placeholder for an expression that did not compile: its error was reported, so no
    /// check of its value follows (no follow-on errors).
    var failedToCompile = false

    /// The program as the columnar evaluator reads it, with no reference to count: the engine
    /// evaluates thousands of expressions a block, from several threads, and copying an
    /// expression retains its arrays (atomic operations on cache lines every thread shares).
    let program: Program
    /// Owns the instructions `program` points to (alive as long as any copy of the expression).
    private let storage: ProgramStorage

    init(source: String, syntax: Syntax, type: ValueType, code: [Instruction], stackSize: Int) {
        self.source = source
        self.syntax = syntax
        self.type = type
        self.code = code
        self.stackSize = stackSize
        let usesNames = code.contains { if case .load = $0 { true } else { false } }
        let constantValue =
            usesNames ? nil : Self.run(code, stackSize: stackSize, slots: UnsafeBufferPointer(start: nil, count: 0))
        self.constantValue = constantValue
        storage = ProgramStorage(code)
        program = Program(code: UnsafePointer(storage.code), count: code.count, constantValue: constantValue)
    }

    /// A compiled expression's instructions and constant value, plain data: copying it costs no
    /// reference counting. Valid while the expression it came from is alive.
    struct Program: @unchecked Sendable {
        let code: UnsafePointer<Instruction>
        let count: Int
        let constantValue: Double?

        var instructions: UnsafeBufferPointer<Instruction> { UnsafeBufferPointer(start: code, count: count) }
    }

    /// The instructions in memory of their own (an array's buffer has no address outside a
    /// closure); immutable once made, so shared freely across threads.
    private final class ProgramStorage: Sendable {
        nonisolated(unsafe) let code: UnsafeMutablePointer<Instruction>
        let count: Int

        init(_ instructions: [Instruction]) {
            count = instructions.count
            code = .allocate(capacity: Swift.max(1, count))
            code.initialize(from: instructions, count: count)
        }

        deinit {
            code.deinitialize(count: count)
            code.deallocate()
        }
    }

    var description: String { source }

    /// This expression times `factor` (a limit with headroom). `source` and `syntax` stay the
    /// text as written, which reports show beside the factor.
    func scaled(by factor: Double) -> CompiledExpression {
        CompiledExpression(
            source: source, syntax: syntax, type: type, code: code + [.constant(factor), .multiply],
            stackSize: max(stackSize, 2))
    }

    /// Evaluates against slot values (indices as resolved at compile time).
    /// - Complexity: O(*k*) in the number of instructions.
    func evaluate(_ slots: UnsafeBufferPointer<Double>) -> Double {
        Self.run(code, stackSize: stackSize, slots: slots)
    }

    private static func run(_ code: [Instruction], stackSize: Int, slots: UnsafeBufferPointer<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(stackSize, 1)) { stack in
            var top = -1
            for instruction in code {
                switch instruction {
                case .constant(let value):
                    top += 1
                    stack[top] = value
                case .load(let slot):
                    top += 1
                    stack[top] = slot < slots.count ? slots[slot] : .nan
                case .negate: stack[top] = -stack[top]
                case .not: stack[top] = stack[top] == 0 ? 1 : 0
                case .call(let function, let count):
                    top -= count - 1
                    stack[top] = apply(function, UnsafeBufferPointer(rebasing: stack[top..<(top + count)]))
                default:
                    let rhs = stack[top]
                    top -= 1
                    stack[top] = apply(instruction, stack[top], rhs)
                }
            }
            return top == 0 ? stack[0] : .nan
        }
    }

    /// Evaluates against an array of slot values.
    func evaluate(_ slots: [Double]) -> Double {
        slots.withUnsafeBufferPointer { evaluate($0) }
    }

    @inline(__always)
    static func apply(_ instruction: Instruction, _ a: Double, _ b: Double) -> Double {
        switch instruction {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: Math.power(a, b)
        case .less: a < b ? 1 : 0
        case .lessEqual: a <= b ? 1 : 0
        case .greater: a > b ? 1 : 0
        case .greaterEqual: a >= b ? 1 : 0
        case .equal: a == b ? 1 : 0
        case .notEqual: a != b ? 1 : 0
        case .and: a != 0 && b != 0 ? 1 : 0
        case .or: a != 0 || b != 0 ? 1 : 0
        default: .nan
        }
    }

    static func apply(_ function: Function, _ arguments: UnsafeBufferPointer<Double>) -> Double {
        // The indices below cannot trap: a `.call` instruction is emitted only for a call the
        // parser accepted, and the parser enforces `Function.arity` (at least 1 argument;
        // exactly 3 for clamp and if).
        switch function {
        case .min: arguments.dropFirst().reduce(arguments[0]) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
        case .max: arguments.dropFirst().reduce(arguments[0]) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
        case .abs: Swift.abs(arguments[0])
        case .ceil: Math.roundedUp(arguments[0])
        case .floor: Math.roundedDown(arguments[0])
        case .round: arguments[0].rounded(.toNearestOrAwayFromZero)
        case .log: Math.naturalLog(arguments[0])
        case .exp: Math.exponential(arguments[0])
        case .sqrt: arguments[0].squareRoot()
        case .sin: Math.sine(arguments[0])
        case .cos: Math.cosine(arguments[0])
        case .clamp:
            arguments[0].isNaN || arguments[1].isNaN || arguments[2].isNaN
                ? .nan : Swift.min(Swift.max(arguments[0], arguments[1]), arguments[2])
        case .if: arguments[0] != 0 ? arguments[1] : arguments[2]
        }
    }
}
