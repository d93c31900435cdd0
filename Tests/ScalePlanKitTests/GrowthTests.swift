import Testing

@testable import ScalePlanKit

@Suite struct GrowthTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(b))
    }

    /// start·(1+r)^t: 500·1.15^12 = 2,675.12505… (1.15^12 = 5.350250105).
    @Test func exponential() {
        let curve = GrowthCurve.exponential(start: 500, rate: 0.15)
        #expect(curve.value(at: 0) == 500)
        #expect(close(curve.value(at: 12), 2675.12505, 1e-8))
        #expect(close(curve.value(at: 1), 575))
    }

    @Test func linearNeverGoesNegative() {
        let curve = GrowthCurve.linear(start: 100, step: 50)
        #expect(curve.value(at: 10) == 600)
        #expect(GrowthCurve.linear(start: 100, step: -50).value(at: 10) == 0)
    }

    /// cap / (1 + ((cap − start)/start)·e^(−rt)): start at t=0, cap/2 at t = ln((cap−start)/start)/r.
    @Test func logistic() {
        let curve = GrowthCurve.logistic(start: 100, cap: 10_000, rate: 0.5)
        #expect(close(curve.value(at: 0), 100))
        // ln(99) / 0.5 = 9.19024: the midpoint of the S-curve.
        #expect(close(curve.value(at: 9.190239700269), 5000, 1e-6))
        #expect(curve.value(at: 200) <= 10_000 && curve.value(at: 200) > 9_999.99)
    }

    /// Geometric interpolation: 100 at month 0 and 10,000 at month 12 give 1,000 at month 6
    /// (a constant 46.8% monthly rate); flat outside the points.
    @Test func pointsInterpolateGeometrically() {
        let curve = GrowthCurve.points([
            GrowthPoint(month: 0, value: 100), GrowthPoint(month: 12, value: 10_000),
            GrowthPoint(month: 24, value: 10_000),
        ])
        #expect(close(curve.value(at: 6), 1000))
        #expect(close(curve.value(at: 3), 100 * Math.power(10, 0.5)))
        #expect(curve.value(at: 18) == 10_000)
        #expect(curve.value(at: 40) == 10_000)
        let shifted = GrowthCurve.points([GrowthPoint(month: 3, value: 50)])
        #expect(shifted.value(at: 0) == 50)
        // From zero (observed data) the interpolation is linear.
        #expect(GrowthCurve.points([GrowthPoint(month: 0, value: 0), GrowthPoint(month: 2, value: 10)]).value(at: 1) == 5)
    }

    @Test func commandLineSpecs() throws {
        #expect(try GrowthInput.parse("exponential:start=500,rate=0.15") == .exponential(start: 500, rate: 0.15))
        #expect(try GrowthInput.parse("constant:value=10000") == .constant(10000))
        #expect(try GrowthInput.parse("linear:start=1,step=2") == .linear(start: 1, step: 2))
        #expect(try GrowthInput.parse("logistic:start=1,cap=9,rate=0.2") == .logistic(start: 1, cap: 9, rate: 0.2))
        #expect(
            try GrowthInput.parse("points:0=500,12=5000")
                == .points([GrowthPoint(month: 0, value: 500), GrowthPoint(month: 12, value: 5000)]))
        for (bad, fragment) in [
            ("exponentail:start=1,rate=1", "Did you mean 'exponential'?"), ("exponential:start=1", "needs rate"),
            ("constant:valeu=3", "Did you mean 'value'?"), ("constant:value=x", "Expected key=number"),
            ("points:5=1,2=3", "must increase"), ("logistic:start=10,cap=5,rate=1", "0 < start < cap"),
            ("exponential:start=1,rate=-2", "a monthly rate greater than -1"), ("", "Unknown growth kind"),
        ] {
            #expect(throws: GrowthInput.SpecError.self) { try GrowthInput.parse(bad) }
            do { _ = try GrowthInput.parse(bad) } catch { #expect(error.message.contains(fragment), "\(bad): \(error.message)") }
        }
    }

    @Test func csvWithHeaderCommentsAndCRLF() throws {
        let text = "month,value\r\n# observed\r\n0,120\r\n1, 150\r\n\r\n3,400\r\n"
        let points = try GrowthInput.csv(Array(text.utf8)).get()
        #expect(
            points == [GrowthPoint(month: 0, value: 120), GrowthPoint(month: 1, value: 150), GrowthPoint(month: 3, value: 400)])
    }

    @Test(arguments: [
        ("0,100\n1,abc\n", "value 'abc' is not a number", 2),
        ("0,100\n1\n", "expected 2 columns", 2),
        ("0,100\n2,5\n1,7\n", "months must increase", 3),
        ("0,100\n-1,5\n", "month '-1' is not a number ≥ 0", 2),
        ("month,value\n", "no month,value rows found", 0),
        ("0,100,7\n", "expected 2 columns (month,value), found 3", 1),
        ("0,1e999\n", "is not a number", 1),
    ])
    func csvErrorsNameTheLine(text: String, fragment: String, line: Int) {
        switch GrowthInput.csv(Array(text.utf8)) {
        case .success: Issue.record("accepted: \(text)")
        case .failure(let errors):
            #expect(
                errors.diagnostics.contains { $0.message.contains(fragment) && ($0.location?.line ?? 0) == line },
                "\(errors.diagnostics)")
        }
    }

    @Test func scenarioSpecsResolveAtTheirExpectedValues() {
        let spec = GrowthSpec.parametric(
            .exponential, [.fixed(500), Uncertain(distribution: .triangular, low: 0.1, mode: 0.12, high: 0.2)])
        #expect(spec.expectedCurve == .exponential(start: 500, rate: 0.12))
        #expect(GrowthSpec.csv(file: "x.csv").expectedCurve == nil)
    }
}
