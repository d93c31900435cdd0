import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Nothing from a profile, a data file or an argument reaches stdout or stderr with a control or
/// escape character: every command, in every one of its formats, on a profile with hostile text
/// in every free-text field, and every error path that echoes what the user gave.
@Suite struct TerminalSafetyTests {
    /// A folder with the hostile profile, a second version of it (for plan diffs), observed
    /// values and a growth CSV.
    static func folder() throws -> String {
        let folder = try hostileFolder()
        let changed =
            hostileProfile
            .replacingOccurrences(
                of: "\"amount\": 5 }",
                with:
                    "\"amount\": 7 }, { \"item\": \(JSONOutput.quote("New" + hostileText)), \"category\": \"compute\", \"amount\": 3 }"
            )
        try FileIO.writeAtomically(Array(changed.utf8), to: folder + "/hostile-2.json")
        try FileIO.writeAtomically(Array("month,users\n0,100\n12,900\n".utf8), to: folder + "/growth.csv")
        let history = (0..<12).map { "\($0),\(100 + 40 * $0 + ($0 % 3) * 7)" }.joined(separator: "\n")
        try FileIO.writeAtomically(Array(history.utf8), to: folder + "/history\(hostileText).csv")
        try FileIO.writeAtomically(
            Array("1,100,0.01\n2,190,0.0105\n4,340,0.012\n8,560,0.0145\n16,700,0.023\n32,720,0.044\n".utf8),
            to: folder + "/load\(hostileText).csv")
        return folder
    }

    /// Every command's runs on the hostile profile, each once per format the command offers
    /// (read from its spec, so a new format is covered without editing this list).
    static func runs(_ folder: String) -> [[String]] {
        let profile = folder + "/hostile.json"
        let base: [String: [[String]]] = [
            "list": [[]],
            "show": [[profile]],
            "validate": [[profile]],
            "simulate": [
                [profile, "--months", "30"], [profile, "--trials", "30", "--months", "30"],
                [profile, "--growth-csv", folder + "/growth.csv"],
            ],
            "capacity": [[profile]],
            "check": [[profile, "--observed", folder + "/observed.csv"]],
            "diff": [[profile, "small", "large"], [profile, folder + "/hostile-2.json"]],
            "roadmap": [[profile, "--months", "30"], [profile, "--trials", "30", "--months", "30"]],
            "sensitivity": [[profile, "--samples", "64", "--months", "30"], [profile, "--samples", "64", "--target", "spend"]],
            "optimize": [
                [profile, "--months", "30", "--allow-gaps"], [profile, "--trials", "30", "--months", "30", "--allow-gaps"],
            ],
            "fit": [
                ["growth", folder + "/history\(hostileText).csv"],
                ["usl", folder + "/load\(hostileText).csv", "--emit-limit", "peak_rps"],
            ],
            "rules": [[profile]],
            "schema": [[]],
            "help": [["simulate"]],
            "completions": [["bash"], ["zsh"], ["fish"]],
        ]
        var runs: [[String]] = []
        for spec in ScalePlan.commands.map({ $0.spec }) {
            let formats = spec.option(named: "format")?.choices.map { ["--format", $0] } ?? [[]]
            for arguments in base[spec.name] ?? [] {
                for format in formats { runs.append([spec.name] + arguments + format) }
            }
        }
        return runs
    }

    @Test func everyCommandAndFormatKeepsControlCharactersOut() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runs = Self.runs(folder)
        #expect(Set(runs.map { $0[0] }) == Set(ScalePlan.commands.map { $0.spec.name }), "every command is covered")
        for arguments in runs {
            let result = runCLI(arguments, environment: ["SCALEPLAN_PROFILES": folder])
            #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments)")
            #expect(!hasControlCharacters(result.stdout), "\(arguments): \(firstControl(result.stdout))")
            #expect(!hasControlCharacters(result.stderr), "\(arguments): \(firstControl(result.stderr))")
        }
    }

    /// Errors that quote the user's input: a bad profile whose bad line carries escapes (and whose
    /// file name does), an unknown tier, profile, scenario, option and option value, an observed
    /// name that is not in the plan, a bad growth CSV row.
    @Test func errorsThatEchoInputKeepControlCharactersOut() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let evil = "\u{1B}[2J\u{1B}]0;x\u{07}\u{202E}"
        let badName = folder + "/bad\u{1B}[31m.json"
        try FileIO.writeAtomically(Array("{\"version\": 1, \"id\": \"x\(evil)\", \"oops\": }".utf8), to: badName)
        try FileIO.writeAtomically(Array("users,900\nload\(evil),3\n".utf8), to: folder + "/observed-bad.csv")
        try FileIO.writeAtomically(Array("month,users\n0,1\(evil)\n".utf8), to: folder + "/growth-bad.csv")
        let profile = folder + "/hostile.json"
        let runs: [[String]] = [
            ["validate", badName], ["simulate", badName],
            ["diff", profile, "small", "big\(evil)"], ["simulate", "tiny\(evil)"],
            ["simulate", profile, "--scenario", "x\(evil)"], ["simulate", profile, "--\(evil)"],
            ["simulate", profile, "--format", "j\(evil)"], ["nonsense\(evil)"],
            ["check", profile, "--observed", folder + "/observed-bad.csv"],
            ["simulate", profile, "--growth-csv", folder + "/growth-bad.csv"],
            ["simulate", profile, "--growth-fit", folder + "/growth-bad.csv"], ["fit", "growth", folder + "/growth-bad.csv"],
            ["fit", "usl", folder + "/observed-bad.csv"], ["fit", "growth\(evil)", folder + "/growth-bad.csv"],
            ["simulate", profile, "--months", "1\(evil)"], ["simulate", profile, "--growth", "exponential:\(evil)"],
        ]
        for arguments in runs {
            let result = runCLI(arguments, environment: ["SCALEPLAN_PROFILES": folder])
            #expect(result.status != 0, "\(arguments)")
            #expect(!result.stderr.isEmpty, "\(arguments)")
            #expect(!hasControlCharacters(result.stdout + result.stderr), "\(arguments): \(firstControl(result.stderr))")
        }
    }

    /// An argument is echoed in at most 200 characters.
    @Test func echoedArgumentsAreShortened() {
        let long = String(repeating: "x", count: 100_000)
        for arguments in [
            ["simulate", long], ["simulate", "oviya", "--\(long)"], ["simulate", "oviya", "--format", long], [long],
        ] {
            let result = runCLI(arguments)
            #expect(result.status == 64)
            #expect(result.stderr.count < 1_000, "\(arguments[0]): \(result.stderr.count) characters")
            #expect(result.stderr.contains(String(repeating: "x", count: 150) + "…") || result.stderr.contains("x…"))
        }
    }

    /// The line and the character where text first breaks the rule, for the failure message.
    func firstControl(_ text: String) -> String {
        for (number, line) in text.split(separator: "\n").enumerated() where hasControlCharacters(String(line)) {
            let bad = line.unicodeScalars.first {
                ($0.value < 0x20) || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            }
            return "line \(number + 1): U+\(String(bad?.value ?? 0, radix: 16)) in \(line.debugDescription.prefix(200))"
        }
        return ""
    }
}
