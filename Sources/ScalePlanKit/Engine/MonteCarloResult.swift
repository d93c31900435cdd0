/// What a Monte Carlo run reports: percentiles per month, trigger odds, tier odds and the values
/// of the model that were invalid in some trials.
public struct MonteCarloResult: Sendable {
    public let compiled: CompiledProfile
    public let growthSource: String
    public let start: YearMonth?
    public let trials: Int
    public let seed: UInt64
    public let months: Int
    /// Per month: the driver, every limited metric, the plan tier's bottleneck utilisation and
    /// worst p95 (when the plan has queues), its cost, and revenue and margin where modelled.
    public let series: [Series]
    public let triggers: [TriggerOdds]
    public let tiers: [TierOdds]
    /// Every tier the plan can move into (all but the first), with its safe start date.
    public let moves: [Move]
    /// Per month: the share of trials whose load no tier carries.
    public let noTierCarries: [Double]
    public let invalidValues: [InvalidOdds]

    public var profile: Profile { compiled.profile }

    /// `2026-03` when the run has a start month, else `M3`.
    public func label(_ month: Int) -> String {
        YearMonth.label(month, start: start)
    }

    /// One quantity's distribution month by month.
    public struct Series: Sendable {
        public enum Kind: String, Sendable {
            case driver, metric, utilization, latency, cost, revenue, margin
        }

        public var name: String
        public var kind: Kind
        public var months: [Percentiles]
    }

    /// P10 / P50 / P90 (nearest rank: exact where the rank falls on a value the trials there
    /// share, else within 0.1%; see `QuantileHistogram`) and the mean. NaN where the rank falls
    /// on an invalid value (or, for p95, on a tier without queues).
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
        /// The id, and the tier when a component's trigger shares it with other tiers' copies.
        public func label(among all: [TriggerOdds]) -> String {
            guard let tierID, all.contains(where: { $0.id == id && $0.tierID != self.tierID }) else { return id }
            return "\(id) (\(tierID))"
        }
        public var severity: Trigger.Severity
        public var action: String
        /// The share of trials in which it fires at least once.
        public var probability: Double
        /// Percentiles of the first month it fires, over all trials (a trial where it never
        /// fires counts as later than the horizon, so P90 is nil when under 90% of trials fire).
        public var firstMonth: (p10: Int?, p50: Int?, p90: Int?)
        /// The months in which the share of trials that have fired rises, with the share then: the
        /// whole cumulative distribution, in as many entries as there are distinct first months.
        public var firstMonths: [(month: Int, share: Double)]

        /// The share of trials in which it has fired at or before `month`.
        public func firedBy(_ month: Int) -> Double {
            firstMonths.last { $0.month <= month }?.share ?? 0
        }
    }

    /// Per tier and month: how likely the tier is to be needed by then — the share of trials
    /// whose plan tier, or the tier their load requires when that is higher, has reached it —
    /// how likely the plan is to be on it that month, and how likely it is the required tier
    /// (the lowest whose limits carry the load, as the projection's `required_tier`).
    public struct TierOdds: Sendable {
        public var id: String
        public var neededBy: [Double]
        public var inPlan: [Double]
        public var required: [Double]
    }

    /// When a move into a tier must start: the month it is needed (its range is reached or the
    /// load requires it), less the trial's lead time (drawn when uncertain, rounded up to whole
    /// months), over the trials.
    public struct Move: Sendable {
        public var tierID: String
        /// P10 / P50 / P90 of the month the tier is first needed (nil: later than the horizon).
        public var neededBy: (p10: Int?, p50: Int?, p90: Int?)
        /// The share of trials that need it within the horizon.
        public var probabilityNeeded: Double
        public var leadTime: NumberRange?
        public var confidence: Double
        /// The latest month to start so that the move is done before it is needed in at least
        /// `confidence` of the trials; negative: already late; nil: not needed within the horizon
        /// in that many trials.
        public var startBy: Int?
        /// The same at 50%.
        public var startByHalf: Int?
        /// When a date is nil: no start is needed before this month in that many trials (a need
        /// after the horizon could ask for one from here on; a longer horizon dates it).
        public var notBefore: Int
        /// Per month m: the share of trials ready in time if the move starts in month m.
        public var readyIfStartedIn: [Double]

        /// The advice in one sentence: "Start the move to Growth by 2026-07 (90% sure to be ready
        /// in time; 50%: 2026-09)". `label` names a month, `tierName` the tier.
        public func advice(tierName: String, months: Int, label: (Int) -> String) -> String {
            let sure = Self.percent(confidence)
            let longer = notBefore < months ? " (a longer --months dates it)" : ""
            func when(_ month: Int?) -> String {
                guard let month else { return "no start before \(label(notBefore))\(longer)" }
                return month < 0 ? "now (\(Self.months(-month)) late)" : label(month)
            }
            guard let startBy else {
                return "No start of the move to \(tierName) is needed before \(label(notBefore)) in \(sure) of trials\(longer) "
                    + "(it is needed within \(months) months in \(NumberFormatting.percent(probabilityNeeded)))."
            }
            let half = confidence == 0.5 ? "" : "; 50%: \(when(startByHalf))"
            if startBy < 0 {
                return "Start the move to \(tierName) now: to be \(sure) sure it is ready in time it should have started "
                    + "\(Self.months(-startBy)) before the plan's first month\(confidence == 0.5 ? "" : " (50%: \(when(startByHalf)))")."
            }
            return "Start the move to \(tierName) by \(label(startBy)) (\(sure) sure to be ready in time\(half))."
        }

        /// A confidence as a percentage, never rounded up (0.955 is 95.5%, not 96%).
        public static func percent(_ confidence: Double) -> String {
            NumberFormatting.plain((confidence * 1000).rounded(.down) / 10) + "%"
        }

        static func months(_ count: Int) -> String { "\(NumberFormatting.prose(Double(count))) month\(count == 1 ? "" : "s")" }
    }

    /// A value of the model invalid in some trials: its first occurrence and the share of trials.
    public struct InvalidOdds: Sendable {
        public var value: InvalidValue
        public var probability: Double
    }
}
