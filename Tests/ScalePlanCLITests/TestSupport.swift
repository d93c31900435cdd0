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

/// Runs the command line in-process with a fixed environment: no terminal, 80 columns, the
/// repository's bundled profiles.
func runCLI(_ arguments: [String], environment: [String: String] = [:]) -> RunResult {
    let stdout = OutputBuffer()
    let stderr = OutputBuffer()
    var env = ["SCALEPLAN_PROFILES": repositoryRoot + "/profiles"]
    env.merge(environment) { $1 }
    let status = ScalePlan.run(arguments: arguments, stdout: stdout, stderr: stderr, environment: env,
        terminal: TerminalInfo(stdoutIsTerminal: false, stderrIsTerminal: false, width: 80), executablePath: nil)
    return RunResult(status: status, stdout: stdout.text, stderr: stderr.text)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let folder = "/tmp/scaleplan-test-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// Compares `actual` with the golden file `Tests/Fixtures/golden/<name>`; with
/// `SCALEPLAN_RECORD=1` in the environment it rewrites the file instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let path = repositoryRoot + "/Tests/Fixtures/golden/" + name
    if ProcessInfo.processInfo.environment["SCALEPLAN_RECORD"] == "1" {
        try FileIO.writeAtomically(Array(actual.utf8), to: path)
        return
    }
    let expected = String(decoding: try FileIO.read(path, limit: 1 << 24), as: UTF8.self)
    #expect(actual == expected, "output differs from \(name); re-record with SCALEPLAN_RECORD=1 make test",
        sourceLocation: sourceLocation)
}
