import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Every JSON output of every bundled profile is valid against the schema `scaleplan schema
/// --output NAME` prints, checked by the jsonschema package (draft 2020-12), not by our own
/// reading of the schema.
@Suite struct OutputSchemaTests {
    /// The JSON outputs of one bundled profile, by schema name, written to `folder`.
    static func outputs(of id: String, in folder: String) throws -> [(schema: String, file: String)] {
        let compiled = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").compiled
        let profile = compiled.profile
        let tiers = profile.tiers.map(\.id)
        // A plan edit: a new global trigger and the first tier's first fixed cost doubled.
        let original = try FileIO.read(repositoryRoot + "/profiles/\(id).json", limit: 1 << 22)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(original)) as? [String: Any])
        var triggers = object["triggers"] as? [Any] ?? []
        triggers.append(["id": "review-bill", "when": "cost > 1000", "severity": "info", "action": "Review the bill"])
        object["triggers"] = triggers
        if var tierList = object["tiers"] as? [[String: Any]], var costs = tierList[0]["costs"] as? [[String: Any]],
            let index = costs.firstIndex(where: { $0["amount"] is NSNumber })
        {
            costs[index]["amount"] = ((costs[index]["amount"] as? NSNumber)?.doubleValue ?? 0) * 2 + 10
            tierList[0]["costs"] = costs
            object["tiers"] = tierList
        }
        let edited = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try FileIO.writeAtomically(Array(original), to: folder + "/old.json")
        try FileIO.writeAtomically(Array(edited), to: folder + "/new.json")
        let driver = profile.driver.name
        let first = NumberFormatting.plain(profile.tiers[0].range.min + 1)
        try FileIO.writeAtomically(Array("\(driver),\(first)\n".utf8), to: folder + "/observed.csv")
        let last = NumberFormatting.plain((profile.tiers.last?.range.min ?? 0) * 10 + 1e6)
        try FileIO.writeAtomically(Array("\(driver),\(last)\n".utf8), to: folder + "/busy.csv")
        let runs: [(String, [String])] = [
            ("list", ["list"]),
            ("show", ["show", id]),
            ("projection", ["simulate", id]),
            ("projection", ["simulate", id, "--months", "3", "--start", "2027-01"]),
            ("montecarlo", ["simulate", id, "--trials", "200", "--seed", "7", "--quiet"]),
            ("sensitivity", ["sensitivity", id, "--samples", "64"]),
            ("sensitivity", ["sensitivity", id, "--samples", "64", "--target", "tier:" + tiers[tiers.count - 1]]),
            ("optimize", ["optimize", id]),
            ("optimize", ["optimize", id, "--trials", "200", "--allow-gaps", "--discount-rate", "8%"]),
            ("capacity", ["capacity", id]),
            ("capacity", ["capacity", id, "--tier", tiers[tiers.count - 1]]),
            ("check", ["check", id, "--observed", folder + "/observed.csv"]),
            ("check", ["check", id, "--observed", folder + "/busy.csv", "--fail-on", "info"]),
            ("check", ["check", id, "--observed", folder + "/busy.csv", "--tier", tiers[0]]),
            ("tierdiff", ["diff", id, tiers[0], tiers[1]]),
            ("tierdiff", ["diff", id, tiers[tiers.count - 1], tiers[0]]),
            ("plandiff", ["diff", folder + "/old.json", folder + "/new.json"]),
            ("plandiff", ["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "0.1%"]),
        ]
        var written: [(String, String)] = []
        for (index, (schema, arguments)) in runs.enumerated() {
            let result = runCLI(arguments + ["--format", "json"])
            #expect([0, 1].contains(result.status), "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments) printed JSON")
            let file = folder + "/\(index)-\(schema).json"
            try FileIO.writeAtomically(Array(result.stdout.utf8), to: file)
            written.append((schema, file))
        }
        return written
    }

    @Test(.requires(Tools.jsonschema)) func everyOutputOfEveryBundledProfileIsValid() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in OutputSchemas.names {
            let result = runCLI(["schema", "--output", name])
            #expect(result.status == 0)
            try FileIO.writeAtomically(Array(result.stdout.utf8), to: folder + "/\(name).schema.json")
        }
        var manifest = ""
        for id in bundledIDs {
            try FileManager.default.createDirectory(atPath: folder + "/" + id, withIntermediateDirectories: true)
            for (schema, file) in try Self.outputs(of: id, in: folder + "/" + id) {
                manifest += folder + "/\(schema).schema.json\t" + file + "\n"
            }
        }
        try FileIO.writeAtomically(Array(manifest.utf8), to: folder + "/manifest")
        let python = try Tools.jsonschema.required()
        let result = try runProcess(
            "/bin/sh", ["-c", "'\(python)' '\(repositoryRoot)/Tests/Tools/validate_json.py' < '\(folder)/manifest'"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("\(bundledIDs.count * 18) documents, 0 problems"), "\(result.stderr)")
    }

    /// Each schema names its output's `schema` field, so a reader can tell which schema applies.
    @Test func eachSchemaPinsItsSchemaField() throws {
        for name in OutputSchemas.names {
            let text = try #require(OutputSchemas.schema(named: name))
            _ = try JSONParser.parse(text)
            #expect(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
            #expect(text.contains("\"schema\": { \"const\": \"scaleplan."), "\(name)")
        }
        #expect(runCLI(["schema", "--output", "nonsense"]).status == 64)
        #expect(runCLI(["schema"]).stdout == ProfileSchema.json + "\n")
    }
}
