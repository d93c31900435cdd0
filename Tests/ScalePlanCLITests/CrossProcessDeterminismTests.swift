import Dispatch
import Foundation
import Testing

@testable import ScalePlanKit

/// Every list in every output has a total order: every command, in every format, on every
/// bundled profile, run three times in separate processes, gives the same bytes. (A Dictionary's
/// order changes from process to process — Swift seeds its hashing per process — so a report
/// that leaks one differs between runs, as the roadmap's risks once did.)
@Suite struct CrossProcessDeterminismTests {
    /// The command lines: `{}` is the profile id.
    static let commands: [[String]] = {
        var commands: [[String]] = []
        for format in ["table", "json"] { commands.append(["show", "{}", "--format", format]) }
        for format in ReportFormat.allCases.map(\.rawValue) {
            commands.append(["simulate", "{}", "--format", format])
            commands.append(["simulate", "{}", "--trials", "400", "--format", format])
            commands.append(["capacity", "{}", "--format", format])
            if format != "csv" { commands.append(["diff", "{}", "TIER0", "TIER1", "--format", format]) }
        }
        for format in ["markdown", "html"] {
            commands.append(["roadmap", "{}", "--format", format])
            commands.append(["roadmap", "{}", "--trials", "300", "--format", format])
        }
        for format in ["table", "json", "markdown"] {
            commands.append(["check", "{}", "--observed", "OBSERVED", "--format", format])
        }
        return commands
    }()

    @Test(arguments: bundledIDs)
    func everyCommandGivesTheSameBytesEveryRun(id: String) throws {
        // runBinary runs the built product; without it the test fails (CI) or skips visibly.
        _ = try Tools.scaleplan.required()
        let compiled = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").compiled
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Observed values at the second tier's minimum, with every metric the model derives.
        let driver = compiled.tiers[Swift.min(1, compiled.tiers.count - 1)].tier.range.min
        let slots = PointEvaluator(compiled).slots(driver: driver)
        var observed = "\(compiled.profile.driver.name),\(NumberFormatting.plain(driver))\n"
        for slot in compiled.layout.metricSlots {
            observed += "\(compiled.layout.names[slot]),\(NumberFormatting.plain(slots[slot] * 1.1))\n"
        }
        try FileIO.writeAtomically(Array(observed.utf8), to: folder + "/observed.csv")
        let lines =
            Self.commands.map { command in
                command.map {
                    switch $0 {
                    case "{}": id
                    case "TIER0": compiled.tiers[0].tier.id
                    case "TIER1": compiled.tiers[Swift.min(1, compiled.tiers.count - 1)].tier.id
                    case "OBSERVED": folder + "/observed.csv"
                    default: $0
                    }
                }
            } + [["list"], ["list", "--format", "json"], ["schema"], ["validate", repositoryRoot + "/profiles/\(id).json"]]
        // Three runs of each, as separate processes, two at a time (two cores).
        let outputs = Outputs(count: lines.count * 3)
        DispatchQueue.concurrentPerform(iterations: lines.count * 3) { index in
            let result = try? runBinary(lines[index / 3])
            outputs.set(index, result.map { "\($0.status)\n\($0.stdout)\n--stderr--\n\($0.stderr)" } ?? "failed to run")
        }
        for (index, line) in lines.enumerated() {
            let runs = (0..<3).map { outputs.get(index * 3 + $0) }
            #expect(runs[0].hasPrefix("0\n") || line.first == "check", "\(line.joined(separator: " ")): \(runs[0].prefix(300))")
            #expect(runs[0] == runs[1] && runs[1] == runs[2], "\(line.joined(separator: " ")) differs between runs")
        }
    }

    /// Results written by concurrent runs, each slot by one run.
    final class Outputs: @unchecked Sendable {
        private var values: [String]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: "", count: count) }
        func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
        func get(_ index: Int) -> String { lock.withLock { values[index] } }
    }
}
