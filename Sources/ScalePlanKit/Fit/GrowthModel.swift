/// A growth kind as a least-squares model: its internal parameters θ (unconstrained, so the
/// solver needs no bounds), the curve on the scale it is fitted on, and the way back to the
/// profile's parameters.
///
/// The multiplicative kinds (exponential, logistic, Gompertz) are fitted to ln(value): sign-ups
/// grow by percentages, their noise scales with their size, and a log residual of 0.1 means
/// "10% off" whether the month had 50 or 50,000. Linear growth adds a fixed step, so its
/// residuals are on the value itself.
struct GrowthModel {
    let kind: GrowthKind

    init?(_ kind: GrowthKind) {
        guard GrowthFit.fittableKinds.contains(kind) else { return nil }
        self.kind = kind
    }

    /// Whether the fit is on ln(value).
    var logScale: Bool { kind != .linear }

    var parameterCount: Int { kind.parameters.count }

    /// The curve at month `t` on the fitting scale, with ∂/∂θ in `gradient`.
    /// - exponential: θ = (ln start, ln(1 + rate)); ln y = θ₀ + θ₁·t.
    /// - linear: θ = (start, step); y = θ₀ + θ₁·t.
    /// - logistic: θ = (ln start, ln cap, ln rate); ln y = ln cap − ln(1 + (cap/start − 1)·e^(−rate·t)).
    /// - Gompertz: θ = (ln start, ln cap, ln rate); ln y = ln cap + (ln start − ln cap)·e^(−rate·t).
    @inline(__always)
    func evaluate(_ theta: [Double], at t: Double, gradient: inout [Double]) -> Double {
        switch kind {
        case .exponential, .linear:
            gradient[0] = 1
            gradient[1] = t
            return theta[0] + theta[1] * t
        case .logistic:
            let ratio = Math.exponential(theta[1] - theta[0])  // cap / start
            let rate = Math.exponential(theta[2])
            let decay = Math.exponential(-rate * t)
            let denominator = 1 + (ratio - 1) * decay
            gradient[0] = ratio * decay / denominator
            gradient[1] = 1 - ratio * decay / denominator
            gradient[2] = (ratio - 1) * rate * t * decay / denominator
            return theta[1] - Math.naturalLog(denominator)
        case .gompertz:
            let rate = Math.exponential(theta[2])
            let decay = Math.exponential(-rate * t)
            gradient[0] = decay
            gradient[1] = 1 - decay
            gradient[2] = -(theta[0] - theta[1]) * rate * t * decay
            return theta[1] + (theta[0] - theta[1]) * decay
        default:
            return .nan
        }
    }

    /// A value on the fitting scale back to the value's own scale (a linear curve never goes
    /// below zero, as `GrowthCurve.linear` does not).
    func value(fromScale y: Double) -> Double { logScale ? Math.exponential(y) : Swift.max(0, y) }

    func scale(_ value: Double) -> Double { logScale ? Math.naturalLog(value) : value }

    /// The profile's parameter `index` from an internal value (monotone increasing, so an
    /// interval maps to an interval).
    func natural(_ index: Int, _ internalValue: Double) -> Double {
        switch (kind, index) {
        case (.linear, _): internalValue
        case (.exponential, 1): Math.exponential(internalValue) - 1
        default: Math.exponential(internalValue)
        }
    }

    /// Whether the profile's parameter `index` is positive by construction (fitted as a log),
    /// so its interval is multiplicative and it is sampled as a lognormal.
    func isPositive(_ index: Int) -> Bool { kind != .linear && !(kind == .exponential && index == 1) }

    func curve(_ theta: [Double]) -> GrowthCurve? {
        kind.curve(theta.indices.map { natural($0, theta[$0]) })
    }

    /// Starting points for the solver from the history: for the S-curves several, a cap at
    /// 1.5, 3 and 10 times the largest value (the solve keeps the best); the straight-line
    /// kinds converge from one.
    func starts(_ months: [Double], _ values: [Double]) -> [[Double]] {
        let n = values.count
        let t0 = months[0], t1 = months[n - 1]
        let span = Swift.max(t1 - t0, 1)
        let logSlope = (Math.naturalLog(values[n - 1]) - Math.naturalLog(values[0])) / span
        switch kind {
        case .exponential:
            return [[Math.naturalLog(values[0]) - logSlope * t0, logSlope]]
        case .linear:
            let slope = (values[n - 1] - values[0]) / span
            return [[values[0] - slope * t0, slope]]
        default:
            let largest = values.max() ?? 1
            let early = Swift.max(logSlope, 0.01)
            return [1.5, 3, 10].map { multiple in
                [Math.naturalLog(values[0]) - early * t0, Math.naturalLog(largest * multiple), Math.naturalLog(early * 1.5)]
            }
        }
    }
}
