/// A scaling plan as written in a profile file (version 1 of the profile language).
///
/// This is the declarative form, close to the JSON; `ProfileCompiler` checks it and turns it
/// into a `CompiledProfile` that the engine runs.
public struct Profile: Sendable {
    public var version: Int
    public var id: String
    public var name: String
    public var description: String?
    public var source: String?
    /// ISO 4217 code every total is expressed in.
    public var currency: String
    /// Value of one unit of a foreign currency in `currency` (`["INR": 0.012]`).
    public var fx: [String: Double]
    public var driver: Driver
    public var params: [Param]
    public var metrics: [Metric]
    /// Monthly revenue in `currency`, when the plan models it.
    public var revenue: ExpressionText?
    public var tiers: [Tier]
    /// How each month's plan tier is chosen: by the driver range, or by what carries the load.
    public var tierSelection: TierSelection = .range
    /// Whether a path may move to a lower tier (`allow_downgrade`, for `optimize`); moves go up
    /// the tier list, or between the options of one tier, otherwise.
    public var allowsDowngrade = false
    /// How monitoring measures the plan's names (`observe`), in profile order.
    public var observe: [ObserveQuery] = []
    /// How many of `tiers` at the end are options laid out as tiers (`layingOutOptions`): the plan
    /// chooses among the first `planTierCount` only.
    public internal(set) var alternativeTierCount = 0
    /// The tiers the plan chooses among (by range or capacity): all, unless options are laid out.
    public var planTierCount: Int { tiers.count - alternativeTierCount }
    /// Named bundles of cost items, limits, queues and triggers that tiers include by `use`
    /// (already copied into those tiers, each item marked with the component's name).
    public var components: [Component] = []
    /// Some tier could not be read (the decoder reported why): references to tiers are then not
    /// checked, since the missing tier may be the one meant (no follow-on errors).
    var hasUnreadTiers = false
    /// Params and metrics whose definition could not be read (the decoder reported why): a
    /// reference to one is not reported again as an unknown name.
    var unreadNames: Set<String> = []
    /// Triggers that apply in every tier (red flags).
    public var triggers: [Trigger]
    public var scenarios: [Scenario]
    public var notes: [String]

    /// The scenario marked default (the first one if none is, which validation reports).
    public var defaultScenario: Scenario? { scenarios.first { $0.isDefault } ?? scenarios.first }

    /// The tier with this id.
    public func tier(_ id: String) -> Tier? { tiers.first { $0.id == id } }
}

/// How each month's plan tier is chosen.
public enum TierSelection: String, Sendable, CaseIterable {
    /// The tier whose driver `range` holds the month's driver value.
    case range
    /// The lowest tier whose limits carry the month's load; ranges are derived from capacity.
    case capacity
}

/// A named bundle of cost items, limits, queues and triggers shared by the tiers that `use` it.
public struct Component: Sendable {
    public var name: String
    public var capacity: [Limit]
    public var costs: [CostItem]
    public var queues: [Queue]
    public var triggers: [Trigger]
    public var origin: Origin
}

/// The growth quantity the plan is written against (users, businesses).
public struct Driver: Sendable, Equatable {
    /// The identifier expressions use (`users`).
    public var name: String
    /// Singular unit (`user`).
    public var unit: String
    /// Display label (`Monthly active users`).
    public var label: String
}

/// Where a value came from in the file, for messages.
public struct Origin: Sendable, Equatable {
    public var location: SourceLocation?
    public var path: String

    public init(location: SourceLocation?, path: String) {
        self.location = location
        self.path = path
    }
}

/// Expression text with its place in the file, so compile errors point at the exact column.
public struct ExpressionText: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var origin: Origin
    /// True when the JSON string had no escapes, so expression columns map onto file columns.
    public var verbatim: Bool

    public init(_ text: String, origin: Origin, verbatim: Bool = true) {
        self.text = text
        self.origin = origin
        self.verbatim = verbatim
    }

    public var description: String { text }

    /// The file location of a column of the expression (for a JSON number, the number itself).
    public func location(ofColumn column: Int) -> SourceLocation? {
        guard let start = origin.location else { return nil }
        return verbatim ? start.advanced(byColumns: column) : start
    }
}

/// A quantity written as a number or as an expression.
public enum Quantity: Sendable, Equatable, CustomStringConvertible {
    case number(Double, Origin)
    case expression(ExpressionText)

    public var origin: Origin {
        switch self {
        case .number(_, let origin): origin
        case .expression(let text): text.origin
        }
    }

    public var description: String {
        switch self {
        case .number(let value, _): NumberFormatting.plain(value)
        case .expression(let text): text.text
        }
    }

    /// The expression text to compile (a number compiles to a constant).
    public var expressionText: ExpressionText {
        switch self {
        case .number(let value, let origin): ExpressionText(NumberFormatting.plain(value), origin: origin, verbatim: false)
        case .expression(let text): text
        }
    }
}

/// An uncertain number: a point value, or a distribution the Monte Carlo engine samples.
public struct Uncertain: Sendable, Equatable {
    public enum Distribution: String, Sendable, CaseIterable {
        case fixed, triangular, uniform, lognormal
    }

    public var distribution: Distribution
    public var low: Double
    public var mode: Double?
    public var high: Double

    public static func fixed(_ value: Double) -> Uncertain {
        Uncertain(distribution: .fixed, low: value, mode: value, high: value)
    }

    /// The value a deterministic run uses: the mode; else the midpoint (uniform) or the median
    /// √(low·high) (lognormal, whose low and high are the 10th and 90th percentiles).
    public var expected: Double {
        if let mode { return mode }
        switch distribution {
        case .lognormal: return (low * high).squareRoot()
        default: return (low + high) / 2
        }
    }

    public var isUncertain: Bool { distribution != .fixed && low != high }
}

/// A `{low, high}` pair of plain numbers (headcount, burn, salary, lead time), with an optional
/// most likely value (`mode`, lead times only).
public struct NumberRange: Sendable, Equatable {
    public var low: Double
    public var high: Double
    public var mode: Double?

    public init(low: Double, high: Double, mode: Double? = nil) {
        self.low = low
        self.high = high
        self.mode = mode
    }

    public var midpoint: Double { (low + high) / 2 }

    /// The value a deterministic run plans with: the mode, else the midpoint.
    public var expected: Double { mode ?? midpoint }
}

/// A named input of the model.
public struct Param: Sendable {
    public var name: String
    public var value: Uncertain
    public var unit: String?
    public var label: String?
    public var assumption: String?
    public var source: String?
    /// Only monitoring can measure it; the model holds it at its value.
    public var observed: Bool
    public var origin: Origin
}

/// A derived quantity: an expression over the driver, `month`, params and other metrics; or a
/// stock, whose value accumulates month by month.
public struct Metric: Sendable {
    public var name: String
    /// The formula; for a stock, the amount added each month (`accumulate`).
    public var expression: ExpressionText
    /// For a stock: its value before month 0. A stock's value in month t is `initial` plus the
    /// sum of `expression` over months 0…t.
    public var initial: Double? = nil
    public var unit: String?
    public var label: String?
    public var source: String?
    public var assumption: String?
    public var origin: Origin
}
