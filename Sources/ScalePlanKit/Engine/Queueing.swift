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
        if c == 0 { return 1 }
        if a == 0 { return 0 }
        // B = P(X = c) / P(X ≤ c) for X ~ Poisson(a). With c ≥ a, P(X ≤ c) ≥ 1/2 and the Chernoff
        // bound gives P(X = c) ≤ e^(c − a − c·ln(c/a)); when that already makes B < 1e-20, it is 0
        // for every purpose here, and the O(c) recursion is skipped (many idle servers).
        let servers = Double(c)
        if servers > a, Math.naturalLog(2) + servers - a - servers * Math.naturalLog(servers / a) < -46 { return 0 }
        // The same recursion on r = 1/B, which needs no division: r(k) = 1 + r(k−1)·k/a.
        // 1/B grows as servers are added, so once it is astronomically large the rest of the
        // recursion can only make it larger: thousands of idle servers cost a few hundred steps.
        let inverse = 1 / a
        var r = 1.0
        for k in 1...c {
            r = 1 + r * Double(k) * inverse
            if r > 1e20 { return 0 }
        }
        return 1 / r
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
    /// Each step costs two exponentials.
    static func percentile(_ q: Double, waiting pWait: Double, mu: Double, theta: Double) -> Double {
        let target = 1 - q
        let equal = Swift.abs(mu - theta) < 1e-12 * Swift.max(mu, theta)
        // Start from the tail's asymptote S(t) ≈ K·e^(−r·t), r = min(μ, θ): usually a step or two
        // from the answer (and exact for M/M/1 and for an idle queue).
        let logTarget = q == 0.95 ? 2.995732273553991 : Math.naturalLog(1 / target)  // ln 20 for the p95
        var t = logTarget / mu
        if equal {
            t = (logTarget + Math.naturalLog(1 + pWait * logTarget)) / mu
        } else if theta < mu {
            let k = pWait * mu / (mu - theta)
            if k > 0 { t = Swift.max(t, Math.naturalLog(k / target) / theta) }
        } else {
            let k = (1 - pWait) + pWait * theta / (theta - mu)
            if k > 0 { t = Swift.max(t, Math.naturalLog(k / target) / mu) }
        }
        var low = 0.0
        var high = Double.infinity
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
            if Swift.abs(next - t) <= 1e-9 * t { return next }
            if !(next > low && next < high) { next = high.isFinite ? (low + high) / 2 : 2 * t }
            t = next
        }
        return t
    }

    /// `analyze(…).p95Response` for a block of queues at once (the Monte Carlo engine's trials).
    ///
    /// The Erlang B recursion runs across the block — one step k for every queue, then the
    /// next — so the loop over queues has no dependency chain and vectorises, where one queue's
    /// recursion is a chain of dependent multiplications. Results equal the scalar ones.
    /// - Parameters:
    ///   - arrival: λ per queue; `service`: mean service time; `servers`: c (as doubles).
    ///   - work: scratch space of at least `2 × count` doubles.
    static func p95Responses(arrival: UnsafePointer<Double>, service: UnsafePointer<Double>, servers: UnsafePointer<Double>,
        count: Int, work: UnsafeMutablePointer<Double>, into output: UnsafeMutablePointer<Double>)
    {
        // work[t] holds r = 1/B for queue t; output[t] temporarily holds c as a whole number.
        var longest = 0.0
        for t in 0..<count {
            let c = servers[t].isFinite && servers[t] >= 1 ? Swift.min(servers[t], 1e6).rounded(.down) : 1
            output[t] = c
            work[t] = 1
            let lambda = arrival[t], time = service[t]
            let valid = lambda.isFinite && time.isFinite && lambda > 0 && time > 0
            let a = valid ? lambda * time : 0
            // Queues that need no recursion: idle, invalid, unstable, or B negligible by the bound.
            // (The bound costs a logarithm, worth it only where the recursion would be long.)
            if !valid || a >= c || (c > 64 && c > a && Math.naturalLog(2) + c - a - c * Math.naturalLog(c / a) < -46) {
                work[t] = .infinity
            } else {
                longest = Swift.max(longest, c)
            }
        }
        if longest >= 1 {
            let inverse = work + count  // 1/a per queue
            for t in 0..<count { inverse[t] = 1 / (arrival[t] * service[t]) }
            for k in 1...Int(longest) {
                let step = Double(k)
                // Branch-free so the loop vectorises; r may overflow to +inf, which means B = 0.
                for t in 0..<count {
                    let next = 1 + work[t] * step * inverse[t]
                    work[t] = step <= output[t] ? next : work[t]
                }
            }
        }
        for t in 0..<count {
            let lambda = arrival[t], time = service[t], c = output[t]
            guard lambda.isFinite, time.isFinite, lambda >= 0, time > 0 else {
                output[t] = .nan
                continue
            }
            let mu = 1 / time
            let a = lambda * time
            if lambda == 0 {
                output[t] = percentile(0.95, waiting: 0, mu: mu, theta: mu * c)
                continue
            }
            if a >= c {
                output[t] = .infinity
                continue
            }
            let b = work[t] > 1e20 ? 0 : 1 / work[t]  // 1/∞ and negligible B are both 0
            let pWait = c * b / (c - a * (1 - b))
            output[t] = percentile(0.95, waiting: pWait, mu: mu, theta: c * mu - lambda)
        }
    }
}
