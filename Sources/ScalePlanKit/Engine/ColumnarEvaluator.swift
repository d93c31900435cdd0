/// Evaluates compiled expressions over a block of trials at once (struct of arrays).
///
/// Slots are laid out slot-major: the values of slot `s` for the block's trials are
/// `slots[s·width ..< s·width + count]`. Each instruction runs as one tight loop over the
/// column, so the per-instruction dispatch of the scalar evaluator is paid once per block, not
/// once per trial; a `load` pushes a pointer to the slot's column without copying it. All memory
/// is allocated when the evaluator is made: evaluation allocates nothing.
final class ColumnarEvaluator {
    let width: Int
    private let depth: Int
    private let scratch: UnsafeMutablePointer<Double>
    private let stack: UnsafeMutablePointer<UnsafePointer<Double>>

    /// - Parameters:
    ///   - width: the block size (trials per column).
    ///   - maximumStack: the deepest stack of any expression to be evaluated.
    init(width: Int, maximumStack: Int) {
        self.width = width
        depth = Swift.max(maximumStack, 1)
        scratch = .allocate(capacity: depth * width)
        scratch.initialize(repeating: 0, count: depth * width)
        stack = .allocate(capacity: depth)
        stack.initialize(repeating: UnsafePointer(scratch), count: depth)
    }

    deinit {
        scratch.deallocate()
        stack.deallocate()
    }

    /// Evaluates `expression` for the first `count` trials into `output`.
    ///
    /// A literal is kept as a scalar on the stack and broadcast by the operation that uses it
    /// (`users * 0.01` multiplies the column by 0.01), so constants cost no column writes.
    /// - Complexity: O(instructions × count).
    @inline(__always)
    func evaluate(
        _ expression: CompiledExpression, slots: UnsafePointer<Double>, count: Int,
        into output: UnsafeMutablePointer<Double>
    ) {
        evaluate(expression.program, slots: slots, count: count, into: output)
    }

    /// Evaluates a program (see `CompiledExpression.program`) for the first `count` trials into
    /// `output`.
    func evaluate(
        _ expression: CompiledExpression.Program, slots: UnsafePointer<Double>, count: Int,
        into output: UnsafeMutablePointer<Double>
    ) {
        if let constant = expression.constantValue {
            output.update(repeating: constant, count: count)
            return
        }
        var top = -1
        // isScalar[d]: the entry at depth d is the scalar constants[d], not a column.
        var isScalar = 0 as UInt64
        var constants = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        func setConstant(_ depth: Int, _ value: Double) {
            withUnsafeMutableBytes(of: &constants) { $0.storeBytes(of: value, toByteOffset: depth * 8, as: Double.self) }
        }
        func constant(_ depth: Int) -> Double {
            withUnsafeBytes(of: constants) { $0.load(fromByteOffset: depth * 8, as: Double.self) }
        }
        func scalar(_ depth: Int) -> Bool { depth < 8 && isScalar & (1 << UInt64(depth)) != 0 }
        /// Turns a scalar entry into a column (for operations without a broadcast form).
        func materialize(_ depth: Int) {
            guard scalar(depth) else { return }
            let column = scratch + depth * width
            column.update(repeating: constant(depth), count: count)
            stack[depth] = UnsafePointer(column)
            isScalar &= ~(1 << UInt64(depth))
        }
        let instructions = expression.instructions
        for (position, instruction) in instructions.enumerated() {
            switch instruction {
            case .constant(let value):
                top += 1
                if top < 8 {
                    setConstant(top, value)
                    isScalar |= 1 << UInt64(top)
                } else {
                    let column = scratch + top * width
                    column.update(repeating: value, count: count)
                    stack[top] = UnsafePointer(column)
                }
            case .load(let slot):
                top += 1
                if top < 8 { isScalar &= ~(1 << UInt64(top)) }
                stack[top] = slots + slot * width
            case .negate:
                materialize(top)
                let input = stack[top], column = scratch + top * width
                for t in 0..<count { column[t] = -input[t] }
                stack[top] = UnsafePointer(column)
            case .not:
                materialize(top)
                let input = stack[top], column = scratch + top * width
                for t in 0..<count { column[t] = input[t] == 0 ? 1 : 0 }
                stack[top] = UnsafePointer(column)
            case .call(let function, let arity):
                top -= arity - 1
                for depth in top..<(top + arity) { materialize(depth) }
                callColumns(function, arity: arity, base: top, count: count)
            default:
                top -= 1
                // The last operation writes the result where it is wanted, not into scratch to be
                // copied: safe for these element-wise loops even when `output` is an operand.
                let out = position == instructions.count - 1 ? output : scratch + top * width
                switch (scalar(top), scalar(top + 1)) {
                case (false, false):
                    binary(instruction, lhs: stack[top], rhs: stack[top + 1], into: out, count: count)
                case (false, true):
                    binary(instruction, lhs: stack[top], scalar: constant(top + 1), into: out, count: count)
                case (true, false):
                    materialize(top)
                    binary(instruction, lhs: stack[top], rhs: stack[top + 1], into: out, count: count)
                case (true, true):
                    setConstant(top, CompiledExpression.apply(instruction, constant(top), constant(top + 1)))
                    continue
                }
                if top < 8 { isScalar &= ~(1 << UInt64(top)) }
                stack[top] = UnsafePointer(out)
            }
        }
        if scalar(0) {
            output.update(repeating: constant(0), count: count)
            return
        }
        let result = stack[0]
        if result != UnsafePointer(output) { output.update(from: result, count: count) }
    }

    /// `column op scalar`, the common shape `users * 0.01`, `x > 500`.
    private func binary(
        _ instruction: Instruction, lhs a: UnsafePointer<Double>, scalar b: Double,
        into c: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch instruction {
        case .add: for t in 0..<count { c[t] = a[t] + b }
        case .subtract: for t in 0..<count { c[t] = a[t] - b }
        case .multiply: for t in 0..<count { c[t] = a[t] * b }
        case .divide: for t in 0..<count { c[t] = a[t] / b }
        case .less: for t in 0..<count { c[t] = a[t] < b ? 1 : 0 }
        case .lessEqual: for t in 0..<count { c[t] = a[t] <= b ? 1 : 0 }
        case .greater: for t in 0..<count { c[t] = a[t] > b ? 1 : 0 }
        case .greaterEqual: for t in 0..<count { c[t] = a[t] >= b ? 1 : 0 }
        default: for t in 0..<count { c[t] = CompiledExpression.apply(instruction, a[t], b) }
        }
    }

    private func binary(
        _ instruction: Instruction, lhs a: UnsafePointer<Double>, rhs b: UnsafePointer<Double>,
        into c: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch instruction {
        case .add: for t in 0..<count { c[t] = a[t] + b[t] }
        case .subtract: for t in 0..<count { c[t] = a[t] - b[t] }
        case .multiply: for t in 0..<count { c[t] = a[t] * b[t] }
        case .divide: for t in 0..<count { c[t] = a[t] / b[t] }
        case .power: for t in 0..<count { c[t] = Math.power(a[t], b[t]) }
        case .less: for t in 0..<count { c[t] = a[t] < b[t] ? 1 : 0 }
        case .lessEqual: for t in 0..<count { c[t] = a[t] <= b[t] ? 1 : 0 }
        case .greater: for t in 0..<count { c[t] = a[t] > b[t] ? 1 : 0 }
        case .greaterEqual: for t in 0..<count { c[t] = a[t] >= b[t] ? 1 : 0 }
        case .equal: for t in 0..<count { c[t] = a[t] == b[t] ? 1 : 0 }
        case .notEqual: for t in 0..<count { c[t] = a[t] != b[t] ? 1 : 0 }
        case .and: for t in 0..<count { c[t] = a[t] != 0 && b[t] != 0 ? 1 : 0 }
        case .or: for t in 0..<count { c[t] = a[t] != 0 || b[t] != 0 ? 1 : 0 }
        default: for t in 0..<count { c[t] = .nan }
        }
    }

    /// `stack[base + 1]` and `stack[base + 2]` exist for clamp and if: the parser admits them
    /// with exactly three arguments (`Function.arity`), and the stack is as deep as the deepest
    /// expression's `stackSize`.
    private func callColumns(_ function: Function, arity: Int, base: Int, count: Int) {
        let out = scratch + base * width
        let x = stack[base]
        switch function {
        case .min, .max:
            let isMin = function == .min
            for t in 0..<count { out[t] = x[t] }
            for argument in 1..<Swift.max(arity, 1) {
                let y = stack[base + argument]
                for t in 0..<count {
                    let a = out[t], b = y[t]
                    out[t] = a.isNaN || b.isNaN ? .nan : (isMin ? Swift.min(a, b) : Swift.max(a, b))
                }
            }
        case .abs: for t in 0..<count { out[t] = Swift.abs(x[t]) }
        case .ceil: for t in 0..<count { out[t] = Math.roundedUp(x[t]) }
        case .floor: for t in 0..<count { out[t] = Math.roundedDown(x[t]) }
        case .round: for t in 0..<count { out[t] = x[t].rounded(.toNearestOrAwayFromZero) }
        case .log: for t in 0..<count { out[t] = Math.naturalLog(x[t]) }
        case .exp: for t in 0..<count { out[t] = Math.exponential(x[t]) }
        case .sqrt: for t in 0..<count { out[t] = x[t].squareRoot() }
        case .sin: for t in 0..<count { out[t] = Math.sine(x[t]) }
        case .cos: for t in 0..<count { out[t] = Math.cosine(x[t]) }
        case .clamp:
            let low = stack[base + 1], high = stack[base + 2]
            for t in 0..<count {
                let v = x[t], l = low[t], h = high[t]
                out[t] = v.isNaN || l.isNaN || h.isNaN ? .nan : Swift.min(Swift.max(v, l), h)
            }
        case .if:
            let yes = stack[base + 1], no = stack[base + 2]
            for t in 0..<count { out[t] = x[t] != 0 ? yes[t] : no[t] }
        }
        stack[base] = UnsafePointer(out)
    }
}
