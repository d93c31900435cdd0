/// The deterministic projection: the month step (`MonthEngine`) for one trial at the
/// deterministic values — params at their mode (or midpoint, or median), ranged costs at their
/// expected amount — along a growth curve.
public struct Simulator: Sendable {
    public let compiled: CompiledProfile
    let plan: EnginePlan
    private let params: [Double]?

    /// - Parameter params: param values; the deterministic ones when nil.
    public init(_ compiled: CompiledProfile, params: [Double]? = nil) {
        self.compiled = compiled
        plan = EnginePlan(compiled)
        self.params = params
    }

    /// Runs the projection.
    /// - Parameters:
    ///   - curve: the driver's growth.
    ///   - months: the horizon (months 0 … months−1).
    ///   - start: calendar month of month 0, for labels.
    ///   - growthSource: a description of where the curve came from.
    /// - Complexity: O(*months* × size of the model).
    public func run(curve: GrowthCurve, months: Int, start: YearMonth? = nil, growthSource: String = "") -> Projection {
        run(
            TrialInputs(params: params ?? compiled.expectedParams, curve: curve, costDraws: nil), months: months,
            start: start, growthSource: growthSource)
    }

    /// One trial's projection from its inputs (a Monte Carlo trial replayed alone).
    func run(_ inputs: TrialInputs, months: Int, start: YearMonth? = nil, growthSource: String = "") -> Projection {
        let engine = MonthEngine(plan, width: 1)
        engine.begin(count: 1, curve: inputs.curve)
        engine.setInputs(inputs, trial: 0)
        var recorder = ProjectionRecorder(plan, trials: 1, months: Swift.max(0, months))
        for month in 0..<Swift.max(0, months) { engine.step(month: month, observer: &recorder) }
        return recorder.projection(trial: 0, curve: inputs.curve, start: start, growthSource: growthSource)
    }
}
