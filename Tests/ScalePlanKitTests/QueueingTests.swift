import Testing

@testable import ScalePlanKit

@Suite struct QueueingTests {
    /// The worked M/M/4 example used in call-centre texts (and in this project's issue 3):
    /// λ = 0.35 per minute, mean service 10 minutes, 4 servers → ρ = 0.875,
    /// P(wait) = 0.7379 and mean wait 14.757 minutes. Same values from the textbook formula
    /// C = (a^c/c!)·(c/(c−a)) / (Σ_{k<c} a^k/k! + (a^c/c!)·(c/(c−a))) with a = 3.5.
    @Test func mm4WorkedExample() {
        let result = Queueing.analyze(arrivalRate: 0.35, serviceTime: 10, servers: 4)
        #expect(Swift.abs(result.utilization - 0.875) < 1e-12)
        #expect(Swift.abs(result.probabilityOfWaiting - 0.7379) < 5e-5)
        #expect(Swift.abs(result.meanWait - 14.757) < 5e-4)
        #expect(Swift.abs(result.meanResponse - 24.757) < 5e-4)
    }

    /// Closed forms: C(2, a=1) = 1/3 and C(3, a=2) = 4/9 (from the formula above by hand:
    /// for c=2, a=1: (1/2·2)/(1 + 1 + 1) = 1/3; for c=3, a=2: (8/6·3)/(1 + 2 + 2 + 4) = 4/9).
    @Test func erlangCClosedForms() {
        #expect(Swift.abs(Queueing.erlangC(servers: 2, load: 1) - 1.0 / 3) < 1e-12)
        #expect(Swift.abs(Queueing.erlangC(servers: 3, load: 2) - 4.0 / 9) < 1e-12)
        #expect(Queueing.erlangC(servers: 1, load: 0.5) == 0.5)  // M/M/1: P(wait) = ρ
        #expect(Queueing.erlangC(servers: 4, load: 4) == 1)  // unstable
    }

    /// Erlang B: B(1, a) = a/(1+a); B(2, 1) = (1/2)/(1 + 1 + 1/2) = 0.2.
    @Test func erlangBClosedForms() {
        #expect(Swift.abs(Queueing.erlangB(servers: 1, load: 3) - 0.75) < 1e-12)
        #expect(Swift.abs(Queueing.erlangB(servers: 2, load: 1) - 0.2) < 1e-12)
    }

    /// The recursion stays finite where factorials would overflow (c = 5,000).
    @Test func largeServerCountsDoNotOverflow() {
        let c = Queueing.erlangC(servers: 5000, load: 4900)
        #expect(c.isFinite && c > 0 && c < 1)
        let result = Queueing.analyze(arrivalRate: 4900, serviceTime: 1, servers: 5000)
        #expect(result.p95Response.isFinite)
    }

    /// M/M/1 response time is exponential with rate μ − λ, so p95 = ln(20)/(μ − λ).
    /// μ = 10/s, λ = 5/s → 0.59915 s.
    @Test func mm1P95IsClosedForm() {
        let result = Queueing.analyze(arrivalRate: 5, serviceTime: 0.1, servers: 1)
        #expect(Swift.abs(result.p95Response - 0.5991464547) < 1e-6)
    }

    /// With no load the response time is the service time: p95 of Exp(μ) = ln(20)/μ.
    @Test func idleQueueP95IsServiceTimeQuantile() {
        let result = Queueing.analyze(arrivalRate: 0, serviceTime: 0.2, servers: 3)
        #expect(Swift.abs(result.p95Response - 0.2 * 2.995732274) < 1e-6)
    }

    /// The percentile solves the survival equation: P(T > p95) = 0.05.
    @Test(arguments: [(0.35, 10.0, 4.0), (90, 0.05, 5), (0.5, 1, 1.5), (700, 0.01, 8)])
    func p95SolvesTheSurvivalEquation(lambda: Double, service: Double, servers: Double) {
        let result = Queueing.analyze(arrivalRate: lambda, serviceTime: service, servers: servers)
        let c = Double(Int(servers))
        let mu = 1 / service
        let tail = Queueing.survival(result.p95Response, waiting: result.probabilityOfWaiting, mu: mu, theta: c * mu - lambda)
        #expect(Swift.abs(tail - 0.05) < 1e-9)
        #expect(result.p95Response > result.meanResponse)
    }

    @Test func overloadedQueueIsUnbounded() {
        let result = Queueing.analyze(arrivalRate: 10, serviceTime: 1, servers: 2)
        #expect(!result.isStable)
        #expect(result.p95Response == .infinity)
        #expect(Queueing.analyze(arrivalRate: .nan, serviceTime: 1, servers: 1).p95Response.isNaN)
    }

    /// Four queues solved together give, lane by lane, exactly what each gives alone (every lane
    /// the same queue): lanes that converge in different numbers of steps, M/M/1 and idle queues
    /// (exact at the start), θ = μ, θ above and below μ, busy queues whose answer is far out.
    @Test func p95LanesAnswerAsEachQueueAlone() {
        var random = Xoshiro256StarStar(seed: 41)
        var queues: [(pWait: Double, mu: Double, theta: Double)] = [(0, 2, 2), (0.3, 1, 1), (0.999, 5, 0.01)]
        for index in 0..<4_000 {
            let mu = Math.exponential(random.nextUnit() * 12 - 6)
            let theta = index % 7 == 0 ? mu : mu * Math.exponential(random.nextUnit() * 16 - 8)
            let pWait = index % 5 == 0 ? 0 : random.nextUnit()
            queues.append((pWait, mu, theta))
        }
        var differ = 0
        for first in stride(from: 0, to: queues.count - 3, by: 3) {
            let group = Array(queues[first..<first + 4])
            let together = Queueing.percentiles(
                0.95, waiting: SIMD4(group.map(\.pWait)), mu: SIMD4(group.map(\.mu)), theta: SIMD4(group.map(\.theta)))
            for lane in 0..<4 {
                let alone = Queueing.percentile(0.95, waiting: group[lane].pWait, mu: group[lane].mu, theta: group[lane].theta)
                if together[lane].bitPattern != alone.bitPattern {
                    differ += 1
                    if differ <= 5 { Issue.record("lane \(lane) of \(group): \(together[lane]) together, \(alone) alone") }
                }
                // And it is the percentile: P(T > p95) = 0.05.
                let tail = Queueing.survival(alone, waiting: group[lane].pWait, mu: group[lane].mu, theta: group[lane].theta)
                #expect(Swift.abs(tail - 0.05) < 1e-9, "\(group[lane]): P(T > \(alone)) = \(tail)")
            }
        }
        #expect(differ == 0)
    }
}
