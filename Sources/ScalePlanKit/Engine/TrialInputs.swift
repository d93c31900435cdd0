/// Everything that differs between trials: the params, the growth curve and one uniform draw per
/// ranged cost item. Monte Carlo samples them (`TrialSampler`); the deterministic run takes the
/// deterministic values; a test can replay any trial from them.
struct TrialInputs: Sendable, Equatable {
    /// Indexed like `profile.params`.
    var params: [Double]
    /// Indexed like `CompiledProfile.tierParams`.
    var tierParams: [Double] = []
    var curve: GrowthCurve
    /// Indexed like `EnginePlan.costDraws`; nil: every ranged item at its expected amount.
    var costDraws: [Double]?
    /// Indexed like `EnginePlan.leadDraws`: the draw in [0, 1) of each uncertain lead time.
    var leadDraws: [Double] = []
}

/// Draws a trial's inputs from its block's random stream, always in the same order: each
/// uncertain param in declaration order, each tier's params (tier by tier), the scenario's
/// uncertain growth parameters, one uniform per ranged cost item (`EnginePlan.costDraws`), then
/// one per uncertain migration lead time (`EnginePlan.leadDraws`).
/// The distributions are `Draw`'s.
struct TrialSampler: Sendable {
    let plan: EnginePlan
    let growth: MonteCarlo.Growth
    /// The curve every trial shares when the growth has nothing uncertain, built once (a
    /// `points` curve holds an array, which building per trial would allocate).
    let sharedCurve: GrowthCurve?

    init(_ plan: EnginePlan, growth: MonteCarlo.Growth) {
        self.plan = plan
        self.growth = growth
        switch growth {
        case .fixed(let curve): sharedCurve = curve
        case .scenario(let spec): sharedCurve = spec.isUncertain ? nil : spec.expectedCurve ?? .constant(0)
        }
    }

    /// The curve of a trial whose growth is not sampled (the expected one).
    var expectedCurve: GrowthCurve {
        switch growth {
        case .fixed(let curve): curve
        case .scenario(let spec): sharedCurve ?? spec.expectedCurve ?? .constant(0)
        }
    }

    /// Draws one trial's inputs, handing each value to the closures as it is drawn. A curve the
    /// trials share is not drawn and not handed over: callers start from `expectedCurve`, which
    /// it is (so an engine block keeps `begin`'s curve and works the driver out once a month).
    @inline(__always)
    func draw<Source: UnitSource>(
        _ random: inout Source, param: (Int, Double) -> Void, tierParam: (Int, Double) -> Void,
        curve: (GrowthCurve) -> Void, costDraw: (Int, Double) -> Void, leadDraw: (Int, Double) -> Void
    ) {
        for (index, value) in plan.compiled.profile.params.enumerated() { param(index, value.value.sample(&random)) }
        for (index, entry) in plan.compiled.tierParams.enumerated() { tierParam(index, entry.value.sample(&random)) }
        if sharedCurve == nil, case .scenario(let spec) = growth {
            curve(spec.curve { $0.sample(&random) } ?? .constant(0))
        }
        for index in plan.costDraws.indices { costDraw(index, random.nextUnit()) }
        for index in plan.leadDraws.indices { leadDraw(index, random.nextUnit()) }
    }

    /// Draws one trial's inputs into a block of the engine, which `begin` started with
    /// `expectedCurve`.
    func draw<Source: UnitSource>(_ random: inout Source, into engine: MonthEngine, trial: Int) {
        draw(
            &random, param: { engine.setParam($0, trial: trial, $1) },
            tierParam: { engine.setTierParam($0, trial: trial, $1) }, curve: { engine.setCurve($0, trial: trial) },
            costDraw: { engine.setCostDraw($0, trial: trial, $1) }, leadDraw: { engine.setLeadDraw($0, trial: trial, $1) })
    }

    /// Draws one trial's inputs as a value (the same numbers `draw(_:into:trial:)` would write).
    func inputs(_ random: inout Xoshiro256StarStar) -> TrialInputs {
        var params = [Double](repeating: 0, count: plan.compiled.profile.params.count)
        var tierParams = [Double](repeating: 0, count: plan.compiled.tierParams.count)
        var drawn = expectedCurve
        var draws = [Double](repeating: 0, count: plan.costDraws.count)
        var leads = [Double](repeating: 0, count: plan.leadDraws.count)
        draw(
            &random, param: { params[$0] = $1 }, tierParam: { tierParams[$0] = $1 }, curve: { drawn = $0 },
            costDraw: { draws[$0] = $1 }, leadDraw: { leads[$0] = $1 })
        return TrialInputs(params: params, tierParams: tierParams, curve: drawn, costDraws: draws, leadDraws: leads)
    }
}
