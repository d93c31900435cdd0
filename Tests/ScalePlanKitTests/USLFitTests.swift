import Testing

@testable import ScalePlanKit

/// `fit usl` against the USL literature's datasets and the coefficients their reference
/// implementations publish, to 4 significant digits, each test naming the method it
/// reproduces (methods differ in the second or third digit).
@Suite struct USLFitTests {
    static func loadTest(_ points: [(Double, Double)]) -> LoadTest {
        LoadTest(
            concurrency: points.map(\.0), throughput: points.map(\.1), latency: nil,
            lines: Array(1...points.count))
    }

    /// SPEC SDM91 on a Sun SPARCcenter 2000 (Gunther, *Guerrilla Capacity Planning*, 2007;
    /// R package `usl`, data `specsdm91`; text copy: mookerji/sca_tools `fixtures/specsdm91.csv`).
    static let specsdm91 = loadTest([
        (1, 64.9), (18, 995.9), (36, 1652.4), (72, 1853.2), (108, 1828.9), (144, 1775), (216, 1702.2),
    ])

    /// The ray tracer on an SGI Origin 2000 (GCaP Appendix B; R `usl` data `raytracer`; text
    /// copy: mookerji/sca_tools `fixtures/raytracer.csv`).
    static let raytracer = loadTest([
        (1, 20), (4, 78), (8, 130), (12, 170), (16, 190), (20, 200), (24, 210), (28, 230), (32, 260), (48, 280),
        (64, 310),
    ])

    /// The Cisco measurements of B. Schwartz, *Practical Scalability Analysis with the Universal
    /// Scalability Law* (VividCortex, 2015), as in codahale/usl4j `ModelTest.java` and
    /// codahale/usl `model_test.go`.
    static let cisco = loadTest([
        (1, 955.16), (2, 1878.91), (3, 2688.01), (4, 3548.68), (5, 4315.54), (6, 5130.43), (7, 5931.37),
        (8, 6531.08), (9, 7219.8), (10, 7867.61), (11, 8278.71), (12, 8646.7), (13, 9047.84), (14, 9426.55),
        (15, 9645.37), (16, 9897.24), (17, 10097.6), (18, 10240.5), (19, 10532.39), (20, 10798.52),
        (21, 11151.43), (22, 11518.63), (23, 11806), (24, 12089.37), (25, 12075.41), (26, 12177.29),
        (27, 12211.41), (28, 12158.93), (29, 12155.27), (30, 12118.04), (31, 12140.4), (32, 12074.39),
    ])

    /// `value` and `published` agree to 4 significant digits: both round to the same 4-digit
    /// number.
    static func agree(_ value: Double, _ published: Double, digits: Int = 4) -> Bool {
        NumberFormatting.significant(value, digits: digits) == NumberFormatting.significant(published, digits: digits)
    }

    /// R `usl` 3.x, `usl(throughput ~ load, specsdm91)` (nlxb, λ fitted), tests/usl-nlxb.Rout.save:
    /// alpha 0.0277285, beta 0.0001044, gamma 89.9952330; sca_tools tests/test_usl.py (lmfit):
    /// σ 0.0277286, κ 0.000104365, λ 89.995; peak-scalability.Rout.save 97 (2 digits).
    @Test func specsdm91NonlinearLeastSquares() throws {
        let fit = try USLFit.fit(Self.specsdm91, method: .nls, source: "specsdm91")
        #expect(Self.agree(fit.sigma.estimate, 0.0277285))
        #expect(Self.agree(fit.kappa.estimate, 0.000104365))
        #expect(Self.agree(fit.lambda.estimate, 89.9952330))
        #expect(Self.agree(fit.peakConcurrency, 96.50, digits: 2))
        // fitted.Rout.save: 90 1078 1541 1850 1879 1822 1646.
        #expect(fit.fitted.map { $0.rounded() } == [90, 1078, 1541, 1850, 1879, 1822, 1646])
        // sigma.Rout.save: residual standard error 82.8 on 4 df.
        let rse = (fit.residuals.reduce(0) { $0 + $1 * $1 } / 4).squareRoot()
        #expect(Self.agree(rse, 82.8, digits: 3))
    }

    /// codahale/usl `cmd/usl/usl_test.go` (Go, Levenberg–Marquardt) on the rounded specsdm91
    /// of `cmd/usl/example.csv`: "σ=0.0277299, κ=0.000104343, λ=89.9878", "max concurrency: 96".
    @Test func roundedSpecsdm91LikeCodahale() throws {
        let rounded = Self.loadTest([(1, 65), (18, 996), (36, 1652), (72, 1853), (108, 1829), (144, 1775), (216, 1702)])
        let fit = try USLFit.fit(rounded, method: .nls, source: "example.csv")
        #expect(Self.agree(fit.sigma.estimate, 0.0277299))
        #expect(Self.agree(fit.kappa.estimate, 0.000104343))
        #expect(Self.agree(fit.lambda.estimate, 89.9878))
        #expect(fit.peakConcurrency.rounded(.down) == 96)
    }

    /// The Cisco "book" values checked by codahale/usl4j and codahale/usl: σ 0.02671591,
    /// κ 7.690945e-4, λ 995.6486, N* 35 (floor), X(N*) 12341.745 (X(35) 12341.745655).
    @Test func ciscoLikeSchwartz() throws {
        let fit = try USLFit.fit(Self.cisco, method: .nls, source: "cisco")
        #expect(Self.agree(fit.sigma.estimate, 0.02671591))
        #expect(Self.agree(fit.kappa.estimate, 7.690945e-4))
        #expect(Self.agree(fit.lambda.estimate, 995.6486))
        #expect(fit.peakConcurrency.rounded(.down) == 35)
        #expect(Self.agree(fit.throughput(at: 35), 12341.745655))
        #expect(Self.agree(fit.throughput(at: 20), 11063.63312570436))
    }

    /// R `usl` 1.x's default method (GCaP §5.5, λ = X(1) = 64.9), tests/t08.Rout.save: sigma
    /// 1.705e-02, kappa 7.892e-05; t03.Rout.save fitted 64.9 889.1 1377.5 1787.7 1876.1 1845.9 1682.8.
    @Test func specsdm91GCaPRegression() throws {
        let fit = try USLFit.fit(Self.specsdm91, method: .gcap, source: "specsdm91")
        #expect(Self.agree(fit.sigma.estimate, 1.705e-02))
        #expect(Self.agree(fit.kappa.estimate, 7.892e-05))
        #expect(fit.lambda.estimate == 64.9)
        #expect(fit.lambda.low == nil)
        #expect(
            fit.fitted.map { ($0 * 10).rounded() / 10 } == [64.9, 889.1, 1377.5, 1787.7, 1876.1, 1845.9, 1682.8])
        // t01.Rout.save: signif(peak.scalability(u), 2) = 110.
        #expect(Self.agree(fit.peakConcurrency, 110, digits: 2))
    }

    /// R `usl` 1.x (GCaP §5.5, λ = 20), tests/t05.Rout.save: sigma 0.05002394, kappa 0.00000471
    /// (κ printed to 3 digits).
    @Test func raytracerGCaPRegression() throws {
        let fit = try USLFit.fit(Self.raytracer, method: .gcap, source: "raytracer")
        #expect(Self.agree(fit.sigma.estimate, 0.05002394))
        #expect(Self.agree(fit.kappa.estimate, 0.00000471, digits: 3))
        #expect(fit.limit == .contention)
    }

    /// R `usl` 3.x (nlxb) puts κ on its bound 0 for the ray tracer (tests/confint.Rout.save:
    /// alpha 0.0578, beta 0.0000, gamma 21.8488): no peak can be estimated, which is an error
    /// that says so and gives the other two.
    @Test func raytracerNonlinearHitsTheBound() {
        #expect {
            try USLFit.fit(Self.raytracer, method: .nls, source: "raytracer")
        } throws: { error in
            guard let failure = error as? USLFit.Failure else { return false }
            return failure.message.contains("κ (coherency) fits at its bound 0") && failure.message.contains("σ 0.05777")
                && failure.message.contains("λ 21.8488")
        }
    }

    /// The R test suite's synthetic set (tests/coef.Rout.save): σ 0.02, κ 0.02, λ 1.
    @Test func rSyntheticSet() throws {
        let data = Self.loadTest([(1, 1), (2, 1.8868), (4, 3.0769), (6, 3.5294), (8, 3.5398), (10, 3.3557)])
        let fit = try USLFit.fit(data, method: .nls, source: "S1")
        #expect(Self.agree(fit.sigma.estimate, 0.02, digits: 3))
        #expect(Self.agree(fit.kappa.estimate, 0.02, digits: 3))
        #expect(Self.agree(fit.lambda.estimate, 1, digits: 3))
        #expect(fit.limit == .coherency)
    }
}

/// Synthetic load tests from known coefficients, and the bad-data cases.
@Suite struct USLSyntheticTests {
    /// Over 200 seeds of a load test generated from σ 0.03, κ 0.0005, λ 100 with normal noise,
    /// each coefficient's 80% interval holds the truth about 80% of the time (±8 points).
    @Test func intervalsHoldTheirCoverage() throws {
        let truth = [0.03, 0.0005, 100.0]
        let concurrency: [Double] = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128]
        var inside = [0, 0, 0]
        for seed in 0..<200 {
            var random = Xoshiro256StarStar(seed: UInt64(seed) + 1)
            let throughput = concurrency.map {
                USLFit.throughput($0, sigma: truth[0], kappa: truth[1], lambda: truth[2]) + 25 * GrowthFitTests.normal(&random)
            }
            let data = LoadTest(concurrency: concurrency, throughput: throughput, latency: nil, lines: Array(1...12))
            let fit = try USLFit.fit(data, method: .nls, source: "synthetic")
            for (index, parameter) in [fit.sigma, fit.kappa, fit.lambda].enumerated() {
                if let low = parameter.low, let high = parameter.high, low <= truth[index], truth[index] <= high {
                    inside[index] += 1
                }
            }
        }
        for (index, count) in inside.enumerated() {
            #expect(count >= 144 && count <= 176, "parameter \(index): \(count) of 200 intervals hold the truth")
        }
    }

    @Test(arguments: [
        ("1,10\n2,0\n", "2:3", "throughput '0' is not a finite number > 0"),
        ("1,10\n-2,19\n", "2:1", "concurrency '-2' is not a finite number > 0"),
        ("1,10\n2,inf\n", "2:3", "throughput 'inf' is not a finite number > 0"),
        ("1,10,0.1\n2,19\n", "2:1", "expected 3 columns like the rows before, found 2"),
        ("clients,rps\n", "", "no concurrency,throughput rows found"),
    ])
    func badLoadTests(text: String, at: String, message: String) {
        guard case .failure(let errors) = LoadTest.read(Array(text.utf8)) else {
            Issue.record("accepted \(text)")
            return
        }
        let first = errors.diagnostics[0]
        #expect(first.message.contains(message), "\(first.message)")
        #expect((first.location.map { "\($0.line):\($0.column)" } ?? "") == at)
    }

    @Test func tooFewConcurrencies() {
        let data = LoadTest(concurrency: [1, 2, 2, 4], throughput: [10, 19, 18, 30], latency: nil, lines: [1, 2, 3, 4])
        #expect {
            try USLFit.fit(data, source: "t.csv")
        } throws: { error in
            ((error as? USLFit.Failure)?.message ?? "").contains("needs measurements at 4 or more concurrencies")
        }
    }

    /// The emitted limit, compiled by the profile's own expression compiler, gives the fitted
    /// throughput at each measured concurrency.
    @Test func emittedLimitEvaluatesToTheFit() throws {
        let fit = try USLFit.fit(USLFitTests.cisco, source: "cisco")
        let text = fit.limitExpression(units: "nodes")
        for n in [1.0, 8, 35, 64] {
            let compiled = try ExpressionCompiler.compile(text, as: .number) { (name, column) throws(ExpressionError) in
                guard name == "nodes" else { throw ExpressionError("unknown name '\(name)'", column: column) }
                return 0
            }
            let value = compiled.evaluate([n])
            #expect(abs(value / fit.throughput(at: n) - 1) < 1e-5, "\(text) at \(n)")
        }
    }
}
