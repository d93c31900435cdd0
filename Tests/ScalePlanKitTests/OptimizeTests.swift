import Foundation
import Testing

@testable import ScalePlanKit

/// Issue 14: the cheapest path. Hand-computed cases of the recursion (the arithmetic is in each
/// test), exhaustive enumeration against the dynamic programme on generated profiles, and the
/// schedule replayed through the month step (`CompiledProfile.following`, what `simulate
/// --schedule` runs) costing what the optimiser says.
@Suite struct OptimizeTests {
    /// A problem of `months` months over ways given as (stage, lead, one-off, cost per month,
    /// months it carries).
    static func problem(
        months: Int, _ ways: [(stage: Int, lead: Int, oneOff: Double, cost: Double, carries: Range<Int>)],
        skippable: [Bool]? = nil, downgrade: Bool = false, annualRate: Double = 0
    ) -> PathOptimizer {
        let stages = (ways.map(\.stage).max() ?? 0) + 1
        var carries: [Bool] = [], cost: [Double] = []
        for way in ways {
            for month in 0..<months {
                carries.append(way.carries.contains(month))
                cost.append(way.cost)
            }
        }
        let monthly = pow(1 + annualRate, -1.0 / 12)
        return PathOptimizer(
            months: months, ways: ways.map { PathOptimizer.Way(stage: $0.stage, lead: $0.lead, oneOff: $0.oneOff) },
            start: 0, carries: carries, runnable: [Bool](repeating: true, count: carries.count), cost: cost,
            discount: (0..<months).map { pow(monthly, Double($0)) },
            skippable: skippable ?? [Bool](repeating: false, count: stages), allowsDowngrade: downgrade)
    }

    /// Stage 0 ($10) carries months 0–1, stage 1 ($30, lead 1, one-off $5) every month, 4 months.
    /// Moving as late as possible: 10 + 10 + 5 (paid in month 1, when the move starts) + 30 + 30 =
    /// 85; moving in month 1 instead: 10 + 5 + 30 × 3 = 105.
    @Test func movesAsLateAsTheLoadAllows() throws {
        let solution = try #require(
            Self.problem(months: 4, [(0, 0, 0, 10, 0..<2), (1, 1, 5, 30, 0..<4)]).solve())
        #expect(solution.ways == [0, 0, 1, 1])
        #expect(solution.total == 85)
        #expect(solution.moves == [PathOptimizer.Move(start: 1, done: 2, from: 0, to: 1)])
        #expect(solution.gaps.isEmpty)
    }

    /// Stage 1 has two options: A ($30, lead 1) and B ($20, lead 3); stage 0 ($10) carries months
    /// 0–2 of 6. B is done by month 3 if started in month 0: 10 × 3 + 20 × 3 = 90 against A's
    /// 10 × 3 + 30 × 3 = 120.
    @Test func takesTheCheaperOptionWhenItCanBeReadyInTime() throws {
        let solution = try #require(
            Self.problem(months: 6, [(0, 0, 0, 10, 0..<3), (1, 1, 0, 30, 0..<6), (1, 3, 0, 20, 0..<6)]).solve())
        #expect(solution.ways == [0, 0, 0, 2, 2, 2])
        #expect(solution.total == 90)
        #expect(solution.moves == [PathOptimizer.Move(start: 0, done: 3, from: 0, to: 2)])
    }

    /// As above with B's lead time 4: B cannot be ready by month 3 (it would start in month −1), so
    /// month 3 runs on A (started in month 2) and B takes over in month 4 (started in month 0):
    /// 10 × 3 + 30 + 20 × 2 = 100, cheaper than A throughout (120).
    @Test func bridgesWithTheQuickerOptionWhileTheCheaperOneIsPrepared() throws {
        let solution = try #require(
            Self.problem(months: 6, [(0, 0, 0, 10, 0..<3), (1, 1, 0, 30, 0..<6), (1, 4, 0, 20, 0..<6)]).solve())
        #expect(solution.ways == [0, 0, 0, 1, 2, 2])
        #expect(solution.total == 100)
        #expect(
            solution.moves == [
                PathOptimizer.Move(start: 2, done: 3, from: 0, to: 1), PathOptimizer.Move(start: 0, done: 4, from: 1, to: 2),
            ])
    }

    /// A one-off cost makes the cheaper option worth it only over a long enough stay: B saves $10
    /// a month over A but costs $25 to move to. Over 3 months on it (months 3–5) it saves 30 − 25
    /// = 5: B (10 × 3 + 25 + 20 × 3 = 115 against 120); with $35 it loses (125), so A.
    @Test func weighsTheOneOffCostAgainstTheMonthlySaving() throws {
        let cheap = try #require(
            Self.problem(months: 6, [(0, 0, 0, 10, 0..<3), (1, 1, 0, 30, 0..<6), (1, 3, 25, 20, 0..<6)]).solve())
        #expect(cheap.ways == [0, 0, 0, 2, 2, 2] && cheap.total == 115)
        let dear = try #require(
            Self.problem(months: 6, [(0, 0, 0, 10, 0..<3), (1, 1, 0, 30, 0..<6), (1, 3, 35, 20, 0..<6)]).solve())
        #expect(dear.ways == [0, 0, 0, 1, 1, 1] && dear.total == 120)
    }

    /// Discounting at 12% a year: month m is worth δᵐ with δ = 1.12^(−1/12). Stage 0 ($10)
    /// carries months 0–1, stage 1 ($30, lead 0) every month of 3: 10 + 10δ + 30δ².
    @Test func discountsLaterMonths() throws {
        let solution = try #require(
            Self.problem(months: 3, [(0, 0, 0, 10, 0..<2), (1, 0, 0, 30, 0..<3)], annualRate: 0.12).solve())
        let delta = pow(1.12, -1.0 / 12)
        #expect(solution.ways == [0, 0, 1])
        #expect(abs(solution.total - (10 + 10 * delta + 30 * delta * delta)) < 1e-9)
    }

    /// The tier the plan is on does not carry month 0 and every move takes a month: no schedule
    /// carries month 0, and the best one moves at once (gaps [0]).
    @Test func reportsTheMonthsNoScheduleCanCarry() throws {
        let solution = try #require(
            Self.problem(months: 3, [(0, 0, 0, 10, 1..<1), (1, 1, 0, 30, 0..<3)]).solve())
        #expect(solution.gaps == [0])
        #expect(solution.ways == [0, 1, 1])
        #expect(solution.total == 70)
    }

    /// Stage 1 ($100) between stage 0 ($10, months 0–1) and stage 2 ($20, every month), 4 months.
    /// Not skippable: at least one month on it, 10 + 10 + 100 + 20 = 140. Skippable: 10 + 10 + 20
    /// + 20 = 60.
    @Test func passesATierByOnlyWhenItIsSkippable() throws {
        let ways: [(stage: Int, lead: Int, oneOff: Double, cost: Double, carries: Range<Int>)] = [
            (0, 0, 0, 10, 0..<2), (1, 0, 0, 100, 0..<4), (2, 0, 0, 20, 0..<4),
        ]
        let strict = try #require(Self.problem(months: 4, ways).solve())
        #expect(strict.ways == [0, 0, 1, 2] && strict.total == 140)
        let skipping = try #require(Self.problem(months: 4, ways, skippable: [false, true, false]).solve())
        #expect(skipping.ways == [0, 0, 2, 2] && skipping.total == 60)
    }

    /// Load that falls: stage 1 ($50) is needed in months 1–2 only. Without downgrades the path
    /// stays on it (10 + 50 × 3 = 160); with them it moves back (10 + 50 + 50 + 10 = 120).
    @Test func movesDownOnlyWhenAllowed() throws {
        let ways: [(stage: Int, lead: Int, oneOff: Double, cost: Double, carries: Range<Int>)] = [
            (0, 0, 0, 10, 0..<1), (1, 0, 0, 50, 0..<4),
        ]
        var problem = Self.problem(months: 4, ways)
        problem.carries[3] = true  // stage 0 carries month 3 again
        let up = try #require(problem.solve())
        #expect(up.ways == [0, 1, 1, 1] && up.total == 160)
        problem.allowsDowngrade = true
        let down = try #require(problem.solve())
        #expect(down.ways == [0, 1, 1, 0] && down.total == 120)
    }

    // MARK: Enumeration on generated profiles

    /// A small random profile: 2–3 tiers with a users limit and a fixed plus per-user cost, up to
    /// 4 ways in all (options with their own limit, cost, lead time and one-off cost), some tiers
    /// skippable, sometimes downgrades, exponential growth over 6–12 months.
    static func generatedProfile(seed: UInt64) -> (text: String, months: Int) {
        var random = Xoshiro256StarStar(seed: seed)
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let tierCount = pick(2...3)
        var optionsLeft = 4 - tierCount
        let downgrade = pick(0...3) == 0
        let months = downgrade ? pick(4...8) : pick(6...12)
        var tiers: [String] = []
        var minimum = 0
        for index in 0..<tierCount {
            let limit = 100 * (index + 1) + pick(0...150)
            let range =
                index == tierCount - 1 ? "{\"min\": \(minimum)}" : "{\"min\": \(minimum), \"max\": \(minimum + limit / 2)}"
            minimum += limit / 2
            func body(limit: Int, fixed: Int, perUser: Int, lead: Int, oneOff: Int) -> String {
                "\"capacity\": {\"users\": \(limit)}, \"costs\": [{\"item\": \"Base\", \"category\": \"compute\", \"amount\": \(fixed)}, "
                    + "{\"item\": \"Usage\", \"category\": \"compute\", \"amount\": \"users * \(perUser) / 100\"}], "
                    + "\"migration\": {\"lead_time_months\": \(lead), \"cost\": \(oneOff)}"
            }
            // A skippable tier costs more, so passing it by can pay.
            let skippable = index > 0 && index < tierCount - 1 && pick(0...1) == 0
            var tier =
                "{\"id\": \"t\(index)\", \"name\": \"Tier \(index)\", \"range\": \(range), "
                + body(
                    limit: limit, fixed: 10 + 40 * index + pick(0...30) + (skippable ? 60 : 0), perUser: pick(0...5),
                    lead: pick(0...3), oneOff: pick(0...2) * 20)
            if skippable { tier += ", \"skippable\": true" }
            var options: [String] = []
            while optionsLeft > 0 && index > 0 && pick(0...1) == 0 {
                optionsLeft -= 1
                options.append(
                    "{\"id\": \"o\(options.count)\", \"name\": \"Option \(options.count)\", "
                        + body(
                            limit: limit + pick(-60...60), fixed: 10 + 40 * index + pick(-20...30), perUser: pick(0...5),
                            lead: pick(0...4), oneOff: pick(0...3) * 15) + "}")
            }
            if !options.isEmpty { tier += ", \"options\": [" + options.joined(separator: ", ") + "]" }
            tiers.append(tier + "}")
        }
        let start = pick(20...60)
        let rate = Double(pick(10...45)) / 100
        let text = """
            {"version": 1, "id": "gen", "name": "Generated", "currency": "USD", "driver": {"name": "users"},
             \(downgrade ? "\"allow_downgrade\": true," : "")
             "tiers": [\(tiers.joined(separator: ", "))],
             "scenarios": [{"id": "s", "default": true, "months": \(months),
                            "growth": {"kind": "exponential", "start": \(start), "rate": \(rate)}}]}
            """
        return (text, months)
    }

    /// Every schedule, by depth-first search over the moves the rules allow (a schedule is a way
    /// per month), valued as the recursion values it: the best one.
    static func enumerate(_ problem: PathOptimizer) -> (best: PathOptimizer.Value?, count: Int) {
        var best: PathOptimizer.Value?
        var count = 0
        var schedule: [Int] = []
        func extend(_ previous: Int) {
            if schedule.count == problem.months {
                guard let value = problem.value(of: schedule) else { return }
                count += 1
                if best.map({ value < $0 }) ?? true { best = value }
                return
            }
            let month = schedule.count
            for way in problem.ways.indices {
                guard problem.runnable[way * problem.months + month] else { continue }
                if way != previous {
                    guard problem.canMove(from: previous, to: way), problem.startMonth(into: way, done: month) >= 0 else {
                        continue
                    }
                }
                schedule.append(way)
                extend(way)
                schedule.removeLast()
            }
        }
        extend(problem.start)
        return (best, count)
    }

    /// On 120 generated profiles the dynamic programme's value equals the best of every schedule,
    /// and its schedule, replayed by the month step, costs what it says and carries every month
    /// it says it carries.
    @Test func agreesWithExhaustiveEnumerationOnGeneratedProfiles() throws {
        var compared = 0, withOptions = 0, schedules = 0
        // What the cheapest schedules do, so the generator is seen to reach every rule.
        var tookAnOption = 0, skipped = 0, movedDown = 0, hadGaps = 0, paidOneOff = 0
        for seed in UInt64(1)...120 {
            let (text, months) = Self.generatedProfile(seed: seed)
            let (loaded, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
            let compiled = try #require(loaded, "seed \(seed): \(diagnostics)")
            if compiled.profile.hasAlternatives { withOptions += 1 }
            let laidOut = compiled.layingOutOptions()
            let curve = try #require(compiled.profile.defaultScenario?.growth.expectedCurve)
            let table = OptionTable.build(
                EnginePlan(laidOut), growth: .fixed(curve), months: months, trials: 0, seed: 1, threads: 1)
            let problem = PathOptimization.problem(
                laidOut, table: table, confidence: 1, options: PathOptimization.Options(months: months))
            let enumerated = Self.enumerate(problem)
            schedules += enumerated.count
            let solution = problem.solve()
            #expect((solution == nil) == (enumerated.best == nil), "seed \(seed)")
            guard let solution, let best = enumerated.best else { continue }
            #expect(solution.gaps.count == best.gaps, "seed \(seed): gaps \(solution.gaps) vs \(best.gaps)")
            #expect(abs(solution.total - best.cost) < 1e-6, "seed \(seed): \(solution.total) vs \(best.cost)")
            #expect(problem.value(of: solution.ways).map { abs($0.cost - solution.total) < 1e-9 } == true)
            // The replay: the same schedule through the month step, as `simulate --schedule` runs it.
            let projection = Simulator(laidOut.following(solution.ways)).run(curve: curve, months: months)
            var replayed = 0.0
            for month in projection.months {
                #expect(month.tier == solution.ways[month.month], "seed \(seed) month \(month.month)")
                replayed += month.cost.expected
                let carried = month.limits.allSatisfy(\.holds)
                #expect(carried == !solution.gaps.contains(month.month), "seed \(seed) month \(month.month)")
            }
            for move in solution.moves {
                replayed += laidOut.profile.tiers[move.to].migration?.cost?.expected ?? 0
            }
            #expect(abs(replayed - solution.total) < 1e-6, "seed \(seed): replay \(replayed) vs \(solution.total)")
            compared += 1
            let stages = solution.ways.map { problem.ways[$0].stage }
            if solution.ways.contains(where: { $0 >= laidOut.profile.planTierCount }) { tookAnOption += 1 }
            if zip(stages, stages.dropFirst()).contains(where: { $1 > $0 + 1 }) { skipped += 1 }
            if zip(stages, stages.dropFirst()).contains(where: { $1 < $0 }) { movedDown += 1 }
            if !solution.gaps.isEmpty { hadGaps += 1 }
            if solution.moves.contains(where: { problem.ways[$0.to].oneOff > 0 }) { paidOneOff += 1 }
        }
        #expect(compared >= 100)
        #expect(withOptions >= 50, "the generator should give most profiles options")
        #expect(schedules > 10 * compared, "enumeration should see many schedules per profile")
        #expect(
            tookAnOption >= 10 && skipped >= 3 && movedDown >= 1 && hadGaps >= 3 && paidOneOff >= 10,
            "options \(tookAnOption), skips \(skipped), down \(movedDown), gaps \(hadGaps), one-offs \(paidOneOff)")
    }

    /// With trials, the same enumeration over the table of probabilities and mean costs.
    @Test func agreesWithEnumerationUnderTrials() throws {
        for seed in UInt64(200)...230 {
            let (text, months) = Self.generatedProfile(seed: seed)
            let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).0)
            let laidOut = compiled.layingOutOptions()
            let curve = try #require(compiled.profile.defaultScenario?.growth.expectedCurve)
            let options = PathOptimization.Options(months: months, trials: 200, confidence: 0.8)
            let table = OptionTable.build(
                EnginePlan(laidOut), growth: .fixed(curve), months: months, trials: 200, seed: seed, threads: 2)
            let problem = PathOptimization.problem(laidOut, table: table, confidence: 0.8, options: options)
            let best = Self.enumerate(problem).best
            let solution = problem.solve()
            #expect(solution?.gaps.count == best?.gaps, "seed \(seed)")
            if let solution, let best { #expect(abs(solution.total - best.cost) < 1e-6, "seed \(seed)") }
        }
    }

    // MARK: Bundled profiles

    /// `optimize million`: Option B (Kubernetes) is cheaper for Phase 3 than Option A (Railway) —
    /// $200–$300 a month less, $250 at the midpoints, over the seven months the path runs Phase 3
    /// (2026-08 to 2027-02): 7 × 250 = $1,750.
    @Test func millionTakesOptionBForPhase3() throws {
        let result = try Self.optimizeBundled("million").result
        let phase3 = result.considered.filter { result.ways[$0.way].tier == "phase-3" }
        let kubernetes = try #require(phase3.first { result.ways[$0.way].option == "kubernetes" })
        let railway = try #require(phase3.first { result.ways[$0.way].option == "railway" })
        #expect(kubernetes.chosen && !railway.chosen)
        let difference = try #require(railway.total) - (try #require(kubernetes.total))
        #expect(abs(difference - 1750) < 1e-6)
        #expect(result.schedule.filter { result.ways[$0.way].id == "phase-3" }.count == 7)
        #expect(result.saving > 0)
        #expect(result.gaps.isEmpty && result.planGaps.isEmpty)
    }

    /// A bundled profile optimised along its default scenario.
    static func optimizeBundled(_ id: String) throws -> (
        compiled: CompiledProfile, curve: GrowthCurve, months: Int, result: OptimizeResult
    ) {
        let compiled = try loadBundled(id)
        let scenario = try #require(compiled.profile.defaultScenario)
        let curve = try #require(scenario.growth.expectedCurve)
        let months = scenario.months ?? 36
        let result = try PathOptimization(compiled, growth: .fixed(curve)).run(PathOptimization.Options(months: months))
        return (compiled, curve, months, result)
    }

    /// Every bundled profile's optimised path carries the load in every month when replayed, and
    /// the replay costs what the optimiser says (its monthly costs plus the one-off costs of its
    /// moves).
    @Test(arguments: ["inphrone", "sayar", "million", "oviya", "musician"])
    func optimisedPathCarriesEveryMonthWhenReplayed(id: String) throws {
        let (_, curve, months, result) = try Self.optimizeBundled(id)
        #expect(result.gaps.isEmpty)
        #expect(result.total <= result.planTotal + 1e-6 || !result.planGaps.isEmpty)
        let projection = Simulator(result.compiled.following(result.schedule.map(\.way))).run(curve: curve, months: months)
        var total = 0.0
        for month in projection.months {
            #expect(month.limits.allSatisfy { $0.holds }, "\(id) month \(month.month)")
            #expect(month.tier == result.schedule[month.month].way)
            total += month.cost.expected
        }
        total += result.moves.map(\.oneOffCost).reduce(0, +)
        #expect(abs(total - result.total) < 1e-6 * Swift.max(1, total))
    }

    /// The plan's own total is the deterministic projection's: the sum of its monthly costs.
    @Test(arguments: ["sayar", "million"])
    func planTotalIsTheProjectionsSpend(id: String) throws {
        let (compiled, curve, months, result) = try Self.optimizeBundled(id)
        let spend = Simulator(compiled).run(curve: curve, months: months).months.map(\.cost.expected).reduce(0, +)
        #expect(abs(result.planTotal - spend) < 1e-6 * spend)
    }

    /// A plan whose last tier cannot carry the load at all: the error names the month and says of
    /// each tier why.
    @Test func saysWhyWhenNoScheduleCarriesTheLoad() throws {
        let text = """
            {"version": 1, "id": "short", "name": "Short", "currency": "USD", "driver": {"name": "users"},
             "tiers": [{"id": "a", "name": "A", "range": {"min": 0, "max": 100}, "capacity": {"users": 100}},
                       {"id": "b", "name": "B", "range": {"min": 100}, "capacity": {"users": 200},
                        "migration": {"lead_time_months": 1}}],
             "scenarios": [{"id": "s", "default": true, "months": 6, "growth": {"kind": "linear", "start": 50, "step": 40}}]}
            """
        let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).0)
        let run = PathOptimization(compiled, growth: .fixed(.linear(start: 50, step: 40)))
        #expect {
            _ = try run.run(PathOptimization.Options(months: 6))
        } throws: { error in
            guard let failure = error as? PathOptimization.NoPath else { return false }
            // 50 + 40m > 200 from month 4 (210 users): B's users limit at 105%.
            return failure.month == 4 && failure.description.contains("M4")
                && failure.description.contains("B does not carry it (users at 105%)")
                && failure.description.contains("A does not carry it (users at 210%)")
        }
        var allowing = PathOptimization.Options(months: 6)
        allowing.allowsGaps = true
        let result = try run.run(allowing)
        #expect(result.gaps == [4, 5])
    }
}
