/// The distributions of uncertain inputs, as functions of uniform draws in [0, 1): the one
/// definition both params and ranged cost items are sampled by.
///
/// - uniform on [low, high]: low + u·(high − low);
/// - triangular(low, mode, high), by inverse transform: F⁻¹(u) = low + √(u·(high−low)·(mode−low))
///   for u < (mode−low)/(high−low), else high − √((1−u)·(high−low)·(high−mode)); its mean is
///   (low + mode + high)/3;
/// - lognormal with low and high its 10th and 90th percentiles: μ = ln√(low·high),
///   σ = ln(high/low) / (2·1.2815515655446004) (z₀.₉ = 1.28155…), a standard normal from
///   Box–Muller of two uniforms.
///
/// Source: the inverse-transform method and the Box–Muller transform as in L. Devroye,
/// *Non-Uniform Random Variate Generation* (1986), §II.2 and §V.4.
enum Draw {
    @inline(__always)
    static func uniform(_ u: Double, low: Double, high: Double) -> Double {
        low + u * (high - low)
    }

    /// The mode of a range as the distributions use it: clamped into [low, high] (a mode outside
    /// is possible when they are expressions). The deterministic run takes this too, so its value
    /// always lies in the Monte Carlo distribution.
    @inline(__always)
    static func mode(_ mode: Double, low: Double, high: Double) -> Double {
        high >= low ? Swift.min(Swift.max(mode, low), high) : low  // inverted: `low`, as drawn
    }

    /// An empty or inverted range gives `low`.
    @inline(__always)
    static func triangular(_ u: Double, low: Double, mode: Double, high: Double) -> Double {
        let width = high - low
        guard width > 0 else { return low }
        let peak = Self.mode(mode, low: low, high: high)
        return u < (peak - low) / width
            ? low + (u * width * (peak - low)).squareRoot()
            : high - ((1 - u) * width * (high - peak)).squareRoot()
    }

    /// - Parameters: u1 in (0, 1), u2 in [0, 1).
    @inline(__always)
    static func lognormal(_ u1: Double, _ u2: Double, p10 low: Double, p90 high: Double) -> Double {
        let mu = Math.naturalLog((low * high).squareRoot())
        let sigma = Math.naturalLog(high / low) / (2 * 1.2815515655446004)
        let normal = (-2 * Math.naturalLog(u1)).squareRoot() * Math.cosine(2 * Double.pi * u2)
        return Math.exponential(mu + sigma * normal)
    }
}
