/// Student's t distribution: the quantile that turns a standard error into an interval with n − p
/// degrees of freedom, as `nls`'s `confint.default` and every regression table do.
///
/// The CDF is the regularised incomplete beta function, F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for
/// t ≥ 0 (Abramowitz & Stegun 26.7.1 with 26.5.27), evaluated by its continued fraction with the
/// modified Lentz method (Press et al., *Numerical Recipes*, 3rd ed., §6.4); the quantile is
/// found by bisection on the CDF, which is monotone, to full double precision.
enum StudentT {
    /// The `probability` quantile for `degreesOfFreedom` ≥ 1 (probability in (0, 1)).
    static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        guard probability > 0, probability < 1, degreesOfFreedom > 0 else { return .nan }
        if probability < 0.5 { return -quantile(1 - probability, degreesOfFreedom: degreesOfFreedom) }
        if probability == 0.5 { return 0 }
        var low = 0.0, high = 1.0
        while cdf(high, degreesOfFreedom: degreesOfFreedom) < probability { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if cdf(middle, degreesOfFreedom: degreesOfFreedom) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(T ≤ t).
    static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// I_x(a, b).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            Math.logGamma(a + b) - Math.logGamma(a) - Math.logGamma(b) + a * Math.naturalLog(x) + b
            * Math.naturalLog(1 - x)
        let front = Math.exponential(logFront)
        // The continued fraction converges fast for x < (a + 1)/(a + b + 2); use the symmetry
        // I_x(a, b) = 1 − I_{1−x}(b, a) otherwise.
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return result
    }
}
