import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

@Suite struct CheckCommandTests {
    func write(_ text: String, _ name: String) throws -> (folder: String, path: String) {
        let folder = try temporaryFolder()
        let path = folder + "/" + name
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        return (folder, path)
    }

    @Test func firingTriggerExits1AndSaysWhatToDo() throws {
        let file = try write(#"{"businesses": 48, "api_requests_month": 520000}"#, "observed.json")
        defer { try? FileManager.default.removeItem(atPath: file.folder) }
        let result = runCLI(["check", "sayar", "--observed", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("starter-upgrade: api_requests_month = 520,000 (threshold 500,000)"))
        #expect(result.stdout.contains("→ Move to the Growth tier"))
        #expect(result.stdout.contains("api_requests_month      520,000  observed"))
        #expect(result.stdout.contains("derived"))
    }

    @Test func quietValuesExit0() throws {
        let file = try write("metric,value\nbusinesses,20\n", "observed.csv")
        defer { try? FileManager.default.removeItem(atPath: file.folder) }
        let result = runCLI(["check", "sayar", "--observed", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No trigger fires"))
        #expect(runCLI(["check", "sayar", "--observed", file.path, "--quiet"]).stdout.isEmpty)
    }

    @Test func failOnSetsTheThreshold() throws {
        // A warning fires (80% utilisation) but nothing critical.
        let file = try write("businesses,45\n", "observed.csv")
        defer { try? FileManager.default.removeItem(atPath: file.folder) }
        #expect(runCLI(["check", "sayar", "--observed", file.path]).status == 1)
        #expect(runCLI(["check", "sayar", "--observed", file.path, "--fail-on", "critical"]).status == 0)
        let critical = try write("businesses,45\nsecurity_incidents,1\n", "critical.csv")
        defer { try? FileManager.default.removeItem(atPath: critical.folder) }
        #expect(runCLI(["check", "sayar", "--observed", critical.path, "--fail-on", "critical"]).status == 1)
    }

    @Test func tierOptionAndJSONOutput() throws {
        let file = try write(#"{"businesses": 120, "multi_region_needed": 1}"#, "observed.json")
        defer { try? FileManager.default.removeItem(atPath: file.folder) }
        let result = runCLI(["check", "sayar", "--observed", file.path, "--tier", "growth", "--format", "json"])
        #expect(result.status == 1)
        let parsed = expectValidJSON(result.stdout) as? [String: Any]
        #expect(parsed?["failed"] as? Bool == true && parsed?["tier"] as? String == "growth")
        let root = try JSONParser.parse(result.stdout)
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.first { $0.key == "failed" }?.value.value == .bool(true))
        #expect(members.first { $0.key == "tier" }?.value.value == .string("growth", verbatim: true))
    }

    @Test func everyBundledProfileChecksAtItsFirstTier() throws {
        for id in bundledIDs {
            let profile = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").profile
            let file = try write("\(profile.driver.name),\(NumberFormatting.plain(profile.tiers[0].range.min + 1))\n", "o.csv")
            defer { try? FileManager.default.removeItem(atPath: file.folder) }
            let result = runCLI(["check", id, "--observed", file.path, "--fail-on", "critical"])
            #expect(result.status == 0 || result.status == 1, "\(id): \(result.stderr)")
            #expect(result.stdout.contains("VALUES THE TRIGGERS READ"), "\(id)")
        }
    }

    /// Old-Mac line ends (a lone CR) are line ends: the same result as LF.
    @Test func crOnlyLineEndsAreRead() throws {
        let lf = try write("businesses,48\napi_requests_month,520000\n", "lf.csv")
        let cr = try write("businesses,48\rapi_requests_month,520000\r", "cr.csv")
        defer {
            try? FileManager.default.removeItem(atPath: lf.folder)
            try? FileManager.default.removeItem(atPath: cr.folder)
        }
        let expected = runCLI(["check", "sayar", "--observed", lf.path, "--format", "json"])
        let result = runCLI(["check", "sayar", "--observed", cr.path, "--format", "json"])
        #expect(result.status == 1 && expected.status == 1, "\(result.stderr)")
        // Equal but for where the values came from (the two files' names).
        func withoutSource(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains("observed_from") } }
        #expect(withoutSource(result.stdout) == withoutSource(expected.stdout))
    }

    @Test func badObservedFilesAreDataErrors() throws {
        let unknown = try write(#"{"busineses": 48}"#, "observed.json")
        defer { try? FileManager.default.removeItem(atPath: unknown.folder) }
        let misspelt = runCLI(["check", "sayar", "--observed", unknown.path, "--tier", "starter"])
        #expect(misspelt.status == 65)
        #expect(
            misspelt.stderr.contains("observed.json:1:15: error: 'busineses' is not a name in profile 'sayar' (at $.busineses)"))
        #expect(misspelt.stderr.contains("did you mean 'businesses'?"))
        let noDriver = try write(#"{"api_requests_month": 5}"#, "nodriver.json")
        defer { try? FileManager.default.removeItem(atPath: noDriver.folder) }
        #expect(runCLI(["check", "sayar", "--observed", noDriver.path]).status == 65)
        let badCSV = try write("businesses,20\napi_requests_month,lots\n", "bad.csv")
        defer { try? FileManager.default.removeItem(atPath: badCSV.folder) }
        let csv = runCLI(["check", "sayar", "--observed", badCSV.path])
        #expect(csv.status == 65)
        #expect(csv.stderr.contains("bad.csv:2:20: error: value 'lots' for api_requests_month is not a number"), "\(csv.stderr)")
        let badJSON = try write(#"{"businesses": "many"}"#, "bad.json")
        defer { try? FileManager.default.removeItem(atPath: badJSON.folder) }
        #expect(runCLI(["check", "sayar", "--observed", badJSON.path]).status == 65)
        #expect(runCLI(["check", "sayar", "--observed", "/nonexistent.csv"]).status == 66)
        #expect(runCLI(["check", "sayar"]).status == 64)
        #expect(runCLI(["check", "sayar", "--observed", badCSV.path, "--fail-on", "severe"]).status == 64)
    }
}

@Suite struct ColourTests {
    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let observed = "businesses,48\napi_requests_month,520000\n"
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(observed.utf8), to: folder + "/o.csv")
        func run(_ terminal: Bool, _ environment: [String: String], _ extra: [String] = []) -> String {
            let stdout = OutputBuffer(), stderr = OutputBuffer()
            var env = ["SCALEPLAN_PROFILES": repositoryRoot + "/profiles"]
            env.merge(environment) { $1 }
            _ = ScalePlan.run(
                arguments: ["check", "sayar", "--observed", folder + "/o.csv"] + extra, stdout: stdout,
                stderr: stderr, environment: env, terminal: TerminalInfo(stdoutIsTerminal: terminal, width: 100))
            return stdout.text
        }
        #expect(run(true, [:]).contains("\u{1B}["))
        #expect(!run(false, [:]).contains("\u{1B}["))
        #expect(!run(true, ["NO_COLOR": "1"]).contains("\u{1B}["))
        #expect(!run(true, [:], ["--no-color"]).contains("\u{1B}["))
    }
}
