import Testing

@testable import ScalePlanKit

/// The property that makes the numbers agree everywhere: there is one month, and every consumer
/// computes it the same way. Checked on the five bundled profiles and 240 generated ones
/// (`ProfileGenerator`: random metric DAGs, tiers and ranges, limits, cost items with ranges and
/// modes, queues, triggers, invalid values).
@Suite struct OneEngineTests {
    static let generatedSeeds: [UInt64] = Array(0..<240)

    /// A profile to test and its default scenario's growth, over its horizon (at most 60 months).
    struct Case: CustomStringConvertible {
        var name: String
        var compiled: CompiledProfile
        var spec: GrowthSpec
        var curve: GrowthCurve
        var months: Int
        var description: String { name }
    }

    static func cases(seeds: [UInt64] = generatedSeeds) throws -> [Case] {
        var cases: [Case] = []
        for id in bundledIDs {
            cases.append(try make(id, try loadBundled(id)))
        }
        for seed in seeds {
            let text = ProfileGenerator.profile(seed: seed)
            let compiled = try #require(
                ProfileLoader.validate(bytes: Array(text.utf8)).compiled, Comment(rawValue: "seed \(seed)"))
            cases.append(try make("seed \(seed)", compiled))
        }
        return cases
    }

    static func make(_ name: String, _ compiled: CompiledProfile) throws -> Case {
        let scenario = try #require(compiled.profile.defaultScenario, Comment(rawValue: name))
        let curve = try #require(scenario.growth.expectedCurve, Comment(rawValue: name))
        return Case(
            name: name, compiled: compiled, spec: scenario.growth, curve: curve,
            months: Swift.min(scenario.months ?? 36, 60))
    }

    /// Doubles equal to the last bit, NaN equal to NaN.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): x == y || (x.isNaN && y.isNaN)
        default: false
        }
    }

    /// Monte Carlo with every uncertainty collapsed to its deterministic value reports exactly the
    /// deterministic projection, month by month: every series' P10 = P50 = P90 = mean = the
    /// deterministic value (driver, each limited metric, bottleneck utilisation, worst p95, cost,
    /// revenue, margin), the plan tier in every trial, each tier needed from the month the
    /// projection needs it, each trigger firing with probability 1 in its first month (or never),
    /// and the same invalid values.
    @Test func collapsedMonteCarloIsTheDeterministicProjection() throws {
        var checked = 0
        for item in try Self.cases() {
            let projection = Simulator(item.compiled).run(curve: item.curve, months: item.months)
            // Three blocks (two full, one partial) on two threads: the merge is part of the claim.
            let result = MonteCarlo(item.compiled, growth: .scenario(item.spec)).run(
                MonteCarlo.Options(trials: 2 * 384 + 17, threads: 2, months: item.months, sampling: .collapsed))
            try compare(item, projection, result)
            checked += 1
        }
        #expect(checked == bundledIDs.count + Self.generatedSeeds.count)
    }

    func compare(_ item: Case, _ projection: Projection, _ result: MonteCarloResult) throws {
        let compiled = item.compiled
        let metricIndex = Dictionary(uniqueKeysWithValues: compiled.profile.metrics.enumerated().map { ($1.name, $0) })
        for series in result.series {
            for (month, deterministic) in projection.months.enumerated() {
                let expected: Double?
                switch series.kind {
                case .driver: expected = deterministic.driver
                case .metric: expected = deterministic.metrics[try #require(metricIndex[series.name])]
                case .utilization: expected = deterministic.limits.isEmpty ? 0 : deterministic.bottleneck?.utilization
                case .latency: expected = deterministic.worstQueue?.p95Milliseconds ?? .nan
                case .cost: expected = deterministic.cost.expected
                case .revenue: expected = deterministic.revenue
                case .margin: expected = deterministic.margin
                }
                let got = series.months[month]
                for (label, value) in [("p10", got.p10), ("p50", got.p50), ("p90", got.p90)] {
                    #expect(
                        Self.same(value, expected),
                        "\(item): \(series.name) \(label) at month \(month): \(value.map(String.init(describing:)) ?? "nil") vs \(expected.map(String.init(describing:)) ?? "nil")"
                    )
                }
                if let expected, expected.isFinite {
                    #expect(Self.same(got.mean, expected), "\(item): \(series.name) mean at month \(month)")
                }
            }
        }
        // Tiers: occupancy and the month each is first needed.
        let last = compiled.tiers.count - 1
        var firstNeeded = [Int?](repeating: nil, count: compiled.tiers.count)
        for month in projection.months {
            let needed = Swift.max(month.tier, month.requiredTier ?? last)
            for tier in 0...needed where firstNeeded[tier] == nil { firstNeeded[tier] = month.month }
        }
        for (index, odds) in result.tiers.enumerated() {
            for month in projection.months {
                #expect(
                    odds.inPlan[month.month] == (month.tier == index ? 1 : 0),
                    "\(item): tier \(odds.id) in plan at \(month.month)")
                #expect(
                    odds.required[month.month] == (month.requiredTier == index ? 1 : 0),
                    "\(item): tier \(odds.id) required at \(month.month)")
                let needed = firstNeeded[index].map { month.month >= $0 } ?? false
                #expect(odds.neededBy[month.month] == (needed ? 1 : 0), "\(item): tier \(odds.id) needed by \(month.month)")
            }
        }
        for month in projection.months {
            #expect(
                result.noTierCarries[month.month] == (month.requiredTier == nil ? 1 : 0),
                "\(item): none carries at \(month.month)")
        }
        // Triggers, in the one order both use.
        #expect(result.triggers.map(\.id) == projection.triggers.map(\.trigger.id), "\(item)")
        for (odds, activity) in zip(result.triggers, projection.triggers) {
            if let first = activity.firstMonth {
                #expect(odds.probability == 1, "\(item): \(odds.id)")
                #expect(
                    odds.firstMonth.p10 == first && odds.firstMonth.p50 == first && odds.firstMonth.p90 == first,
                    "\(item): \(odds.id) first month")
                #expect(odds.firstMonths.count == 1 && odds.firstMonths.first?.month == first, "\(item): \(odds.id)")
            } else {
                #expect(odds.probability == 0 && odds.firstMonths.isEmpty, "\(item): \(odds.id) never fires")
            }
        }
        // Invalid values: the same subjects, first months and values.
        #expect(
            result.invalidValues.map { String(describing: $0.value) } == projection.invalidValues.map { String(describing: $0) },
            "\(item): invalid values")
        #expect(result.invalidValues.allSatisfy { $0.probability == 1 }, "\(item)")
    }

    /// Every trial computed in a block of different trials equals the same trial computed alone
    /// (the deterministic run at that trial's sampled inputs), in every detail the projection
    /// records: driver, plan tier, required tier, every metric, every limit's value and
    /// utilisation, the bottleneck, every queue's servers, utilisation and p95, every cost item's
    /// low / amount / high and the category totals, revenue, the trigger firings (every month,
    /// with their explanations) and the invalid values. So no trial's numbers depend on the
    /// others it happens to share a block with.
    @Test func everyTrialOfABlockEqualsItsOwnRun() throws {
        let width = 32
        // Every trial replayed alone is the expensive part: 80 generated profiles are plenty for
        // a property of the block layout (the collapsed test above covers 240).
        for item in try Self.cases(seeds: Array(0..<80)) {
            let plan = EnginePlan(item.compiled)
            let sampler = TrialSampler(plan, growth: .scenario(item.spec))
            var random = Xoshiro256StarStar(seed: 7, stream: 3)
            let inputs = (0..<width).map { _ in sampler.inputs(&random) }
            let engine = MonthEngine(plan, width: width)
            engine.begin(count: width, curve: sampler.expectedCurve)
            for (trial, input) in inputs.enumerated() { engine.setInputs(input, trial: trial) }
            var recorder = ProjectionRecorder(plan, trials: width, months: item.months)
            for month in 0..<item.months { engine.step(month: month, observer: &recorder) }
            let simulator = Simulator(item.compiled)
            for trial in 0..<width {
                let together = recorder.projection(trial: trial, curve: inputs[trial].curve, start: nil, growthSource: "")
                let alone = simulator.run(inputs[trial], months: item.months)
                let differing = zip(together.months, alone.months).first {
                    String(describing: $0) != String(describing: $1)
                }
                #expect(differing == nil, "\(item) trial \(trial): \(differing.map { "\($0)\n  vs\n\($1)" } ?? "")")
                let firingDiff = zip(together.triggers, alone.triggers).first { $0 != $1 }
                #expect(
                    firingDiff == nil,
                    "\(item) trial \(trial): trigger \(firingDiff?.0.trigger.id ?? ""): \(firingDiff.map { "\($0.0.spans) \(String(describing: $0.0.explanation)) vs \($0.1.spans) \(String(describing: $0.1.explanation))" } ?? "")"
                )
                #expect(
                    String(describing: together.invalidValues) == String(describing: alone.invalidValues),
                    "\(item) trial \(trial): invalid values")
                #expect(String(describing: together.events) == String(describing: alone.events), "\(item) trial \(trial): events")
                if differing != nil { break }
            }
        }
    }

    /// The projection's own trials are Monte Carlo's: replaying the inputs Monte Carlo drew for a
    /// block reproduces its reported cost distribution (checked against a full sort of the
    /// trials' costs), so the sampling, the engine and the report are one path.
    @Test(arguments: bundledIDs)
    func monteCarloPercentilesMatchAFullSortOfItsTrials(id: String) throws {
        let item = try Self.make(id, try loadBundled(id))
        let trials = 3 * 384, seed: UInt64 = 11
        let result = MonteCarlo(item.compiled, growth: .scenario(item.spec)).run(
            MonteCarlo.Options(trials: trials, seed: seed, threads: 2, months: item.months))
        // Replay: block b draws its trials from stream b.
        let plan = EnginePlan(item.compiled)
        let sampler = TrialSampler(plan, growth: .scenario(item.spec))
        var costs = [[Double]](repeating: [], count: item.months)
        for block in 0..<3 {
            var random = Xoshiro256StarStar(seed: seed, stream: UInt64(block))
            for _ in 0..<384 {
                let projection = Simulator(item.compiled).run(sampler.inputs(&random), months: item.months)
                for month in projection.months { costs[month.month].append(month.cost.expected) }
            }
        }
        let series = try #require(result.series.first { $0.kind == .cost })
        for month in 0..<item.months {
            let sorted = costs[month].sorted()
            for (q, reported) in [
                (0.1, series.months[month].p10), (0.5, series.months[month].p50), (0.9, series.months[month].p90),
            ] {
                let exact = sorted[Int((q * Double(trials)).rounded(.up)) - 1]
                let value = try #require(reported)
                #expect(Swift.abs(value - exact) <= 0.001 * Swift.abs(exact), "\(id) month \(month) q\(q): \(value) vs \(exact)")
                // A value the trials at that rank share is printed exactly.
                let rank = Int((q * Double(trials)).rounded(.up)) - 1
                let shared = (rank > 0 && sorted[rank - 1] == exact) || (rank + 1 < sorted.count && sorted[rank + 1] == exact)
                if shared && sorted.filter({ $0 == exact }).count > trials / 20 {
                    #expect(value == exact, "\(id) month \(month) q\(q): shared value \(exact) printed as \(value)")
                }
            }
            let mean = costs[month].reduce(0, +) / Double(trials)
            #expect(Swift.abs((series.months[month].mean ?? .nan) - mean) <= 1e-9 * Swift.max(1, Swift.abs(mean)))
        }
    }

    /// Issue 13: each safe start date is a direct count over the trials. Every trial of three
    /// blocks is replayed alone; the month each tier is first needed (the plan's tier or the
    /// one the load requires, every tier when none carries it) less the trial's drawn lead time
    /// (rounded up) is its latest start — none for a trial that starts on the tier or above —;
    /// the date at confidence c is the latest month at or before which at most (1 − c)·n starts
    /// fall, i.e. the ⌊(1 − c)·n⌋ + 1-th smallest (a trial that never needs the tier ranking
    /// last), and unknown (nil) from `months − lead` on, where a need after the horizon could fall.
    @Test(arguments: bundledIDs)
    func safeStartDatesMatchADirectCountOverTheTrials(id: String) throws {
        let item = try Self.make(id, try loadBundled(id))
        let trials = 3 * 384, seed: UInt64 = 5
        let plan = EnginePlan(item.compiled)
        let sampler = TrialSampler(plan, growth: .scenario(item.spec))
        let last = item.compiled.tiers.count - 1
        var starts = [[Int?]](repeating: [], count: item.compiled.tiers.count)
        for block in 0..<3 {
            var random = Xoshiro256StarStar(seed: seed, stream: UInt64(block))
            for _ in 0..<384 {
                let inputs = sampler.inputs(&random)
                let projection = Simulator(item.compiled).run(inputs, months: item.months)
                for tier in 1...Swift.max(1, last) where tier <= last {
                    if (projection.months.first?.tier ?? 0) >= tier {
                        starts[tier].append(nil)
                        continue
                    }
                    let needed = projection.months.first { Swift.max($0.tier, $0.requiredTier ?? last) >= tier }?.month
                    var lead = 0.0
                    if let range = item.compiled.tiers[tier].tier.migration?.leadTimeMonths {
                        let draw = plan.leadDrawIndex[tier]
                        lead =
                            draw < 0
                            ? range.high
                            : range.mode.map {
                                Draw.triangular(inputs.leadDraws[draw], low: range.low, mode: $0, high: range.high)
                            }
                                ?? Draw.uniform(inputs.leadDraws[draw], low: range.low, high: range.high)
                    }
                    starts[tier].append(needed.map { $0 - Int(lead.rounded(.up)) })
                }
            }
        }
        for confidence in [0.5, 0.9, 0.99] {
            let result = MonteCarlo(item.compiled, growth: .scenario(item.spec)).run(
                MonteCarlo.Options(trials: trials, seed: seed, threads: 2, months: item.months, confidence: confidence))
            for tier in 1..<(last + 1) {
                let move = result.moves.first { $0.tierID == item.compiled.tiers[tier].tier.id }
                guard let move else {
                    // No move listed only when every trial starts on the tier or above.
                    let projection = Simulator(item.compiled).run(curve: item.curve, months: 1)
                    #expect(projection.months[0].tier >= tier, "\(id): the move into tier \(tier) is missing")
                    continue
                }
                let lead = item.compiled.tiers[tier].tier.migration?.leadTimeMonths?.high ?? 0
                let knownBefore = item.months - Int(lead.rounded(.up))
                // Never needed sorts after every month.
                let sorted = starts[tier].sorted { ($0 ?? .max) < ($1 ?? .max) }
                func date(_ c: Double) -> Int? {
                    let value = sorted[Int(((1 - c) * Double(trials) + 1e-9).rounded(.down))]
                    return value.flatMap { $0 < knownBefore ? $0 : nil }
                }
                #expect(
                    move.startBy == date(confidence),
                    "\(id) \(move.tierID) at \(confidence): \(String(describing: move.startBy)) vs \(String(describing: date(confidence)))"
                )
                #expect(move.startByHalf == date(0.5), "\(id) \(move.tierID) 50%")
            }
        }
    }
}
