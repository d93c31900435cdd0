import Foundation
import Testing

@testable import ScalePlanKit

/// Issue 13, items 2 and 5: the Sobol indices of models whose indices are known in closed form,
/// written as profiles (the target is the month-0 cost), and the swing of a linear input.
@Suite struct SensitivityTests {
    /// A one-tier profile whose month-0 cost is `formula` over the uniform params `ranges`, plus
    /// an optional ranged cost item.
    static func model(_ formula: String, _ ranges: [(String, Double, Double)], costRange: (Double, Double)? = nil) throws
        -> CompiledProfile
    {
        let params = ranges.map { "\"\($0.0)\": {\"low\": \($0.1), \"high\": \($0.2)}" }.joined(separator: ", ")
        var costs = "{\"item\": \"Model\", \"category\": \"compute\", \"amount\": \"\(formula)\"}"
        if let costRange {
            costs +=
                ", {\"item\": \"Quote\", \"category\": \"compute\", \"amount\": {\"low\": \(costRange.0), \"high\": \(costRange.1)}}"
        }
        let text = """
            {"version": 1, "id": "model", "name": "Model", "currency": "USD", "driver": {"name": "users"},
             "params": {\(params)},
             "tiers": [{"id": "only", "name": "Only", "range": {"min": 0}, "costs": [\(costs)]}],
             "scenarios": [{"id": "s", "default": true, "months": 1, "growth": {"kind": "constant", "value": 1}}]}
            """
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(compiled)
    }

    static func run(
        _ compiled: CompiledProfile, samples: Int = Sensitivity.defaultSamples, seed: UInt64 = MonteCarlo.defaultSeed,
        threads: Int = 2
    ) -> SensitivityResult {
        Sensitivity(compiled, growth: .fixed(.constant(1))).run(
            .cost(month: 0), Sensitivity.Options(samples: samples, seed: seed, threads: threads, months: 1))
    }

    static func entry(_ result: SensitivityResult, _ name: String) throws -> SensitivityResult.Entry {
        try #require(result.inputs.first { $0.input.name == name })
    }

    /// Every estimate's interval holds the closed-form value.
    static func expectInside(_ result: SensitivityResult, first: [String: Double], total: [String: Double]) throws {
        for (name, value) in first {
            let estimate = try #require(try entry(result, name).firstOrder)
            #expect(estimate.low <= value && value <= estimate.high, "S(\(name)) = \(value) not in \(estimate)")
        }
        for (name, value) in total {
            let estimate = try #require(try entry(result, name).total)
            #expect(estimate.low <= value && value <= estimate.high, "ST(\(name)) = \(value) not in \(estimate)")
        }
    }

    /// Y = 3·x1 + x2 + 0.5·x3 + q with x1 ~ U(0, 1), x2 ~ U(0, 2), x3 ~ U(0, 4) and a quoted cost
    /// q ~ U(10, 13). Additive, so Sᵢ = S_Tᵢ = cᵢ²·Var(xᵢ) / Σⱼ cⱼ²·Var(xⱼ), Var(U(a, b)) =
    /// (b − a)²/12: 9/12, 4/12, 4/12 and 9/12 of 26/12, i.e. 9/26, 4/26, 4/26 and 9/26.
    @Test func linearModelMatchesItsClosedForm() throws {
        let compiled = try Self.model(
            "3 * x1 + x2 + 0.5 * x3", [("x1", 0, 1), ("x2", 0, 2), ("x3", 0, 4)], costRange: (10, 13))
        let result = Self.run(compiled)
        let shares = ["x1": 9.0 / 26, "x2": 4.0 / 26, "x3": 4.0 / 26, "only / Quote": 9.0 / 26]
        try Self.expectInside(result, first: shares, total: shares)
        // The swing of a linear input is its coefficient × its range.
        for (name, swing) in [("x1", 3.0 * 1), ("x2", 1.0 * 2), ("x3", 0.5 * 4), ("only / Quote", 3.0)] {
            #expect(Swift.abs(try Self.entry(result, name).swing - swing) < 1e-9, "\(name)")
        }
        // At the deterministic values: each x at its midpoint, the quote at its midpoint 11.5.
        #expect(Swift.abs(result.deterministic - (3 * 0.5 + 1 + 0.5 * 2 + 11.5)) < 1e-9)
        let lowest: Double = 3 * 0 + 1 + 0.5 * 2 + 11.5
        #expect(try Self.entry(result, "x1").targetAtLow == lowest)
        #expect(try Self.entry(result, "only / Quote").input.kind == .cost)
        #expect(result.evaluations == Sensitivity.defaultSamples * (4 + 2))
        // x1 and the quote explain 9/26 = 34.6% each: the advice names whichever estimate is higher.
        let advice = result.advice ?? ""
        #expect(
            ["Measure x1 first: it explains 3", "Get a firm price for the cost of Quote on Only first: it explains 3"]
                .contains { advice.hasPrefix($0) } && advice.hasSuffix("% of the uncertainty in the M0 monthly cost."),
            "\(advice)")
    }

    /// Y = x1·x2·x3, independent uniforms with means μᵢ and variances σᵢ². With
    /// Mᵢ = μᵢ² + σᵢ² = E[xᵢ²]: V = Π Mᵢ − Π μᵢ²; the first-order variance Vᵢ = σᵢ² Π_{j≠i} μⱼ²;
    /// the total Vᵢ + … = V − Var(E[Y | x_{~i}]) = V − μᵢ²(Π_{j≠i} Mⱼ − Π_{j≠i} μⱼ²).
    /// (Sobol' 1993; the product of independent factors, e.g. Saltelli et al., *Global Sensitivity
    /// Analysis: The Primer*, 2008, §4.)
    @Test func productModelMatchesItsClosedForm() throws {
        let ranges = [("x1", 1.0, 3.0), ("x2", 2.0, 4.0), ("x3", 0.5, 1.5)]
        let compiled = try Self.model("x1 * x2 * x3", ranges)
        let result = Self.run(compiled)
        let means = ranges.map { ($0.1 + $0.2) / 2 }, variances = ranges.map { ($0.2 - $0.1) * ($0.2 - $0.1) / 12 }
        let moments = zip(means, variances).map { $0 * $0 + $1 }
        let variance = moments.reduce(1, *) - means.map { $0 * $0 }.reduce(1, *)
        var first: [String: Double] = [:], total: [String: Double] = [:]
        for index in ranges.indices {
            let others = ranges.indices.filter { $0 != index }
            let otherMeans = others.map { means[$0] * means[$0] }.reduce(1, *)
            let otherMoments = others.map { moments[$0] }.reduce(1, *)
            first[ranges[index].0] = variances[index] * otherMeans / variance
            total[ranges[index].0] = 1 - means[index] * means[index] * (otherMoments - otherMeans) / variance
        }
        try Self.expectInside(result, first: first, total: total)
    }

    /// The Ishigami function sin x1 + a sin² x2 + b x3⁴ sin x1, xᵢ ~ U(−π, π), a = 7, b = 0.1
    /// (T. Ishigami, T. Homma, ISUMA '90; closed form as in Sobol' and Levitan 1999 and Saltelli et
    /// al. 2010 §4): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V₁ = (1 + bπ⁴/5)²/2, V₂ = a²/8, V₃ = 0,
    /// V₁₃ = 8b²π⁸/225. S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437).
    static func ishigami() -> (formula: String, ranges: [(String, Double, Double)], first: [Double], total: [Double]) {
        let a = 7.0, b = 0.1, pi = Double.pi
        let v1 = (1 + b * pow(pi, 4) / 5) * (1 + b * pow(pi, 4) / 5) / 2, v2 = a * a / 8
        let v13 = 8 * b * b * pow(pi, 8) / 225
        let variance = a * a / 8 + b * pow(pi, 4) / 5 + b * b * pow(pi, 8) / 18 + 0.5
        let ranges = [("x1", -pi, pi), ("x2", -pi, pi), ("x3", -pi, pi)]
        // Shifted by 20 so the cost stays positive: a shift changes no index.
        return (
            "20 + sin(x1) + 7 * sin(x2)^2 + 0.1 * x3^4 * sin(x1)", ranges, [v1 / variance, v2 / variance, 0],
            [(v1 + v13) / variance, v2 / variance, v13 / variance]
        )
    }

    @Test func ishigamiMatchesItsClosedForm() throws {
        let model = Self.ishigami()
        #expect(Swift.abs(model.first[0] - 0.3139) < 5e-5 && Swift.abs(model.total[2] - 0.2437) < 5e-5)
        let result = Self.run(try Self.model(model.formula, model.ranges))
        let names = model.ranges.map(\.0)
        try Self.expectInside(
            result, first: Dictionary(uniqueKeysWithValues: zip(names, model.first)),
            total: Dictionary(uniqueKeysWithValues: zip(names, model.total)))
        #expect(result.inputs.map(\.input.name) == ["x1", "x2", "x3"], "ranked by total index")
    }

    /// The 95% intervals hold the true value about 95% of the time: over 20 seeds at N = 512, at
    /// least 85% of the 120 intervals of the Ishigami model (a binomial(120, 0.95) falls below
    /// 102 with probability under 0.1%).
    @Test func intervalsCoverTheTrueValues() throws {
        let model = Self.ishigami()
        let compiled = try Self.model(model.formula, model.ranges)
        var covered = 0, intervals = 0
        for seed in 1...20 {
            let result = Self.run(compiled, samples: 512, seed: UInt64(seed))
            for (index, name) in model.ranges.map(\.0).enumerated() {
                let entry = try Self.entry(result, name)
                for (estimate, truth) in [(entry.firstOrder, model.first[index]), (entry.total, model.total[index])] {
                    let value = try #require(estimate)
                    intervals += 1
                    if value.low <= truth && truth <= value.high { covered += 1 }
                }
            }
        }
        #expect(intervals == 120)
        #expect(covered >= 102, "\(covered) of \(intervals) intervals cover")
    }

    /// As N grows 4×, the intervals narrow about 2× (1/√N) and the estimates close in.
    @Test func estimatesConvergeAsTheSampleGrows() throws {
        let model = Self.ishigami()
        let compiled = try Self.model(model.formula, model.ranges)
        var widths: [Double] = [], errors: [Double] = []
        for samples in [256, 1024, 4096, 16384] {
            let result = Self.run(compiled, samples: samples)
            var width = 0.0, error = 0.0
            for (index, name) in model.ranges.map(\.0).enumerated() {
                let entry = try Self.entry(result, name)
                let first = try #require(entry.firstOrder), total = try #require(entry.total)
                width = Swift.max(width, first.high - first.low, total.high - total.low)
                error = Swift.max(error, Swift.abs(first.value - model.first[index]), Swift.abs(total.value - model.total[index]))
            }
            widths.append(width)
            errors.append(error)
        }
        for index in 1..<widths.count {
            let ratio = widths[index] / widths[index - 1]
            #expect(ratio > 0.35 && ratio < 0.65, "width \(widths[index - 1]) → \(widths[index])")
        }
        #expect(errors[3] < 0.02 && errors[3] < errors[0], "\(errors)")
    }

    /// The design's rows depend on the seed only, and each trial on its row only: the same result
    /// whatever the thread count.
    @Test func theSameResultWhateverTheThreads() throws {
        let compiled = try Self.model("3 * x1 + x2 * x3", [("x1", 0, 1), ("x2", 0, 2), ("x3", 1, 4)], costRange: (1, 2))
        let one = SensitivityReport.render(Self.run(compiled, samples: 1000, threads: 1), format: .json)
        let two = SensitivityReport.render(Self.run(compiled, samples: 1000, threads: 2), format: .json)
        let many = SensitivityReport.render(Self.run(compiled, samples: 1000, threads: 7), format: .json)
        #expect(one == two && two == many)
    }

    /// On every bundled profile, for every target, the value at the deterministic inputs is the
    /// deterministic projection's: the same engine, read the same way.
    @Test(arguments: bundledIDs) func theBaselineIsTheDeterministicProjection(id: String) throws {
        let compiled = try ProfileLoader.load(path: "\(profilesDirectory)/\(id).json").compiled
        let scenario = try #require(compiled.profile.defaultScenario)
        let spec = scenario.growth
        let curve = try #require(spec.expectedCurve)
        let months = scenario.months ?? 36
        let scenarioCompiled = compiled.forScenario(scenario)
        let projection = Simulator(scenarioCompiled).run(curve: curve, months: months)
        var targets: [(SensitivityTarget, Double)] = [
            (.cost(month: months - 1), projection.months[months - 1].cost.expected),
            (.cost(month: months / 2), projection.months[months / 2].cost.expected),
            (.spend, projection.months.reduce(0) { $0 + $1.cost.expected }),
        ]
        if let revenue = projection.months[months - 1].revenue {
            targets.append((.margin(month: months - 1), revenue - projection.months[months - 1].cost.expected))
        }
        for tier in scenarioCompiled.profile.tiers.dropFirst() {
            let index = try #require(scenarioCompiled.profile.tiers.firstIndex { $0.id == tier.id })
            let last = scenarioCompiled.profile.tiers.count - 1
            // Needed: the plan's tier, or the one the load requires when higher (the last when none does).
            let first = projection.months.firstIndex { Swift.max($0.tier, $0.requiredTier ?? last) >= index } ?? months
            targets.append((.tier(id: tier.id), Double(first)))
        }
        for trigger in projection.triggers.prefix(4) {
            let first = (0..<months).first { projection.isFiring(trigger.trigger.id, at: $0) } ?? months
            targets.append((.trigger(id: trigger.trigger.id), Double(first)))
        }
        let runner = Sensitivity(scenarioCompiled, growth: .scenario(spec))
        for (target, expected) in targets {
            let result = runner.run(target, Sensitivity.Options(samples: 64, threads: 2, months: months, resamples: 10))
            #expect(
                Swift.abs(result.deterministic - expected) <= 1e-9 * Swift.max(1, Swift.abs(expected)),
                "\(id) \(target): \(result.deterministic) vs \(expected)")
        }
    }
}

/// The quasi-random points of Saltelli's design against SciPy's unscrambled Sobol' sequence
/// (`scipy.stats.qmc.Sobol(d, scramble=False).random(n)`, SciPy 1.x, which uses the same Joe–Kuo
/// new-joe-kuo-6.21201 direction numbers).
@Suite struct SobolSequenceTests {
    @Test func firstPointsMatchSciPy() {
        let points = SobolSequence(dimensions: 5, seed: nil).points(8)
        let scipy: [[Double]] = [
            [0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25, 0.75], [0.25, 0.75, 0.75, 0.75, 0.25],
            [0.375, 0.375, 0.625, 0.875, 0.375], [0.875, 0.875, 0.125, 0.375, 0.875], [0.625, 0.125, 0.875, 0.625, 0.625],
            [0.125, 0.625, 0.375, 0.125, 0.125],
        ]
        #expect(points == scipy.flatMap { $0 })
    }

    /// High dimensions too: SciPy's points 5 and 15 of the 256-dimensional sequence.
    @Test func highDimensionsMatchSciPy() {
        let points = SobolSequence(dimensions: 256, seed: nil).points(16)
        #expect(Array(points[(5 * 256 + 250)..<(5 * 256 + 256)]) == [0.625, 0.625, 0.125, 0.125, 0.875, 0.875])
        #expect(Array(points[(15 * 256 + 100)..<(15 * 256 + 104)]) == [0.4375, 0.9375, 0.3125, 0.4375])
    }

    /// A digital shift keeps every dimension's first 2^m points one per 2^-m interval.
    @Test func aShiftedSequenceStaysStratified() {
        let points = SobolSequence(dimensions: 40, seed: 99).points(64)
        for dimension in 0..<40 {
            let cells = Set((0..<64).map { Int(points[$0 * 40 + dimension] * 64) })
            #expect(cells.count == 64, "dimension \(dimension)")
        }
    }
}
