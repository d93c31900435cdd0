/// One tier (phase) of a plan: the driver range it is meant for, what it can carry, what it
/// costs, its targets and when to move on.
public struct Tier: Sendable {
    public var id: String
    public var name: String
    /// The seed section the tier comes from.
    public var source: String?
    public var range: DriverRange
    /// Where `range.min` is written, for range errors.
    public var rangeOrigin: Origin
    /// Whether `range` was worked out from capacity (`tier_selection: capacity` without a range).
    public var rangeDerived: Bool = false
    /// Params this tier adds or overrides while it is evaluated.
    public var params: [Param] = []
    /// Names under the tier's `params` whose value could not be read (reported by the decoder).
    var unreadParams: Set<String> = []
    /// The components the tier includes (their items are already in `capacity`, `costs`,
    /// `queues` and `triggers`).
    public var uses: [String] = []
    /// Where each name of `use` is written.
    var useLocations: [SourceLocation?] = []
    public var timeline: Timeline?
    public var capacity: [Limit]
    public var costs: [CostItem]
    public var slo: ServiceLevel?
    public var queues: [Queue]
    public var triggers: [Trigger]
    /// Moving into this tier.
    public var migration: Migration?
    public var team: Team?
    public var notes: [String]
    public var origin: Origin
    /// The name of the way the tier as written runs (`option`, "planned" when not given): what
    /// the plan's own path runs in this tier.
    public var option = Tier.plannedOption
    /// The name the option gives itself (`options[].name`, or `option.name` for the tier as
    /// written); nil when it has none (reports use its id).
    public var optionName: String? = nil
    /// Other ways to run this tier (`options`): each the tier with some keys replaced, covering
    /// the same driver range, with its own costs, limits, queues and migration.
    public var alternatives: [Tier] = []
    /// Whether a path may pass this tier without running it (`skippable`, for `optimize`).
    public var skippable = false
    /// In a profile with its options laid out as tiers (`Profile.layingOutOptions`): the index of
    /// the plan tier this tier is a way of running; nil in a profile as written.
    public var stage: Int? = nil
    /// In a laid-out profile, the id of the plan tier (an alternative's own id there is
    /// `tier/option`); the tier's id otherwise.
    public var stageID: String? = nil
    /// Whether `use` is the plan tier's, inherited by an alternative (its errors are the tier's).
    var usesInherited = false

    /// The option name of a tier as written when the profile does not give one.
    public static let plannedOption = "planned"

    /// How reports name the option: its own name, else its id.
    public var optionLabel: String { optionName ?? option }
}

/// A half-open driver range [min, max); `max` is nil for the last, open-ended tier.
public struct DriverRange: Sendable, Equatable {
    public var min: Double
    public var max: Double?

    public init(min: Double, max: Double?) {
        self.min = min
        self.max = max
    }

    public func contains(_ value: Double) -> Bool {
        value >= min && (max.map { value < $0 } ?? true)
    }
}

/// Planned months of a tier, counted from the plan's start.
public struct Timeline: Sendable, Equatable {
    public var start: Double
    public var end: Double?
    public var label: String?
}

/// A capacity limit on a metric (or on the driver itself).
public struct Limit: Sendable {
    /// The metric (or driver) the limit applies to.
    public var metric: String
    public var limit: Quantity
    public var label: String?
    public var source: String?
    /// How far over `limit` still fits (0.15: up to 15% over); 0 when not given. The limit the
    /// engine checks against is `limit × (1 + headroom)`.
    public var headroom: Double = 0
    /// Whether this limit sizes the tier: it is the bottleneck unless another limit is more
    /// utilised by more than `LimitRule.tolerance`.
    public var primary: Bool = false
    /// The component it comes from, when it was included by `use`.
    public var component: String? = nil
    public var origin: Origin
}

/// A monthly cost line item.
public struct CostItem: Sendable {
    public var item: String
    public var category: String
    public var amount: Amount
    /// Currency of the amount when it differs from the profile's.
    public var currency: String?
    public var source: String?
    public var note: String?
    /// Subtracted from the total (a discount, a credit), instead of added.
    public var credit: Bool = false
    /// In an option: the tier's item this one takes the place of (`replaces`).
    public var replaces: String? = nil
    /// The component it comes from, when it was included by `use`.
    public var component: String? = nil
    public var origin: Origin

    /// The item as reports name it: `Load balancer (ha)` for a component's.
    public var displayName: String { component.map { "\(item) (\($0))" } ?? item }
}

/// A monthly amount: one value, or a low–high range (each may be an expression).
public enum Amount: Sendable {
    case single(Quantity)
    case range(low: Quantity, mode: Quantity?, high: Quantity)
}

/// Service-level targets.
public struct ServiceLevel: Sendable, Equatable {
    public var p95Milliseconds: Double?
    public var uptimePercent: Double?
}

/// A serving component modelled as an M/M/c queue.
public struct Queue: Sendable {
    public var name: String
    public var servers: Quantity
    public var serviceMilliseconds: Quantity
    /// Arrival rate in requests per second.
    public var arrival: ExpressionText
    /// Target p95 overriding the tier's `slo.p95_ms`.
    public var p95Milliseconds: Double?
    /// The component it comes from, when it was included by `use`.
    public var component: String? = nil
    public var origin: Origin
}

/// Moving into a tier: how long it takes to prepare and how long the service is down.
public struct Migration: Sendable, Equatable {
    public var leadTimeMonths: NumberRange?
    public var downtimeMinutes: NumberRange?
    /// A one-off cost of the move in the profile's currency (`cost`), paid in the month it starts.
    public var cost: NumberRange? = nil
    public var note: String?

    /// A lead time in months: at the uniform `u` in [0, 1) (triangular with a mode, else uniform),
    /// the high end without one (what a deterministic plan allows for); 0 without a lead time.
    /// Monte Carlo passes each trial's draw, `optimize` the confidence (the lead time's quantile).
    public static func leadTime(_ lead: NumberRange?, at u: Double?) -> Double {
        guard let lead else { return 0 }
        guard let u, lead.low < lead.high else { return lead.high }
        return lead.mode.map { Draw.triangular(u, low: lead.low, mode: $0, high: lead.high) }
            ?? Draw.uniform(u, low: lead.low, high: lead.high)
    }

    /// A lead time in whole months, rounded up (a move must start a whole month ahead). In doubles
    /// first: a lead time may be any finite number, clamped far beyond any horizon before it
    /// becomes an Int.
    public static func wholeMonths(_ months: Double) -> Int { Int(Swift.min(months.rounded(.up), 1e9)) }

    public init(
        leadTimeMonths: NumberRange? = nil, downtimeMinutes: NumberRange? = nil, cost: NumberRange? = nil,
        note: String? = nil
    ) {
        self.leadTimeMonths = leadTimeMonths
        self.downtimeMinutes = downtimeMinutes
        self.cost = cost
        self.note = note
    }
}

/// Team size and burn in a tier, and hires due at driver levels.
public struct Team: Sendable, Equatable {
    public var headcount: NumberRange?
    /// Monthly total burn.
    public var burn: NumberRange?
    public var currency: String?
    public var hires: [Hire]
}

/// A hire due when the driver reaches `at`.
public struct Hire: Sendable, Equatable {
    public var role: String
    public var at: Double
    public var count: Int
    /// Monthly salary per person.
    public var salary: NumberRange?
    public var currency: String?
    public var why: String?
}
