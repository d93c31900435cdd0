/// What a Monte Carlo run reports: percentiles per month, trigger odds and tier odds.
public struct MonteCarloResult: Sendable {
    public let compiled: CompiledProfile
    public let growthSource: String
    public let start: YearMonth?
    public let trials: Int
    public let seed: UInt64
    public let months: Int
    /// Per month: the driver, every limited metric, total cost, and revenue and margin where
    /// modelled.
    public let series: [Series]
    public let triggers: [TriggerOdds]
    public let tiers: [TierOdds]

    public var profile: Profile { compiled.profile }

    /// `2026-03` when the run has a start month, else `M3`.
    public func label(_ month: Int) -> String {
        start.map { $0.adding(months: month).description } ?? "M\(month)"
    }

    /// One quantity's distribution month by month.
    public struct Series: Sendable {
        public enum Kind: String, Sendable { case driver, metric, cost, revenue, margin }
        public var name: String
        public var kind: Kind
        public var months: [Percentiles]
    }

    /// P10 / P50 / P90 (nearest rank, within 0.4%: see `QuantileHistogram`) and the mean.
    public struct Percentiles: Sendable, Equatable {
        public var p10: Double?
        public var p50: Double?
        public var p90: Double?
        public var mean: Double?
    }

    /// How likely a trigger is to fire within the horizon, and when.
    public struct TriggerOdds: Sendable {
        public var id: String
        public var tierID: String?
        public var severity: Trigger.Severity
        public var action: String
        /// The share of trials in which it fires at least once.
        public var probability: Double
        /// Percentiles of the first month it fires, over all trials (a trial where it never
        /// fires counts as later than the horizon, so P90 is nil when under 90% of trials fire).
        public var firstMonth: (p10: Int?, p50: Int?, p90: Int?)
        /// Per month: the share of trials in which it has fired at or before that month.
        public var firedBy: [Double]
    }

    /// How likely a tier is to be needed by each month: the share of trials whose load has
    /// reached it (the plan's range or, when the plan's tier cannot carry the load, the lowest
    /// later tier that can) at or before that month.
    public struct TierOdds: Sendable {
        public var id: String
        public var neededBy: [Double]
    }
}
