/// The month-by-month projection of a plan: what `simulate` reports.
public struct Projection: Sendable {
    public let compiled: CompiledProfile
    /// Where the growth curve came from (`scenario seed`, `--growth …`, `--growth-csv file`).
    public let growthSource: String
    public let curve: GrowthCurve
    public let start: YearMonth?
    public let months: [MonthResult]
    /// Every trigger (global ones first, then each tier's, in declaration order) and the months
    /// it fires in.
    public let triggers: [TriggerActivity]
    /// Values of the model that broke their rule, each once: at its first month.
    public let invalidValues: [InvalidValue]
    public let events: [PlanEvent]

    public var profile: Profile { compiled.profile }

    /// `2026-03` when the plan has a start month, else `M3`.
    public func label(_ month: Int) -> String {
        YearMonth.label(month, start: start)
    }

    /// Whether the trigger with this id fires in `month`.
    public func isFiring(_ id: String, at month: Int) -> Bool {
        triggers.first { $0.trigger.id == id }?.fires(at: month) ?? false
    }
}

/// When one trigger fires: runs of consecutive months.
public struct TriggerActivity: Sendable, Equatable {
    public var trigger: Trigger
    /// The tier that owns it, nil for a global trigger.
    public var tierID: String?
    /// Months in which the condition holds, as runs `first...last`, ascending.
    public var spans: [ClosedRange<Int>]
    /// The first firing's compared quantity, its value and the threshold, when the condition
    /// has a comparison that holds.
    public var explanation: TriggerExplanation?

    public var firstMonth: Int? { spans.first?.lowerBound }

    /// The same trigger, firing in the same months, explained the same way.
    public static func == (lhs: TriggerActivity, rhs: TriggerActivity) -> Bool {
        lhs.trigger.id == rhs.trigger.id && lhs.tierID == rhs.tierID && lhs.spans == rhs.spans
            && lhs.explanation == rhs.explanation
    }

    /// - Complexity: O(log *spans*).
    public func fires(at month: Int) -> Bool {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].upperBound < month { low = middle + 1 } else { high = middle }
        }
        return low < spans.count && spans[low].contains(month)
    }
}

/// "The value against its threshold" of a firing trigger: `db_connections = 104 (threshold 100)`.
public struct TriggerExplanation: Sendable, Equatable {
    public var quantity: String
    public var value: Double
    public var threshold: Double

    /// The same explanation: NaN equals NaN here (`x != 1` holds for a NaN x, and says so).
    public static func == (lhs: TriggerExplanation, rhs: TriggerExplanation) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        return lhs.quantity == rhs.quantity && same(lhs.value, rhs.value) && same(lhs.threshold, rhs.threshold)
    }
}

/// A value of the model that broke its rule (a negative cost, a NaN metric, a limit ≤ 0, …).
public struct InvalidValue: Sendable, Equatable {
    /// What it is, e.g. `cost item 'Supabase' of Starter`.
    public var subject: String
    /// The expression it comes from.
    public var expression: String
    /// The first month it was invalid, and its value then.
    public var month: Int
    public var value: Double
    /// What a valid value is (`an amount of 0 or more`).
    public var expected: String
    /// The tier concerned, if any; the trigger-context or metric name the value is reported as.
    public var tierID: String?
    public var quantity: String
}
