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
        // A history on the profile's scale (its default scenario's first 18 months, wobbled) and a
        // load test with a latency column.
        let curve = profile.defaultScenario?.growth.expectedCurve ?? .exponential(start: 100, rate: 0.1)
        var historyText = "month,\(driver)\n"
        for t in 0..<18 {
            let month = YearMonth("2025-01")!.adding(months: t)
            let value = Swift.max(curve.value(at: Double(t)), 1) * (1 + 0.02 * Math.sine(Double(t) * 1.7))
            historyText += "\(month),\(NumberFormatting.fixed(value, decimals: 2))\n"
        }
        try FileIO.writeAtomically(Array(historyText.utf8), to: folder + "/history.csv")
        try FileIO.writeAtomically(
            Array("1,100,0.010\n2,190,0.0105\n4,340,0.012\n8,560,0.0145\n16,700,0.023\n32,720,0.044\n".utf8),
            to: folder + "/load.csv")
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
            ("fitgrowth", ["fit", "growth", folder + "/history.csv"]),
            ("fitusl", ["fit", "usl", folder + "/load.csv", "--emit-limit", "peak_rps"]),
            ("fitusl", ["fit", "usl", folder + "/load.csv", "--method", "gcap"]),
            ("projection", ["simulate", id, "--growth-fit", folder + "/history.csv"]),
            ("montecarlo", ["simulate", id, "--growth-fit", folder + "/history.csv", "--trials", "200", "--quiet"]),
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
        #expect(result.stderr.contains("\(bundledIDs.count * 23) documents, 0 problems"), "\(result.stderr)")
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
