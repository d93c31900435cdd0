/// A condition that calls for action, with how serious it is and what to do.
public struct Trigger: Sendable {
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case info, warning, critical

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .critical: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var id: String
    public var name: String?
    public var condition: TriggerCondition
    public var severity: Severity
    public var action: String
    /// The tier the action moves to, if any.
    public var target: String?
    public var source: String?
    public var origin: Origin
}

/// A trigger's condition: one boolean expression, or ANY/ALL of several (nestable).
public indirect enum TriggerCondition: Sendable {
    case when(ExpressionText)
    case any([TriggerCondition])
    case all([TriggerCondition])

    /// Every expression in the condition, depth first.
    public var expressions: [ExpressionText] {
        switch self {
        case .when(let text): [text]
        case .any(let parts), .all(let parts): parts.flatMap(\.expressions)
        }
    }

    /// The condition written as one expression (`a or b`), for display.
    public var summary: String {
        switch self {
        case .when(let text): text.text
        case .any(let parts): parts.map { "(\($0.summary))" }.joined(separator: " or ")
        case .all(let parts): parts.map { "(\($0.summary))" }.joined(separator: " and ")
        }
    }
}

/// A named growth curve for the driver.
public struct Scenario: Sendable {
    public var id: String
    public var name: String?
    public var isDefault: Bool
    /// Projection horizon in months.
    public var months: Int?
    /// Calendar month of month 0.
    public var start: YearMonth?
    public var growth: GrowthSpec
    public var source: String?
    public var origin: Origin
}

/// A calendar month, `YYYY-MM`.
public struct YearMonth: Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1
        else { return nil }
        self.year = year
        self.month = month
    }

    /// The month `offset` months later.
    /// No overflow: a parsed year has four digits, and offsets are month indices (at most 1,200).
    public func adding(months offset: Int) -> YearMonth {
        var copy = self
        let total = year * 12 + (month - 1) + offset
        copy.year = total / 12
        copy.month = total % 12 + 1
        return copy
    }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }
}

/// A growth curve as declared (parameters may be uncertain).
public enum GrowthSpec: Sendable, Equatable {
    case exponential(start: Uncertain, rate: Uncertain)
    case linear(start: Uncertain, step: Uncertain)
    case logistic(start: Uncertain, cap: Uncertain, rate: Uncertain)
    case points([(month: Double, value: Double)])
    case constant(value: Uncertain)
    case csv(file: String)

    public var kind: String {
        switch self {
        case .exponential: "exponential"
        case .linear: "linear"
        case .logistic: "logistic"
        case .points: "points"
        case .constant: "constant"
        case .csv: "csv"
        }
    }

    public static func == (lhs: GrowthSpec, rhs: GrowthSpec) -> Bool {
        switch (lhs, rhs) {
        case let (.exponential(a, b), .exponential(c, d)): a == c && b == d
        case let (.linear(a, b), .linear(c, d)): a == c && b == d
        case let (.logistic(a, b, e), .logistic(c, d, f)): a == c && b == d && e == f
        case let (.points(a), .points(b)): a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
        case let (.constant(a), .constant(b)): a == b
        case let (.csv(a), .csv(b)): a == b
        default: false
        }
    }
}
