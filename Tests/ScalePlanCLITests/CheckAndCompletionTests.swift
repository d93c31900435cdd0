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

    @Test func badObservedFilesAreDataErrors() throws {
        let unknown = try write(#"{"busineses": 48}"#, "observed.json")
        defer { try? FileManager.default.removeItem(atPath: unknown.folder) }
        let misspelt = runCLI(["check", "sayar", "--observed", unknown.path, "--tier", "starter"])
        #expect(misspelt.status == 65)
        #expect(misspelt.stderr.contains("'busineses' is not a name in profile 'sayar'; did you mean 'businesses'?"))
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

@Suite struct CompletionTests {
    static let shells = ["bash", "zsh", "fish"]

    /// Each script names the commands and asks the binary for dynamic answers.
    @Test(arguments: shells)
    func scriptsCoverTheCommands(shell: String) {
        let result = runCLI(["completions", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("simulate") && result.stdout.contains("__complete"))
    }

    /// Each script is valid for its shell (`bash -n`, `zsh -n`, `fish -n`). bash is always
    /// required; zsh and fish are skipped (visibly) where they are not installed, and required
    /// in CI, which installs them (.ci/run).
    @Test func bashScriptIsSyntacticallyValid() throws {
        try expectValidSyntax(shell: "bash", try Tools.bash.required())
    }

    @Test(.requires(Tools.zsh)) func zshScriptIsSyntacticallyValid() throws {
        try expectValidSyntax(shell: "zsh", try Tools.zsh.required())
    }

    @Test(.requires(Tools.fish)) func fishScriptIsSyntacticallyValid() throws {
        try expectValidSyntax(shell: "fish", try Tools.fish.required())
    }

    /// `<shell> -n` on the script that `completions <shell>` prints exits 0.
    func expectValidSyntax(shell: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let script = runCLI(["completions", shell])
        #expect(script.status == 0, sourceLocation: sourceLocation)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(script.stdout.utf8), to: folder + "/script")
        let check = try runProcess(path, ["-n", folder + "/script"])
        #expect(check.status == 0, "\(shell) -n: \(check.stderr)", sourceLocation: sourceLocation)
    }

    @Test func dynamicAnswers() {
        #expect(runCLI(["__complete", "profiles"]).stdout == bundledIDs.joined(separator: "\n") + "\n")
        #expect(runCLI(["__complete", "tiers", "sayar"]).stdout == "starter\ngrowth\nscale\nenterprise\n")
        #expect(runCLI(["__complete", "scenarios", "sayar"]).stdout.split(separator: "\n").contains("seed"))
        #expect(runCLI(["__complete", "tiers", "nonexistent"]).stdout.isEmpty)
        #expect(runCLI(["__complete", "tiers", "nonexistent"]).status == 0)
        #expect(runCLI(["completions", "tcsh"]).status == 64)
    }

    @Test func manPageCoversEveryCommandAndExitCode() {
        let page = runCLI(["__manpage"]).stdout
        #expect(page.hasPrefix(".TH SCALEPLAN 1"))
        for command in ScalePlan.commands { #expect(page.contains(".SS scaleplan \(command.spec.name)")) }
        for code in ExitCode.allCases { #expect(page.contains(".B \(code.rawValue)\n")) }
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
