/// The month-by-month projection of a plan: what `simulate` reports.
public struct Projection: Sendable {
    public let compiled: CompiledProfile
    /// Where the growth curve came from (`scenario seed`, `--growth …`, `--growth-csv file`).
    public let growthSource: String
    public let curve: GrowthCurve
    public let start: YearMonth?
    public let months: [MonthResult]
    public let events: [PlanEvent]

    public var profile: Profile { compiled.profile }

    /// `2026-03` when the plan has a start month, else `M3`.
    public func label(_ month: Int) -> String {
        start.map { $0.adding(months: month).description } ?? "M\(month)"
    }
}

/// One month of a projection.
public struct MonthResult: Sendable {
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
    /// The highest utilisation among `limits`.
    public var bottleneck: LimitUse?
    /// The plan tier's queues.
    public var queues: [QueueUse]
    public var cost: CostBreakdown
    public var revenue: Double?
    /// Ids of the triggers whose condition holds this month.
    public var firing: [String]

    public var margin: Double? { revenue.map { $0 - cost.expected } }
    /// Expected cost per driver unit (per user, per business); nil at zero driver.
    public var costPerUnit: Double? { driver > 0 ? cost.expected / driver : nil }
}

/// A limit against the load: `value / limit`.
public struct LimitUse: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var limit: Double
    public var utilization: Double { limit > 0 ? value / limit : .infinity }
}

/// A queue's p95 latency against its target.
public struct QueueUse: Sendable, Equatable {
    public var name: String
    /// Arrivals per second.
    public var arrivalRate: Double
    public var servers: Double
    public var serviceMilliseconds: Double
    public var utilization: Double
    /// p95 response time in milliseconds; infinity when the queue is unstable.
    public var p95Milliseconds: Double
    /// The target, from the queue or the tier's SLO.
    public var targetMilliseconds: Double?

    public var missesTarget: Bool { targetMilliseconds.map { !(p95Milliseconds <= $0) } ?? false }
}

/// Monthly cost, low / expected / high, in the profile's currency.
public struct CostBreakdown: Sendable, Equatable {
    public var low: Double
    public var expected: Double
    public var high: Double
    /// Per item of the plan tier, in the tier's item order.
    public var items: [ModelEvaluator.ItemCost]
    /// Expected cost per category, in `CompiledProfile.categories` order.
    public var categories: [Double]
}
