/// What consumes the month step: the projection's recorder (every detail of each trial), the Monte
/// Carlo accumulator (distributions), `check` (the triggers that fire). The engine calls it as it
/// works out a month; what is computed, and how, does not depend on who is watching.
///
/// Methods are generic requirements, so each observer's calls are specialised into the engine's
/// loops (the Monte Carlo accumulator's empty ones cost nothing).
protocol MonthObserver {
    /// Whether the observer wants each cost item's amounts (`costItem`); the engine skips
    /// writing them for observers that only read totals.
    static var wantsItems: Bool { get }

    /// Whether `trigger` needs no more evaluating in the current block (Monte Carlo: it has fired
    /// in every trial, and only first firings matter).
    func isSettled(trigger: Int) -> Bool

    /// A cost item of `tier`, converted to the profile's currency, for every trial of the block;
    /// meaningful for the trials in `engine.applies(.tierCosts(tier), to:)`.
    mutating func costItem(
        _ engine: MonthEngine, tier: Int, item: Int, low: UnsafePointer<Double>,
        amount: UnsafePointer<Double>, high: UnsafePointer<Double>)

    /// `fires[t]` is true for each trial in which `trigger` fires this month (called only when
    /// at least one does). The trigger context of the tier it was evaluated against is in the
    /// engine's slots.
    mutating func fired(_ engine: MonthEngine, trigger: Int, fires: UnsafePointer<Bool>)

    /// `values` holds at least one value that breaks `subject.rule` for a trial in `mask`.
    mutating func invalid(_ engine: MonthEngine, _ subject: InvalidSubject, values: UnsafePointer<Double>, mask: TrialMask)

    /// Every value of the month is in the engine's columns.
    mutating func monthDone(_ engine: MonthEngine)
}

extension MonthObserver {
    static var wantsItems: Bool { false }
    func isSettled(trigger: Int) -> Bool { false }
    mutating func costItem(
        _ engine: MonthEngine, tier: Int, item: Int, low: UnsafePointer<Double>,
        amount: UnsafePointer<Double>, high: UnsafePointer<Double>
    ) {}
    mutating func fired(_ engine: MonthEngine, trigger: Int, fires: UnsafePointer<Bool>) {}
    mutating func invalid(_ engine: MonthEngine, _ subject: InvalidSubject, values: UnsafePointer<Double>, mask: TrialMask) {}
    mutating func monthDone(_ engine: MonthEngine) {}
}

/// Which trials a tier's values count for this month, so that what is reported for a trial never
/// depends on the other trials of its block (the engine evaluates a tier for every trial as soon
/// as one needs it).
enum TrialMask: Sendable {
    /// Every trial (metrics, revenue).
    case all
    /// The trials whose plan tier this is, or that leave it this month (its costs and queues).
    case tierCosts(Int)
    /// The trials for which the tier's limits were checked: the above, and those whose search for
    /// the lowest carrying tier reached it.
    case tierLimits(Int)
}

/// An observer that watches nothing: for evaluating a month only to read the engine's columns.
struct NoObserver: MonthObserver {}
