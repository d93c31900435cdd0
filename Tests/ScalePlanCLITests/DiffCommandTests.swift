import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

@Suite struct DiffCommandTests {
    /// The closing total equals the sum of the item deltas, and before/after totals match each
    /// tier's own cost, for every pair of adjacent tiers of every bundled plan.
    @Test(arguments: bundledIDs)
    func totalsEqualTheSumOfItemDeltas(id: String) throws {
        let compiled = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").compiled
        let evaluator = PointEvaluator(compiled)
        for index in 0..<(compiled.tiers.count - 1) {
            let diff = TierDiff(compiled, from: index, to: index + 1)
            let before = evaluator.totalCost(of: index, driver: diff.driver)
            let after = evaluator.totalCost(of: index + 1, driver: diff.driver)
            let sumLow = diff.costs.reduce(0) { $0 + $1.deltaLow }, sumHigh = diff.costs.reduce(0) { $0 + $1.deltaHigh }
            #expect(Swift.abs(sumLow - (after.low - before.low)) < 1e-6, "\(id) \(index)")
            #expect(Swift.abs(sumHigh - (after.high - before.high)) < 1e-6, "\(id) \(index)")
            #expect(Swift.abs(diff.totalBefore.low - before.low) < 1e-6 && Swift.abs(diff.totalAfter.high - after.high) < 1e-6)
            let text = TierDiffReport.render(diff, format: .table)
            #expect(text.contains(TierDiffReport.summary(diff)))
            #expect(runCLI(["diff", id, compiled.tiers[index].tier.id, compiled.tiers[index + 1].tier.id]).status == 0)
        }
    }

    @Test(arguments: ["sayar", "oviya"], ["table", "json", "markdown"])
    func tierDiffIsGolden(id: String, format: String) throws {
        let compiled = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").compiled
        let result = runCLI(["diff", id, compiled.tiers[0].tier.id, compiled.tiers[1].tier.id, "--format", format])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "diff-\(id)-tiers.\(format == "markdown" ? "md" : format == "table" ? "txt" : format)")
        if format == "json" {
            _ = try JSONParser.parse(result.stdout)
            expectValidJSON(result.stdout)
        }
    }

    @Test func sayarStarterToGrowthReadsLikeACostComment() {
        let output = runCLI(["diff", "sayar", "starter", "growth"]).stdout
        // The low end rises more than the high end, so each delta is labelled.
        #expect(output.contains("Monthly cost: low +$55, high +$50  ($5 – $30 → $60 – $80)"))
        #expect(output.contains("~  database  Supabase Free/Pro (database)…  $0 – $25  $0 – $20  low $0, high -$5"))
        #expect(output.contains("~  compute   Railway Hobby (backend) → Ra…"), "names shortened to fit 80 columns")
        for line in output.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let wide = runCLI(["diff", "sayar", "starter", "growth"], environment: ["COLUMNS": "160"]).stdout
        #expect(wide.contains("~  compute   Railway Hobby (backend) → Railway Pro"), "\(wide)")
        #expect(output.contains("+  cdn       CloudFlare Pro"))
        #expect(output.contains("~  concurrent_users            500  →      2,000   +300%"))
    }

    /// A pull request that raises a price and adds a trigger: the diff names both and the cost
    /// at the horizon moves by the price change.
    @Test func planDiffShowsChangesAndTheirEffect() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = String(decoding: try FileIO.read(repositoryRoot + "/profiles/sayar.json", limit: 1 << 22), as: UTF8.self)
        let edited = original.replacingOccurrences(
            of: "\"item\": \"Custom infrastructure", with: "\"item\": \"Custom infrastructure (renegotiated)"
        )
        .replacingOccurrences(of: "\"low\": 2000,", with: "\"low\": 3000,")
        .replacingOccurrences(of: "\"high\": 10000\n", with: "\"high\": 11000\n")
        #expect(edited != original)
        try FileIO.writeAtomically(Array(original.utf8), to: folder + "/old.json")
        try FileIO.writeAtomically(Array(edited.utf8), to: folder + "/new.json")
        let same = runCLI(["diff", folder + "/old.json", folder + "/old.json"])
        #expect(same.status == 0 && same.stdout.contains("No changes to the plan."))
        let result = runCLI(["diff", folder + "/old.json", folder + "/new.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cost enterprise: Custom infrastructure"))
        #expect(runCLI(["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "500"]).status == 1)
        #expect(runCLI(["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "1000"]).status == 0)
        #expect(runCLI(["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "10%"]).status == 1)
        #expect(runCLI(["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "50%"]).status == 0)
        #expect(runCLI(["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "lots"]).status == 64)
        let json = runCLI(["diff", folder + "/old.json", folder + "/new.json", "--format", "json"])
        _ = try JSONParser.parse(json.stdout)
        expectValidJSON(json.stdout)
        #expect(json.stdout.contains("\"increase\": 1000"))
        let markdown = runCLI(["diff", folder + "/old.json", folder + "/new.json", "--format", "markdown"]).stdout
        #expect(markdown.contains("```diff\n"))
    }

    @Test func usageErrors() {
        let tier = runCLI(["diff", "sayar", "starter", "grwoth"])
        #expect(tier.status == 64)
        #expect(tier.stderr.hasPrefix("Error: Unknown tier 'grwoth' in profile 'sayar'. Did you mean 'growth'?"))
        #expect(runCLI(["diff", "sayar"]).status == 64)
        #expect(runCLI(["diff", "sayar", "starter", "growth", "--at", "-3"]).status == 64)
        #expect(runCLI(["diff", "/nonexistent.json", "sayar"]).status == 66)
    }
}

@Suite struct PlanDiffGoldenTests {
    /// An edited copy of a bundled plan (a global trigger added) against the original: the plan
    /// diff in every format, including the month the new trigger first fires.
    @Test(arguments: ["sayar", "oviya"], ["table", "json", "markdown"])
    func planDiffIsGolden(id: String, format: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (original, edited) = try bundledPlanChange(id)
        try FileIO.writeAtomically(Array(original.utf8), to: folder + "/\(id)-old.json")
        try FileIO.writeAtomically(Array(edited.utf8), to: folder + "/\(id)-new.json")
        let result = runCLI(["diff", folder + "/\(id)-old.json", folder + "/\(id)-new.json", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("review-bill"))
        try expectGolden(result.stdout, "diff-\(id)-plan.\(format == "markdown" ? "md" : format == "table" ? "txt" : format)")
        if format == "json" {
            _ = try JSONParser.parse(result.stdout)
            expectValidJSON(result.stdout)
        }
    }
}
