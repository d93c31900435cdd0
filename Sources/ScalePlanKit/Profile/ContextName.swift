/// A quantity only triggers (and observed values in `check`) can read: what the month step works
/// out for the tier a trigger is evaluated against.
///
/// The one place these names are spelled: the compiler lays out their slots, the engine writes
/// them, `check` accepts them as observed values, the CSV header names its columns after them.
public enum ContextName: Hashable, Sendable, CustomStringConvertible {
    /// The tier's expected monthly cost (Monte Carlo: the trial's drawn cost).
    case cost
    /// The tier's cost in one category (`cost.database`).
    case costCategory(String)
    /// Monthly revenue.
    case revenue
    /// Revenue minus cost.
    case margin
    /// The highest utilisation of the tier's limits (its bottleneck).
    case utilization
    /// One limit's utilisation, metric ÷ limit (`utilization.db_connections`).
    case utilizationOf(String)
    /// One queue's p95 response time in milliseconds (`latency.api`).
    case latencyOf(String)

    /// The bare words, which no param or metric may take.
    public static let bareWords = ["cost", "revenue", "margin", "utilization", "latency"]

    /// Every name a profile with these categories, limits and queues defines, in slot order.
    static func all(categories: [String], limits: [String], queues: [String]) -> [ContextName] {
        [.cost] + categories.map { .costCategory($0) } + [.revenue, .margin, .utilization]
            + limits.map { .utilizationOf($0) } + queues.map { .latencyOf($0) }
    }

    /// Parses `cost`, `cost.<category>`, `utilization.<limit>`, `latency.<queue>`, … (nil for
    /// anything else, including `latency` alone).
    public init?(_ text: String) {
        switch text {
        case "cost": self = .cost
        case "revenue": self = .revenue
        case "margin": self = .margin
        case "utilization": self = .utilization
        default:
            guard let dot = text.firstIndex(of: "."), text.index(after: dot) < text.endIndex else { return nil }
            let head = text[..<dot], tail = String(text[text.index(after: dot)...])
            switch head {
            case "cost": self = .costCategory(tail)
            case "utilization": self = .utilizationOf(tail)
            case "latency": self = .latencyOf(tail)
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .cost: "cost"
        case .costCategory(let category): "cost.\(category)"
        case .revenue: "revenue"
        case .margin: "margin"
        case .utilization: "utilization"
        case .utilizationOf(let limit): "utilization.\(limit)"
        case .latencyOf(let queue): "latency.\(queue)"
        }
    }

    /// What kind of thing the name refers to, for "unknown …" messages.
    var kindDescription: String {
        switch self {
        case .costCategory: "cost category"
        case .utilizationOf: "limit"
        case .latencyOf: "queue"
        default: "name"
        }
    }

    /// A list of the names for help and error texts.
    public static let summary =
        "cost, cost.<category>, revenue, margin, utilization, utilization.<limit> and latency.<queue>"
}
