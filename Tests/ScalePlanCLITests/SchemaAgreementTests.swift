import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Issue 12 (item 9): the profile JSON Schema and `validate` agree. Over every bad-profile
/// fixture (BadProfileTests, BadInputTests, the language-v2 cases) and every bundled and example
/// profile, python-jsonschema's verdict on `scaleplan schema` is compared with `validate`'s:
///
/// - the schema never rejects a profile `validate` accepts;
/// - every profile `validate` rejects for its shape — a wrong type, a missing or unknown key, a
///   value out of its allowed set — the schema rejects too. What the schema accepts and
///   `validate` rejects is only what a JSON Schema cannot say (`beyondSchema`: names that must
///   resolve, order between two values, cycles, duplicate JSON keys), each named below.
@Suite struct SchemaAgreementTests {
    /// Messages of checks a JSON Schema cannot express, with why.
    static let beyondSchema: [(fragment: String, why: String)] = [
        ("duplicate key", "Python's json module keeps the last of duplicate keys"),
        ("is greater than high", "an order between two values"),
        ("is outside", "a mode between low and high"),
        ("range is inverted", "an order between two values"),
        ("ends (month", "an order between two values"),
        ("overlap", "ranges of consecutive tiers"),
        ("gap between tiers", "ranges of consecutive tiers"),
        ("unreachable", "ranges of consecutive tiers"),
        ("empty range", "min = max"),
        ("months must increase", "an order in a list"),
        ("unknown name", "a name that must resolve"),
        ("unknown cost category", "a name that must resolve"),
        ("unknown limit", "a name that must resolve"),
        ("unknown queue", "a name that must resolve"),
        ("unknown metric", "a name that must resolve"),
        ("unknown tier", "a name that must resolve"),
        ("unknown function", "a name that must resolve"),
        ("unknown component", "a name that must resolve"),
        ("cycle", "metrics that read each other"),
        ("already defined", "one namespace across params and metrics"),
        ("reserved word", "a list of reserved names"),
        ("duplicate", "unique ids across lists"),
        ("no scenario is marked", "exactly one default"),
        ("more than one scenario is marked default", "exactly one default"),
        ("no exchange rate", "a currency must appear in fx"),
        ("fx gives a rate", "a currency must appear in fx"),
        ("can only be used in triggers", "expression scopes"),
        ("in metric", "expression syntax and types"),
        ("in trigger", "expression syntax and types"),
        ("in limit", "expression syntax and types"),
        ("in cost", "expression syntax and types"),
        ("in revenue", "expression syntax and types"),
        ("in servers", "expression syntax and types"),
        ("in service_ms", "expression syntax and types"),
        ("in arrival", "expression syntax and types"),
        ("must be positive", "a constant expression's value"),
        ("a cost must be a finite amount", "a constant expression's value"),
        ("whole number of servers", "a constant expression's value"),
        ("is declared by tier", "a tier-only param every tier must declare"),
        ("has two limits on", "names across a tier and its components"),
        ("has two queues named", "names across a tier and its components"),
        ("uses component", "a name that must resolve"),
        ("needs a \"mode\"", "a triangular distribution needs a mode"),
        ("uniform distribution has no", "a uniform distribution has no mode"),
        ("lognormal distribution needs low > 0", "a bound that depends on another key"),
        ("exponential needs", "a growth parameter's bound over every value it can take"),
        ("logistic needs", "growth parameters whose bounds depend on each other (start < cap)"),
        ("linear needs", "a growth parameter's bound over every value it can take"),
        ("constant needs", "a growth parameter's bound over every value it can take"),
        ("is not a month", "a calendar month (the pattern has the shape)"),
        ("count must be a whole number", "integers written as 1.5"),
        ("months must be a whole number", "integers written as 1.5"),
        ("unsupported profile version", "the version const (the schema rejects it too)"),
        ("months must be ≥ 0 and values > 0", "the points pattern"),
    ]

    /// Every profile to judge: (name, text).
    static func fixtures() -> [(String, String)] {
        var all: [(String, String)] = []
        for bad in badCases { all.append(("BadProfileTests: " + bad.name, bad.text)) }
        for bad in badInputCases where bad.arguments.first == "validate" {
            guard case .text(let text)? = bad.files["bad.json"] else { continue }
            all.append(("BadInputTests: " + bad.name, text))
        }
        for bad in languageTwoCases { all.append(("language v2: " + bad.name, bad.text)) }
        for id in bundledIDs {
            all.append(
                ("bundled " + id, (try? String(contentsOfFile: repositoryRoot + "/profiles/\(id).json", encoding: .utf8)) ?? ""))
        }
        all.append(("README worked example", workedExample))
        return all
    }

    @Test(.requires(Tools.jsonschema)) func theSchemaAndValidateAgreeOnEveryFixture() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array((ProfileSchema.json + "\n").utf8), to: folder + "/profile.schema.json")
        let fixtures = Self.fixtures()
        var list = ""
        for (index, fixture) in fixtures.enumerated() {
            let path = folder + "/\(index).json"
            try FileIO.writeAtomically(Array(fixture.1.utf8), to: path)
            list += path + "\n"
        }
        try FileIO.writeAtomically(Array(list.utf8), to: folder + "/list")
        let python = try Tools.jsonschema.required()
        let run = try runProcess(
            "/bin/sh",
            [
                "-c",
                "'\(python)' '\(repositoryRoot)/Tests/Tools/schema_verdicts.py' '\(folder)/profile.schema.json' < '\(folder)/list'",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        var verdicts: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { verdicts[String(parts[0])] = String(parts[1]) }
        }
        var judged = 0, structural = 0
        for (index, fixture) in fixtures.enumerated() {
            let verdict = try #require(verdicts[folder + "/\(index).json"], "no verdict for \(fixture.0)")
            // Not JSON to scaleplan (NaN, 1e309, lone surrogates; Python's json reads some of
            // them) or to Python: both reject it before any schema applies.
            guard verdict != "unparsable", (try? JSONParser.parse(Array(fixture.1.utf8))) != nil else { continue }
            judged += 1
            let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(fixture.1.utf8))
            let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
            if verdict == "valid" {
                let unexplained = errors.filter { message in !Self.beyondSchema.contains { message.contains($0.fragment) } }
                #expect(unexplained.isEmpty, "\(fixture.0): validate rejects what the schema accepts: \(unexplained)")
            } else {
                structural += 1
                #expect(compiled == nil, "\(fixture.0): the schema rejects what validate accepts: \(verdict)")
            }
        }
        print("SchemaAgreementTests: \(judged) judged, \(structural) rejected by the schema")
        #expect(judged > 100 && structural > 40, "\(judged) judged, \(structural) rejected by the schema")
    }

    /// Every key of the profile schema explains itself in an editor's hover: a description and
    /// at least one example, on the key itself.
    @Test func everySchemaKeyHasADescriptionAndAnExample() throws {
        let schema = try JSONParser.parse(ProfileSchema.json)
        var keys = 0
        var lacking: [String] = []
        func visit(_ node: JSONNode, _ path: String) {
            switch node.value {
            case .object(let members):
                for member in members {
                    if member.key == "properties", case .object(let properties) = member.value.value {
                        for property in properties {
                            keys += 1
                            guard case .object(let definition) = property.value.value else { continue }
                            let names = Set(definition.map(\.key))
                            let examples = definition.first { $0.key == "examples" }?.value.value
                            var hasExample = false
                            if case .array(let list)? = examples { hasExample = !list.isEmpty }
                            if !names.contains("description") || !hasExample { lacking.append(path + "." + property.key) }
                        }
                    }
                    visit(member.value, path + "/" + member.key)
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() { visit(element, path + "[\(index)]") }
            default:
                break
            }
        }
        visit(schema, "#")
        #expect(keys > 120, "\(keys) keys")
        #expect(lacking.isEmpty, "without a description or an example: \(lacking)")
    }
}
