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
    /// Where `target` is written, for an error about it.
    public var targetOrigin: Origin? = nil
    /// The component it comes from, when a tier included it by `use`.
    public var component: String? = nil
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
