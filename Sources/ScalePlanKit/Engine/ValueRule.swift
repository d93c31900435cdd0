/// What values of the model are valid at run time: the one definition the invalid-value events
/// use. (Constants are checked when the profile is compiled; these rules catch expressions.)
enum ValueRule: Sendable {
    /// Metrics: any finite number.
    case finite
    /// Costs and revenue: a finite amount ≥ 0.
    case amount
    /// Capacity limits: see `LimitRule`.
    case limit
    /// Queue arrival rates: finite and ≥ 0.
    case arrival
    /// Queue servers: a number from 1 to `Queueing.maximumServers` (rounded down).
    case servers
    /// Queue service times: finite and > 0.
    case serviceTime

    @inline(__always)
    func accepts(_ value: Double) -> Bool {
        switch self {
        case .finite: value.isFinite
        case .amount, .arrival: value >= 0 && value < .infinity
        case .limit: LimitRule.isValid(value)
        case .servers: Queueing.isServerCount(value)
        case .serviceTime: value > 0 && value < .infinity
        }
    }

    /// Whether some value of a column breaks the rule. It runs for every expression-valued metric,
    /// cost and limit each month, so the common rules take a pass the processor pipelines well:
    /// `v · 0` is ±0 for a finite v and NaN otherwise, so a sum of them is 0 exactly when every
    /// value is finite; the OR of the bit patterns has the sign bit exactly when some value is
    /// negative (or −0, which the exact check then forgives).
    @inline(never)
    func rejectsAny(_ values: UnsafePointer<Double>, count: Int) -> Bool {
        switch self {
        case .finite:
            return !Self.allFinite(values, count)
        case .amount, .arrival:
            if Self.allFiniteAndNoSignBit(values, count) { return false }
            return Self.count(values, count) { !($0 >= 0 && $0 < .infinity) } > 0
        case .limit:
            return !Self.allSatisfy(values, count, { $0 .> 0 }, { $0 > 0 })
        case .serviceTime:
            return !Self.allSatisfy(values, count, { $0 .> 0 .& $0 .< .infinity }, { $0 > 0 && $0 < .infinity })
        case .servers:
            let low = SIMD4<Double>(repeating: 1), high = SIMD4<Double>(repeating: Queueing.maximumServers)
            return !Self.allSatisfy(values, count, { $0 .>= low .& $0 .<= high }, Queueing.isServerCount)
        }
    }

    /// Whether every value satisfies a test, given for four lanes at once (`lanes`, compared so
    /// that NaN fails) and for one (`single`, the same test, for the tail): a mask AND-ed over
    /// the column without a branch per value.
    @inline(__always)
    private static func allSatisfy(
        _ values: UnsafePointer<Double>, _ count: Int, _ lanes: (SIMD4<Double>) -> SIMDMask<SIMD4<Int64>>,
        _ single: (Double) -> Bool
    ) -> Bool {
        let raw = UnsafeRawPointer(values)
        var a = SIMDMask<SIMD4<Int64>>(repeating: true), b = a
        var index = 0
        while index &+ 8 <= count {
            a .&= lanes(raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD4<Double>.self))
            b .&= lanes(raw.loadUnaligned(fromByteOffset: (index &+ 4) &* 8, as: SIMD4<Double>.self))
            index &+= 8
        }
        var tail = true
        while index < count {
            tail = tail && single(values[index])
            index &+= 1
        }
        return Swift.all(a .& b) && tail
    }

    /// `v · 0` summed over four vectors of four doubles (sixteen values a step; one AVX register
    /// each in x86-64-v3 builds, two SSE ones otherwise): the sum
    /// is 0 exactly when every value is finite.
    private static func allFinite(_ values: UnsafePointer<Double>, _ count: Int) -> Bool {
        let raw = UnsafeRawPointer(values)
        var a = SIMD4<Double>(), b = SIMD4<Double>(), c = SIMD4<Double>(), d = SIMD4<Double>()
        var index = 0
        while index &+ 16 <= count {
            a += raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD4<Double>.self) * 0
            b += raw.loadUnaligned(fromByteOffset: (index &+ 4) &* 8, as: SIMD4<Double>.self) * 0
            c += raw.loadUnaligned(fromByteOffset: (index &+ 8) &* 8, as: SIMD4<Double>.self) * 0
            d += raw.loadUnaligned(fromByteOffset: (index &+ 12) &* 8, as: SIMD4<Double>.self) * 0
            index &+= 16
        }
        var tail = 0.0
        while index < count {
            tail += values[index] * 0
            index &+= 1
        }
        return ((a + b) + (c + d)).sum() + tail == 0
    }

    /// `allFinite` and, in the same pass, the OR of the bit patterns, whose sign bit is set
    /// exactly when some value is negative (or −0, which the exact check then forgives).
    private static func allFiniteAndNoSignBit(_ values: UnsafePointer<Double>, _ count: Int) -> Bool {
        let raw = UnsafeRawPointer(values)
        var a = SIMD4<Double>(), b = SIMD4<Double>()
        var signs = SIMD4<UInt64>(), moreSigns = SIMD4<UInt64>()
        var index = 0
        while index &+ 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD4<Double>.self)
            let y = raw.loadUnaligned(fromByteOffset: (index &+ 4) &* 8, as: SIMD4<Double>.self)
            a += x * 0
            b += y * 0
            signs |= unsafeBitCast(x, to: SIMD4<UInt64>.self)
            moreSigns |= unsafeBitCast(y, to: SIMD4<UInt64>.self)
            index &+= 8
        }
        var tail = 0.0, tailSigns: UInt64 = 0
        while index < count {
            tail += values[index] * 0
            tailSigns |= values[index].bitPattern
            index &+= 1
        }
        let bits = signs | moreSigns
        return (a + b).sum() + tail == 0 && (bits[0] | bits[1] | bits[2] | bits[3] | tailSigns) >> 63 == 0
    }

    @inline(__always)
    private static func count(_ values: UnsafePointer<Double>, _ count: Int, _ rejects: (Double) -> Bool) -> Int {
        var rejected = 0
        for index in 0..<count where rejects(values[index]) { rejected += 1 }
        return rejected
    }

    /// What a valid value is, for messages.
    var expectation: String {
        switch self {
        case .finite: "a finite number"
        case .amount: "an amount of 0 or more"
        case .limit: "a positive limit"
        case .arrival: "an arrival rate of 0 or more"
        case .servers: "a number of servers from 1 to \(NumberFormatting.grouped(Queueing.maximumServers))"
        case .serviceTime: "a positive service time"
        }
    }
}

/// A value of the model that can be invalid at run time.
enum InvalidSubject: Hashable, Sendable {
    case metric(Int)
    case revenue
    case cost(tier: Int, item: Int)
    /// A tier's total cost, which credits can take below zero.
    case totalCost(tier: Int)
    case limit(tier: Int, limit: Int)
    case arrival(tier: Int, queue: Int)
    case servers(tier: Int, queue: Int)
    case serviceTime(tier: Int, queue: Int)

    var rule: ValueRule {
        switch self {
        case .metric: .finite
        case .revenue, .cost, .totalCost: .amount
        case .limit: .limit
        case .arrival: .arrival
        case .servers: .servers
        case .serviceTime: .serviceTime
        }
    }

    /// A total order: declaration order within each kind (so events and reports list them the
    /// same way every run).
    var sortKey: [Int] {
        switch self {
        case .metric(let index): [0, index]
        case .revenue: [1]
        case .cost(let tier, let item): [2, tier, item]
        case .totalCost(let tier): [2, tier, Int.max]
        case .limit(let tier, let limit): [3, tier, limit]
        case .arrival(let tier, let queue): [4, tier, queue]
        case .servers(let tier, let queue): [5, tier, queue]
        case .serviceTime(let tier, let queue): [6, tier, queue]
        }
    }
}

extension InvalidValue {
    /// The report of an invalid subject: what it is, in words, and its expression.
    init(_ subject: InvalidSubject, compiled: CompiledProfile, month: Int, value: Double) {
        let profile = compiled.profile
        func tierName(_ tier: Int) -> String { profile.tiers[tier].name }
        let what: String, expression: String, tierID: String?, quantity: String
        switch subject {
        case .metric(let index):
            let metric = profile.metrics[index]
            (what, expression, tierID, quantity) = ("metric \(metric.name)", metric.expression.text, nil, metric.name)
        case .revenue:
            (what, expression, tierID, quantity) = ("revenue", profile.revenue?.text ?? "", nil, ContextName.revenue.description)
        case .cost(let tier, let item):
            let cost = compiled.tiers[tier].costs[item]
            (what, expression, tierID, quantity) = (
                "cost item '\(cost.item.item)' of \(tierName(tier))",
                PlanDiff.describe(cost.item.amount), profile.tiers[tier].id,
                ContextName.costCategory(cost.item.category).description
            )
        case .totalCost(let tier):
            let credits = compiled.tiers[tier].costs.filter(\.item.credit).map { "'\($0.item.item)'" }
            (what, expression, tierID, quantity) = (
                "total cost of \(tierName(tier)) (after its credits)",
                "costs minus " + credits.joined(separator: ", "), profile.tiers[tier].id, ContextName.cost.description
            )
        case .limit(let tier, let limit):
            let compiledLimit = compiled.tiers[tier].limits[limit]
            (what, expression, tierID, quantity) = (
                "\(tierName(tier))'s limit on \(compiledLimit.name)", compiledLimit.limit.source,
                profile.tiers[tier].id, ContextName.utilizationOf(compiledLimit.name).description
            )
        case .arrival(let tier, let queue):
            let compiledQueue = compiled.tiers[tier].queues[queue]
            (what, expression, tierID, quantity) = (
                "the arrival rate of \(tierName(tier))'s queue \(compiledQueue.queue.name)",
                compiledQueue.arrivalPerSecond.source, profile.tiers[tier].id,
                ContextName.latencyOf(compiledQueue.queue.name).description
            )
        case .servers(let tier, let queue):
            let compiledQueue = compiled.tiers[tier].queues[queue]
            (what, expression, tierID, quantity) = (
                "the servers of \(tierName(tier))'s queue \(compiledQueue.queue.name)",
                compiledQueue.servers.source, profile.tiers[tier].id, ContextName.latencyOf(compiledQueue.queue.name).description
            )
        case .serviceTime(let tier, let queue):
            let compiledQueue = compiled.tiers[tier].queues[queue]
            (what, expression, tierID, quantity) = (
                "the service time of \(tierName(tier))'s queue \(compiledQueue.queue.name)",
                compiledQueue.serviceMilliseconds.source, profile.tiers[tier].id,
                ContextName.latencyOf(compiledQueue.queue.name).description
            )
        }
        self.init(
            subject: what, expression: expression, month: month, value: value, expected: subject.rule.expectation,
            tierID: tierID, quantity: quantity)
    }
}
