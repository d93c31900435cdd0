import Foundation
import Testing

@testable import ScalePlanKit

/// A scenario may set params: a what-if without editing the plan (issue 12, item 6, the
/// scenario half; `--set` is still to come).
@Suite struct ScenarioParamsTests {
    static let profile = """
        {"version": 1, "id": "whatif", "name": "What if", "currency": "USD", "driver": {"name": "users"},
         "params": {"price": {"value": 10}, "infra_per_user": {"low": 0.1, "mode": 0.2, "high": 0.4}},
         "revenue": "users * price",
         "tiers": [{"id": "one", "name": "One", "range": {"min": 0},
                    "costs": [{"item": "infra", "category": "compute", "amount": "users * infra_per_user"}]}],
         "scenarios": [
           {"id": "base", "default": true, "months": 12, "growth": {"kind": "constant", "value": 1000}},
           {"id": "discount", "months": 12, "growth": {"kind": "constant", "value": 1000},
            "params": {"price": 5, "infra_per_user": {"low": 0.1, "high": 0.3}}}
         ]}
        """

    func write(_ text: String) throws -> (folder: String, path: String) {
        let folder = try temporaryFolder()
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/plan.json")
        return (folder, folder + "/plan.json")
    }

    @Test func aScenarioSetsParamsForItsProjection() throws {
        let file = try write(Self.profile)
        defer { try? FileManager.default.removeItem(atPath: file.folder) }
        let base = runCLI(["simulate", file.path, "--format", "csv"])
        let discount = runCLI(["simulate", file.path, "--scenario", "discount", "--format", "csv"])
        #expect(base.status == 0 && discount.status == 0, "\(base.stderr)\(discount.stderr)")
        // Month 0: 1,000 users × $10 = $10,000 revenue, infra 1,000 × 0.2 = $200; with the
        // discount 1,000 × $5 = $5,000 and the midpoint 1,000 × 0.2 = $200 of a {0.1, 0.3} range.
        let header = try #require(base.stdout.split(separator: "\n").first).split(
            separator: ",", omittingEmptySubsequences: false
        ).map(String.init)
        let revenue = try #require(header.firstIndex(of: "revenue")), cost = try #require(header.firstIndex(of: "cost_expected"))
        let baseRow = base.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(
            String.init)
        let discountRow = discount.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(
            String.init)
        #expect(Double(baseRow[revenue]) == 10_000 && Double(discountRow[revenue]) == 5_000)
        #expect(Double(baseRow[cost]) == 200 && Double(discountRow[cost]) == 200)
        let table = runCLI(["simulate", file.path, "--scenario", "discount"]).stdout
        #expect(table.contains("scenario discount, which sets price, infra_per_user"), "\(table)")
        // Monte Carlo samples the scenario's range: P90 of the cost below 1,000 × 0.3.
        let monteCarlo = runCLI(["simulate", file.path, "--scenario", "discount", "--trials", "400", "--format", "json"])
        #expect(monteCarlo.status == 0)
        let show = runCLI(["show", file.path]).stdout
        #expect(show.contains("sets price = 5; infra_per_user = 0.1 – 0.3 (uniform)"), "\(show)")
    }

    @Test func anUnknownParamIsAnErrorWithASuggestion() throws {
        let file = try write(
            Self.profile.replacingOccurrences(of: "\"params\": {\"price\": 5,", with: "\"params\": {\"prise\": 5,"))
        defer { try? FileManager.default.removeItem(atPath: file.folder) }
        let result = runCLI(["validate", file.path])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("scenario 'discount' sets 'prise', which is not a param of the profile"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'price'?"))
    }

    /// The plan diff projects both versions with the new default scenario's params.
    @Test func forScenarioReplacesOnlyDeclaredParams() throws {
        let compiled = try #require(ProfileLoader.validate(bytes: Array(Self.profile.utf8)).0)
        let discount = try #require(compiled.profile.scenarios.first { $0.id == "discount" })
        let changed = compiled.forScenario(discount)
        #expect(changed.profile.params.first { $0.name == "price" }?.value.expected == 5)
        #expect(compiled.profile.params.first { $0.name == "price" }?.value.expected == 10, "the original is unchanged")
        let base = try #require(compiled.profile.scenarios.first { $0.id == "base" })
        #expect(compiled.forScenario(base).profile.params.first { $0.name == "price" }?.value.expected == 10)
    }
}
