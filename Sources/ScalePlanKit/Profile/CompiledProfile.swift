/// A validated profile with every expression compiled against one `SlotLayout`: what the engine
/// runs.
public struct CompiledProfile: Sendable {
    public let profile: Profile
    let layout: SlotLayout
    /// Compiled metrics, indexed like `profile.metrics`.
    let metrics: [CompiledExpression]
    /// Indices into `profile.metrics` in dependency order: each metric after those it reads.
    let metricOrder: [Int]
    let revenue: CompiledExpression?
    let tiers: [CompiledTier]
    let globalTriggers: [CompiledTrigger]
    /// Every cost category used by any tier, sorted.
    let categories: [String]
    /// Every param a tier declares, tier by tier in declaration order: what that tier's
    /// evaluation reads instead of the global value (`param` indexes the layout's params; those
    /// from `profile.params.count` on are declared only by tiers). Sampled after the global params.
    let tierParams: [TierParam]
    /// The params some tier declares (indices into the layout's params), ascending.
    let varyingParams: [Int]
    /// Per metric: whether its value depends on a param some tier declares (directly or through
    /// other metrics), so it is evaluated again for each tier; and the same for revenue.
    let scopedMetrics: [Bool]
    let scopedRevenue: Bool
    /// The params set from the command line for this run (`withParams`), in order.
    public internal(set) var overrides: [ParamOverride] = []
    /// A tier per month to run instead of choosing one (`following`, `simulate --schedule`).
    public internal(set) var schedule: [Int]? = nil
    /// The plan with its options laid out, as validation compiled it (`layingOutOptions` returns
    /// it rather than compiling a third time).
    var laidOut: LaidOutPlan? = nil

    /// The deterministic value of every param (mode, midpoint or median).
    var expectedParams: [Double] { profile.params.map(\.value.expected) }

    /// Whether some tier declares params.
    var hasTierParams: Bool { !tierParams.isEmpty }
}

/// A compiled plan kept by another (a class, so that a `CompiledProfile` can hold one).
final class LaidOutPlan: Sendable {
    let compiled: CompiledProfile
    init(_ compiled: CompiledProfile) { self.compiled = compiled }
}

/// A param as one tier declares it.
struct TierParam: Sendable {
    let tier: Int
    /// Index into the layout's params.
    let param: Int
    let value: Uncertain
    let declaration: Param
}

/// A tier's limits, costs, queues and triggers, compiled.
struct CompiledTier: Sendable {
    var tier: Tier
    let limits: [CompiledLimit]
    let costs: [CompiledCost]
    let queues: [CompiledQueue]
    let triggers: [CompiledTrigger]
}

/// A limit on the metric in `slot`.
struct CompiledLimit: Sendable {
    let name: String
    let slot: Int
    /// The limit checked: the profile's limit times `1 + headroom`.
    let limit: CompiledExpression
    let primary: Bool
}

/// A cost item: low, expected and high monthly amounts in the item's currency (`fxRate` converts
/// them), and the mode of a `{low, mode, high}` range.
struct CompiledCost: Sendable {
    let item: CostItem
    let low: CompiledExpression
    /// The deterministic amount: the mode, or the midpoint of a range without one.
    let expected: CompiledExpression
    let high: CompiledExpression
    let mode: CompiledExpression?
    /// Value of one unit of the item's currency in the profile's currency (1 when the same).
    let fxRate: Double

    /// Whether the amount is a `{low, …, high}` range (drawn per trial in Monte Carlo).
    var isRange: Bool {
        if case .range = item.amount { return true }
        return false
    }

    /// The amount when it is one constant number (in the item's currency).
    var fixedValue: Double? { isRange ? nil : low.constantValue }
}

/// An M/M/c queue: servers, mean service time and arrival rate (per second).
struct CompiledQueue: Sendable {
    let queue: Queue
    let servers: CompiledExpression
    let serviceMilliseconds: CompiledExpression
    let arrivalPerSecond: CompiledExpression
}

/// A trigger with its condition compiled.
struct CompiledTrigger: Sendable {
    let trigger: Trigger
    let condition: CompiledCondition
    /// The tier that owns it, nil for a global trigger.
    let tierID: String?
}

/// A compiled trigger condition.
indirect enum CompiledCondition: Sendable {
    case expression(CompiledExpression)
    case any([CompiledCondition])
    case all([CompiledCondition])
}

extension CompiledProfile {
    /// The slots whose value changes with the driver: the driver, and every metric that reads
    /// it, directly or through other metrics.
    var driverDependentSlots: Set<Int> {
        var dependent: Set<Int> = [SlotLayout.driverSlot]
        for metric in metricOrder where metrics[metric].reads(anyOf: dependent) {
            dependent.insert(layout.metricSlots.lowerBound + metric)
        }
        return dependent
    }

    /// Whether an expression's value changes with the driver (a usage-priced cost, a limit
    /// that scales with the load).
    func dependsOnDriver(_ expression: CompiledExpression) -> Bool {
        expression.reads(anyOf: driverDependentSlots)
    }
}

extension CompiledExpression {
    /// Whether the expression loads any of `slots`.
    func reads(anyOf slots: Set<Int>) -> Bool {
        code.contains { instruction in
            if case .load(let slot) = instruction { return slots.contains(slot) }
            return false
        }
    }
}

extension CompiledProfile {
    /// The profile with each tier's range derived from capacity (`CapacitySearch.derivedRanges`),
    /// for `tier_selection: capacity`: what `show`, `capacity` and the roadmap report as the
    /// driver range each tier covers.
    func derivingRanges() -> CompiledProfile {
        let ranges = CapacitySearch(self).derivedRanges()
        var profile = self.profile
        var tiers = self.tiers
        for index in tiers.indices {
            profile.tiers[index].range = ranges[index]
            profile.tiers[index].rangeDerived = true
            tiers[index].tier = profile.tiers[index]
        }
        return CompiledProfile(
            profile: profile, layout: layout, metrics: metrics, metricOrder: metricOrder, revenue: revenue, tiers: tiers,
            globalTriggers: globalTriggers, categories: categories, tierParams: tierParams, varyingParams: varyingParams,
            scopedMetrics: scopedMetrics, scopedRevenue: scopedRevenue, overrides: overrides, schedule: schedule,
            laidOut: laidOut)
    }
}
