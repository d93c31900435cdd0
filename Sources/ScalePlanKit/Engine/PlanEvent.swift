/// Something a founder should know or act on, at a month: a trigger firing, a tier change, a
/// migration that must start, or a gap in the plan.
public struct PlanEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A trigger's condition first holds.
        case trigger
        /// The plan's ranges move the driver into another tier.
        case tierChange = "tier-change"
        /// The latest month to start moving into a tier, given its lead time.
        case migrationStart = "migration-start"
        /// No tier's limits carry the load.
        case noTierCarries = "no-tier-carries"
        /// The plan says "stay in this tier", its limits say it cannot carry the load.
        case tierOverCapacity = "tier-over-capacity"
        /// The queue model's p95 misses the target.
        case sloMissed = "slo-missed"
        /// A value of the model breaks its rule at run time: a metric that is not finite, a cost or
        /// revenue that is negative or NaN, a limit ≤ 0 or NaN, a queue input out of range.
        case invalidValue = "invalid-value"

        /// Order among events of the same month and severity.
        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    }

    public var month: Int
    public var kind: Kind
    public var severity: Trigger.Severity
    /// The tier concerned.
    public var tierID: String?
    public var triggerID: String?
    /// What happened, in a sentence.
    public var message: String
    /// What to do about it.
    public var action: String?
    /// The observed value, and the threshold it crossed, when there is one.
    public var value: Double?
    public var threshold: Double?
    /// The name of the compared quantity (`db_connections`, `utilization.peak_rps`).
    public var quantity: String?

    /// Events sorted by month, then severity (critical first), kind, message, tier and trigger:
    /// a total order, so every run lists them the same way.
    public static func ordered(_ events: [PlanEvent]) -> [PlanEvent] {
        events.sorted {
            if ($0.month, -$0.severityRank, $0.kind.rank) != ($1.month, -$1.severityRank, $1.kind.rank) {
                return ($0.month, -$0.severityRank, $0.kind.rank) < ($1.month, -$1.severityRank, $1.kind.rank)
            }
            return ($0.message, $0.tierID ?? "", $0.triggerID ?? "") < ($1.message, $1.tierID ?? "", $1.triggerID ?? "")
        }
    }

    var severityRank: Int {
        switch severity {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }
}
