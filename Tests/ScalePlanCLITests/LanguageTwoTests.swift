import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

// Issue 12: the profile language, version 2 — tier params, capacity selection, components,
// credits, time and stocks, `--set` — on the README's second worked example (numbers by hand,
// in the README beside the profile), and its bad inputs.

/// The README's second worked example, as the README has it (between its markers).
let workedExample: String = {
    let readme = (try? String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)) ?? ""
    guard let start = readme.range(of: "<!-- worked-example:start -->\n```json\n"),
        let end = readme.range(of: "```\n<!-- worked-example:end -->")
    else { return "worked example not found in README.md" }
    return String(readme[start.upperBound..<end.lowerBound])
}()

/// Bad uses of the new keys: each is an edit of `tinyProfile` (BadProfileTests), with the
/// message and where it must point.
let languageTwoCases: [BadCase] = [
    BadCase(
        name: "a tier uses an unknown component", replace: "\"id\": \"large\", \"name\": \"Large\",",
        with: "\"id\": \"large\", \"name\": \"Large\", \"use\": [\"ha\"],",
        message: "tier 'large' uses unknown component 'ha'", anchor: "\"ha\"",
        hint: "define it under \"components\" at the top level"),
    BadCase(
        name: "a misspelt component", replace: "\"currency\": \"USD\",",
        with: "\"currency\": \"USD\", \"components\": { \"ha\": { \"costs\": [] } },",
        message: "", anchor: nil),
    BadCase(
        name: "a tier-only param one tier lacks", replace: "\"id\": \"small\", \"name\": \"Small\",",
        with: "\"id\": \"small\", \"name\": \"Small\", \"params\": { \"nodes\": 2 },",
        message: "param 'nodes' is declared by tier 'small' but not by 'large', and has no global value",
        anchor: "\"nodes\""),
    BadCase(
        name: "a tier param with a reserved name", replace: "\"id\": \"small\", \"name\": \"Small\",",
        with: "\"id\": \"small\", \"name\": \"Small\", \"params\": { \"month\": 2 },",
        message: "'month' is a reserved word and cannot name a param", anchor: "\"month\""),
    BadCase(
        name: "an unknown tier_selection", replace: "\"currency\": \"USD\",",
        with: "\"currency\": \"USD\", \"tier_selection\": \"capacty\",",
        message: "unknown tier_selection \"capacty\"", anchor: "\"capacty\"", hint: "did you mean 'capacity'?"),
    BadCase(
        name: "credit that is not a boolean", replace: "\"amount\": 5 }", with: "\"amount\": 5, \"credit\": \"yes\" }",
        message: "expected true or false, found a string", anchor: "\"yes\""),
    BadCase(
        name: "a metric with expr and accumulate", replace: "\"peak_rps\": \"users * rps_per_user\"",
        with: "\"peak_rps\": { \"expr\": \"users\", \"accumulate\": \"users\" }",
        message: "\"expr\" and \"accumulate\" cannot be used together", anchor: "\"accumulate\": \"users\"", offset: 14),
    BadCase(
        name: "initial without accumulate", replace: "\"peak_rps\": \"users * rps_per_user\"",
        with: "\"peak_rps\": { \"expr\": \"users\", \"initial\": 3 }",
        message: "\"initial\" belongs to a stock", anchor: "3 }"),
    BadCase(
        name: "a lead-time mode outside its range", replace: "\"id\": \"large\", \"name\": \"Large\",",
        with:
            "\"id\": \"large\", \"name\": \"Large\", \"migration\": { \"lead_time_months\": { \"low\": 1, \"mode\": 5, \"high\": 3 } },",
        message: "mode 5 is outside [1, 3]", anchor: "5, \"high\""),
    BadCase(
        name: "a component's limit clashes with the tier's", replace: "\"currency\": \"USD\",",
        with: "\"currency\": \"USD\", \"components\": { \"ha\": { \"capacity\": { \"peak_rps\": 9 } } },",
        message: "", anchor: nil),
    BadCase(
        name: "a tier without a range when tiers are chosen by range", replace: "\"range\": { \"min\": 1000 },", with: "",
        message: "missing required key \"range\"", anchor: "{ \"id\": \"large\""),
    BadCase(
        name: "a tier param that is not a number", replace: "\"id\": \"small\", \"name\": \"Small\",",
        with: "\"id\": \"small\", \"name\": \"Small\", \"params\": { \"rps_per_user\": \"two\" },",
        message: "expected a number or an object", anchor: "\"two\""),
    BadCase(
        name: "a stock without accumulate", replace: "\"peak_rps\": \"users * rps_per_user\"",
        with: "\"peak_rps\": { \"initial\": 5 }", message: "missing required key \"accumulate\"", anchor: "{ \"initial\""),
    BadCase(
        name: "a stock reading an unknown name", replace: "\"peak_rps\": \"users * rps_per_user\"",
        with: "\"peak_rps\": { \"accumulate\": \"userz\", \"initial\": 0 }",
        message: "in metric 'peak_rps': unknown name 'userz'", anchor: "\"userz\"", offset: 1),
].filter { !$0.message.isEmpty }

@Suite struct LanguageTwoTests {
    @Test(arguments: languageTwoCases)
    func badUsesOfTheNewKeysSayWhere(_ bad: BadCase) throws {
        #expect(tinyProfile.contains(bad.replace), "the edit does not apply")
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(bad.text.utf8))
        #expect(compiled == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first { $0.message.contains(bad.message) }, "\(errors.map(\.message))")
        // One error, not follow-ons: the rest of the profile is fine.
        #expect(errors.count == 1, "\(errors.map(\.message))")
        if let (line, column) = bad.expectedLocation {
            #expect(error.location?.line == line && error.location?.column == column, "\(String(describing: error.location))")
        }
        if let hint = bad.hint { #expect(error.hint?.contains(hint) == true, "\(String(describing: error.hint))") }
    }

    @Test func componentsAndTheirClashesAreChecked() throws {
        let uses = tinyProfile.replacingOccurrences(
            of: "\"currency\": \"USD\",",
            with: "\"currency\": \"USD\", \"components\": { \"ha\": { \"capacity\": { \"peak_rps\": 9 } } },"
        ).replacingOccurrences(
            of: "\"id\": \"small\", \"name\": \"Small\",", with: "\"id\": \"small\", \"name\": \"Small\", \"use\": [\"hq\"],")
        let misspelt = ProfileLoader.validate(bytes: Array(uses.utf8)).1.filter { $0.severity == .error }
        #expect(misspelt.count == 1 && misspelt[0].message == "tier 'small' uses unknown component 'hq'")
        #expect(misspelt.first?.hint == "did you mean 'ha'?")
        let clash = ProfileLoader.validate(bytes: Array(uses.replacingOccurrences(of: "\"hq\"", with: "\"ha\"").utf8)).1
        #expect(
            clash.map(\.message) == ["tier 'small' has two limits on 'peak_rps' (from the tier itself and component 'ha')"])
    }

    // MARK: The worked example

    static func simulate(_ arguments: [String] = []) throws -> [String: Any] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(workedExample.utf8), to: folder + "/acme.json")
        let result = runCLI(["simulate", folder + "/acme.json", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func months(_ document: [String: Any]) -> [[String: Any]] { document["months"] as? [[String: Any]] ?? [] }

    @Test func theWorkedExampleValidatesAndCarriesWhatTheReadmeSays() throws {
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(workedExample.utf8))
        let plan = try #require(compiled, "\(diagnostics)")
        #expect(diagnostics.isEmpty)
        // 2 nodes × 50 RPS × 1.15 headroom = 115 RPS = 57,500 users at 0.002 RPS each.
        let carried = CapacitySearch(plan).searchAll().map(\.maximum)
        #expect(carried == [57_500, 172_500, 575_000])
        #expect(
            plan.profile.tiers.map(\.range) == [
                DriverRange(min: 0, max: 57_501), DriverRange(min: 57_501, max: 172_501), DriverRange(min: 172_501, max: nil),
            ])
        #expect(plan.profile.tiers.allSatisfy { $0.rangeDerived })
    }

    @Test func theWorkedExampleProjectsTheNumbersComputedByHand() throws {
        let months = Self.months(try Self.simulate())
        try #require(months.count == 36)
        func cost(_ month: Int) -> Double { ((months[month]["cost"] as? [String: Any])?["expected"] as? Double) ?? .nan }
        func number(_ month: Int, _ key: String) -> Double { months[month][key] as? Double ?? .nan }
        func tier(_ month: Int) -> String { months[month]["tier"] as? String ?? "" }
        // Month 0: 2 × $70 + 0.1 × (50 + 20,000 × 0.01) GB; revenue 20,000 × 0.05 × $8.
        #expect(abs(cost(0) - 165) < 1e-9)
        #expect(abs(number(0, "revenue") - 8_000) < 1e-9)
        #expect(tier(11) == "small" && tier(12) == "medium" && tier(22) == "medium" && tier(23) == "large")
        // Month 12: 6 × $70 + $20 + $50 + 0.1 × (50 + 2,000 × (1.1¹³ − 1)).
        let stored12 = 50 + 2_000 * (Math.power(1.1, 13) - 1)
        #expect(abs(cost(12) - (490 + 0.1 * stored12)) < 1e-6)
        #expect(abs(((months[12]["metrics"] as? [String: Double])?["stored_gb"] ?? 0) - stored12) < 1e-6)
        #expect(abs(number(12, "revenue") - 20_000 * Math.power(1.1, 12) * 0.05 * 10) < 1e-6)
        // Month 23: 20 × $70 × 0.99²³ − $280 credit + $70 + 0.1 × (50 + 2,000 × (1.1²⁴ − 1)).
        let expected23 = 1_400 * Math.power(0.99, 23) - 280 + 70 + 0.1 * (50 + 2_000 * (Math.power(1.1, 24) - 1))
        #expect(abs(cost(23) - expected23) < 1e-6 && abs(expected23 - 2_676.00) < 0.01)
        #expect(abs(number(23, "revenue") - 20_000 * Math.power(1.1, 23) * 0.05 * 12) < 1e-6)
    }

    @Test func theWorkedExampleEventsAreTheReadmes() throws {
        let events = (try Self.simulate()["events"] as? [[String: Any]]) ?? []
        let summary = events.map { "\($0["month"] as? Int ?? -1) \($0["kind"] as? String ?? "") \($0["tier"] as? String ?? "")" }
        #expect(summary.contains("9 migration-start medium"), "\(summary)")
        #expect(summary.contains("12 tier-change medium") && summary.contains("23 tier-change large"), "\(summary)")
        let storage = try #require(events.first { $0["trigger"] as? String == "storage-large" })
        #expect(storage["month"] as? Int == 34)
        #expect(abs((storage["value"] as? Double ?? 0) - (50 + 2_000 * (Math.power(1.1, 35) - 1))) < 1e-6)
    }

    @Test func setOverridesGlobalAndTierParamsAndSaysSo() throws {
        let everywhere = try Self.simulate(["--set", "price=20", "--months", "1"])
        #expect(abs((Self.months(everywhere).first?["revenue"] as? Double ?? 0) - 20_000) < 1e-9)
        let overrides = everywhere["overrides"] as? [[String: Any]]
        #expect(overrides?.count == 1 && overrides?.first?["name"] as? String == "price")
        let small = try Self.simulate(["--set", "small.price=9", "--set", "small.price=10", "--months", "1"])
        #expect(abs((Self.months(small).first?["revenue"] as? Double ?? 0) - 10_000) < 1e-9, "later --set wins")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(workedExample.utf8), to: folder + "/acme.json")
        let table = runCLI(["capacity", folder + "/acme.json", "--set", "node_rps=100"])
        #expect(table.stdout.contains("Overrides (--set): node_rps = 100"))
        #expect(table.stdout.contains("115,000"), "\(table.stdout)")
        let unknown = runCLI(["simulate", folder + "/acme.json", "--set", "prize=3"])
        #expect(unknown.status == 64 && unknown.stderr.contains("'prize' is not a param of profile 'acme'"))
        #expect(unknown.stderr.contains("did you mean 'price'?"))
        let malformed = runCLI(["simulate", folder + "/acme.json", "--set", "price=1:2"])
        #expect(malformed.status == 64 && malformed.stderr.contains("expected a number (12) or low:mode:high"))
    }

    @Test func uncertainTierParamsAreSampled() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(workedExample.utf8), to: folder + "/acme.json")
        let result = runCLI([
            "simulate", folder + "/acme.json", "--set", "small.price=6:8:10", "--trials", "2000", "--months", "1", "--format",
            "json",
        ])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let month0 = try #require((document["months"] as? [[String: Any]])?.first?["revenue"] as? [String: Double])
        let p10 = month0["p10"] ?? .nan, p90 = month0["p90"] ?? .nan
        // Revenue is 1,000 × price: triangular(6, 8, 10) has P10 = 6 + √(0.1 · 4 · 2) ≈ 6.89.
        #expect(p10 > 6_500 && p10 < 7_200 && p90 > 8_800 && p90 < 9_500, "\(p10) \(p90)")
    }

    @Test func checkChoosesTheTierFromTheObservedLoadAndDerivesTheStock() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(workedExample.utf8), to: folder + "/acme.json")
        let byLoad = runCLI(
            ["check", folder + "/acme.json", "--observed", "-", "--format", "json"], stdin: Array("peak_rps,116\n".utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(byLoad.stdout.utf8)) as? [String: Any])
        #expect(document["tier"] as? String == "medium" && document["tier_from"] as? String == "capacity")
        let atLimit = runCLI(["check", folder + "/acme.json", "--observed", "-"], stdin: Array("peak_rps,115\n".utf8))
        #expect(atLimit.stdout.contains("tier Small"), "115 RPS fits 100 × 1.15 exactly: \(atLimit.stdout)")
        // Not observed: the stock comes from the default scenario at the month 60,000 users is reached (12).
        let derived = runCLI(["check", folder + "/acme.json", "--observed", "-"], stdin: Array("users,60000\n".utf8))
        #expect(derived.stdout.contains("derived (scenario base, month 12)"), "\(derived.stdout)")
        let observed = runCLI(
            ["check", folder + "/acme.json", "--observed", "-", "--fail-on", "info"],
            stdin: Array("users,60000\nstored_gb,60000\n".utf8))
        #expect(observed.status == 1 && observed.stdout.contains("storage-large"), "\(observed.stdout)")
        let neither = runCLI(["check", folder + "/acme.json", "--observed", "-"], stdin: Array("stored_gb,1\n".utf8))
        #expect(neither.status == 65 && neither.stderr.contains("tiers are chosen by capacity"))
    }

    @Test func showMarksComponentsCreditsStocksAndDerivedRanges() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(workedExample.utf8), to: folder + "/acme.json")
        let text = runCLI(["show", folder + "/acme.json"], environment: ["COLUMNS": "100"]).stdout
        for fragment in [
            "users 0 – 57.5K (derived)", "Load balancer (ha)", "storage-large (ha)", "credit: subtracted from the total",
            "-$280", "stored_gb: a stock from 50, adding users * gb_per_user_month each month", "nodes = 6",
            "lead time 1–3 (most likely 2) months",
        ] {
            #expect(text.contains(fragment), "missing \(fragment)")
        }
    }

    /// A tier param that every tier declares at the global value changes nothing: the same
    /// numbers as the plan without it, month by month.
    @Test func tierParamsAtTheGlobalValueChangeNothing() throws {
        for id in bundledIDs {
            let text = try String(contentsOfFile: repositoryRoot + "/profiles/\(id).json", encoding: .utf8)
            let base = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).0)
            guard let param = base.profile.params.first(where: { !$0.value.isUncertain }) else { continue }
            var profile = base.profile
            for index in profile.tiers.indices { profile.tiers[index].params.append(param) }
            let scoped = try #require(ProfileCompiler.compile(profile).0)
            #expect(scoped.hasTierParams)
            let curve = try #require(base.profile.defaultScenario?.growth.expectedCurve)
            let a = Simulator(base).run(curve: curve, months: 48), b = Simulator(scoped).run(curve: curve, months: 48)
            #expect(a.months.map(\.cost.expected) == b.months.map(\.cost.expected), "\(id)")
            #expect(a.months.map(\.tier) == b.months.map(\.tier) && a.months.map(\.revenue) == b.months.map(\.revenue), "\(id)")
        }
    }

    @Test func aCreditBelowTheTotalIsAPlanGap() throws {
        let text = tinyProfile.replacingOccurrences(
            of: "{ \"item\": \"Server\", \"category\": \"compute\", \"amount\": 5 }",
            with:
                "{ \"item\": \"Server\", \"category\": \"compute\", \"amount\": 5 }, { \"item\": \"Startup credits\", \"category\": \"compute\", \"amount\": \"if(month < 3, 8, 0)\", \"credit\": true }"
        )
        let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).0)
        let projection = Simulator(compiled).run(curve: .constant(100), months: 6)
        #expect(projection.months.map(\.cost.expected) == [-3, -3, -3, 5, 5, 5])
        let invalid = try #require(projection.invalidValues.first)
        #expect(invalid.subject == "total cost of Small (after its credits)" && invalid.month == 0 && invalid.value == -3)
    }

    // MARK: Review findings (each was a defect)

    static func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        return path
    }

    /// The roadmap prices a tier at its projected entry month (stocks and `month` as they are then),
    /// as simulate does: $985.45 for Medium at M12 in the worked example.
    @Test func theRoadmapCostAtEntryIsTheProjectedMonths() throws {
        let compiled = try #require(ProfileLoader.validate(bytes: Array(workedExample.utf8)).0)
        let curve = try #require(compiled.profile.defaultScenario?.growth.expectedCurve)
        let roadmap = Roadmap(projection: Simulator(compiled).run(curve: curve, months: 36))
        let medium = try #require(roadmap.tiers.first { $0.tier.id == "medium" })
        #expect(medium.entry == 12 && Swift.abs(medium.cost.low - 985.4542) < 1e-3, "\(medium.cost)")
    }

    /// A plan diff lists what the new language can change: a credit flag, a stock's initial value,
    /// a tier's params, the tier selection, a lead time's mode; a component's trigger once.
    @Test func aPlanDiffSeesTheNewKeys() throws {
        let old = try #require(ProfileLoader.validate(bytes: Array(workedExample.utf8)).0)
        let edited =
            workedExample
            .replacingOccurrences(of: "\"credit\": true", with: "\"credit\": false")
            .replacingOccurrences(of: "\"initial\": 50", with: "\"initial\": 500")
            .replacingOccurrences(of: "\"nodes\": 6, \"price\": 10", with: "\"nodes\": 8, \"price\": 10")
            .replacingOccurrences(of: "\"mode\": 2, \"high\": 3", with: "\"mode\": 3, \"high\": 3")
            .replacingOccurrences(of: "\"stored_gb > 50000\"", with: "\"stored_gb > 40000\"")
        let new = try #require(ProfileLoader.validate(bytes: Array(edited.utf8)).0)
        let lines = PlanDiff(old: old, new: new).lines.map { "\($0.kind) \($0.name)" }
        for expected in [
            "cost large: Committed-use discount (20%)", "metric stored_gb", "tier param medium.nodes",
            "migration medium lead time", "trigger storage-large",
        ] {
            #expect(lines.contains(expected), "\(lines)")
        }
        #expect(lines.filter { $0 == "trigger storage-large" }.count == 1)
    }

    /// `check`'s month and its derived stocks are one month: the month the default scenario
    /// reaches the observed driver (12 for 60,000 users), shown as derived.
    @Test func checkUsesOneMonthForMonthAndStocks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(
            workedExample.replacingOccurrences(
                of: "\"when\": \"stored_gb > 50000\"", with: "\"when\": \"month >= 12 and stored_gb > 4000\""),
            "acme.json", in: folder)
        let result = runCLI(
            ["check", path, "--observed", "-", "--fail-on", "info", "--format", "json"], stdin: Array("users,60000\n".utf8))
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let values = document["values"] as? [[String: Any]] ?? []
        let month = try #require(values.first { $0["name"] as? String == "month" })
        #expect(month["value"] as? Double == 12 && month["derivation"] as? String == "scenario base, month 12")
    }

    /// By capacity, a limit on the driver needs the driver observed; and a load no tier carries
    /// says so instead of claiming the last tier carries it.
    @Test func checkByCapacityNeedsWhatTheLimitsRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let onDriver = tinyProfile.replacingOccurrences(
            of: "\"currency\": \"USD\",", with: "\"currency\": \"USD\", \"tier_selection\": \"capacity\","
        )
        .replacingOccurrences(of: "\"capacity\": { \"peak_rps\": 5 },", with: "\"capacity\": { \"users\": 100 },")
        let path = try Self.write(onDriver, "tiny.json", in: folder)
        let missing = runCLI(["check", path, "--observed", "-"], stdin: Array("peak_rps,1\n".utf8))
        #expect(missing.status == 65 && missing.stderr.contains("missing 'users'"), "\(missing.stderr)")
        let example = try Self.write(workedExample, "acme.json", in: folder)
        let over = runCLI(["check", example, "--observed", "-"], stdin: Array("peak_rps,5000\n".utf8))
        #expect(over.stdout.contains("No tier's limits carry the observed load (a plan gap)"), "\(over.stdout)")
    }

    /// "No tier carries" measures the last tier with its own params, not the plan tier's.
    @Test func noTierCarriesReadsTheLastTiersParams() throws {
        let text = tinyProfile.replacingOccurrences(
            of: "\"id\": \"small\", \"name\": \"Small\",",
            with: "\"id\": \"small\", \"name\": \"Small\", \"params\": { \"rps_per_user\": 0.01 },"
        )
        .replacingOccurrences(
            of: "\"id\": \"large\", \"name\": \"Large\",",
            with:
                "\"id\": \"large\", \"name\": \"Large\", \"params\": { \"rps_per_user\": 0.03 }, \"capacity\": { \"peak_rps\": 60 },"
        )
        let compiled = try #require(
            ProfileLoader.validate(bytes: Array(text.utf8)).0, "\(ProfileLoader.validate(bytes: Array(text.utf8)).1)")
        // 3,000 users: Large sees 0.03 × 3,000 = 90 RPS against 60 (150%); Small would say 30.
        let month = Simulator(compiled).run(curve: .constant(3_000), months: 1).months[0]
        let unmet = try #require(month.unmet)
        #expect(Swift.abs(unmet.value - 90) < 1e-9 && unmet.limit == 60, "\(unmet)")
    }

    /// A scenario's params set every tier's own too (as `--set NAME` does), and may name a param
    /// only tiers declare.
    @Test func scenarioParamsSetTierParamsToo() throws {
        let text = workedExample.replacingOccurrences(
            of: "\"growth\": { \"kind\": \"exponential\", \"start\": 20000, \"rate\": 0.1 } }",
            with:
                "\"growth\": { \"kind\": \"exponential\", \"start\": 20000, \"rate\": 0.1 } }, { \"id\": \"dear\", \"growth\": { \"kind\": \"constant\", \"value\": 100000 }, \"params\": { \"price\": 30 } }"
        )
        let compiled = try #require(
            ProfileLoader.validate(bytes: Array(text.utf8)).0, "\(ProfileLoader.validate(bytes: Array(text.utf8)).1)")
        let scenario = try #require(compiled.profile.scenarios.first { $0.id == "dear" })
        let month = Simulator(compiled.forScenario(scenario)).run(curve: .constant(100_000), months: 1).months[0]
        #expect(compiled.profile.tiers[month.tier].id == "medium" && month.revenue == 100_000 * 0.05 * 30)
    }

    /// In a plan diff, `--set` applies to the version that has the param; neither having it is an error.
    @Test func aPlanDiffSetsAParamOneVersionLacks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = try Self.write(workedExample, "old.json", in: folder)
        let new = try Self.write(
            workedExample.replacingOccurrences(of: "\"paying_share\": 0.05", with: "\"paying_share\": 0.05, \"support\": 3"),
            "new.json", in: folder)
        #expect(runCLI(["diff", old, new, "--set", "support=200"]).status == 0)
        let neither = runCLI(["diff", old, new, "--set", "supporter=200"])
        #expect(neither.status == 64 && neither.stderr.contains("nor of the other version"), "\(neither.stderr)")
    }

    /// An unused component is a warning; a bad tier param is one error, not one per use of it.
    @Test func unusedComponentsWarnAndBadTierParamsAreOneError() throws {
        let unused = workedExample.replacingOccurrences(of: "\"use\": [\"ha\"],", with: "")
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(unused.utf8))
        #expect(compiled != nil)
        #expect(diagnostics.map(\.message) == ["component 'ha' is not used by any tier, so its items are not checked"])
        let bad = workedExample.replacingOccurrences(of: "\"nodes\": 2,", with: "\"nodes\": \"two\",")
        let errors = ProfileLoader.validate(bytes: Array(bad.utf8)).1.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
    }

    /// The "declared by … but not by …" message stays a line for thousands of tiers.
    @Test func aTierOnlyParamMessageIsBounded() throws {
        var tiers: [String] = []
        for index in 0..<300 {
            let params = index == 0 ? "\"params\": { \"k\": 1 }, " : ""
            tiers.append(
                "{ \"id\": \"t\(index)\", \"name\": \"T\", \(params)\"range\": { \"min\": \(index * 10)\(index < 299 ? ", \"max\": \((index + 1) * 10)" : "") } }"
            )
        }
        let text = tinyProfile.replacingOccurrences(
            of: tinyProfile[
                tinyProfile.range(of: "\"tiers\": [")!.lowerBound..<tinyProfile.range(of: "\"scenarios\"")!.lowerBound],
            with: "\"tiers\": [" + tiers.joined(separator: ",\n") + "],\n  ")
        let errors = ProfileLoader.validate(bytes: Array(text.utf8)).1.filter { $0.severity == .error }
        #expect(
            errors.count == 1 && errors[0].message.contains("and 294 more") && errors[0].message.count < 200,
            "\(errors.map(\.message))")
    }
}
