// libFuzzer entry point: the growth-CSV reader (`GrowthInput.csv`), the `--growth` spec parser,
// the observed-values reader (`ObservedInput.read`: JSON, CSV or saved Prometheus answers) and the fit readers
// (`GrowthHistory.read`, `LoadTest.read`); what they accept is run on: the CSV as a growth curve
// through a bundled profile, the observed values through `check`'s trigger evaluation in the
// tier they select and in every tier, a history and a load test through every fit and report.
import ScalePlanKit

private let compiled: CompiledProfile? = {
    let library = ProfileLibrary.locate(environment: System.environment, executablePath: nil)
    guard let path = library.path(of: "sayar") else { return nil }
    return try? ProfileLoader.load(path: path).compiled
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let compiled else { fatalError("the bundled profile 'sayar' was not found; set SCALEPLAN_PROFILES") }
    switch GrowthInput.csv(bytes) {
    case .success(let points):
        let curve = GrowthCurve.points(points)
        for month in stride(from: -1.0, through: 30, by: 0.5) { _ = curve.value(at: month) }
        _ = ProjectionReport.render(Simulator(compiled).run(curve: curve, months: 24), format: .csv)
    case .failure(let errors):
        for diagnostic in errors.diagnostics { _ = diagnostic.formatted(file: "growth.csv") }
    }
    if let spec = String(validating: bytes, as: UTF8.self), let curve = try? GrowthInput.parse(spec) {
        _ = ProjectionReport.render(Simulator(compiled).run(curve: curve, months: 6), format: .table)
    }
    // The observed values, saved Prometheus responses included (`ObservedInput.read`), and
    // each input read as one live answer: an HTTP response (`HTTPClient.parse`) and its JSON
    // (`PrometheusAnswer.parse`).
    _ = try? PrometheusAnswer.parse(bytes)
    _ = try? HTTPClient.parse(bytes)
    switch ObservedInput.read(bytes, driver: compiled.profile.driver.name).map(\.observations) {
    case .success(let observed):
        let check = ObservedCheck(compiled)
        if let result = try? check.run(observed: observed, tier: nil) { _ = result.values.count }
        for tier in compiled.profile.tiers.indices { _ = try? check.run(observed: observed, tier: tier) }
    case .failure(let errors):
        for diagnostic in errors.diagnostics { _ = diagnostic.formatted(file: "observed.csv") }
    }
    if case .success(let history) = GrowthHistory.read(bytes),
        let result = try? GrowthFit.fit(history, kinds: GrowthFit.fittableKinds, source: "history.csv")
    {
        for format in FitFormat.allCases { _ = GrowthFitReport.render(result, format: format) }
        _ = Simulator(compiled).run(curve: result.best.curve, months: 6)
    }
    if case .success(let test) = LoadTest.read(bytes) {
        for method in USLFit.Method.allCases {
            guard let fit = try? USLFit.fit(test, method: method, source: "load.csv") else { continue }
            let subject = USLFitReport.Subject(fit, limit: .init(name: "peak_rps", units: "nodes"))
            for format in FitFormat.allCases { _ = USLFitReport.render(subject, format: format) }
        }
    }
    return 0
}
