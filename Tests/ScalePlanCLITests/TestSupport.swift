import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// What a run of the command line produced.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The repository root, found from this file.
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = ProfileLibrary.parent(of: path) }
    return path
}()

/// Runs the command line in-process with a fixed environment: no terminal, 80 columns (or
/// `COLUMNS` from `environment`, as the binary reads it), the repository's bundled profiles and
/// a fixed `SOURCE_DATE_EPOCH`.
func runCLI(_ arguments: [String], environment: [String: String] = [:], stdin: [UInt8] = []) -> RunResult {
    let stdout = OutputBuffer()
    let stderr = OutputBuffer()
    // A fixed day for the roadmap's footer (2026-12-01), so documents compare across days.
    var env = ["SCALEPLAN_PROFILES": repositoryRoot + "/profiles", "SOURCE_DATE_EPOCH": "1796083200"]
    env.merge(environment) { $1 }
    let status = ScalePlan.run(
        arguments: arguments, stdout: stdout, stderr: stderr, stdin: InputBuffer(stdin), environment: env,
        terminal: TerminalInfo(
            stdoutIsTerminal: false, stderrIsTerminal: false, width: Terminal.width(-1, environment: env) ?? 80),
        executablePath: nil)
    return RunResult(status: status, stdout: stdout.text, stderr: stderr.text)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let folder = "/tmp/scaleplan-test-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// A bundled profile as the old and the new version of a plan change: the new one adds a
/// global info trigger `review-bill` (cost > 1000) with `action`, written into the last
/// `"triggers": [` list of the file (the global one).
func bundledPlanChange(_ id: String, action: String = "Review the bill") throws -> (old: String, new: String) {
    let original = String(decoding: try FileIO.read(repositoryRoot + "/profiles/\(id).json", limit: 1 << 22), as: UTF8.self)
    let edited = original.replacingOccurrences(
        of: "\"triggers\": [\n",
        with:
            "\"triggers\": [\n    { \"id\": \"review-bill\", \"when\": \"cost > 1000\", \"severity\": \"info\", \"action\": \"\(action)\" },\n",
        options: [], range: original.range(of: "\"triggers\": [\n", options: .backwards))
    return (original, edited)
}

/// Where golden files live.
let goldenFolder = repositoryRoot + "/Tests/Fixtures/golden"

/// Whether this run re-records golden files (`SCALEPLAN_RECORD=1`).
let isRecordingGoldens = ProcessInfo.processInfo.environment["SCALEPLAN_RECORD"] == "1"

/// Compares `actual` with the golden file `<folder>/<name>`. A mismatch records an issue
/// with a compact line diff (`LineDiff.report`); a `.json` golden is compared after parsing
/// both with `JSONSerialization`, so key order and layout do not matter but every value does.
///
/// In record mode (`SCALEPLAN_RECORD=1`) it writes the file and fails the test, as
/// swift-snapshot-testing does, so that a run which re-records can never pass as a check.
/// - Parameters:
///   - actual: the output.
///   - name: the golden file's name, e.g. `simulate-sayar.json`.
///   - folder: where golden files live (a test of this function points it elsewhere).
///   - record: write `actual` as the new golden instead of comparing.
/// - Throws: when recording, if the file cannot be written.
func expectGolden(
    _ actual: String, _ name: String, folder: String = goldenFolder, record: Bool = isRecordingGoldens,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let path = folder + "/" + name
    if record {
        try FileIO.writeAtomically(Array(actual.utf8), to: path)
        Issue.record("recorded \(name); run again without SCALEPLAN_RECORD to check", sourceLocation: sourceLocation)
        return
    }
    guard let bytes = try? FileIO.read(path, limit: 1 << 24) else {
        Issue.record(
            "no golden file \(name) in \(folder); record it with SCALEPLAN_RECORD=1 make test",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: bytes, as: UTF8.self)
    let rerecord = "re-record with SCALEPLAN_RECORD=1 make test if the change is intended"
    if name.hasSuffix(".json") {
        guard let expectedJSON = expectValidJSON(expected, "golden file \(name)", sourceLocation: sourceLocation),
            let actualJSON = expectValidJSON(actual, "output for \(name)", sourceLocation: sourceLocation)
        else { return }
        if let difference = JSONComparison.firstDifference(expectedJSON, actualJSON) {
            let diff = LineDiff.report(expected: expected, actual: actual) ?? ""
            Issue.record(
                "output differs from \(name) as JSON at \(difference); \(rerecord)\n\(diff)",
                sourceLocation: sourceLocation)
        }
    } else if let diff = LineDiff.report(expected: expected, actual: actual) {
        Issue.record("output differs from \(name); \(rerecord)\n\(diff)", sourceLocation: sourceLocation)
    }
}
