/// The M/M/c queue: Poisson arrivals at rate λ, exponential service at rate μ per server,
/// c identical servers, first come first served.
///
/// Erlang C (the probability an arrival waits) is computed through the Erlang B recursion,
/// which never forms the factorials or powers of the textbook formula and so neither overflows
/// nor loses precision for large c:
///
///     B(0, a) = 1,  B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a))          (offered load a = λ/μ)
///     C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a)))                      (valid for a < c)
///
/// The waiting time W is 0 with probability 1 − C and otherwise exponential with rate
/// θ = cμ − λ; the response time is T = W + S with S ~ Exp(μ). Hence
///
///     P(T > t) = (1 − C)·e^(−μt) + C·(μ·e^(−θt) − θ·e^(−μt)) / (μ − θ)     (θ ≠ μ)
///     P(T > t) = (1 − C)·e^(−μt) + C·(1 + μt)·e^(−μt)                      (θ = μ)
///
/// and the p95 response time is the t with P(T > t) = 0.05, found by bisection.
///
/// Sources: L. Kleinrock, *Queueing Systems, Vol. 1* (1975), §3.5; the Erlang B recursion as in
/// D. Gross et al., *Fundamentals of Queueing Theory*, 4th ed. (2008), §2.3 and 2.5; the sum of
/// two exponentials (hypoexponential distribution) from any probability text.
public enum Queueing {
    /// Erlang B: the blocking probability of an M/M/c/c system with offered load `a`.
    /// - Complexity: O(*c*).
    public static func erlangB(servers c: Int, load a: Double) -> Double {
        guard c >= 0, a >= 0 else { return .nan }
        var b = 1.0
        if c == 0 { return b }
        for k in 1...c {
            b = a * b / (Double(k) + a * b)
            // B falls as servers are added, so once it is negligible the rest of the recursion can
            // only make it smaller: thousands of idle servers cost a few hundred steps, not c.
            if b < 1e-20 { return 0 }
        }
        return b
    }

    /// Erlang C: the probability that an arrival must wait, for `c` servers and offered load
    /// `a = λ/μ`. 1 when the queue is unstable (a ≥ c).
    public static func erlangC(servers c: Int, load a: Double) -> Double {
        guard c >= 1, a >= 0, a.isFinite else { return .nan }
        if a >= Double(c) { return 1 }
        let b = erlangB(servers: c, load: a)
        return Double(c) * b / (Double(c) - a * (1 - b))
    }

    /// Steady-state figures of an M/M/c queue.
    public struct Result: Sendable, Equatable {
        /// ρ = λ / (cμ); ≥ 1 means the queue grows without bound.
        public var utilization: Double
        /// Erlang C.
        public var probabilityOfWaiting: Double
        /// Mean wait in queue, in the time unit of the inputs; infinity when unstable.
        public var meanWait: Double
        /// Mean response time (wait + service); infinity when unstable.
        public var meanResponse: Double
        /// 95th percentile of the response time; infinity when unstable.
        public var p95Response: Double

        public var isStable: Bool { utilization < 1 }
    }

    /// Analyses an M/M/c queue.
    /// - Parameters:
    ///   - arrivalRate: λ, arrivals per time unit.
    ///   - serviceTime: mean service time 1/μ, in the same time unit.
    ///   - servers: c (rounded down; at least 1).
    public static func analyze(arrivalRate lambda: Double, serviceTime: Double, servers: Double) -> Result {
        let c = servers.isFinite && servers >= 1 ? Int(Swift.min(servers, 1e6)) : 1
        guard lambda.isFinite, serviceTime.isFinite, lambda >= 0, serviceTime > 0 else {
            return Result(utilization: .nan, probabilityOfWaiting: .nan, meanWait: .nan, meanResponse: .nan,
                p95Response: .nan)
        }
        let mu = 1 / serviceTime
        let a = lambda / mu
        let rho = a / Double(c)
        if lambda == 0 {
            return Result(utilization: 0, probabilityOfWaiting: 0, meanWait: 0, meanResponse: serviceTime,
                p95Response: percentile(0.95, waiting: 0, mu: mu, theta: mu * Double(c)))
        }
        guard rho < 1 else {
            return Result(utilization: rho, probabilityOfWaiting: 1, meanWait: .infinity, meanResponse: .infinity,
                p95Response: .infinity)
        }
        let pWait = erlangC(servers: c, load: a)
        let theta = Double(c) * mu - lambda
        let meanWait = pWait / theta
        return Result(utilization: rho, probabilityOfWaiting: pWait, meanWait: meanWait,
            meanResponse: meanWait + serviceTime, p95Response: percentile(0.95, waiting: pWait, mu: mu, theta: theta))
    }

    /// P(T > t) for the response time described above.
    static func survival(_ t: Double, waiting pWait: Double, mu: Double, theta: Double) -> Double {
        let service = decay(mu * t)
        let queued: Double
        if Swift.abs(mu - theta) < 1e-12 * Swift.max(mu, theta) {
            queued = (1 + mu * t) * service
        } else {
            queued = (mu * decay(theta * t) - theta * service) / (mu - theta)
        }
        return (1 - pWait) * service + pWait * queued
    }

    /// d/dt P(T > t) (minus the density of T).
    static func survivalSlope(_ t: Double, waiting pWait: Double, mu: Double, theta: Double) -> Double {
        let service = decay(mu * t)
        let queued: Double
        if Swift.abs(mu - theta) < 1e-12 * Swift.max(mu, theta) {
            queued = -mu * mu * t * service
        } else {
            queued = mu * theta * (service - decay(theta * t)) / (mu - theta)
        }
        return -(1 - pWait) * mu * service + pWait * queued
    }

    /// e^(−x), 0 where it would underflow (libm's underflow path is slow and sets errno).
    @inline(__always)
    static func decay(_ x: Double) -> Double { x > 700 ? 0 : Math.exponential(-x) }

    /// The `q` quantile of the response time: Newton's method on the decreasing survival
    /// function, kept inside a bracket that bisection shrinks whenever a Newton step leaves it.
    /// It starts from the larger of the service-time and the waiting-time quantiles, which is
    /// close to the answer in both the lightly and the heavily loaded case, so it converges in a
    /// few steps (each costing two exponentials).
    static func percentile(_ q: Double, waiting pWait: Double, mu: Double, theta: Double) -> Double {
        let target = 1 - q
        let serviceQuantile = Math.naturalLog(1 / target) / mu
        let waitQuantile = pWait > target ? Math.naturalLog(pWait / target) / theta : 0
        var t = Swift.max(serviceQuantile, waitQuantile)
        var low = 0.0
        var high = Double.infinity
        let equal = Swift.abs(mu - theta) < 1e-12 * Swift.max(mu, theta)
        for _ in 0..<100 {
            let service = decay(mu * t)
            let waiting = equal ? 0 : decay(theta * t)
            let queued = equal ? (1 + mu * t) * service : (mu * waiting - theta * service) / (mu - theta)
            let value = (1 - pWait) * service + pWait * queued - target
            if value == 0 { return t }
            if value > 0 { low = t } else { high = t }
            let queuedSlope = equal ? -mu * mu * t * service : mu * theta * (service - waiting) / (mu - theta)
            let slope = -(1 - pWait) * mu * service + pWait * queuedSlope
            var next = slope < 0 ? t - value / slope : .nan
            // Converged (checked before the bracket, which the last step may touch).
            if Swift.abs(next - t) <= 1e-10 * t { return next }
            if !(next > low && next < high) { next = high.isFinite ? (low + high) / 2 : 2 * t }
            t = next
        }
        return t
    }
}
