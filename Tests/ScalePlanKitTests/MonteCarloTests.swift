import Testing

@testable import ScalePlanKit

@Suite struct RandomTests {
    /// SplitMix64 with seed 0 starts 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4 (the reference
    /// sequence of Steele et al.'s algorithm, as in Java's SplittableRandom and Vigna's splitmix64.c).
    @Test func splitMix64ReferenceValues() {
        var generator = SplitMix64(state: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    /// xoshiro256** seeded from SplitMix64(0), checked against an independent implementation of
    /// the reference C code (Blackman & Vigna) written in Python for this test.
    @Test func xoshiroReferenceValues() {
        var generator = Xoshiro256StarStar(seed: 0)
        #expect(generator.next() == 0x99EC_5F36_CB75_F2B4)
        #expect(generator.next() == 0xBF6E_1F78_4956_452A)
        #expect(generator.next() == 0x1A5F_849D_4933_E6E0)
    }

    @Test func streamsAreIndependentAndReproducible() {
        var a = Xoshiro256StarStar(seed: 42, stream: 0)
        var b = Xoshiro256StarStar(seed: 42, stream: 1)
        var c = Xoshiro256StarStar(seed: 42, stream: 0)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in b.next() })
    }

    /// Sample moments against the closed forms, 200,000 draws (standard errors well inside the
    /// tolerances): uniform mean (l+h)/2; triangular mean (l+m+h)/3; lognormal median √(l·h) and
    /// its 10th/90th percentiles at l and h.
    @Test func distributionsMatchTheirClosedForms() {
        var random = Xoshiro256StarStar(seed: 7)
        let n = 200_000
        let uniform = Uncertain(distribution: .uniform, low: 10, mode: nil, high: 20)
        let triangular = Uncertain(distribution: .triangular, low: 0, mode: 1, high: 5)
        let lognormal = Uncertain(distribution: .lognormal, low: 100, mode: nil, high: 400)
        var sumU = 0.0, sumT = 0.0
        var logs: [Double] = []
        for _ in 0..<n {
            let u = uniform.sample(&random)
            #expect(u >= 10 && u <= 20)
            sumU += u
            let t = triangular.sample(&random)
            sumT += t
            logs.append(lognormal.sample(&random))
        }
        #expect(Swift.abs(sumU / Double(n) - 15) < 0.05)
        #expect(Swift.abs(sumT / Double(n) - 2) < 0.02)
        logs.sort()
        #expect(Swift.abs(logs[n / 2] - 200) / 200 < 0.01)
        #expect(Swift.abs(logs[n / 10] - 100) / 100 < 0.02)
        #expect(Swift.abs(logs[n * 9 / 10] - 400) / 400 < 0.02)
        #expect(Uncertain.fixed(3).sample(&random) == 3)
    }
}

@Suite struct QuantileHistogramTests {
    /// Nearest-rank quantiles of the histogram are within 0.1% of the exact ones (bins are 1/512
    /// of an octave: at most 0.068%).
    @Test func quantilesMatchSortedValues() {
        var random = Xoshiro256StarStar(seed: 3)
        var values: [Double] = (0..<10_001).map { _ in Math.exponential(random.nextUnit() * 12) - 50 }
        var histogram = QuantileHistogram()
        for value in values { histogram.add(value) }
        values.sort()
        for q in [0.01, 0.1, 0.5, 0.9, 0.99] {
            let exact = values[Int((q * Double(values.count)).rounded(.up)) - 1]
            let estimate = histogram.quantile(q) ?? .nan
            #expect(Swift.abs(estimate - exact) <= 0.001 * Swift.abs(exact) + 1e-12, "q=\(q): \(estimate) vs \(exact)")
        }
    }

    /// Exactly: without anchors a quantile is the midpoint of the bin holding the exact order
    /// statistic (clamped to the extremes) — for every rank, on spreads whose runs of bins the
    /// search passes sixteen at a time, with bins crowded past two bytes among them.
    @Test(arguments: [5, 6, 7])
    func everyRankIsTheMidpointOfItsBin(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        var values: [Double] = (0..<3_000).map { _ in Math.exponential(random.nextUnit() * 9) }
        values += (0..<2_000).map { _ in 40 + random.nextUnit() }  // dense bins between sparse ones
        values += Array(repeating: 3.25, count: 70_000)  // a bin past 57,344 values: kept apart
        var histogram = QuantileHistogram()
        values.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: 384) {
                histogram.add(buffer.baseAddress! + start, count: Swift.min(384, buffer.count - start))
            }
        }
        let sorted = values.sorted()
        let n = Double(sorted.count)
        let ranks = Array(stride(from: 1, through: sorted.count, by: 37)) + [sorted.count]
        let qs = ranks.map { (Double($0) - 0.5) / n }
        let found = histogram.quantiles(qs)
        for (index, rank) in ranks.enumerated() {
            let exact = sorted[rank - 1]
            let key = exact.bitPattern >> QuantileHistogram.shift
            let lower = Double(bitPattern: key << QuantileHistogram.shift)
            let upper = Double(bitPattern: (key + 1) << QuantileHistogram.shift)
            let expected = Swift.min(Swift.max(lower + (upper - lower) / 2, sorted[0]), sorted[sorted.count - 1])
            #expect(found[index] == expected, "rank \(rank): \(found[index] ?? .nan) for \(exact), expected \(expected)")
        }
    }

    /// Blocks whose trials all share one value (counted in one step) count as the same values
    /// added one by one: on a plain bin, on an anchor (and its bin's neighbours) and on a bin
    /// that grows past two bytes, beside ordinary blocks.
    @Test func uniformBlocksCountAsSingleAdds() {
        var random = Xoshiro256StarStar(seed: 12)
        let anchor = 812.5
        var batch = QuantileHistogram(anchors: [anchor]), single = QuantileHistogram(anchors: [anchor])
        for block in 0..<400 {
            let shared: Double? =
                switch block % 4 {
                case 0: 17.25  // a plain bin, crowded after 150 blocks
                case 1: anchor
                case 2: anchor * (1 + 1e-4)  // in the anchor's bin, above it
                default: nil
                }
            let values = (0..<384).map { _ in shared ?? (10 + random.nextUnit() * 1000) }
            values.withUnsafeBufferPointer { batch.add($0.baseAddress!, count: values.count) }
            for value in values { single.add(value) }
        }
        #expect(batch == single)
        let qs = stride(from: 0.01, through: 0.99, by: 0.01).map { $0 }
        #expect(batch.quantiles(qs) == single.quantiles(qs))
    }

    @Test func batchAddAndMergeAreEquivalentToSingleAdds() {
        let values: [Double] = [0, 1, 2.5, -3, 1e9, .nan, .infinity, 7, 7, 0.001]
        var single = QuantileHistogram()
        for value in values { single.add(value) }
        var batch = QuantileHistogram()
        values.withUnsafeBufferPointer { batch.add($0.baseAddress!, count: values.count) }
        #expect(batch == single, "batch and single adds disagree")
        var left = QuantileHistogram(), right = QuantileHistogram()
        for value in values.prefix(4) { left.add(value) }
        for value in values.dropFirst(4) { right.add(value) }
        left.merge(right)
        #expect(left.quantile(0.5) == single.quantile(0.5))
        #expect(left.count == single.count && single.nans + single.positiveInfinities == 2 && single.zeros == 1)
    }
}

@Suite struct ColumnarEvaluatorTests {
    /// Every expression of every bundled profile gives the same value column-wise as the scalar
    /// evaluator, on random slot values.
    @Test(arguments: bundledIDs)
    func columnarEqualsScalar(id: String) throws {
        let compiled = try loadBundled(id)
        let width = 64
        var expressions = compiled.metrics + (compiled.revenue.map { [$0] } ?? [])
        for tier in compiled.tiers {
            expressions += tier.limits.map(\.limit) + tier.costs.flatMap { [$0.low, $0.expected, $0.high] }
            expressions += tier.queues.flatMap { [$0.servers, $0.serviceMilliseconds, $0.arrivalPerSecond] }
        }
        func conditions(_ condition: CompiledCondition) -> [CompiledExpression] {
            switch condition {
            case .expression(let expression): [expression]
            case .any(let parts), .all(let parts): parts.flatMap(conditions)
            }
        }
        for trigger in compiled.globalTriggers + compiled.tiers.flatMap(\.triggers) {
            expressions += conditions(trigger.condition)
        }
        var random = Xoshiro256StarStar(seed: 11)
        let slotCount = compiled.layout.count
        var columns = [Double](repeating: 0, count: slotCount * width)
        for index in columns.indices { columns[index] = Math.exponential(random.nextUnit() * 14 - 4) }
        let evaluator = ColumnarEvaluator(width: width, maximumStack: expressions.map(\.stackSize).max() ?? 1)
        var output = [Double](repeating: 0, count: width)
        for expression in expressions {
            columns.withUnsafeBufferPointer { slots in
                output.withUnsafeMutableBufferPointer { out in
                    evaluator.evaluate(expression, slots: slots.baseAddress!, count: width, into: out.baseAddress!)
                }
            }
            for trial in 0..<width {
                let row = (0..<slotCount).map { columns[$0 * width + trial] }
                let scalar = expression.evaluate(row)
                #expect(scalar == output[trial] || (scalar.isNaN && output[trial].isNaN), "\(id): \(expression.source)")
            }
        }
    }
}

@Suite struct MonteCarloTests {
    func run(_ id: String, trials: Int, threads: Int, seed: UInt64 = MonteCarlo.defaultSeed, months: Int = 24) throws
        -> MonteCarloResult
    {
        let compiled = try loadBundled(id)
        let spec = try #require(compiled.profile.defaultScenario?.growth)
        return MonteCarlo(compiled, growth: .scenario(spec)).run(
            MonteCarlo.Options(trials: trials, seed: seed, threads: threads, months: months))
    }

    /// Bit-identical for a seed whatever the thread count: trials are cut into fixed blocks, each
    /// with its own stream, and merged in an order-independent way.
    @Test(arguments: bundledIDs)
    func sameSeedSameOutputWhateverTheThreads(id: String) throws {
        let one = MonteCarloReport.render(try run(id, trials: 1_300, threads: 1), format: .json)
        for threads in [2, 3, 8] {
            #expect(MonteCarloReport.render(try run(id, trials: 1_300, threads: threads), format: .json) == one)
        }
        #expect(MonteCarloReport.render(try run(id, trials: 1_300, threads: 2, seed: 99), format: .json) != one)
    }

    /// With nothing uncertain, every trial is the deterministic projection: P10 = P50 = P90 =
    /// the deterministic value exactly (a value every trial shares is kept exactly), and the mean
    /// is exact.
    @Test func withoutUncertaintyItReproducesTheDeterministicRun() throws {
        let text = """
            {"version": 1, "id": "fixed", "name": "Fixed", "currency": "USD", "driver": {"name": "users"},
             "params": {"rps_per_user": 0.002}, "metrics": {"rps": "users * rps_per_user"},
             "revenue": "users * 2",
             "tiers": [{"id": "a", "name": "A", "range": {"min": 0, "max": 5000}, "capacity": {"rps": 8},
                        "costs": [{"item": "x", "category": "compute", "amount": "100 + users * 0.05"}],
                        "triggers": [{"when": "utilization.rps > 0.5", "action": "grow", "target": "b"}]},
                       {"id": "b", "name": "B", "range": {"min": 5000},
                        "costs": [{"item": "y", "category": "compute", "amount": 900}]}],
             "scenarios": [{"id": "s", "default": true, "growth": {"kind": "exponential", "start": 1000, "rate": 0.2}}]}
            """
        let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).compiled)
        let curve = GrowthCurve.exponential(start: 1000, rate: 0.2)
        let projection = Simulator(compiled).run(curve: curve, months: 18)
        let result = MonteCarlo(compiled, growth: .fixed(curve)).run(MonteCarlo.Options(trials: 700, threads: 2, months: 18))
        let cost = try #require(result.series.first { $0.kind == .cost })
        let driver = try #require(result.series.first { $0.kind == .driver })
        for (month, deterministic) in projection.months.enumerated() {
            for value in [cost.months[month].p10, cost.months[month].p50, cost.months[month].p90] {
                #expect(value == deterministic.cost.expected)
            }
            #expect(Swift.abs((cost.months[month].mean ?? 0) - deterministic.cost.expected) < 1e-9 * deterministic.cost.expected)
            #expect(Swift.abs((driver.months[month].mean ?? 0) - deterministic.driver) < 1e-9 * deterministic.driver)
        }
        // The trigger fires in every trial, the month the deterministic run says.
        let fired = try #require(projection.events.first { $0.kind == .trigger })
        let odds = try #require(result.triggers.first)
        #expect(odds.probability == 1)
        #expect(odds.firstMonth.p10 == fired.month && odds.firstMonth.p90 == fired.month)
        // Tier b is needed from the month tier a's limit fails (4,000 users: rps 8), before the
        // plan's range moves on at 5,000, in every trial.
        let entry = try #require(projection.months.firstIndex { $0.tier == 1 || ($0.requiredTier ?? 2) >= 1 })
        #expect(entry < (projection.months.firstIndex { $0.tier == 1 } ?? 0))
        #expect(result.tiers[1].neededBy[entry] == 1)
        #expect(result.tiers[1].neededBy[entry - 1] == 0)
    }

    /// Uncertain growth spreads the driver: P10 < P50 < P90 once time has passed, and the band
    /// contains the deterministic (mode) curve.
    @Test func uncertainGrowthGivesABand() throws {
        let result = try run("sayar", trials: 2_000, threads: 2, months: 36)
        let cost = try #require(result.series.first { $0.kind == .cost })
        let last = cost.months[35]
        #expect((last.p10 ?? 0) < (last.p50 ?? 0) && (last.p50 ?? 0) < (last.p90 ?? 0))
        for tier in result.tiers {
            #expect(zip(tier.neededBy, tier.neededBy.dropFirst()).allSatisfy { $0 <= $1 }, "needed-by must not fall")
        }
        #expect(result.tiers[0].neededBy[0] == 1)
    }
}

@Suite struct ExactPercentileTests {
    /// Nearest rank of a sorted array, as the histogram defines it.
    static func rank(_ sorted: [Double], _ q: Double) -> Double {
        sorted[Swift.min(Swift.max(Int((q * Double(sorted.count)).rounded(.up)), 1), sorted.count) - 1]
    }

    /// Against a full sort: within 0.1% everywhere (a bin is at most 2⁻⁹ of its lower edge wide,
    /// its midpoint within 2⁻¹⁰), on wide lognormal spreads, negatives and values near zero; an
    /// anchor shared by many values comes back exactly even with other values in its bin.
    @Test(arguments: [1, 2, 3, 4])
    func quantilesAreWithinATenthOfAPercentAndAnchorsExact(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        let anchor = 22_907.13
        var values: [Double] = []
        for index in 0..<20_000 {
            switch index % 5 {
            case 0, 1: values.append(anchor)  // a fixed tier cost most trials share
            case 2: values.append(anchor * (1 + (random.nextUnit() - 0.5) * 0.004))  // neighbours in its bin
            case 3: values.append(Math.exponential(random.nextUnit() * 20 - 10))  // ten orders of magnitude
            default: values.append(-Math.exponential(random.nextUnit() * 8))  // margins below zero
            }
        }
        var histogram = QuantileHistogram(anchors: [anchor])
        // In blocks, as Monte Carlo adds them.
        values.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: 384) {
                histogram.add(buffer.baseAddress! + start, count: Swift.min(384, buffer.count - start))
            }
        }
        let sorted = values.sorted()
        for q in stride(from: 0.02, through: 0.98, by: 0.04) {
            let exact = Self.rank(sorted, q)
            let estimate = histogram.quantile(q) ?? .nan
            #expect(Swift.abs(estimate - exact) <= 0.001 * Swift.abs(exact), "q=\(q): \(estimate) vs \(exact)")
            if exact == anchor { #expect(estimate == anchor, "q=\(q): the shared value must be exact") }
        }
    }

    /// Merging in any order gives the same histogram, crowded bins (more values than two bytes
    /// count) included.
    @Test func mergeOrderDoesNotMatterAndCrowdedBinsCount() {
        var parts = (0..<4).map { _ in QuantileHistogram(anchors: [5]) }
        var all = QuantileHistogram(anchors: [5])
        var random = Xoshiro256StarStar(seed: 9)
        for index in 0..<200_000 {
            let value = index % 3 == 0 ? 1.000_01 : (index % 3 == 1 ? 5 : 1 + random.nextUnit())
            parts[index % 4].add(value)
            all.add(value)
        }
        var forward = parts[0], backward = parts[3]
        for part in parts.dropFirst() { forward.merge(part) }
        for part in parts.dropLast().reversed() { backward.merge(part) }
        #expect(forward == backward && forward == all)
        #expect(forward.count == 200_000)
        // 66,667 values share the bin of 1.00001: more than a UInt16 count holds.
        #expect(forward.quantile(0.2) == all.quantile(0.2))
        #expect(Swift.abs((forward.quantile(0.2) ?? 0) - 1.000_01) <= 0.001)
        #expect(forward.quantile(0.99) == 5)
    }
}

@Suite struct MonteCarloDistributionTests {
    /// Sayar's Starter Supabase item is {low 0, mode 0, high 25}: triangular, mean 25/3, standard
    /// deviation √(625/18) = 5.89. With Railway's $5 the month-0 mean cost of 20,000 trials is
    /// 5 + 25/3 within four standard errors (5.89/√20000 = 0.042).
    @Test func sayarStarterCostMeanIsTheTriangularMean() throws {
        let compiled = try loadBundled("sayar")
        let spec = try #require(compiled.profile.defaultScenario?.growth)
        let result = MonteCarlo(compiled, growth: .scenario(spec)).run(MonteCarlo.Options(trials: 20_000, threads: 2, months: 1))
        let cost = try #require(result.series.first { $0.kind == .cost }?.months[0].mean)
        #expect(Swift.abs(cost - (5 + 25.0 / 3)) < 4 * (625.0 / 18).squareRoot() / 20_000.0.squareRoot(), "\(cost)")
        // The deterministic run takes the mode: $5.
        #expect(Simulator(compiled).run(curve: try #require(spec.expectedCurve), months: 1).months[0].cost.expected == 5)
    }

    /// A tier with a fixed cost that the median trial is on: P50 is that cost to the cent, though
    /// trials on the usage-priced tier below pass through values within a bin of it.
    @Test func p50OfAFixedTierCostIsExact() throws {
        let text = """
            {"version": 1, "id": "fixed-tier", "name": "Fixed tier", "currency": "USD", "driver": {"name": "users"},
             "tiers": [{"id": "a", "name": "A", "range": {"min": 0, "max": 10000},
                        "costs": [{"item": "usage", "category": "compute", "amount": "users * 2.2907"}]},
                       {"id": "b", "name": "B", "range": {"min": 10000},
                        "costs": [{"item": "cluster", "category": "compute", "amount": 22000},
                                  {"item": "support", "category": "team", "amount": 907.13}]}],
             "scenarios": [{"id": "s", "default": true, "months": 12,
                            "growth": {"kind": "exponential", "start": 5000, "rate": {"low": 0.02, "high": 0.12}}}]}
            """
        let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).compiled)
        let spec = try #require(compiled.profile.defaultScenario?.growth)
        let result = MonteCarlo(compiled, growth: .scenario(spec)).run(MonteCarlo.Options(trials: 20_000, threads: 2, months: 12))
        let cost = try #require(result.series.first { $0.kind == .cost })
        // By month 11 over half the trials are on B (5,000 · 1.07¹¹ ≈ 10,500).
        let tierB = result.tiers[1].inPlan[11]
        #expect(tierB > 0.5 && tierB < 0.9, "\(tierB)")
        #expect(cost.months[11].p90 == 22_907.13)
        #expect(cost.months[11].p50 == 22_907.13)
    }
}

@Suite struct WideHistogramTests {
    /// Values spread over hundreds of octaves (1e-300 … 1e300, an uncertain exponential over a
    /// long horizon can do it) stay within `maximumBins` bins — bounded memory on any input —
    /// and still rank correctly: the quantiles bracket the exact order statistic within the
    /// coarser bins' width, shared anchor values stay exact, and any merge order agrees.
    @Test func memoryIsBoundedWhateverTheSpread() {
        var random = Xoshiro256StarStar(seed: 5)
        var values: [Double] = []
        for index in 0..<30_000 {
            values.append(index % 4 == 0 ? 12_345.678 : Math.exponential((random.nextUnit() - 0.5) * 1380))
        }
        var parts = (0..<3).map { _ in QuantileHistogram(anchors: [12_345.678]) }
        var whole = QuantileHistogram(anchors: [12_345.678])
        values.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: 384) {
                let count = Swift.min(384, buffer.count - start)
                whole.add(buffer.baseAddress! + start, count: count)
                parts[(start / 384) % 3].add(buffer.baseAddress! + start, count: count)
            }
        }
        #expect(whole.allocatedBins <= 2 * QuantileHistogram.Bins.maximumBins)
        var forward = parts[0], backward = parts[2]
        for part in parts.dropFirst() { forward.merge(part) }
        for part in parts.dropLast().reversed() { backward.merge(part) }
        #expect(forward == backward)
        let sorted = values.sorted()
        for q in [0.1, 0.25, 0.5, 0.75, 0.9] {
            let exact = ExactPercentileTests.rank(sorted, q)
            let estimate = whole.quantile(q) ?? .nan
            #expect(forward.quantile(q) == estimate)
            // 1,380 natural-log units (1,991 octaves) over 16,384 bins: a coarse bin is under 2⁻³
            // of an octave wide here, so the estimate is within a factor 2^(1/8) of the exact one.
            #expect(estimate / exact < 1.091 && exact / estimate < 1.091, "q=\(q): \(estimate) vs \(exact)")
            if exact == 12_345.678 { #expect(estimate == exact) }
        }
    }
}
