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

/// A cost item: low, expected and high monthly amounts, already multiplied by `fxRate`.
public struct CompiledCost: Sendable {
    public let item: CostItem
    public let low: CompiledExpression
    public let expected: CompiledExpression
    public let high: CompiledExpression
    /// Value of one unit of the item's currency in the profile's currency (1 when the same).
    public let fxRate: Double
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

    /// Whether the condition holds for these slot values.
    public func holds(_ slots: UnsafeBufferPointer<Double>) -> Bool {
        switch self {
        case .expression(let expression): expression.evaluate(slots) != 0
        case .any(let parts): parts.contains { $0.holds(slots) }
        case .all(let parts): parts.allSatisfy { $0.holds(slots) }
        }
    }
}
