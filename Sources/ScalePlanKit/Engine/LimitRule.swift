/// What a capacity limit means: the one definition of "this tier carries this load", used by the
/// month step, `capacity`, `diff` and `check`.
///
/// A tier carries a load when every one of its limits holds: metric ≤ limit. A limit can only be
/// checked when it is a positive number; a limit that evaluates to NaN, zero or less is an
/// invalid value of the model (reported as such), and a tier whose limit cannot be checked is not
/// trusted to carry the load. A NaN metric fails its limit.
enum LimitRule {
    /// Relative floating-point noise a comparison at a limit forgives: `100 * (1 + 0.15)` is
    /// 114.99999999999999, and 115 still fits it. Far below any real measurement's precision.
    static let tolerance = 1e-9

    /// Whether a limit's value can be checked against.
    @inline(__always)
    static func isValid(_ limit: Double) -> Bool { limit > 0 }

    /// Whether `value` is within `limit`, forgiving `tolerance` of it.
    @inline(__always)
    static func holds(value: Double, limit: Double) -> Bool { (limit > 0).and(value <= limit * (1 + tolerance)) }

    /// `value / limit`; NaN when the limit is invalid or the value NaN.
    /// `holds` for a column of values against one limit (a constant), OR-ing 1 into `failed`
    /// where it does not hold: the comparison `holds` makes, with its bound worked out once.
    @inline(__always)
    static func markFailures(
        _ values: UnsafePointer<Double>, limit: Double, count: Int, into failed: UnsafeMutablePointer<UInt8>
    ) {
        guard isValid(limit) else {
            for trial in 0..<count { failed[trial] = 1 }
            return
        }
        let bound = limit * (1 + tolerance)
        for trial in 0..<count { failed[trial] |= values[trial] <= bound ? 0 : 1 }
    }

    @inline(__always)
    static func utilization(value: Double, limit: Double) -> Double { limit > 0 ? value / limit : .nan }

    /// Limit indices in the order the bottleneck is chosen: primary ones first, then the rest,
    /// each in declaration order.
    static func bottleneckOrder(primary: [Bool]) -> [Int] {
        primary.indices.filter { primary[$0] } + primary.indices.filter { !primary[$0] }
    }

    /// Whether `candidate` beats `current` as the bottleneck: a utilisation higher by more than
    /// `tolerance` (relative), or the first NaN (a broken metric or limit is shown, not hidden).
    /// Ties — also ties within rounding noise, as between proportional limits — keep the limit
    /// seen first: the primary one, else the one declared first.
    @inline(__always)
    static func isWorse(_ candidate: Double, than current: Double) -> Bool {
        candidate > current + Swift.abs(current) * tolerance || (candidate.isNaN && !current.isNaN)
    }
}
