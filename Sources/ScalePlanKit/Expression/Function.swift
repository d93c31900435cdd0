/// The built-in functions. All are total on doubles: none can trap, whatever the input
/// (`log(0)` is -inf, `sqrt(-1)` is NaN, as IEEE 754 defines).
enum Function: String, Sendable, CaseIterable {
    case min, max, abs, ceil, floor, round, log, exp, sqrt, sin, cos, clamp
    case `if`

    /// Allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: 1...64
        case .abs, .ceil, .floor, .round, .log, .exp, .sqrt, .sin, .cos: 1...1
        case .clamp, .if: 3...3
        }
    }

    /// How the function is called, for messages.
    var signature: String {
        switch self {
        case .min, .max: "\(rawValue)(a, b, …)"
        case .clamp: "clamp(x, low, high)"
        case .if: "if(condition, then, else)"
        default: "\(rawValue)(x)"
        }
    }
}
