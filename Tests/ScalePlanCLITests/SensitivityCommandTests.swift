import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Issue 13, items 2–4: `scaleplan sensitivity` in every format, its errors, and the roadmap's
/// "What drives the plan". The estimators are checked against closed forms in
/// `ScalePlanKitTests/SensitivityTests`.
@Suite struct SensitivityCommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = runCLI(["sensitivity"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The issue's own example: the month-24 cost of the 1M plan, whose scenario runs months 0–23,
    /// so the horizon is extended to month 24.
    @Test func ranksTheInputsOfTheMonth24CostOfMillion() throws {
        let document = try Self.json(["million", "--target", "cost", "--month", "24", "--samples", "256"])
        #expect(document["schema"] as? String == "scaleplan.sensitivity/1")
        #expect(document["months"] as? Int == 25)
        let target = try #require(document["target"] as? [String: Any])
        #expect(target["name"] as? String == "cost" && target["month"] as? Int == 24)
        let inputs = try #require(document["inputs"] as? [[String: Any]])
        let totals = inputs.compactMap { $0["total"] as? Double }
        #expect(totals == totals.sorted(by: >), "sorted by total index")
        let top = try #require(inputs.first)
        let share = try #require(top["total"] as? Double)
        let advice = try #require(document["advice"] as? String)
        #expect(advice.contains("it explains \(NumberFormatting.percent(share)) of the uncertainty in the 2028-01 monthly cost"))
        for input in inputs {
            let ci = try #require(input["total_ci"] as? [Double])
            let total = try #require(input["total"] as? Double)
            #expect(ci[0] <= total + 1e-12 && total <= ci[1] + 1e-12, "\(input)")
        }
    }

    @Test func everyFormatCarriesTheRankingAndTheAdvice() throws {
        let arguments = ["sensitivity", "musician", "--target", "spend", "--samples", "128"]
        let document = try Self.json(Array(arguments.dropFirst()))
        let advice = try #require(document["advice"] as? String)
        let inputs = try #require(document["inputs"] as? [[String: Any]])
        let table = runCLI(arguments, environment: ["COLUMNS": "200"]).stdout
        #expect(table.contains(advice))
        #expect(table.contains("INPUT") && table.contains("TORNADO") && table.contains("FIRST ORDER"))
        let markdown = runCLI(arguments + ["--format", "markdown"]).stdout
        #expect(markdown.contains("**\(TextSafety.markdown(advice))**"))
        let csv = runCLI(arguments + ["--format", "csv"]).stdout.split(separator: "\n")
        #expect(
            csv.first
                == "name,kind,low,high,target_at_low,target_at_high,swing,first_order,first_order_low,first_order_high,total,total_low,total_high"
        )
        #expect(csv.count == inputs.count + 1)
        #expect(csv.dropFirst().map { String($0.split(separator: ",")[0]) }.first == inputs.first?["name"] as? String)
    }

    @Test func monthTargetsAreMonths() throws {
        let document = try Self.json(["sayar", "--scenario", "slow", "--target", "tier:growth", "--samples", "128"])
        let target = try #require(document["target"] as? [String: Any])
        #expect(target["unit"] as? String == "month" && target["month"] is NSNull)
        let deterministic = try #require(document["deterministic"] as? Double)
        #expect(deterministic == deterministic.rounded() && deterministic > 0 && deterministic <= 48)
        let trigger = try Self.json(["musician", "--target", "trigger:phase1-users", "--samples", "64"])
        #expect((trigger["target"] as? [String: Any])?["description"] as? String == "the first month trigger phase1-users fires")
    }

    @Test func theSameBytesWhateverTheThreads() {
        let arguments = ["sensitivity", "oviya", "--samples", "256", "--format", "json"]
        let one = runCLI(arguments + ["--threads", "1"]), two = runCLI(arguments + ["--threads", "2"])
        #expect(one.status == 0 && one.stdout == two.stdout)
    }

    @Test(arguments: [
        (
            ["--target", "spen"],
            "'spen' is not a target: expected cost, spend, margin, trigger:ID or tier:ID. Did you mean 'spend'?"
        ),
        (["--target", "trigger:nope"], "The profile has no trigger 'nope'."),
        (["--target", "tier:growht"], "The profile has no tier 'growht'. Did you mean 'growth'?"),
        (["--target", "spend", "--month", "3"], "--month 3 applies only to --target cost or margin."),
        (["--month", "-1"], "The value '-1' is invalid for '--month <n>'"),
        (
            ["--months", "12", "--month", "20"],
            "Month 20 is outside the 12-month horizon. Give --month from 0 to 11, or a longer --months."
        ),
        (["--samples", "10"], "The value '10' is invalid for '--samples <n>': expected a whole number from 64 to 65536."),
        (["--threads", "0"], "The value '0' is invalid for '--threads <n>'"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) {
        let result = runCLI(["sensitivity", "sayar"] + arguments)
        let unwrapped = result.stderr.replacingOccurrences(of: "\n       ", with: " ")
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(unwrapped.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func marginNeedsRevenue() {
        let result = runCLI(["sensitivity", "million", "--target", "margin"])
        #expect(
            result.status == 64 && result.stderr.contains("'million' models no revenue, so it has no margin. Use --target cost."))
        let oviya = runCLI(["sensitivity", "oviya", "--target", "margin", "--month", "6", "--samples", "64", "--format", "json"])
        #expect(oviya.status == 0 && oviya.stdout.contains("\"description\": \"the M6 margin\""), "\(oviya.stderr)")
    }

    /// The roadmap shows what drives total spend in every bundled profile: the swings always; with
    /// trials, each one's share of the variance and what to measure first, in markdown and HTML.
    @Test(arguments: bundledIDs) func theRoadmapSaysWhatDrivesThePlan(id: String) throws {
        let plain = runCLI(["roadmap", id]).stdout
        #expect(plain.contains("## What drives the plan\n\nHow far total spend over "))
        #expect(plain.contains("Run with --trials for each one's share of the variance"))
        #expect(!plain.contains("What to measure first"))
        let banded = runCLI(["roadmap", id, "--trials", "2000"]).stdout
        let section = try #require(banded.components(separatedBy: "## What drives the plan").last)
        #expect(section.contains("| Share of variance |"))
        #expect(banded.contains("What to measure first: **"), "\(id)")
        let html = runCLI(["roadmap", id, "--trials", "2000", "--format", "html"]).stdout
        #expect(html.contains("<h2>What drives the plan</h2>") && html.contains("<p>What to measure first: <strong>"))
        // The advice is sensitivity's own for the same target, seed and sample size.
        let document = try Self.json([id, "--target", "spend", "--samples", String(try Self.roadmapSamples(id, trials: 2000))])
        let advice = try #require(document["advice"] as? String)
        #expect(banded.contains("What to measure first: **\(TextSafety.markdown(advice))**"), "\(id): \(advice)")
    }

    static func roadmapSamples(_ id: String, trials: Int) throws -> Int {
        let loaded = try ProfileLoader.load(path: "\(repositoryRoot)/profiles/\(id).json")
        let scenario = loaded.compiled.profile.defaultScenario
        let growth: MonteCarlo.Growth = try .scenario(#require(scenario?.growth))
        return Sensitivity(loaded.compiled.forScenario(scenario), growth: growth).samples(forTrials: trials)
    }
}
