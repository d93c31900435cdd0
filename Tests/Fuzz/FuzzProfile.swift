// libFuzzer entry point: profile bytes → JSON parser → decoder → compiler (names, ranges,
// expressions, cycles) → when the profile compiles, short deterministic simulations (a
// constant load, a sweep across every tier, the default scenario), a capacity search of the
// first and last tiers, a tiny Monte Carlo, the cheapest path and every report renderer. Built by Tests/Fuzz/build.sh; nothing here is a SwiftPM target.
import ScalePlanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let (compiled, diagnostics) = ProfileLoader.validate(bytes: bytes)
    for diagnostic in diagnostics { _ = diagnostic.formatted(file: "fuzz.json") }
    guard let compiled else { return 0 }
    let simulator = Simulator(compiled)
    let level = compiled.profile.tiers.last.map { $0.range.max ?? $0.range.min * 2 + 100 } ?? 1000
    // A constant load, and one that sweeps from the first tier's minimum past the last tier's
    // (so every tier change, migration and capacity gap is met).
    let sweep = GrowthCurve.points([
        GrowthPoint(month: 0, value: compiled.profile.tiers.first?.range.min ?? 0),
        GrowthPoint(month: 11, value: level),
    ])
    var projections = [simulator.run(curve: .constant(level), months: 12), simulator.run(curve: sweep, months: 12)]
    if let curve = compiled.profile.defaultScenario?.growth.expectedCurve {
        projections.append(simulator.run(curve: curve, months: 12, start: compiled.profile.defaultScenario?.start))
    }
    // Tables at a narrow and a wide width too: shrinking and dropping columns must never trap.
    let layouts = [TerminalLayout.standard, TerminalLayout(width: 20), TerminalLayout(width: 200)]
    for projection in projections {
        for format in ReportFormat.allCases { _ = ProjectionReport.render(projection, format: format) }
        for layout in layouts { _ = ProjectionReport.render(projection, format: .table, layout: layout) }
    }
    for layout in layouts { _ = ShowReport.render(ProfileSummary(compiled), format: .table, layout: layout) }
    _ = ShowReport.render(ProfileSummary(compiled), format: .json)
    let search = CapacitySearch(compiled)
    let results = [search.search(tier: 0), search.search(tier: compiled.profile.tiers.count - 1)]
    for format in ReportFormat.allCases { _ = CapacityReport.render((results, compiled), format: format) }
    for layout in layouts { _ = CapacityReport.render((results, compiled), format: .table, layout: layout) }
    let growth: MonteCarlo.Growth = compiled.profile.defaultScenario.map { .scenario($0.growth) } ?? .fixed(.constant(level))
    let options = MonteCarlo.Options(trials: 10, seed: 1, threads: 1, months: 6, blockSize: 4)
    let result = MonteCarlo(compiled, growth: growth).run(options)
    for format in ReportFormat.allCases { _ = MonteCarloReport.render(result, format: format) }
    for layout in layouts { _ = MonteCarloReport.render(result, format: .table, layout: layout) }
    // The cheapest path over the options (deterministic and with a few trials), and its replay.
    for trials in [0, 8] {
        var pathOptions = PathOptimization.Options(months: 8, trials: trials, threads: 1, discountRate: 0.1)
        pathOptions.allowsGaps = true
        guard let path = try? PathOptimization(compiled, growth: .fixed(sweep)).run(pathOptions) else { continue }
        for format in ReportFormat.allCases { _ = OptimizeReport.render(path, format: format, layout: .standard) }
        for layout in layouts { _ = OptimizeReport.render(path, format: .table, layout: layout) }
        _ = Simulator(path.compiled.following(path.schedule.map(\.way))).run(curve: sweep, months: 8)
    }
    return 0
}
