/// A validated profile with every expression compiled against one `SlotLayout`: what the engine
/// runs.
public struct CompiledProfile: Sendable {
    public let profile: Profile
    public let layout: SlotLayout
    /// Compiled metrics, indexed like `profile.metrics`.
    public let metrics: [CompiledExpression]
    /// Indices into `profile.metrics` in dependency order: each metric after those it reads.
    public let metricOrder: [Int]
    public let revenue: CompiledExpression?
    public let tiers: [CompiledTier]
    public let globalTriggers: [CompiledTrigger]
    /// Every cost category used by any tier, sorted.
    public let categories: [String]

    /// The deterministic value of every param (mode, midpoint or median).
    public var expectedParams: [Double] { profile.params.map(\.value.expected) }
}

/// A tier's limits, costs, queues and triggers, compiled.
public struct CompiledTier: Sendable {
    public let tier: Tier
    public let limits: [CompiledLimit]
    public let costs: [CompiledCost]
    public let queues: [CompiledQueue]
    public let triggers: [CompiledTrigger]
}

/// A limit on the metric in `slot`.
public struct CompiledLimit: Sendable {
    public let name: String
    public let slot: Int
    public let limit: CompiledExpression
}

/// A cost item: low, expected and high monthly amounts in the item's currency (`fxRate` converts
/// them), and the mode of a `{low, mode, high}` range.
public struct CompiledCost: Sendable {
    public let item: CostItem
    public let low: CompiledExpression
    /// The deterministic amount: the mode, or the midpoint of a range without one.
    public let expected: CompiledExpression
    public let high: CompiledExpression
    public let mode: CompiledExpression?
    /// Value of one unit of the item's currency in the profile's currency (1 when the same).
    public let fxRate: Double

    /// Whether the amount is a `{low, …, high}` range (drawn per trial in Monte Carlo).
    public var isRange: Bool {
        if case .range = item.amount { return true }
        return false
    }

    /// The amount when it is one constant number (in the item's currency).
    var fixedValue: Double? { isRange ? nil : low.constantValue }
}

/// An M/M/c queue: servers, mean service time and arrival rate (per second).
public struct CompiledQueue: Sendable {
    public let queue: Queue
    public let servers: CompiledExpression
    public let serviceMilliseconds: CompiledExpression
    public let arrivalPerSecond: CompiledExpression
}

/// A trigger with its condition compiled.
public struct CompiledTrigger: Sendable {
    public let trigger: Trigger
    public let condition: CompiledCondition
    /// The tier that owns it, nil for a global trigger.
    public let tierID: String?
}

/// A compiled trigger condition.
public indirect enum CompiledCondition: Sendable {
    case expression(CompiledExpression)
    case any([CompiledCondition])
    case all([CompiledCondition])
}
