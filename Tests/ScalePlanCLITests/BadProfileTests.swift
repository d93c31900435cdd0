import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// A small valid profile that each bad case edits in one place.
let tinyProfile = """
    {
      "version": 1,
      "id": "tiny",
      "name": "Tiny",
      "currency": "USD",
      "driver": { "name": "users", "unit": "user", "label": "Users" },
      "params": { "rps_per_user": 0.01 },
      "metrics": { "peak_rps": "users * rps_per_user" },
      "tiers": [
        { "id": "small", "name": "Small", "range": { "min": 0, "max": 1000 },
          "capacity": { "peak_rps": 5 },
          "costs": [ { "item": "Server", "category": "compute", "amount": 5 } ],
          "triggers": [ { "when": "users >= 800", "action": "Plan the move", "target": "large" } ] },
        { "id": "large", "name": "Large", "range": { "min": 1000 },
          "costs": [ { "item": "Cluster", "category": "compute", "amount": { "low": 50, "high": 80 } } ] }
      ],
      "scenarios": [ { "id": "base", "default": true, "growth": { "kind": "exponential", "start": 100, "rate": 0.1 } } ]
    }
    """

/// One bad profile: an edit of `tinyProfile`, the message it must produce, and where. The
/// expected line and column are computed from the edited text (the first occurrence of
/// `anchor`, plus `offset` columns), independently of the parser under test.
struct BadCase: CustomTestStringConvertible, Sendable {
    var name: String
    var replace: String
    var with: String
    var message: String
    var anchor: String?
    var offset = 0
    var hint: String? = nil

    var testDescription: String { name }

    var text: String {
        guard let range = tinyProfile.range(of: replace) else { return "edit not found: \(replace)" }
        return tinyProfile.replacingCharacters(in: range, with: with)
    }

    /// 1-based line and column of the anchor in the edited text.
    var expectedLocation: (line: Int, column: Int)? {
        guard let anchor, let range = text.range(of: anchor) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.count { $0 == "\n" } + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<range.lowerBound].unicodeScalars.count + 1 + offset)
    }
}

let badCases: [BadCase] = [
    BadCase(
        name: "misspelt driver in a trigger", replace: "\"users >= 800\"", with: "\"user >= 800\"",
        message: "in trigger 'small-1': unknown name 'user'", anchor: "user >= 800", hint: "did you mean 'users'?"),
    BadCase(
        name: "misspelt param in a metric", replace: "users * rps_per_user", with: "users * rps_per_usr",
        message: "in metric 'peak_rps': unknown name 'rps_per_usr'", anchor: "rps_per_usr", hint: "did you mean 'rps_per_user'?"),
    BadCase(
        name: "limit on an unknown metric", replace: "\"peak_rps\": 5", with: "\"peak_rsp\": 5",
        message: "capacity limit on unknown metric 'peak_rsp' in tier 'small'", anchor: "\"peak_rsp\"",
        hint: "did you mean 'peak_rps'?"),
    BadCase(
        name: "overlapping ranges", replace: "\"min\": 1000 }", with: "\"min\": 900 }",
        message: "tiers 'small' and 'large' overlap", anchor: "900"),
    BadCase(
        name: "gap between ranges", replace: "\"min\": 1000 }", with: "\"min\": 1200 }",
        message: "gap between tiers 'small' and 'large'", anchor: "1200"),
    BadCase(
        name: "inverted range", replace: "\"min\": 0, \"max\": 1000", with: "\"min\": 2000, \"max\": 1000",
        message: "range is inverted: max 1000 is below min 2000", anchor: "1000 }"),
    BadCase(
        name: "unreachable tier after an open one", replace: "\"min\": 0, \"max\": 1000", with: "\"min\": 0",
        message: "tier 'small' is open-ended (no max), so tier 'large' after it is unreachable",
        anchor: "{ \"id\": \"small\""),
    BadCase(
        name: "trigger that is not a condition", replace: "\"users >= 800\"", with: "\"users * 2\"",
        message: "in trigger 'small-1': a trigger needs a condition, but this is a quantity", anchor: "users * 2"),
    BadCase(
        name: "metric cycle", replace: "\"peak_rps\": \"users * rps_per_user\"",
        with: "\"peak_rps\": \"load * 2\", \"load\": \"peak_rps / 2\"",
        message: "metric cycle: peak_rps → load → peak_rps", anchor: "\"peak_rps\": \"load"),
    BadCase(
        name: "unknown top-level key", replace: "\"currency\": \"USD\"", with: "\"curency\": \"USD\"",
        message: "unknown key \"curency\"", anchor: "\"curency\"", hint: "did you mean 'currency'?"),
    BadCase(
        name: "missing required key", replace: "\"name\": \"Tiny\",", with: "",
        message: "missing required key \"name\"", anchor: "{"),
    BadCase(
        name: "wrong type", replace: "\"version\": 1", with: "\"version\": \"1\"",
        message: "expected a number, found a string", anchor: "\"1\""),
    BadCase(
        name: "unsupported version", replace: "\"version\": 1", with: "\"version\": 2",
        message: "unsupported profile version 2", anchor: "2,"),
    BadCase(
        name: "unknown severity", replace: "\"action\": \"Plan the move\"",
        with: "\"severity\": \"urgent\", \"action\": \"Plan the move\"",
        message: "unknown severity \"urgent\"", anchor: "\"urgent\""),
    BadCase(
        name: "target is not a tier", replace: "\"target\": \"large\"", with: "\"target\": \"larg\"",
        message: "trigger 'small-1' targets unknown tier 'larg'", anchor: "\"larg\"", hint: "did you mean 'large'?"),
    BadCase(
        name: "expression syntax error", replace: "users * rps_per_user", with: "users * * rps_per_user",
        message: "in metric 'peak_rps': unexpected '*'", anchor: "* rps_per_user"),
    BadCase(
        name: "duplicate tier id", replace: "{ \"id\": \"large\"", with: "{ \"id\": \"small\"",
        message: "duplicate tier id 'small'", anchor: "{ \"id\": \"small\", \"name\": \"Large\""),
    BadCase(
        name: "no default scenario", replace: "\"default\": true", with: "\"default\": false",
        message: "no scenario is marked \"default\": true", anchor: nil),
    BadCase(
        name: "unknown growth kind", replace: "\"exponential\"", with: "\"exponentail\"",
        message: "unknown growth kind \"exponentail\"", anchor: "\"exponentail\"", hint: "did you mean 'exponential'?"),
    BadCase(
        name: "negative cost", replace: "\"amount\": 5", with: "\"amount\": -5",
        message: "a cost must be a finite amount of 0 or more, not -5", anchor: "-5"),
    BadCase(
        name: "cost mode outside its range", replace: "{ \"low\": 50, \"high\": 80 }",
        with: "{ \"low\": 50, \"mode\": 95, \"high\": 80 }",
        message: "mode (95) is outside the range 50–80", anchor: "95"),
    BadCase(
        name: "invalid currency code", replace: "\"USD\"", with: "\"usd\"",
        message: "\"usd\" is not a valid currency code", anchor: "\"usd\""),
    BadCase(
        name: "foreign currency without fx", replace: "\"amount\": 5", with: "\"amount\": 5, \"currency\": \"INR\"",
        message: "no exchange rate for INR", anchor: nil),
    BadCase(
        name: "uncertain param with low above high", replace: "\"rps_per_user\": 0.01",
        with: "\"rps_per_user\": { \"low\": 0.02, \"high\": 0.01 }",
        message: "low (0.02) is greater than high (0.01)", anchor: "{ \"low\": 0.02"),
    BadCase(
        name: "mode outside its range", replace: "\"rps_per_user\": 0.01",
        with: "\"rps_per_user\": { \"low\": 0.01, \"mode\": 0.5, \"high\": 0.02 }",
        message: "mode 0.5 is outside [0.01, 0.02]", anchor: "0.5"),
    BadCase(
        name: "reserved name", replace: "\"peak_rps\": \"users * rps_per_user\"",
        with: "\"peak_rps\": \"users * rps_per_user\", \"cost\": \"users\"",
        message: "'cost' is a reserved word and cannot name a metric", anchor: "\"cost\""),
    BadCase(
        name: "unknown function", replace: "users * rps_per_user", with: "maks(users, 1) * rps_per_user",
        message: "in metric 'peak_rps': unknown function 'maks'", anchor: "maks", hint: "did you mean 'max'?"),
    BadCase(
        name: "trailing comma", replace: "\"name\": \"Tiny\",", with: "\"name\": \"Tiny\",,",
        message: "expected a key, found ','", anchor: ",,", offset: 1),
    BadCase(
        name: "utilisation of a limit the tier lacks", replace: "\"users >= 800\"",
        with: "\"utilization.peak_rsp > 0.8\"", message: "in trigger 'small-1': unknown limit 'utilization.peak_rsp'",
        anchor: "utilization.peak_rsp", hint: "did you mean 'utilization.peak_rps'?"),
    BadCase(
        name: "zero limit", replace: "\"peak_rps\": 5", with: "\"peak_rps\": 0",
        message: "limit on 'peak_rps' must be positive, not 0", anchor: "\"peak_rps\": 0"),
    BadCase(
        name: "latency of an unknown queue", replace: "\"users >= 800\"", with: "\"latency.api > 500\"",
        message: "in trigger 'small-1': unknown queue 'latency.api'", anchor: "latency.api"),
    BadCase(
        name: "trigger-only name in a metric", replace: "users * rps_per_user", with: "cost * rps_per_user",
        message: "in metric 'peak_rps': 'cost' can only be used in triggers", anchor: "cost * rps"),
    BadCase(
        name: "trigger with two conditions", replace: "{ \"when\": \"users >= 800\",",
        with: "{ \"when\": \"users >= 800\", \"any\": [\"users > 1\"],",
        message: "a trigger takes one of \"when\", \"any\", \"all\", not several", anchor: "{ \"when\""),
    BadCase(
        name: "empty tier list", replace: "\"tiers\": [", with: "\"tiers\": [], \"x_tiers\": [",
        message: "a profile needs at least one tier", anchor: "[]"),
    BadCase(
        name: "misspelt tier key", replace: "\"capacity\":", with: "\"capacty\":",
        message: "unknown key \"capacty\"", anchor: "\"capacty\"", hint: "did you mean 'capacity'?"),
    BadCase(
        name: "points out of order", replace: "{ \"kind\": \"exponential\", \"start\": 100, \"rate\": 0.1 }",
        with: "{ \"kind\": \"points\", \"points\": [[0, 100], [6, 500], [3, 900]] }",
        message: "months must increase: 3 follows 6", anchor: "[3, 900]"),
    BadCase(
        name: "duplicate key", replace: "\"id\": \"tiny\",", with: "\"id\": \"tiny\", \"id\": \"tiny2\",",
        message: "duplicate key \"id\" (first at line 3, column 3)", anchor: "\"id\": \"tiny2\""),
]

@Suite struct BadProfileTests {
    @Test func theBaseProfileIsValid() {
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(tinyProfile.utf8))
        #expect(compiled != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: badCases)
    func validateReportsTheErrorWithItsPlace(_ bad: BadCase) throws {
        #expect(tinyProfile.contains(bad.replace), "the edit does not apply")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bad.json"
        try FileIO.writeAtomically(Array(bad.text.utf8), to: path)
        let result = runCLI(["validate", path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        if let (line, column) = bad.expectedLocation {
            #expect(result.stderr.contains("\(path):\(line):\(column): error: \(bad.message)"), "\(result.stderr)")
        } else {
            #expect(result.stderr.contains(": error: \(bad.message)"), "\(result.stderr)")
        }
        if let hint = bad.hint { #expect(result.stderr.contains(hint), "\(result.stderr)") }
        #expect(result.stderr.hasSuffix("error\n") || result.stderr.hasSuffix("errors\n"))
    }

    @Test func everyErrorInAFileIsReported() throws {
        let text =
            tinyProfile
            .replacingOccurrences(of: "\"users >= 800\"", with: "\"user >= 800\"")
            .replacingOccurrences(of: "\"peak_rps\": 5", with: "\"peak_rsp\": 5")
            .replacingOccurrences(of: "\"currency\": \"USD\"", with: "\"currency\": \"USD\", \"colour\": 1")
        let (_, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        #expect(diagnostics.count == 3, "\(diagnostics)")
        let lines: [Int] = diagnostics.map { $0.location?.line ?? 0 }
        #expect(lines == lines.sorted())
    }

    @Test func missingFileExits66AndUsageErrorsExit64() {
        let missing = runCLI(["validate", "/nonexistent/plan.json"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "Error: cannot read '/nonexistent/plan.json': no such file or directory\n")
        let usage = runCLI(["validate"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: Missing expected argument '<file>'\nUsage: scaleplan validate"))
        let unknownProfile = runCLI(["show", "oviyaa"])
        #expect(unknownProfile.status == 64)
        #expect(unknownProfile.stderr.hasPrefix("Error: Unknown profile 'oviyaa'. Did you mean 'oviya'?"))
    }

    @Test func bundledProfilesValidate() {
        let paths = bundledIDs.map { repositoryRoot + "/profiles/\($0).json" }
        let result = runCLI(["validate"] + paths)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == bundledIDs.count)
        #expect(result.stderr.isEmpty)
    }
}

let bundledIDs = ["inphrone", "million", "musician", "oviya", "sayar"]
