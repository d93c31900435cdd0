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
/// The recursion runs on r = 1/B, which needs no division: r(k) = 1 + r(k−1)·k/a. It need not
/// start at k = 0: below the load, B(k, a) ≈ 1 − k/a, and an error in r(k₀) is multiplied by
/// k/a < 1 at every step up to a, i.e. by about e^(−m²/2a) over m = a − k₀ steps. Starting at
/// k₀ = a − 40√a with r = a/(a − k₀) therefore leaves an error of e^(−800): none. So B costs
/// O(√a + (c − a)) steps, not O(c), and any number of servers is exact. Where B is negligible
/// (many idle servers) it is not computed at all: B = P(X = c)/P(X ≤ c) for X ~ Poisson(a), and
/// for c > a the Chernoff bound P(X = c) ≤ e^(c − a − c·ln(c/a)) with P(X ≤ c) ≥ 1/2 shows
/// B < 10⁻²⁰ once ln 2 + c − a − c·ln(c/a) < −46.
///
/// The waiting time W is 0 with probability 1 − C and otherwise exponential with rate
/// θ = cμ − λ; the response time is T = W + S with S ~ Exp(μ). Hence
///
///     P(T > t) = (1 − C)·e^(−μt) + C·(μ·e^(−θt) − θ·e^(−μt)) / (μ − θ)     (θ ≠ μ)
///     P(T > t) = (1 − C)·e^(−μt) + C·(1 + μt)·e^(−μt)                      (θ = μ)
///
/// and the p95 response time is the t with P(T > t) = 0.05, found by Newton's method.
///
/// Sources: L. Kleinrock, *Queueing Systems, Vol. 1* (1975), §3.5; the Erlang B recursion as in
/// D. Gross et al., *Fundamentals of Queueing Theory*, 4th ed. (2008), §2.3 and 2.5; the sum of
/// two exponentials (hypoexponential distribution) from any probability text.
///
/// Every entry point goes through one block kernel (`responses`), so a single queue and a
/// column of a Monte Carlo block get bit-identical answers.
enum Queueing {
    /// The largest server count the model evaluates; beyond it a queue is an invalid value.
    static let maximumServers = 1e9

    /// The whole number of servers the model uses for a `servers` value: rounded down; nil when
    /// the value is not a number from 1 to `maximumServers`.
    @inline(__always)
    static func serversUsed(_ value: Double) -> Double? {
        isServerCount(value) ? Math.floorOfCount(value) : nil
    }

    /// Whether `serversUsed` takes the value: a number from 1 to `maximumServers`.
    @inline(__always)
    static func isServerCount(_ value: Double) -> Bool { value >= 1 && value <= maximumServers }

    /// Erlang B: the blocking probability of an M/M/c/c system with offered load `a`.
    static func erlangB(servers c: Int, load a: Double) -> Double {
        guard c >= 0, a >= 0, a.isFinite else { return .nan }
        if c == 0 { return 1 }
        if a == 0 { return 0 }
        let r = inverseErlangB(servers: Double(c), load: a)
        return r > 1e20 ? 0 : 1 / r
    }

    /// Erlang C: the probability that an arrival must wait, for `c` servers and offered load
    /// `a = λ/μ`. 1 when the queue is unstable (a ≥ c).
    static func erlangC(servers c: Int, load a: Double) -> Double {
        guard c >= 1, a >= 0, a.isFinite else { return .nan }
        if a >= Double(c) { return 1 }
        return waitProbability(servers: Double(c), load: a, inverseB: inverseErlangB(servers: Double(c), load: a))
    }

    /// C(c, a) from r = 1/B(c, a); a negligible B (r > 10²⁰, or infinite) counts as 0.
    @inline(__always)
    static func waitProbability(servers c: Double, load a: Double, inverseB r: Double) -> Double {
        let b = r > 1e20 ? 0 : 1 / r
        return c * b / (c - a * (1 - b))
    }

    /// 1/B(c, a) for c ≥ 1, a > 0: one column of the block recursion.
    static func inverseErlangB(servers c: Double, load a: Double) -> Double {
        if negligible(servers: c, load: a) { return .infinity }
        var plan = RecursionPlan()
        var start = 0.0
        var r = plan.add(servers: c, load: a, firstStep: &start)
        var inverse = 1 / a
        var load = a, last = c
        plan.run(count: 1, lastSteps: &last, loads: &load, inverse: &inverse, firstSteps: &start, r: &r)
        return r
    }

    /// Steady-state figures of an M/M/c queue.
    struct Result: Sendable, Equatable {
        /// ρ = λ / (cμ); ≥ 1 means the queue grows without bound.
        var utilization: Double
        /// Erlang C.
        var probabilityOfWaiting: Double
        /// Mean wait in queue, in the time unit of the inputs; infinity when unstable.
        var meanWait: Double
        /// Mean response time (wait + service); infinity when unstable.
        var meanResponse: Double
        /// 95th percentile of the response time; infinity when unstable.
        var p95Response: Double

        var isStable: Bool { utilization < 1 }
    }

    /// Analyses an M/M/c queue. Invalid inputs (a negative or non-finite arrival rate, a service
    /// time that is not positive, servers that `serversUsed` rejects) give NaN throughout.
    /// - Parameters:
    ///   - arrivalRate: λ, arrivals per time unit.
    ///   - serviceTime: mean service time 1/μ, in the same time unit.
    ///   - servers: c (rounded down).
    static func analyze(arrivalRate lambda: Double, serviceTime: Double, servers: Double) -> Result {
        var utilization = 0.0, p95 = 0.0, wait = 0.0
        var arrival = lambda, service = serviceTime, count = servers
        withUnsafeTemporaryAllocation(of: Double.self, capacity: workPerQueue) { work in
            if let base = work.baseAddress {
                responses(
                    arrival: &arrival, service: &service, servers: &count, count: 1, work: base,
                    utilization: &utilization, waiting: &wait, p95: &p95)
            }
        }
        guard !p95.isNaN else {
            return Result(utilization: .nan, probabilityOfWaiting: .nan, meanWait: .nan, meanResponse: .nan, p95Response: .nan)
        }
        guard utilization < 1 else {
            return Result(
                utilization: utilization, probabilityOfWaiting: 1, meanWait: .infinity, meanResponse: .infinity,
                p95Response: .infinity)
        }
        let c = serversUsed(servers) ?? 1
        let theta = c / serviceTime - lambda
        let meanWait = lambda == 0 ? 0 : wait / theta
        return Result(
            utilization: utilization, probabilityOfWaiting: wait, meanWait: meanWait,
            meanResponse: meanWait + serviceTime, p95Response: p95)
    }

    /// Utilisation, the probability of waiting and the p95 response time of a block of queues.
    ///
    /// The Erlang B recursion runs across the block — one step k for every queue, then the
    /// next — so the loop over queues has no dependency chain and vectorises, where one queue's
    /// recursion is a chain of dependent multiplications. Each queue's answer depends only on its
    /// own inputs.
    /// - Parameters:
    ///   - arrival: λ per queue; `service`: mean service time; `servers`: c as given (rounded down
    ///     here, see `serversUsed`).
    ///   - work: scratch space of at least `workPerQueue × count` doubles.
    ///   - utilization, waiting, p95: outputs (ρ, Erlang C, p95 in the unit of `service`); NaN for
    ///     invalid inputs, ρ ≥ 1 with C = 1 and p95 = ∞ when unstable.
    ///   - needed: the queues whose Erlang C and p95 are wanted (nil: all); the others get NaN for
    ///     both, and their utilisation only. A queue's answer does not depend on the others'.
    /// - Complexity: O(count × (1 + longest recursion)), the recursion O(√a + (c − a)).
    static func responses(
        arrival: UnsafePointer<Double>, service: UnsafePointer<Double>, servers: UnsafePointer<Double>,
        count: Int, work: UnsafeMutablePointer<Double>, utilization: UnsafeMutablePointer<Double>,
        waiting: UnsafeMutablePointer<Double>, p95: UnsafeMutablePointer<Double>, needed: UnsafePointer<Bool>? = nil
    ) {
        // Per queue t: work[t] = r = 1/B, then 1/a, a, the first and the last recursion step in
        // the next four columns (the last is 0 for a queue that needs no recursion); p95[t] holds c
        // until the p95 is computed.
        let inverse = work + count, loads = work + 2 * count, firstSteps = work + 3 * count, lastSteps = work + 4 * count
        var plan = RecursionPlan()
        for t in 0..<count {
            let lambda = arrival[t], time = service[t]
            inverse[t] = 0
            loads[t] = 0
            firstSteps[t] = 0
            lastSteps[t] = 0
            guard let c = serversUsed(servers[t]), lambda >= 0, lambda.isFinite, time > 0, time.isFinite else {
                p95[t] = .nan
                utilization[t] = .nan
                work[t] = .nan
                continue
            }
            let a = lambda * time
            p95[t] = c
            utilization[t] = a / c
            if let needed, !needed[t] {
                p95[t] = .nan  // skipped below, as an invalid queue is
                work[t] = .nan
                continue
            }
            if a == 0 || a >= c || negligible(servers: c, load: a) {
                work[t] = .infinity  // B = 0, or no recursion needed
            } else {
                inverse[t] = 1 / a
                loads[t] = a
                lastSteps[t] = c
                work[t] = plan.add(servers: c, load: a, firstStep: &firstSteps[t])
            }
        }
        plan.run(
            count: count, lastSteps: UnsafePointer(lastSteps), loads: UnsafePointer(loads),
            inverse: UnsafePointer(inverse), firstSteps: UnsafePointer(firstSteps), r: work)
        // The queues that need the p95 solved, gathered (the recursion's columns are free now):
        // P(wait), μ, θ and where the answer goes.
        let solveWait = inverse, solveMu = loads, solveTheta = firstSteps, solveQueue = lastSteps
        var solves = 0
        for t in 0..<count {
            let c = p95[t]
            guard !c.isNaN else {
                waiting[t] = .nan
                continue
            }
            let lambda = arrival[t], time = service[t]
            let mu = 1 / time
            let a = lambda * time
            if a >= c && lambda != 0 {
                waiting[t] = 1
                p95[t] = .infinity
                continue
            }
            let pWait = lambda == 0 ? 0 : waitProbability(servers: c, load: a, inverseB: work[t])
            waiting[t] = pWait
            solveWait[solves] = pWait
            solveMu[solves] = mu
            solveTheta[solves] = lambda == 0 ? mu * c : c * mu - lambda
            solveQueue[solves] = Double(t)
            solves += 1
        }
        // Four at a time; a last group of fewer repeats its first queue in the spare lanes.
        var first = 0
        while first < solves {
            let lanes = Swift.min(4, solves - first)
            var pWait = SIMD4(repeating: solveWait[first]), mu = SIMD4(repeating: solveMu[first])
            var theta = SIMD4(repeating: solveTheta[first])
            for lane in 1..<lanes {
                pWait[lane] = solveWait[first + lane]
                mu[lane] = solveMu[first + lane]
                theta[lane] = solveTheta[first + lane]
            }
            let answers = percentiles(0.95, waiting: pWait, mu: mu, theta: theta)
            for lane in 0..<lanes { p95[Int(solveQueue[first + lane])] = answers[lane] }
            first += 4
        }
    }

    /// Whether B(c, a) < 10⁻²⁰ by the Chernoff bound (worth its logarithm only where the
    /// recursion would be long).
    @inline(__always)
    static func negligible(servers c: Double, load a: Double) -> Bool {
        c > 64 && c > a && Math.naturalLog(2) + c - a - c * Math.naturalLog(c / a) < -46
    }

    /// Scratch doubles `responses` needs per queue.
    static let workPerQueue = 5

    /// The span of recursion steps a block needs.
    struct RecursionPlan {
        var lowest = Double.infinity
        var highest = 0.0
        /// The largest k₀: 0 when every queue starts at the bottom (loads under 1,600), the usual
        /// case, whose loop needs one comparison per step.
        var latestStart = 0.0

        /// Takes in a queue that needs the recursion: sets its first step k₀ = ⌊a − 40√a⌋ (0 when
        /// that is negative) and returns r(k₀): 1 at k₀ = 0, else a/(a − k₀) (see the type's note
        /// on the error).
        mutating func add(servers c: Double, load a: Double, firstStep k0: inout Double) -> Double {
            // The shortcut needs the recursion to pass the load; below it (B for c < a, which only
            // `erlangB` asks for) it runs from the bottom.
            k0 = c > a ? Swift.max(0, Math.roundedDown(a - 40 * a.squareRoot())) : 0
            lowest = Swift.min(lowest, k0 + 1)
            highest = Swift.max(highest, c)
            latestStart = Swift.max(latestStart, k0)
            return k0 == 0 ? 1 : a / (a - k0)
        }

        /// Runs steps `lowest … highest`; queue t takes step k when k₀(t) < k ≤ its last step (c,
        /// or 0 for a queue that needs no recursion). Stops early once every queue past its load has
        /// r > 10²⁰: r only grows from there, and B = 0.
        func run(
            count: Int, lastSteps: UnsafePointer<Double>, loads: UnsafePointer<Double>, inverse: UnsafePointer<Double>,
            firstSteps: UnsafePointer<Double>, r: UnsafeMutablePointer<Double>
        ) {
            guard highest >= 1 else { return }
            // Queues whose spans lie far apart (one with a load of millions beside small ones)
            // would all walk the whole span together: past a few thousand steps each walks its own.
            if highest - lowest > 4096 && count > 1 {
                for t in 0..<count where lastSteps[t] > firstSteps[t] {
                    var lane = RecursionPlan()
                    lane.lowest = firstSteps[t] + 1
                    lane.highest = lastSteps[t]
                    lane.latestStart = firstSteps[t]
                    lane.run(
                        count: 1, lastSteps: lastSteps + t, loads: loads + t, inverse: inverse + t,
                        firstSteps: firstSteps + t, r: r + t)
                }
                return
            }
            if latestStart == 0 && count > 1
                && runUniform(count: count, lastSteps: lastSteps, loads: loads, inverse: inverse, r: r)
            {
                return
            }
            var k = lowest
            var sinceCheck = 0
            while k <= highest {
                // Branch-free so the loops vectorise.
                if latestStart == 0 {
                    for t in 0..<count {
                        let next = 1 + r[t] * k * inverse[t]
                        r[t] = k <= lastSteps[t] ? next : r[t]
                    }
                } else {
                    for t in 0..<count {
                        let next = 1 + r[t] * k * inverse[t]
                        r[t] = k <= lastSteps[t] && k > firstSteps[t] ? next : r[t]
                    }
                }
                sinceCheck += 1
                if sinceCheck == 64 {
                    sinceCheck = 0
                    var open = false
                    for t in 0..<count where k < lastSteps[t] && !(k >= loads[t] && r[t] > 1e20) {
                        open = true
                        break
                    }
                    if !open { return }
                }
                k += 1
            }
        }

        /// The usual block: every queue that needs the recursion has the same servers (a tier's
        /// `servers` is mostly a constant) and starts at the bottom. Those queues are gathered into
        /// contiguous columns and run with no mask — the same operations on each queue's values, so
        /// the same bits, in a fraction of the instructions (a fifth on million). False (nothing
        /// done) for any other block.
        private func runUniform(
            count: Int, lastSteps: UnsafePointer<Double>, loads: UnsafePointer<Double>, inverse: UnsafePointer<Double>,
            r: UnsafeMutablePointer<Double>
        ) -> Bool {
            var active = 0
            for t in 0..<count where lastSteps[t] > 0 {
                guard lastSteps[t] == highest else { return false }
                active += 1
            }
            guard active > 0 else { return true }
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * active) { buffer in
                guard let lanes = buffer.baseAddress else { return }
                let inverses = lanes + active, laneLoads = lanes + 2 * active
                var lane = 0
                for t in 0..<count where lastSteps[t] > 0 {
                    lanes[lane] = r[t]
                    inverses[lane] = inverse[t]
                    laneLoads[lane] = loads[t]
                    lane += 1
                }
                var k = lowest
                var sinceCheck = 0
                while k <= highest {
                    for t in 0..<active { lanes[t] = 1 + lanes[t] * k * inverses[t] }
                    sinceCheck += 1
                    if sinceCheck == 64 {
                        sinceCheck = 0
                        var open = false
                        for t in 0..<active where k < highest && !(k >= laneLoads[t] && lanes[t] > 1e20) {
                            open = true
                            break
                        }
                        if !open { break }
                    }
                    k += 1
                }
                lane = 0
                for t in 0..<count where lastSteps[t] > 0 {
                    r[t] = lanes[lane]
                    lane += 1
                }
            }
            return true
        }
    }

    /// The `q` quantile of the response time: Newton's method on the decreasing survival
    /// function, kept inside a bracket that bisection shrinks whenever a Newton step leaves it.
    /// Each step costs two exponentials. One queue: `percentiles` with it in every lane.
    static func percentile(_ q: Double, waiting pWait: Double, mu: Double, theta: Double) -> Double {
        percentiles(q, waiting: SIMD4(repeating: pWait), mu: SIMD4(repeating: mu), theta: SIMD4(repeating: theta))[0]
    }

    /// The Newton step's start for one queue: the tail's asymptote S(t) ≈ K·e^(−r·t), r = min(μ, θ),
    /// usually a step or two from the answer (and exact for M/M/1 and for an idle queue).
    @inline(__always)
    private static func percentileStart(_ q: Double, waiting pWait: Double, mu: Double, theta: Double, equal: Bool)
        -> Double
    {
        let target = 1 - q
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
        return t
    }

    /// `percentile` of four queues at once. Each lane takes exactly the steps it would take
    /// alone — the same operations on its own values, so the same bits — and stops when it
    /// converges; the lanes only share the loop, whose dependent exponentials and divisions then
    /// overlap instead of waiting on each other.
    static func percentiles(_ q: Double, waiting pWait: SIMD4<Double>, mu: SIMD4<Double>, theta: SIMD4<Double>)
        -> SIMD4<Double>
    {
        typealias Lanes = SIMD4<Double>
        let target = 1 - q
        var t = Lanes()
        var equal = SIMDMask<SIMD4<Int64>>()
        for lane in 0..<4 {
            let m = mu[lane], h = theta[lane]
            equal[lane] = Swift.abs(m - h) < 1e-12 * Swift.max(m, h)
            t[lane] = percentileStart(q, waiting: pWait[lane], mu: m, theta: h, equal: equal[lane])
        }
        var low = Lanes(repeating: 0)
        var high = Lanes(repeating: .infinity)
        var result = Lanes(repeating: .nan)
        var running = SIMDMask<SIMD4<Int64>>(repeating: true)
        let idle = 1 - pWait, spread = mu - theta
        for _ in 0..<100 {
            let service = decay(mu * t)
            let waiting = decay(theta * t)  // unused where μ = θ
            let queued = ((mu * waiting - theta * service) / spread).replacing(with: (1 + mu * t) * service, where: equal)
            let value = idle * service + pWait * queued - target
            let exact = running .& (value .== 0)
            result.replace(with: t, where: exact)
            running .&= .!exact
            let above = value .> 0
            low.replace(with: t, where: above)
            high.replace(with: t, where: .!above)
            let queuedSlope = (mu * theta * (service - waiting) / spread)
                .replacing(with: -mu * mu * t * service, where: equal)
            let slope = -idle * mu * service + pWait * queuedSlope
            var next = Lanes(repeating: .nan).replacing(with: t - value / slope, where: slope .< 0)
            // Converged (checked before the bracket, which the last step may touch).
            let step = next - t
            let converged = running .& (step.replacing(with: -step, where: step .< 0) .<= 1e-9 * t)
            result.replace(with: next, where: converged)
            running .&= .!converged
            guard any(running) else { return result }
            let bisected = ((low + high) / 2).replacing(with: 2 * t, where: .!(high .< .infinity))
            next.replace(with: bisected, where: .!(next .> low .& next .< high))
            t.replace(with: next, where: running)
        }
        result.replace(with: t, where: running)
        return result
    }

    /// P(T > t) for the response time described above (for tests of the quantile).
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

    /// e^(−x), 0 where it would underflow (libm's underflow path is slow and sets errno).
    @inline(__always)
    static func decay(_ x: Double) -> Double { x > 700 ? 0 : Math.exponential(-x) }

    /// `decay` of four lanes (a lane past 700 takes e^(−1), which is then dropped, so that no
    /// lane goes down the library's slow path for nothing).
    @inline(__always)
    static func decay(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let under = x .> 700
        return Math.exponential((-x).replacing(with: -1, where: under)).replacing(with: 0, where: under)
    }
}
