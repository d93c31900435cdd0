/// One month of a projection.
public struct MonthResult: Sendable, Equatable {
    public var month: Int
    public var driver: Double
    /// The tier the plan's ranges put this month in.
    public var tier: Int
    /// The lowest tier whose limits carry the load; nil when none can.
    public var requiredTier: Int?
    /// Metric values, indexed like `profile.metrics`.
    public var metrics: [Double]
    /// The plan tier's limits at this month's load.
    public var limits: [LimitUse]
    /// The plan tier's limit with the highest utilisation (a NaN one first).
    public var bottleneck: LimitUse?
    /// The plan tier's queues.
    public var queues: [QueueUse]
    public var cost: CostBreakdown
    public var revenue: Double?
    /// When no tier carries the load: the last tier's most-used limit.
    public var unmet: LimitUse?

    public var margin: Double? { revenue.map { $0 - cost.expected } }
    /// Expected cost per driver unit (per user, per business); nil at zero driver.
    public var costPerUnit: Double? { driver > 0 ? cost.expected / driver : nil }
    /// The worst queue of the month: the highest p95, an invalid (NaN) one first.
    public var worstQueue: QueueUse? { QueueUse.worst(queues) }
}

/// A limit against the load: `value / limit` (see `LimitRule`).
public struct LimitUse: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var limit: Double
    /// Whether the profile marks this limit as the one that sizes the tier.
    public var primary: Bool = false
    public var utilization: Double { LimitRule.utilization(value: value, limit: limit) }
    /// Whether the limit holds (a NaN value or an invalid limit does not).
    public var holds: Bool { LimitRule.holds(value: value, limit: limit) }
    /// Whether the limit's own value is invalid (NaN, zero or negative).
    public var isInvalid: Bool { !LimitRule.isValid(limit) }

    /// The bottleneck among `uses`, chosen as the month step chooses it: the highest
    /// utilisation (`LimitRule.isWorse`), ties to a primary limit, then to the one listed first.
    public static func bottleneck(_ uses: [LimitUse]) -> LimitUse? {
        let order = LimitRule.bottleneckOrder(primary: uses.map(\.primary))
        return order.map { uses[$0] }.max { LimitRule.isWorse($1.utilization, than: $0.utilization) }
    }
}

/// A queue's p95 latency against its target.
public struct QueueUse: Sendable, Equatable {
    public var name: String
    /// Arrivals per second.
    public var arrivalRate: Double
    /// The whole number of servers the model uses (NaN when the value given is invalid).
    public var servers: Double
    public var serviceMilliseconds: Double
    public var utilization: Double
    /// p95 response time in milliseconds; infinity when the queue is unstable, NaN when its
    /// inputs are invalid.
    public var p95Milliseconds: Double
    /// The target, from the queue or the tier's SLO.
    public var targetMilliseconds: Double?

    /// Whether the p95 is over its target (an invalid queue is an invalid value, not a miss).
    public var missesTarget: Bool {
        guard let target = targetMilliseconds, !p95Milliseconds.isNaN else { return false }
        return p95Milliseconds > target
    }

    /// The queue with the highest p95, an invalid one first (its latency is unknown).
    static func worst(_ queues: [QueueUse]) -> QueueUse? {
        var worst: QueueUse?
        for queue in queues {
            guard let current = worst else {
                worst = queue
                continue
            }
            if LimitRule.isWorse(queue.p95Milliseconds, than: current.p95Milliseconds) { worst = queue }
        }
        return worst
    }
}

/// Monthly cost, low / expected / high, in the profile's currency.
public struct CostBreakdown: Sendable, Equatable {
    public var low: Double
    public var expected: Double
    public var high: Double
    /// Per item of the plan tier, in the tier's item order.
    public var items: [ItemCost]
    /// Expected cost per category, in `CompiledProfile.categories` order.
    public var categories: [Double]

    public static let zero = CostBreakdown(low: 0, expected: 0, high: 0, items: [], categories: [])
}

/// One cost item's monthly amount, converted to the profile's currency.
public struct ItemCost: Sendable, Equatable {
    public var low: Double
    /// The expected amount (in a Monte Carlo trial: the trial's draw).
    public var expected: Double
    public var high: Double

    public init(low: Double, expected: Double, high: Double) {
        self.low = low
        self.expected = expected
        self.high = high
    }
}
