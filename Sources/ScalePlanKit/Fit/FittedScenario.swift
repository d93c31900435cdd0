/// The best growth fit as a scenario: what `simulate --growth-fit` runs and what `fit growth
/// --format json` prints for pasting into a profile — one object, so both agree.
///
/// Month 0 is the history's last month: the curve is re-based there (every fittable kind is
/// time-homogeneous, so only `start` changes, to the fitted value at that month) and the
/// projection continues from where the product is now. Each parameter is uncertain with its
/// 80% interval as its 10th–90th percentiles: a lognormal for the parameters fitted as
/// logarithms (positive, with multiplicative intervals), a triangular one whose 10th and 90th
/// percentiles are the interval's ends otherwise. The deterministic run takes the estimate.
/// Parameters are sampled independently: their correlation in the fit is not carried (the
/// profile language has no joint distributions); re-basing at the last month keeps the start's
/// correlation with the others small.
public struct FittedScenario: Sendable {
    public var kind: GrowthKind
    /// The parameters in `kind.parameters` order, as a profile's growth takes them.
    public var parameters: [Uncertain]
    /// The calendar month of month 0, for calendar histories.
    public var start: YearMonth?
    public var name: String
    public var source: String

    public var growth: GrowthSpec { .parametric(kind, parameters) }

    init(_ fit: GrowthFit.Fitted, history: GrowthHistory, source file: String) {
        kind = fit.kind
        let last = history.lastMonth
        let now = fit.band(at: last, scatter: false)
        var parameters: [Uncertain] = []
        for (index, parameter) in fit.parameters.enumerated() {
            let (estimate, low, high) =
                index == 0 ? (now.value, now.low, now.high) : (parameter.estimate, parameter.low, parameter.high)
            parameters.append(
                fit.model.isPositive(index)
                    ? Uncertain(distribution: .lognormal, low: low, mode: estimate, high: high)
                    : Self.triangular(p10: low, mode: estimate, p90: high))
        }
        // An S-curve needs every start below every cap, also at their interval's ends.
        if kind == .logistic || kind == .gompertz, parameters[0].high >= parameters[1].low {
            parameters[0].high = Swift.max(parameters[0].expected, parameters[1].low * (1 - 1e-6))
            parameters[1].low = Swift.max(parameters[1].low, parameters[0].high * (1 + 1e-6))
        }
        self.parameters = parameters
        if let first = history.firstMonth, last == last.rounded() { start = first.adding(months: Int(last)) }
        name = "Fitted \(kind.rawValue) growth"
        source =
            "scaleplan fit growth \(file): \(history.count) months \(history.label(history.months[0]))–\(history.label(last)), "
            + "\(kind.rawValue) chosen by AICc; month 0 is \(history.label(last)), the history's last month; "
            + "80% intervals as 10th–90th percentiles"
    }

    /// A triangular distribution whose 10th and 90th percentiles are `p10` and `p90` and whose
    /// mode is `mode`. With u = mode − low and v = high − mode, the tails give
    /// (u − (mode − p10))² = 0.1·(u + v)·u and (v − (p90 − mode))² = 0.1·(u + v)·v, solved by
    /// fixed-point iteration (for a symmetric interval u = (mode − p10)/(1 − √0.2) exactly).
    static func triangular(p10: Double, mode: Double, p90: Double) -> Uncertain {
        let left = Swift.max(mode - p10, 0), right = Swift.max(p90 - mode, 0)
        guard left + right > 0 else { return .fixed(mode) }
        let widen = 1 / (1 - 0.2.squareRoot())
        var u = left * widen, v = right * widen
        for _ in 0..<200 {
            let nextU = left + (0.1 * (u + v) * u).squareRoot()
            let nextV = right + (0.1 * (u + v) * v).squareRoot()
            if abs(nextU - u) + abs(nextV - v) <= 1e-15 * (u + v) { break }
            u = nextU
            v = nextV
        }
        return Uncertain(distribution: .triangular, low: mode - u, mode: mode, high: mode + v)
    }

    /// The scenario object as a profile writes it.
    public var json: JSONOutput {
        var members: [(String, JSONOutput)] = [("id", .string("fitted")), ("name", .string(name))]
        if let start { members.append(("start", .string(start.description))) }
        members.append(("source", .string(source)))
        var growth: [(String, JSONOutput)] = [("kind", .string(kind.rawValue))]
        for (parameter, value) in zip(kind.parameters, parameters) {
            var object: [(String, JSONOutput)] = [("low", .number(value.low))]
            if let mode = value.mode { object.append(("mode", .number(mode))) }
            object.append(("high", .number(value.high)))
            if value.distribution == .lognormal { object.append(("distribution", .string("lognormal"))) }
            growth.append((parameter.name, .object(object)))
        }
        members.append(("growth", .object(growth)))
        return .object(members)
    }
}
