import Foundation
import Testing

@testable import ScalePlanKit

/// Runs the real `scaleplan` binary as a process (built next to the test bundle by `make test`).
func runBinary(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil) throws
    -> (status: Int32, stdout: String, stderr: String)
{
    let executable = try Tools.scaleplan.required()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite struct EndToEndTests {
    @Test func validatesTheBundledProfilesFromAnyDirectory() throws {
        let paths = bundledIDs.map { repositoryRoot + "/profiles/\($0).json" }
        let result = try runBinary(["validate"] + paths, environment: ["PATH": "/usr/bin:/bin"], directory: "/")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("sayar.json: ok (4 tiers"))
    }

    @Test func findsBundledProfilesByIDFromAnotherDirectory() throws {
        let result = try runBinary(["show", "sayar"], environment: ["PATH": "/usr/bin:/bin"], directory: "/tmp")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Sayar WhatsApp Commerce Platform (sayar)\n"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is a pipe")
    }

    @Test func misspeltMetricGivesDidYouMeanWithLineAndColumnAndExits65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan.json"
        let text = tinyProfile.replacingOccurrences(of: "\"users >= 800\"", with: "\"peak_rsp > 4\"")
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        let result = try runBinary(["validate", path])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("\(path):13:32: error: in trigger 'small-1': unknown name 'peak_rsp'"))
        #expect(result.stderr.contains("did you mean 'peak_rps'?"))
    }

    @Test func exitStatusesForMissingFilesAndUsage() throws {
        #expect(try runBinary(["validate", "/nonexistent.json"]).status == 66)
        let usage = try runBinary(["simulat"])
        #expect(usage.status == 64)
        #expect(usage.stdout == "")
        #expect(usage.stderr.hasPrefix("Error: Unknown command 'simulat'."))
        let version = try runBinary(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n" && version.stderr == "")
    }

    @Test func environmentVariableOverridesTheProfileFolder() throws {
        let result = try runBinary(["list"], environment: ["SCALEPLAN_PROFILES": "/nonexistent"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no bundled profiles found"))
    }
}

@Suite struct LostOutputTests {
    /// Output that cannot be written is an I/O error (74) with a message, never a success: a full
    /// device (/dev/full), or a standard output that is closed.
    @Test func aFailedWriteToStandardOutputExits74() throws {
        let executable = try Tools.scaleplan.required()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["simulate", "oviya", "--format", "json"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(stderr.contains("could not write to standard output: no space left on device"), "\(stderr)")
    }
}
