/// A growth curve with every parameter fixed: the driver's value at each month.
///
/// Month 0 is the first month of the projection. The closed forms:
/// - exponential: `start · (1 + rate)^t`
/// - linear: `start + step · t` (never below 0)
/// - logistic: `cap / (1 + ((cap − start) / start) · e^(−rate·t))`, the S-curve through `start`
///   at t = 0 that approaches `cap` (Verhulst, 1838)
/// - gompertz: `cap · e^(ln(start / cap) · e^(−rate·t))`, the S-curve through `start` at t = 0
///   whose growth slows earlier and longer than the logistic's (Gompertz, 1825; the form of
///   Winsor, "The Gompertz curve as a growth curve", PNAS 18, 1932)
/// - points: geometric interpolation between consecutive points,
///   `v₀ · (v₁ / v₀)^((t − m₀) / (m₁ − m₀))`, i.e. a constant monthly growth rate between
///   milestones (linear where an end is zero); flat before the first point and after the last
/// - constant: `value`
public enum GrowthCurve: Sendable, Equatable {
    case exponential(start: Double, rate: Double)
    case linear(start: Double, step: Double)
    case logistic(start: Double, cap: Double, rate: Double)
    case gompertz(start: Double, cap: Double, rate: Double)
    case points([GrowthPoint])
    case constant(Double)

    /// The driver's value at month `t` (which may be fractional).
    /// - Complexity: O(log *n*) for *n* points, O(1) otherwise.
    public func value(at t: Double) -> Double {
        switch self {
        case .exponential(let start, let rate):
            return start * Math.power(1 + rate, t)
        case .linear(let start, let step):
            return Swift.max(0, start + step * t)
        case .logistic(let start, let cap, let rate):
            return cap / (1 + ((cap - start) / start) * Math.exponential(-rate * t))
        case .gompertz(let start, let cap, let rate):
            return cap * Math.exponential(Math.naturalLog(start / cap) * Math.exponential(-rate * t))
        case .constant(let value):
            return value
        case .points(let points):
            guard let first = points.first, let last = points.last else { return 0 }
            if t <= first.month { return first.value }
            if t >= last.month { return last.value }
            // Binary search for the segment containing t.
            var low = 0, high = points.count - 1
            while high - low > 1 {
                let middle = (low + high) / 2
                if points[middle].month <= t { low = middle } else { high = middle }
            }
            let a = points[low], b = points[high]
            let fraction = (t - a.month) / (b.month - a.month)
            // Geometric needs both ends positive; from or to zero (observed data) it is linear.
            if a.value <= 0 || b.value <= 0 { return a.value + (b.value - a.value) * fraction }
            return a.value * Math.power(b.value / a.value, fraction)
        }
    }

    /// A short description: `exponential start=500 rate=0.15`.
    public var summary: String {
        let p = NumberFormatting.plain
        switch self {
        case .exponential(let start, let rate): return "exponential start=\(p(start)) rate=\(p(rate))"
        case .linear(let start, let step): return "linear start=\(p(start)) step=\(p(step))"
        case .logistic(let start, let cap, let rate): return "logistic start=\(p(start)) cap=\(p(cap)) rate=\(p(rate))"
        case .gompertz(let start, let cap, let rate): return "gompertz start=\(p(start)) cap=\(p(cap)) rate=\(p(rate))"
        case .constant(let value): return "constant value=\(p(value))"
        case .points(let points): return "points " + points.map { "\(p($0.month)):\(p($0.value))" }.joined(separator: ",")
        }
    }
}

/// A (month, value) milestone of a `points` curve.
public struct GrowthPoint: Sendable, Equatable {
    public var month: Double
    public var value: Double

    public init(month: Double, value: Double) {
        self.month = month
        self.value = value
    }
}
