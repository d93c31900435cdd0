import Testing

@testable import ScalePlanKit

/// Values of the model that go wrong at run time are plan gaps: an `invalid-value` event naming
/// the item, its first month and its value, once per item; NaN is never shown as ∞.
@Suite struct InvalidValueTests {
    /// A one-tier plan over a linear ramp of users from 0 by 100 a month, with `tier` spliced in.
    static func profile(_ tier: String, metrics: String = "{}", triggers: String = "[]") throws -> CompiledProfile {
        let text = """
            {"version": 1, "id": "hostile", "name": "Hostile", "currency": "USD", "driver": {"name": "users"},
             "metrics": \(metrics),
             "tiers": [{"id": "a", "name": "A", "range": {"min": 0}, \(tier)}],
             "triggers": \(triggers),
             "scenarios": [{"id": "s", "default": true, "months": 24, "growth": {"kind": "linear", "start": 0, "step": 100}}]}
            """
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        return try #require(compiled, "\(diagnostics.map { $0.formatted(file: "hostile.json") })")
    }

    static func run(_ compiled: CompiledProfile, months: Int = 24) -> Projection {
        Simulator(compiled).run(curve: .linear(start: 0, step: 100), months: months)
    }

    static func invalidEvents(_ projection: Projection) -> [PlanEvent] { projection.events.filter { $0.kind == .invalidValue } }

    /// A cost that goes negative (−$980 at 20 users … ) is reported once, at its first month, and
    /// a budget trigger still reads the model's number.
    @Test func aNegativeCostIsReportedOnce() throws {
        let compiled = try Self.profile(
            """
            "costs": [{"item": "refund", "category": "compute", "amount": "users - 1000"}]
            """, triggers: #"[{"id": "budget", "when": "cost > 500", "action": "look"}]"#)
        let projection = Self.run(compiled)
        let events = Self.invalidEvents(projection)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.month == 0 && event.value == -1000)
        #expect(event.message.contains("cost item 'refund' of A") && event.message.contains("-1,000"), "\(event.message)")
        #expect(event.message.contains("users - 1000"))
        #expect(projection.invalidValues.first?.month == 0)
        // From month 15 (1,500 users) the cost is 500 and more: the budget trigger fires.
        #expect(projection.triggers.first?.firstMonth == 16)
    }

    /// A cost that is `0/0` at run time: NaN, reported as NaN (never ∞) once; the month's cost
    /// cell says n/a. (A constant NaN is an error when the profile is compiled.)
    @Test func aNaNCostIsReportedAsNaN() throws {
        let compiled = try Self.profile(
            """
            "costs": [{"item": "broken", "category": "compute", "amount": "(users - users) / (users - users)"},
                      {"item": "fine", "category": "compute", "amount": 10}]
            """)
        let projection = Self.run(compiled)
        let events = Self.invalidEvents(projection)
        #expect(events.count == 1)
        #expect(events.first?.message.contains("is NaN") == true, "\(events.first?.message ?? "")")
        #expect(projection.months[0].cost.expected.isNaN)
        let table = ProjectionTableRenderer.render(projection, layout: .standard)
        #expect(!table.contains("∞"), "\(table)")
        #expect(table.contains("n/a"))
    }

    /// A limit that evaluates to NaN or to 0 is an invalid value (once), not "exceeds its limit
    /// nan (∞)" every month; the tier is not trusted to carry the load meanwhile.
    @Test(arguments: ["users / users - 1", "(users - users) / (users - users)"])
    func anInvalidLimitIsOneEvent(limit: String) throws {
        let compiled = try Self.profile(
            """
            "capacity": {"users": "\(limit)"}, "costs": [{"item": "x", "category": "compute", "amount": 1}]
            """)
        let projection = Self.run(compiled)
        let events = Self.invalidEvents(projection)
        #expect(events.count == 1, "\(events.map(\.message))")
        #expect(events.first?.message.contains("A's limit on users") == true)
        #expect(!projection.events.contains { $0.kind == .tierOverCapacity })
        #expect(projection.months.allSatisfy { $0.requiredTier == nil })
        #expect(!projection.events.contains { $0.message.contains("∞") }, "\(projection.events.map(\.message))")
    }

    /// A negative arrival rate is an invalid value, not an overloaded queue.
    @Test func aNegativeArrivalIsNotAnOverload() throws {
        let compiled = try Self.profile(
            """
            "slo": {"p95_ms": 300}, "queues": {"api": {"servers": 2, "service_ms": 50, "arrival": "users / 100 - 10"}},
            "costs": [{"item": "x", "category": "compute", "amount": 1}]
            """)
        let projection = Self.run(compiled)
        let events = Self.invalidEvents(projection)
        #expect(events.count == 1)
        #expect(events.first?.message.contains("arrival rate of A's queue api") == true, "\(events.first?.message ?? "")")
        #expect(!projection.events.contains { $0.kind == .sloMissed && $0.month < 10 })
        let queue = try #require(projection.months[0].queues.first)
        #expect(queue.p95Milliseconds.isNaN && queue.utilization.isNaN)
        #expect(!ProjectionTableRenderer.render(projection, layout: .standard).contains("∞"))
    }

    /// No cap on servers: 1.5 million servers at ρ = 0.93 is exact (utilisation 0.93, a finite
    /// p95 near the service time's), and the server count shown is the one the model uses.
    @Test func millionsOfServersAreExactAndTheCountShownIsTheOneUsed() throws {
        let big = Queueing.analyze(arrivalRate: 0.93 * 1_500_000 / 0.1, serviceTime: 0.1, servers: 1_500_000)
        #expect(Swift.abs(big.utilization - 0.93) < 1e-12)
        #expect(big.p95Response.isFinite && big.p95Response > 0.29 && big.p95Response < 0.31)
        // Near saturation the recursion must run, and still answers (k₀ = a − 40√a).
        let tight = Queueing.analyze(arrivalRate: 0.999 * 2_000_000 / 0.1, serviceTime: 0.1, servers: 2_000_000)
        #expect(tight.probabilityOfWaiting > 0 && tight.probabilityOfWaiting < 1 && tight.p95Response.isFinite)
        let compiled = try Self.profile(
            """
            "queues": {"api": {"servers": "users / users + 1.9", "service_ms": 50, "arrival": "1"}},
            "costs": [{"item": "x", "category": "compute", "amount": 1}]
            """)
        let projection = Self.run(compiled, months: 2)
        #expect(projection.months[1].queues.first?.servers == 2)  // 2.9 servers: the model uses 2
        #expect(ProjectionJSONRenderer.render(projection).contains("\"servers\": 2,"))
    }

    /// Starting the Erlang B recursion at a − 40√a changes nothing: against the full recursion
    /// from k = 0 (what the textbook does), to the last bit or within 1e-12 relative.
    @Test(arguments: [(2_000.0, 2_050.0), (10_000, 10_080), (250_000, 250_500), (999_000, 1_000_000)])
    func theShortenedRecursionEqualsTheFullOne(load: Double, servers: Double) {
        var r = 1.0
        var k = 1.0
        while k <= servers {
            r = 1 + r * k / load
            k += 1
        }
        let full = 1 / r
        let fast = Queueing.erlangB(servers: Int(servers), load: load)
        #expect(Swift.abs(fast - full) <= 1e-12 * full, "\(fast) vs \(full)")
    }

    /// A metric that is NaN from some month is reported once, with its expression.
    @Test func aNaNMetricIsOneEvent() throws {
        let compiled = try Self.profile(
            """
            "costs": [{"item": "x", "category": "compute", "amount": 1}]
            """, metrics: #"{"ratio": "log(users - 500)"}"#)
        let events = Self.invalidEvents(Self.run(compiled))
        #expect(events.count == 1)
        #expect(events.first?.month == 0)
        #expect(events.first?.message.contains("metric ratio") == true)
    }
}

@Suite struct QueueEdgeTests {
    /// Erlang B below the load (c < a) runs the recursion from the bottom: against the textbook
    /// recursion. (B(100, 2500) = 0.9600…)
    @Test func erlangBBelowTheLoadIsTheFullRecursion() {
        var r = 1.0
        for k in 1...100 { r = 1 + r * Double(k) / 2500 }
        #expect(Swift.abs(Queueing.erlangB(servers: 100, load: 2500) - 1 / r) <= 1e-12)
    }

    /// A block holding one queue with a load of millions beside small ones gives each the same
    /// answer as alone (the far-apart spans walk separately), and quickly.
    @Test func farApartQueuesInOneBlockAnswerAsAlone() {
        let arrival: [Double] = [10, 1e8 / 0.01 * 0.9995, 3], service: [Double] = [0.01, 0.01, 0.2]
        let servers: [Double] = [2, 1e8, 1]
        var utilization = [Double](repeating: 0, count: 3), waiting = utilization, p95 = utilization
        var work = [Double](repeating: 0, count: 3 * Queueing.workPerQueue)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            Queueing.responses(
                arrival: arrival, service: service, servers: servers, count: 3, work: &work, utilization: &utilization,
                waiting: &waiting, p95: &p95)
        }
        for t in 0..<3 {
            let alone = Queueing.analyze(arrivalRate: arrival[t], serviceTime: service[t], servers: servers[t])
            #expect(alone.p95Response == p95[t] || (alone.p95Response.isNaN && p95[t].isNaN), "queue \(t)")
        }
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }

    /// The usual block — every queue on the same servers, some idle enough to need no recursion,
    /// some unstable or invalid — runs unmasked on the queues that need it: each answer is still
    /// bit for bit the one the queue gets alone (where the recursion runs masked). So it is when
    /// only some queues are needed (the trials on the tier); the others' p95 and C are NaN.
    @Test(arguments: [1.0, 2, 50, 200, 1500])
    func queuesOnTheSameServersAnswerAsAlone(servers c: Double) {
        var generator = SystemRandomNumberGenerator()
        let count = 384
        let service = (0..<count).map { _ in Double.random(in: 0.005...0.2, using: &generator) }
        // Loads from idle (negligible B) through busy to unstable, and a few invalid arrivals.
        let arrival = (0..<count).map { t -> Double in
            if t % 97 == 5 { return -1 }
            if t % 89 == 7 { return 0 }
            return Double.random(in: 0...1.05, using: &generator) * c / service[t]
        }
        let servers = [Double](repeating: c, count: count)
        var utilization = [Double](repeating: 0, count: count), waiting = utilization, p95 = utilization
        var work = [Double](repeating: 0, count: count * Queueing.workPerQueue)
        // Every queue, then only some (the trials on the tier): the others get NaN.
        let some = (0..<count).map { $0 % 3 != 1 }
        func check(_ needed: [Bool]?) {
            for t in 0..<count {
                let alone = Queueing.analyze(arrivalRate: arrival[t], serviceTime: service[t], servers: c)
                if let needed, !needed[t] {
                    #expect(p95[t].isNaN && waiting[t].isNaN, "queue \(t) not needed")
                    #expect(alone.utilization.bitPattern == utilization[t].bitPattern || alone.utilization.isNaN)
                    continue
                }
                compare(t, alone)
            }
        }
        func compare(_ t: Int, _ alone: Queueing.Result) {
            let same = alone.p95Response.bitPattern == p95[t].bitPattern || (alone.p95Response.isNaN && p95[t].isNaN)
            #expect(same, "queue \(t): a = \(arrival[t] * service[t]), \(alone.p95Response) alone, \(p95[t]) in the block")
            if alone.probabilityOfWaiting.isFinite {
                #expect(alone.probabilityOfWaiting.bitPattern == waiting[t].bitPattern, "queue \(t)")
            }
        }
        for needed in [nil, some] {
            if let needed {
                needed.withUnsafeBufferPointer {
                    Queueing.responses(
                        arrival: arrival, service: service, servers: servers, count: count, work: &work,
                        utilization: &utilization, waiting: &waiting, p95: &p95, needed: $0.baseAddress)
                }
            } else {
                Queueing.responses(
                    arrival: arrival, service: service, servers: servers, count: count, work: &work,
                    utilization: &utilization, waiting: &waiting, p95: &p95)
            }
            check(needed)
        }
    }

    /// A constant server count beyond the model's reach is an error where it is written.
    @Test func tooManyServersIsACompileError() throws {
        let text = """
            {"version": 1, "id": "q", "name": "Q", "currency": "USD", "driver": {"name": "users"},
             "tiers": [{"id": "a", "name": "A", "range": {"min": 0}, "costs": [{"item": "x", "category": "compute", "amount": 1}],
                        "queues": {"api": {"servers": 2000000000, "service_ms": 50, "arrival": "users"}}}],
             "scenarios": [{"id": "s", "default": true, "growth": {"kind": "constant", "value": 10}}]}
            """
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        #expect(compiled == nil)
        #expect(diagnostics.contains { $0.message.contains("servers from 1 to 1,000,000,000") }, "\(diagnostics)")
    }
}
