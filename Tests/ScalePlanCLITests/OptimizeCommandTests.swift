import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Issue 14: `scaleplan optimize` in every format, its replay with `simulate --schedule`, the
/// options in `show` and `diff`, and every bad input with its message and exit status. The
/// recursion itself is checked by enumeration in `ScalePlanKitTests/OptimizeTests`.
@Suite struct OptimizeCommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = runCLI(["optimize"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The issue's "done when": Option A or B for Phase 3 of the 1M plan, when to start each move,
    /// and the saving against the plan's own path.
    @Test func saysWhetherOptionAOrBIsCheaperForMillion() throws {
        let document = try Self.json(["million"])
        #expect(document["schema"] as? String == "scaleplan.optimize/1")
        let considered = try #require(document["options_considered"] as? [[String: Any]])
        let phase3 = considered.filter { $0["tier"] as? String == "phase-3" }
        #expect(phase3.map { $0["option"] as? String } == ["kubernetes", "railway"])
        #expect(phase3.map { $0["chosen"] as? Bool } == [true, false])
        let b = try #require(phase3[0]["total_expected_cost"] as? Double)
        let a = try #require(phase3[1]["total_expected_cost"] as? Double)
        #expect(b < a)
        let total = try #require(document["total_expected_cost"] as? Double)
        let plan = try #require(document["plan_total_expected_cost"] as? Double)
        let saving = try #require(document["saving"] as? Double)
        #expect(total == b && abs(saving - (plan - total)) < 1e-9 && saving > 0)
        let advice = try #require(document["advice"] as? [String])
        #expect(
            advice.first?.hasPrefix("Phase 3: 250K users: take Option B: Kubernetes (recommended) — $1,750 cheaper than Option A")
                == true)
        let moves = try #require(document["moves"] as? [[String: Any]])
        #expect(moves.count == 4)
        for move in moves {
            let start = try #require(move["start_month"] as? Int), done = try #require(move["done_month"] as? Int)
            #expect(done - start == move["lead_time_months"] as? Int)
        }
        let intoPhase3 = try #require(moves.first { ($0["to"] as? [String: Any])?["tier"] as? String == "phase-3" })
        #expect(intoPhase3["start_month"] as? Int == 1 && intoPhase3["done_month"] as? Int == 7)
        #expect(
            advice.contains(
                "Start the move to Phase 3: 250K users · Option B: Kubernetes (recommended) by 2026-02 to run on it from 2026-08 (6 months lead time)."
            ))
        let schedule = try #require(document["schedule"] as? [[String: Any]])
        #expect(schedule.count == 24 && schedule.map { $0["month"] as? Int } == Array(0..<24))
    }

    @Test func everyFormatCarriesTheSameDecision() throws {
        let arguments = ["optimize", "musician"]
        let document = try Self.json(["musician"])
        let advice = try #require(document["advice"] as? [String])
        #expect(advice.count >= 2)
        let table = runCLI(arguments, environment: ["COLUMNS": "250"]).stdout
        for line in advice { #expect(table.contains("• " + line), "\(line)") }
        #expect(table.contains("SCHEDULE") && table.contains("MOVES") && table.contains("OPTIONS CONSIDERED"))
        let markdown = runCLI(arguments + ["--format", "markdown"]).stdout
        for line in advice { #expect(markdown.contains("- " + TextSafety.markdown(line))) }
        #expect(markdown.contains("| Months | Runs on | Carries | Cost / month |"))
        let csv = runCLI(arguments + ["--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.first == "month,label,tier,option,carries_probability,expected_cost")
        #expect(csv.count == 37)
        #expect(csv.last?.hasPrefix("35,M35,phase3,committed,1,") == true)
    }

    /// `optimize --format json` piped into `simulate --schedule -`: the projection runs the same
    /// tier each month, every limit holds, and the months' costs add up to the optimiser's total.
    @Test(arguments: ["inphrone", "sayar", "million", "oviya", "musician"])
    func scheduleReplaysThroughSimulate(id: String) throws {
        let optimized = runCLI(["optimize", id, "--format", "json"])
        #expect(optimized.status == 0, "\(optimized.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(optimized.stdout.utf8)) as? [String: Any])
        let replay = runCLI(["simulate", id, "--schedule", "-", "--format", "json"], stdin: Array(optimized.stdout.utf8))
        #expect(replay.status == 0, "\(replay.stderr)")
        let projection = try #require(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any])
        let months = try #require(projection["months"] as? [[String: Any]])
        let schedule = try #require(document["schedule"] as? [[String: Any]])
        #expect(months.count == schedule.count)
        var spend = 0.0
        for (month, step) in zip(months, schedule) {
            let tier = try #require(step["tier"] as? String), option = try #require(step["option"] as? String)
            let planned = (document["options_considered"] as? [[String: Any]] ?? []).contains {
                $0["tier"] as? String == tier && $0["option"] as? String == option && $0["planned"] as? Bool == true
            }
            let hasOptions = (document["options_considered"] as? [[String: Any]] ?? []).contains { $0["tier"] as? String == tier }
            #expect(month["tier"] as? String == (hasOptions && !planned ? "\(tier)/\(option)" : tier))
            let limits = try #require(month["limits"] as? [[String: Any]])
            for limit in limits {
                let value = try #require(limit["value"] as? Double), bound = try #require(limit["limit"] as? Double)
                #expect(LimitRule.holds(value: value, limit: bound), "\(id) month \(month["month"] ?? "?"): \(limit)")
            }
            spend += try #require((month["cost"] as? [String: Any])?["expected"] as? Double)
        }
        let oneOffs = (document["moves"] as? [[String: Any]] ?? []).compactMap { $0["one_off_cost"] as? Double }.reduce(0, +)
        let total = try #require(document["total_expected_cost"] as? Double)
        #expect(abs(spend + oneOffs - total) <= 1e-6 * Swift.max(1, total))
    }

    @Test func resultsDoNotDependOnThreads() {
        let arguments = ["optimize", "oviya", "--trials", "1000", "--format", "json"]
        let one = runCLI(arguments + ["--threads", "1"]), two = runCLI(arguments + ["--threads", "2"])
        #expect(one.status == 0 && one.stdout == two.stdout)
    }

    /// A discount rate of 12% a year on a deterministic run: every month m's cost is worth
    /// 1.12^(−m/12), so the total is below the undiscounted one and equals the sum recomputed here.
    @Test func discountsEachMonth() throws {
        let plain = try Self.json(["sayar"])
        let discounted = try Self.json(["sayar", "--discount-rate", "12%"])
        #expect(discounted["discount_rate"] as? Double == 0.12)
        let schedule = try #require(plain["schedule"] as? [[String: Any]])
        let recomputed = schedule.enumerated().reduce(0.0) { total, step in
            total + pow(1.12, -Double(step.offset) / 12) * (step.element["expected_cost"] as? Double ?? .nan)
        }
        let total = try #require(discounted["total_expected_cost"] as? Double)
        #expect(discounted["moves"] as? NSArray == plain["moves"] as? NSArray)
        #expect(abs(total - recomputed) < 1e-6 * total)
        #expect(total < (plain["total_expected_cost"] as? Double ?? 0))
    }

    // MARK: Bad input

    static func profile(_ tiers: String, extra: String = "") throws -> (String, String) {
        let folder = try temporaryFolder()
        let text = """
            {"version": 1, "id": "small", "name": "Small", "currency": "USD", "driver": {"name": "users"},\(extra)
             "tiers": \(tiers),
             "scenarios": [{"id": "s", "default": true, "months": 6, "growth": {"kind": "linear", "start": 50, "step": 40}}]}
            """
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/small.json")
        return (folder, folder + "/small.json")
    }

    static let shortTiers = """
        [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100}},
         {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 200}, "migration": {"lead_time_months": 1}}]
        """

    @Test func noScheduleThatCarriesTheLoadIsAnErrorThatSaysWhenAndWhy() throws {
        let (folder, path) = try Self.profile(Self.shortTiers)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["optimize", path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "no schedule carries the load in M4: A does not carry it (users at 210%); B does not carry it (users at 105%)"),
            "\(result.stderr)")
        #expect(result.stderr.contains("--allow-gaps"))
        let allowed = runCLI(["optimize", path, "--allow-gaps", "--format", "json"])
        #expect(allowed.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(allowed.stdout.utf8)) as? [String: Any])
        #expect(document["gaps"] as? [Int] == [4, 5])
        let table = runCLI(["optimize", path, "--allow-gaps"]).stdout
        #expect(table.contains("No schedule carries the load in M4–M5"))
        #expect(table.contains("✗"))
    }

    @Test func badOptionValuesAreUsageErrors() {
        for (arguments, message) in [
            (["--discount-rate", "2"], "The value '2' is invalid for '--discount-rate <r>'"),
            (["--discount-rate", "-5%"], "The value '-5%' is invalid for '--discount-rate <r>'"),
            (["--confidence", "0.9"], "--confidence needs --trials."),
            (["--trials", "100", "--confidence", "0.2"], "The value '0.2' is invalid for '--confidence <p>'"),
            (["--months", "0"], "'--months <n>'"),
        ] {
            let result = runCLI(["optimize", "million"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aBadScheduleFileIsADataErrorWithItsPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sayar = runCLI(["optimize", "sayar", "--format", "json"]).stdout
        try FileIO.writeAtomically(Array(sayar.utf8), to: folder + "/sayar.json")
        let other = runCLI(["simulate", "million", "--schedule", folder + "/sayar.json"])
        #expect(other.status == 65)
        #expect(
            other.stderr.contains("$.schedule[0].tier")
                && other.stderr.contains("tier 'starter' with option 'planned' is not in profile 'million'"), "\(other.stderr)")
        try FileIO.writeAtomically(Array("{\"schema\": \"scaleplan.projection/2\"}".utf8), to: folder + "/wrong.json")
        let wrong = runCLI(["simulate", "million", "--schedule", folder + "/wrong.json"])
        #expect(wrong.status == 65 && wrong.stderr.contains("expected \"schema\": \"scaleplan.optimize/1\""), "\(wrong.stderr)")
        let missing = runCLI(["simulate", "million", "--schedule", folder + "/none.json"])
        #expect(missing.status == 66)
    }

    @Test func badOptionsInAProfileAreReportedWhereTheyAreWritten() throws {
        let tiers = """
            [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100},
              "costs": [{"item": "Server", "category": "compute", "amount": 10}]},
             {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 500},
              "costs": [{"item": "Cluster", "category": "compute", "amount": 50}],
              "options": [
                {"id": "cheap", "costs": [{"item": "Small cluster", "replaces": "Clustr", "category": "compute", "amount": 30}]},
                {"id": "cheap", "name": "Twice"},
                {"id": "ranged", "range": {"min": 5}},
                {"id": "limited", "capacity": {"nonsense": 4}}
              ]}]
            """
        let (folder, path) = try Self.profile(tiers)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["validate", path])
        #expect(result.status == 65)
        let stderr = result.stderr
        #expect(stderr.contains("option replaces 'Clustr', which is not a cost item of tier 'b'"), "\(stderr)")
        #expect(stderr.contains("did you mean 'Cluster'?"), "\(stderr)")
        #expect(stderr.contains("$.tiers[1].options[0].costs[0].replaces"))
        #expect(stderr.contains("tier 'b' has two options named 'cheap'"))
        #expect(stderr.contains("$.tiers[1].options[2]") && stderr.contains("range"))
        #expect(stderr.contains("$.tiers[1].options[3].capacity.nonsense"), "\(stderr)")
    }

    /// The roadmap's "Options considered" says what `optimize` says, in markdown and HTML.
    @Test func roadmapShowsTheOptionsConsidered() throws {
        let document = try Self.json(["million"])
        let advice = try #require(document["advice"] as? [String])
        let markdown = runCLI(["roadmap", "million"]).stdout
        let section = try #require(markdown.range(of: "## Options considered"))
        let body = markdown[section.upperBound...].prefix { _ in true }
        for line in advice { #expect(body.contains("- " + TextSafety.markdown(line)), "\(line)") }
        #expect(body.contains("| Phase 3: 250K users | Option A: stay on Railway with auto-scaling | $249,950 | +$1,750 |"))
        let html = runCLI(["roadmap", "million", "--format", "html"]).stdout
        #expect(html.contains("<h2>Options considered</h2>"))
        #expect(
            html.contains("<td>Option A: stay on Railway with auto-scaling</td><td class=\"n\">$249,950</td><td>+$1,750</td>"))
        for id in ["inphrone", "sayar", "oviya", "musician"] {
            #expect(runCLI(["roadmap", id]).stdout.contains("## Options considered"), "\(id)")
        }
    }

    /// The plan's own moves go up: a tier trigger that targets a lower tier is a cycle of moves
    /// (an error unless the profile allows moving down), one that targets its own tier moves
    /// nowhere.
    @Test func aCycleOfMovesIsAnError() throws {
        let tiers = """
            [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100},
              "triggers": [{"id": "up", "when": "users > 80", "action": "Move up", "target": "b"},
                           {"id": "stay", "when": "users > 90", "action": "Stay", "target": "a"}]},
             {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 500},
              "triggers": [{"id": "back", "when": "users < 50", "action": "Move back", "target": "a"}]}]
            """
        let (folder, path) = try Self.profile(tiers)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["validate", path])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("trigger 'back' of tier 'b' moves back down to 'a': a cycle of moves a → b → a"),
            "\(result.stderr)")
        #expect(result.stderr.contains("\"allow_downgrade\": true"))
        #expect(result.stderr.contains("trigger 'stay' of tier 'a' targets its own tier"))
        let (allowingFolder, allowing) = try Self.profile(
            tiers.replacingOccurrences(of: ", \"target\": \"a\"}]},", with: "}]},"), extra: " \"allow_downgrade\": true,")
        defer { try? FileManager.default.removeItem(atPath: allowingFolder) }
        let allowed = runCLI(["validate", allowing])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    /// An option cannot give its own range, and one that never carries the load is said to.
    @Test func anOptionThatCannotBeReachedIsSaidSo() throws {
        let ranged = """
            [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100}},
             {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 500},
              "options": [{"id": "tiny", "range": {"min": 100, "max": 120}}]}]
            """
        let (folder, path) = try Self.profile(ranged)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("an option covers its tier's range, so it cannot give its own"), "\(result.stderr)")
        #expect(result.stderr.contains("$.tiers[1].options[0].range"))
        let small = """
            [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100}},
             {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 500},
              "options": [{"id": "tiny", "capacity": {"users": 20}},
                          {"id": "slow", "migration": {"lead_time_months": 12}}]}]
            """
        let (smallFolder, smallPath) = try Self.profile(small)
        defer { try? FileManager.default.removeItem(atPath: smallFolder) }
        let document = try Self.json([smallPath])
        let notes = (document["options_considered"] as? [[String: Any]] ?? []).map { $0["note"] as? String }
        #expect(
            notes == [
                nil, "it does not carry the load in any month of the horizon",
                "a move into it takes 12 months, longer than the 6-month horizon",
            ], "\(notes)")
    }

    /// `--set` reaches an option's params (the laid-out plan is compiled with the overrides), and
    /// a tier's own param set as TIER.NAME reaches its options too.
    @Test func setReachesTheOptions() throws {
        let tiers = """
            [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100},
              "costs": [{"item": "Server", "category": "compute", "amount": 10}]},
             {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 500},
              "params": {"price": 50},
              "costs": [{"item": "Cluster", "category": "compute", "amount": "price"}],
              "options": [{"id": "other", "costs": [{"item": "Cluster", "category": "compute", "amount": "price * 2"}]}]}]
            """
        let (folder, path) = try Self.profile(tiers, extra: " \"params\": {\"price\": 40},")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func totals(_ arguments: [String]) throws -> [Double] {
            let document = try Self.json([path] + arguments)
            return (document["options_considered"] as? [[String: Any]] ?? []).compactMap { $0["total_expected_cost"] as? Double }
        }
        // 50 + 40m users: A runs months 0–1 ($10), B from month 2 (100 users), 4 months of 6.
        #expect(try totals([]) == [20 + 4 * 50, 20 + 4 * 100])
        #expect(try totals(["--set", "b.price=30"]) == [20 + 4 * 30, 20 + 4 * 60])
    }

    /// A problem an option inherits from its tier is one error, reported with the tier.
    @Test func anInheritedProblemIsReportedOnce() throws {
        let tiers = """
            [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}},
             {"id": "b", "name": "B", "range": {"min": 100}, "params": {"price": 50},
              "costs": [{"item": "Cluster", "category": "compute", "amount": "price"}],
              "options": [{"id": "other", "name": "Other"}]}]
            """
        let (folder, path) = try Self.profile(tiers)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr.components(separatedBy: "error:").count - 1 == 1, "\(result.stderr)")
        #expect(result.stderr.contains("param 'price' is declared by tier 'b' but not by 'a'"))
    }

    @Test func showAndDiffCoverOptions() {
        let show = runCLI(["show", "million"], environment: ["COLUMNS": "200"]).stdout
        #expect(show.contains("option kubernetes: Option B: Kubernetes (recommended)"))
        #expect(
            show.contains("Option railway of Phase 3: 250K users (phase-3/railway): Option A: stay on Railway with auto-scaling"))
        let diff = runCLI(["diff", "million", "phase-3", "phase-3/railway"], environment: ["COLUMNS": "200"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("Monthly cost: +$200 – +$300"))
        #expect(diff.stdout.contains("+  backend_ram_gb"))
        let unknown = runCLI(["diff", "million", "phase-3", "phase-3/railwey"], environment: ["COLUMNS": "200"])
        #expect(unknown.status == 64 && unknown.stderr.contains("Did you mean 'phase-3/railway'?"), "\(unknown.stderr)")
    }
}
