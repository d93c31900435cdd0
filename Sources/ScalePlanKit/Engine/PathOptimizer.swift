/// The cheapest schedule through a plan's tiers and their options: which way each month runs
/// on, so that every month's way carries the load, every move is started its lead time ahead,
/// and the expected total cost — monthly costs plus one-off migration costs, discounted — is
/// the least.
///
/// Dynamic programming over months × ways. With V(m, w) the best value of months 0…m ending on
/// way w, c(w, m) the expected cost of running w in month m, M(w) the one-off cost of moving to
/// w, L(w) its lead time in whole months, δ the monthly discount factor and g(w, m) = 1 when w
/// does not carry month m's load (with the required probability), 0 when it does:
///
///     V(0, s) = (g(s, 0), c(s, 0))                        s: the way the plan starts on
///     V(0, w) = (g(w, 0), M(w) + c(w, 0))                 w reachable from s with L(w) = 0
///     V(m, w) = (g(w, m), δᵐ c(w, m)) + min( V(m − 1, w),
///                                 min over u → w allowed, m − L(w) ≥ 0 of
///                                     V(m − 1, u) + (0, δ^(m − L(w)) M(w)) )
///
/// Values are (months not carried, cost), compared in that order: the fewest months the load is
/// not carried, then the least cost. A schedule that carries every month has 0 first; when none
/// can (the load has already outgrown the tier the plan is on, and no move is ready that soon),
/// the fewest such months are what `optimize` reports. A way whose cost is not a number in a
/// month cannot run then. The answer is the least V(months − 1, w). A move into w done in month
/// m started in month m − L(w) and was paid then; the path ran on u until month m − 1. Moves
/// may overlap (the next one can be under way while the last finishes, as the seeds plan it).
/// The recursion is exact because a month's value depends only on the way run that month: a
/// schedule is a sequence of ways, and every sequence is counted once. Ties go to staying, then
/// to the lower way, so the schedule is the same on every machine.
///
/// - Complexity: O(months × ways²) time, O(months × ways) memory for the back-pointers.
struct PathOptimizer: Sendable {
    /// One way of running a stage (a laid-out tier).
    struct Way: Sendable, Equatable {
        /// The plan tier (stage) it runs.
        var stage: Int
        /// The lead time of a move into it, in whole months.
        var lead: Int
        /// The expected one-off cost of a move into it.
        var oneOff: Double
    }

    var months: Int
    var ways: [Way]
    /// The way month 0 runs on before any move.
    var start: Int
    /// `[way × months + month]`: whether the way carries that month's load.
    var carries: [Bool]
    /// `[way × months + month]`: whether it can run at all (its cost is a number).
    var runnable: [Bool]
    /// `[way × months + month]`: the expected cost of running it that month (not discounted).
    var cost: [Double]
    /// Per month: the discount factor δᵐ.
    var discount: [Double]
    /// Per stage: whether a path may pass it without running it.
    var skippable: [Bool]
    var allowsDowngrade: Bool

    /// Whether a path may move from `from` to `to` in one step: up the tiers past skippable
    /// ones only, between the options of one tier, or down when the profile allows it.
    func canMove(from: Int, to: Int) -> Bool {
        guard from != to else { return false }
        let a = ways[from].stage, b = ways[to].stage
        if a == b { return true }
        if b < a { return allowsDowngrade }
        return (a + 1..<b).allSatisfy { skippable[$0] }
    }

    /// The month a move into `way` done in month `done` starts (negative: before the horizon).
    func startMonth(into way: Int, done: Int) -> Int { done - ways[way].lead }

    struct Move: Sendable, Equatable {
        var start: Int
        var done: Int
        var from: Int
        var to: Int
    }

    struct Solution: Sendable, Equatable {
        /// The way of each month.
        var ways: [Int]
        var moves: [Move]
        /// The months whose way does not carry the load (none, when a schedule carries them all).
        var gaps: [Int]
        /// The discounted expected total.
        var total: Double
    }

    /// A schedule's value: months not carried, then cost.
    struct Value: Comparable, Sendable {
        var gaps: Int
        var cost: Double

        static let unreachable = Value(gaps: .max, cost: .infinity)
        var isReachable: Bool { gaps != .max }

        static func < (a: Value, b: Value) -> Bool { a.gaps != b.gaps ? a.gaps < b.gaps : a.cost < b.cost }
    }

    /// The value of a schedule (the ways of each month) as the recursion counts it, or nil when
    /// it breaks a rule: a way that cannot run, a move not allowed, a lead time before month 0.
    func value(of schedule: [Int]) -> Value? {
        guard schedule.count == months, months > 0 else { return nil }
        var value = Value(gaps: 0, cost: 0)
        var previous = start
        for (month, way) in schedule.enumerated() {
            let cell = way * months + month
            guard runnable[cell] else { return nil }
            if way != previous {
                guard canMove(from: previous, to: way) else { return nil }
                let started = startMonth(into: way, done: month)
                guard started >= 0 else { return nil }
                value.cost += discount[started] * ways[way].oneOff
            }
            value.cost += discount[month] * cost[cell]
            if !carries[cell] { value.gaps += 1 }
            previous = way
        }
        return value
    }

    /// The best schedule: the fewest months not carried, then the least cost; nil when no
    /// schedule can run at all (the start cannot run month 0, or every way's cost is invalid).
    func solve() -> Solution? {
        let count = ways.count
        guard months > 0, count > 0, start < count else { return nil }
        var value = [Value](repeating: .unreachable, count: count)
        var next = value
        // back[m × count + w]: the way of month m − 1 on the best path to (m, w).
        var back = [Int32](repeating: -1, count: months * count)
        func own(_ way: Int, _ month: Int) -> Value {
            let cell = way * months + month
            return Value(gaps: carries[cell] ? 0 : 1, cost: discount[month] * cost[cell])
        }
        func plus(_ a: Value, _ b: Value) -> Value { Value(gaps: a.gaps + b.gaps, cost: a.cost + b.cost) }
        if runnable[start * months] {
            value[start] = own(start, 0)
            back[start] = Int32(start)
        }
        for way in 0..<count where way != start && canMove(from: start, to: way) && ways[way].lead == 0 {
            guard runnable[way * months] else { continue }
            value[way] = plus(own(way, 0), Value(gaps: 0, cost: ways[way].oneOff))
            back[way] = Int32(start)
        }
        for month in 1..<months {
            for way in 0..<count {
                next[way] = .unreachable
                guard runnable[way * months + month] else { continue }
                var best = value[way], from = way
                let started = startMonth(into: way, done: month)
                if started >= 0 {
                    let oneOff = Value(gaps: 0, cost: discount[started] * ways[way].oneOff)
                    for source in 0..<count where value[source].isReachable && canMove(from: source, to: way) {
                        let candidate = plus(value[source], oneOff)
                        if candidate < best {
                            best = candidate
                            from = source
                        }
                    }
                }
                guard best.isReachable else { continue }
                next[way] = plus(best, own(way, month))
                back[month * count + way] = Int32(from)
            }
            swap(&value, &next)
        }
        var end = 0
        for way in 1..<count where value[way] < value[end] { end = way }
        guard value[end].isReachable else { return nil }
        var schedule = [Int](repeating: 0, count: months)
        var way = end
        for month in stride(from: months - 1, through: 0, by: -1) {
            schedule[month] = way
            way = Int(back[month * count + way])
        }
        var moves: [Move] = []
        var previous = start
        for (month, way) in schedule.enumerated() where way != previous {
            moves.append(Move(start: startMonth(into: way, done: month), done: month, from: previous, to: way))
            previous = way
        }
        let gaps = schedule.indices.filter { !carries[schedule[$0] * months + $0] }
        return Solution(ways: schedule, moves: moves, gaps: gaps, total: value[end].cost)
    }

    /// The problem with `stage` run only on `way` (its other ways never run): what the best path
    /// is when that option is the one taken.
    func restricted(stage: Int, to way: Int) -> PathOptimizer {
        var copy = self
        for other in ways.indices where ways[other].stage == stage && other != way && other != start {
            for month in 0..<months { copy.runnable[other * months + month] = false }
        }
        return copy
    }
}
