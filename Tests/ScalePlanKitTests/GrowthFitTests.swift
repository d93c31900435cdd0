import Testing

@testable import ScalePlanKit

/// `fit growth`: the t quantiles, recovery of known curves from noisy synthetic histories with
/// the stated interval coverage, the choice of kind, the scenario and every bad-data case.
@Suite struct GrowthFitTests {
    /// Critical values of Student's t, NIST/SEMATECH e-Handbook of Statistical Methods, Table
    /// 1.3.6.7.2 (upper-tail 0.10 and 0.025), and the normal limit 1.281552.
    @Test(arguments: [
        (0.9, 1.0, 3.078), (0.9, 2, 1.886), (0.9, 5, 1.476), (0.9, 10, 1.372), (0.9, 30, 1.310), (0.9, 100, 1.290),
        (0.975, 4, 2.776), (0.975, 12, 2.179), (0.9, 1e7, 1.282),
    ])
    func studentQuantiles(probability: Double, df: Double, table: Double) {
        let value = StudentT.quantile(probability, degreesOfFreedom: df)
        #expect(abs(value - table) < 0.0005, "t(\(probability), \(df)) = \(value), table \(table)")
        #expect(abs(StudentT.quantile(1 - probability, degreesOfFreedom: df) + value) < 1e-12)
    }

    /// A standard normal from two uniforms (Box–Muller), for noise.
    static func normal(_ random: inout Xoshiro256StarStar) -> Double {
        let u1 = Swift.max(random.nextUnit(), 1e-300), u2 = random.nextUnit()
        return (-2 * Math.naturalLog(u1)).squareRoot() * Math.cosine(2 * Double.pi * u2)
    }

    /// A history of `months` months from `curve`, with multiplicative noise (log-normal, σ =
    /// `noise`) or, for `additive`, normal noise of `noise` × the curve's mean.
    static func history(
        _ curve: GrowthCurve, months: Int, noise: Double, additive: Bool = false, seed: UInt64
    ) -> GrowthHistory {
        var random = Xoshiro256StarStar(seed: seed)
        let truth = (0..<months).map { curve.value(at: Double($0)) }
        let scale = truth.reduce(0, +) / Double(months)
        let values = truth.map { value in
            additive ? value + noise * scale * normal(&random) : value * Math.exponential(noise * normal(&random))
        }
        return GrowthHistory(
            months: (0..<months).map(Double.init), values: values, firstMonth: nil, lines: Array(1...months))
    }

    static let truths: [(GrowthKind, GrowthCurve, [Double], Bool)] = [
        (.exponential, .exponential(start: 200, rate: 0.12), [200, 0.12], false),
        (.linear, .linear(start: 500, step: 80), [500, 80], true),
        (.logistic, .logistic(start: 100, cap: 20_000, rate: 0.35), [100, 20_000, 0.35], false),
        (.gompertz, .gompertz(start: 300, cap: 50_000, rate: 0.12), [300, 50_000, 0.12], false),
    ]

    /// Over 200 seeds each true parameter lies inside its 80% interval in 80% of the fits,
    /// give or take sampling (binomial sd 2.8 points, the band ±8).
    @Test(arguments: 0..<4)
    func intervalsHoldTheirCoverage(case index: Int) throws {
        let (kind, curve, truth, additive) = Self.truths[index]
        var inside = [Int](repeating: 0, count: truth.count)
        let seeds = 200
        for seed in 0..<seeds {
            let history = Self.history(curve, months: 36, noise: 0.08, additive: additive, seed: UInt64(seed) + 1)
            let result = try GrowthFit.fit(history, kinds: [kind], source: "synthetic")
            for (parameter, value) in zip(result.best.parameters, truth) where parameter.low <= value && value <= parameter.high {
                inside[truth.firstIndex(of: value)!] += 1
            }
        }
        for (index, count) in inside.enumerated() {
            let coverage = Double(count) / Double(seeds)
            #expect(
                coverage >= 0.72 && coverage <= 0.88,
                "\(kind.rawValue) \(kind.parameters[index].name): \(count) of \(seeds) intervals hold the truth")
        }
    }

    /// With little noise every kind recovers its parameters closely, and AICc picks it over the
    /// others (the S-curves' data are past their inflection, so they can be told apart).
    @Test(arguments: 0..<4)
    func recoversAndChoosesTheKind(case index: Int) throws {
        let (kind, curve, truth, additive) = Self.truths[index]
        let history = Self.history(curve, months: 48, noise: 0.01, additive: additive, seed: 42)
        let result = try GrowthFit.fit(history, kinds: GrowthFit.fittableKinds, source: "synthetic")
        #expect(result.best.kind == kind)
        for (parameter, value) in zip(result.best.parameters, truth) {
            #expect(abs(parameter.estimate / value - 1) < 0.05, "\(parameter.name) \(parameter.estimate) vs \(value)")
        }
        #expect(result.best.quality == .good)
        #expect(abs(result.kinds.compactMap(\.fitted).map(\.weight).reduce(0, +) - 1) < 1e-9)
        #expect(result.forecast.count == 12 && result.forecast[0].month == 48)
        #expect(result.forecast.allSatisfy { $0.low < $0.value && $0.value < $0.high })
    }

    /// The scenario continues the fit: its deterministic curve at month k is the fitted curve
    /// at the history's last month + k, and its parameters validate as a profile's growth.
    @Test func scenarioContinuesTheFit() throws {
        let history = Self.history(.gompertz(start: 300, cap: 50_000, rate: 0.12), months: 30, noise: 0.03, seed: 7)
        let result = try GrowthFit.fit(history, kinds: GrowthFit.fittableKinds, source: "h.csv")
        let scenario = result.scenario
        let curve = try #require(scenario.growth.expectedCurve)
        for k in [0.0, 1, 6, 12, 40] {
            let continued = result.best.curve.value(at: 29 + k)
            #expect(abs(curve.value(at: k) / continued - 1) < 1e-9)
        }
        let lows = scenario.parameters.map(\.low), highs = scenario.parameters.map(\.high)
        #expect(scenario.kind.problem(lowest: lows, highest: highs) == nil)
        // The lognormal's deterministic value is its median √(low·high) = the estimate.
        for parameter in scenario.parameters where parameter.distribution == .lognormal {
            #expect(abs((parameter.low * parameter.high).squareRoot() / parameter.expected - 1) < 1e-9)
        }
    }

    /// The triangular distribution built from an interval has the interval's ends as its 10th
    /// and 90th percentiles (Draw.triangular, the sampler's inverse CDF).
    @Test(arguments: [(0.05, 0.1, 0.15), (0.05, 0.1, 0.2), (-3, 0.5, 1)])
    func triangularMatchesTheInterval(p10: Double, mode: Double, p90: Double) {
        let range = FittedScenario.triangular(p10: p10, mode: mode, p90: p90)
        let low = Draw.triangular(0.1, low: range.low, mode: mode, high: range.high)
        let high = Draw.triangular(0.9, low: range.low, mode: mode, high: range.high)
        #expect(abs(low - p10) < 1e-9 && abs(high - p90) < 1e-9, "\(low) \(high)")
    }

    /// Growth that accelerates (ln y = ln 100 + 0.1t + 0.002t²) gives an S-curve nothing to find
    /// a cap from: the logistic and the Gompertz say so, with the reason, and are not chosen.
    @Test func capOfAcceleratingDataIsNotIdentifiable() throws {
        var random = Xoshiro256StarStar(seed: 3)
        let months = (0..<24).map(Double.init)
        let values = months.map { 100 * Math.exponential(0.1 * $0 + 0.002 * $0 * $0 + 0.01 * Self.normal(&random)) }
        let history = GrowthHistory(months: months, values: values, firstMonth: nil, lines: Array(1...24))
        let result = try GrowthFit.fit(history, kinds: GrowthFit.fittableKinds, source: "h.csv")
        for kind in [GrowthKind.logistic, .gompertz] {
            let outcome = try #require(result.kinds.first { $0.kind == kind }).outcome
            guard case .failed(let reason) = outcome else {
                Issue.record("\(kind.rawValue) fitted accelerating data")
                continue
            }
            #expect(reason.contains("cap is not identifiable"), "\(reason)")
        }
        #expect(result.best.kind == .exponential)
    }

    @Test func tooFewMonthsIsAnError() {
        let history = GrowthHistory(months: [0, 1, 2, 3], values: [10, 12, 15, 18], firstMonth: nil, lines: [1, 2, 3, 4])
        #expect {
            try GrowthFit.fit(history, kinds: [.exponential, .logistic], source: "h.csv")
        } throws: { error in
            let message = (error as? GrowthFit.NoFit)?.message ?? ""
            return message.contains("exponential: needs at least 5 months") && message.contains("the history has 4")
        }
    }

    /// Noise with no trend: the fit converges but says it explains little.
    @Test func poorFitSaysSo() throws {
        var random = Xoshiro256StarStar(seed: 5)
        let values = (0..<24).map { _ in 1000 * Math.exponential(0.3 * Self.normal(&random)) }
        let history = GrowthHistory(
            months: (0..<24).map(Double.init), values: values, firstMonth: nil, lines: Array(1...24))
        let result = try GrowthFit.fit(history, kinds: [.linear], source: "h.csv")
        #expect(result.best.quality == .poor)
    }

    @Test(arguments: [
        ("0,10\n1,-5\n", "2:3", "value -5 is not positive"),
        ("0,10\n1,inf\n", "2:3", "value 'inf' is not a finite number"),
        ("0,10\n2,12\n1,13\n", "3:1", "months must increase: 1 follows M2"),
        ("2026-01,10\n2026-01,12\n", "2:1", "months must increase: 2026-01 follows 2026-01"),
        ("2026-01,10\n3,12\n", "2:1", "is a month number but earlier rows give calendar months"),
        ("month,users\n", "", "no month,value rows found"),
        ("0,10,3\n", "1:1", "expected 2 columns"),
        ("0,nan\n", "1:3", "value 'nan' is not a finite number"),
    ])
    func badHistories(text: String, at: String, message: String) {
        guard case .failure(let errors) = GrowthHistory.read(Array(text.utf8)) else {
            Issue.record("accepted \(text)")
            return
        }
        let first = errors.diagnostics[0]
        #expect(first.message.contains(message), "\(first.message)")
        let location = first.location.map { "\($0.line):\($0.column)" } ?? ""
        #expect(location == at)
    }

    @Test func calendarHistory() throws {
        let text = "# sign-ups\nmonth,signups\n2025-11,120\n2025-12,150\n\n2026-02,240\n"
        guard case .success(let history) = GrowthHistory.read(Array(text.utf8)) else {
            Issue.record("rejected")
            return
        }
        #expect(history.months == [0, 1, 3])
        #expect(history.firstMonth == YearMonth("2025-11"))
        #expect(history.lines == [3, 4, 6])
        #expect(history.label(3) == "2026-02")
    }
}
