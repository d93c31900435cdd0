/// What a capacity limit means: the one definition of "this tier carries this load", used by the
/// month step, `capacity`, `diff` and `check`.
///
/// A tier carries a load when every one of its limits holds: metric ≤ limit. A limit can only be
/// checked when it is a positive number; a limit that evaluates to NaN, zero or less is an
/// invalid value of the model (reported as such), and a tier whose limit cannot be checked is not
/// trusted to carry the load. A NaN metric fails its limit.
enum LimitRule {
    /// Whether a limit's value can be checked against.
    @inline(__always)
    static func isValid(_ limit: Double) -> Bool { limit > 0 }

    /// Whether `value` is within `limit`.
    @inline(__always)
    static func holds(value: Double, limit: Double) -> Bool { limit > 0 && value <= limit }

    /// `value / limit`; NaN when the limit is invalid or the value NaN.
    @inline(__always)
    static func utilization(value: Double, limit: Double) -> Double { limit > 0 ? value / limit : .nan }

    /// Whether `candidate` beats `current` as the bottleneck: a higher utilisation, or the first
    /// NaN (a broken metric or limit is shown, not hidden). Ties keep the limit declared first.
    @inline(__always)
    static func isWorse(_ candidate: Double, than current: Double) -> Bool {
        candidate > current || (candidate.isNaN && !current.isNaN)
    }
}
