import Dispatch

/// What each way of running each stage would do month by month — for every tier of a profile
/// with its options laid out (`Profile.layingOutOptions`), the trials whose load it carries and
/// its expected cost — and what the plan's own path does: the table `PathOptimizer` chooses a
/// schedule from.
///
/// Every number comes from the month step (`MonthEngine`): each month, after the plan's own
/// month is done, every way's limits and costs are evaluated in its own scope (`evaluateCarrying`,
/// `evaluateCosts`) for the same trials; the plan's own path is the engine's plan tier, so it is
/// measured on the same trials as every option (common random numbers: the saving is not noise
/// between two samples). Stocks accumulate along the plan's own path.
struct OptionTable: Sendable {
    /// Laid-out tiers ("ways") and months.
    let ways: Int
    let months: Int
    let trials: Int
    /// Per way and month (`way × months + month`): trials whose load the way carries with a
    /// finite cost; the sum of its cost over the trials; trials whose cost is not a number.
    var carried: [Int]
    var costSum: [Double]
    var invalidCost: [Int]
    /// Per month: the plan's own path — the sum of its cost, the trials its tier carries, and
    /// the sum of the one-off migration costs of the moves that start that month.
    var planCost: [Double]
    var planCarried: [Int]
    var planOneOff: [Double]
    /// In a deterministic table, per way and month: the most utilised limit (−1: none) and its
    /// utilisation, to say why a way does not carry.
    var bottleneck: [Int32]
    var utilization: [Double]
    /// Per way: the trials whose plan tier in month 0 it is.
    var planStart: [Int]

    /// The probability that `way` carries the load in `month`.
    func carriesProbability(_ way: Int, _ month: Int) -> Double {
        trials == 0 ? 0 : Double(carried[way * months + month]) / Double(trials)
    }

    /// The expected cost of running `way` in `month` (over every trial).
    func expectedCost(_ way: Int, _ month: Int) -> Double {
        trials == 0 ? 0 : costSum[way * months + month] / Double(trials)
    }

    /// Builds the table: one trial at the deterministic values when `trials` is 0, else `trials`
    /// sampled as Monte Carlo samples them (the block streams of `seed`), in blocks of `blockSize`.
    /// - Complexity: O(trials × months × ways × model size / threads).
    static func build(
        _ plan: EnginePlan, growth: MonteCarlo.Growth, months: Int, trials: Int, seed: UInt64, threads: Int,
        blockSize: Int = 384
    ) -> OptionTable {
        let ways = plan.compiled.tiers.count
        let months = Swift.max(1, months)
        let sampled = trials > 0
        let total = sampled ? trials : 1
        let width = sampled ? Swift.max(1, blockSize) : 1
        let sampler = TrialSampler(plan, growth: growth)
        let rowSize = OptionRow.size(ways: ways, months: months)
        let blockCount = (total + width - 1) / width
        let cores = Swift.max(1, System.processorCount)
        let workers = Swift.max(1, Swift.min(threads, cores, blockCount))
        // Blocks run in waves whose rows are added in block order: the same additions in the same
        // order for any thread count, in memory bounded by a wave.
        let wave = Swift.min(blockCount, Swift.max(64, 4 * workers))
        let rows = ParallelChunks.Shared([Double](repeating: 0, count: wave * rowSize))
        var sums = [Double](repeating: 0, count: rowSize)
        for first in stride(from: 0, to: blockCount, by: wave) {
            let end = Swift.min(first + wave, blockCount)
            rows.base.update(repeating: 0, count: wave * rowSize)
            let next = BlockCounter(first)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let engine = MonthEngine(plan, width: width)
                while let block = next.take(below: end) {
                    let count = Swift.min(width, total - block * width)
                    engine.begin(count: count, curve: sampler.expectedCurve)
                    if sampled {
                        var random = Xoshiro256StarStar(seed: seed, stream: UInt64(block))
                        for trial in 0..<count { sampler.draw(&random, into: engine, trial: trial) }
                        engine.drawsCosts = true
                    }
                    var observer = OptionObserver(
                        row: OptionRow(base: rows.base + (block - first) * rowSize, ways: ways, months: months),
                        explains: !sampled)
                    for month in 0..<months { engine.step(month: month, observer: &observer) }
                }
            }
            for block in first..<end {
                let row = rows.base + (block - first) * rowSize
                for index in 0..<rowSize { sums[index] += row[index] }
            }
        }
        return OptionTable(sums: sums, ways: ways, months: months, trials: total, explains: !sampled)
    }

    private init(sums: [Double], ways: Int, months: Int, trials: Int, explains: Bool) {
        self.ways = ways
        self.months = months
        self.trials = trials
        let cells = ways * months
        let row = OptionRow.Offsets(ways: ways, months: months)
        carried = (0..<cells).map { Int(sums[row.carried + $0]) }
        costSum = Array(sums[row.cost..<(row.cost + cells)])
        invalidCost = (0..<cells).map { Int(sums[row.invalid + $0]) }
        planCost = Array(sums[row.planCost..<(row.planCost + months)])
        planCarried = (0..<months).map { Int(sums[row.planCarried + $0]) }
        planOneOff = Array(sums[row.planOneOff..<(row.planOneOff + months)])
        bottleneck = explains ? (0..<cells).map { Int32(sums[row.bottleneck + $0]) } : []
        utilization = explains ? Array(sums[row.utilization..<(row.utilization + cells)]) : []
        planStart = (0..<ways).map { Int(sums[row.planStart + $0]) }
    }
}

/// One block's sums, laid out in a row of doubles (counts are whole numbers far below 2⁵³).
struct OptionRow {
    struct Offsets {
        let carried: Int, cost: Int, invalid: Int, planCost: Int, planCarried: Int, planOneOff: Int
        let bottleneck: Int, utilization: Int, planStart: Int, size: Int

        init(ways: Int, months: Int) {
            let cells = ways * months
            carried = 0
            cost = cells
            invalid = 2 * cells
            planCost = 3 * cells
            planCarried = planCost + months
            planOneOff = planCarried + months
            bottleneck = planOneOff + months
            utilization = bottleneck + cells
            planStart = utilization + cells
            size = planStart + ways
        }
    }

    let base: UnsafeMutablePointer<Double>
    let ways: Int
    let months: Int
    var offsets: Offsets { Offsets(ways: ways, months: months) }

    static func size(ways: Int, months: Int) -> Int { Offsets(ways: ways, months: months).size }
}

/// Watches a block's months: after the plan's month, evaluates every way for the block's trials
/// and adds what it carries and costs to the block's row.
struct OptionObserver: MonthObserver {
    let row: OptionRow
    /// Whether to keep the bottleneck of each way (the deterministic table, one trial).
    let explains: Bool

    mutating func monthDone(_ engine: MonthEngine) {
        let month = engine.month
        let months = row.months
        guard month < months else { return }
        let offsets = row.offsets
        let base = row.base
        let count = engine.count
        // The plan's own path: its cost, whether its tier carries, and the one-off cost of a move
        // it makes this month, paid when the move started (its lead time before; month 0 at the
        // earliest: a move already under way).
        for trial in 0..<count {
            let tier = Int(engine.planTier[trial])
            if month == 0 { base[offsets.planStart + tier] += 1 }
            base[offsets.planCost + month] += engine.planCost(trial)
            if !engine.tiers[tier].fails[trial] { base[offsets.planCarried + month] += 1 }
            let previous = Int(engine.previousTier[trial])
            if previous >= 0, previous != tier, let oneOff = engine.plan.compiled.tiers[tier].tier.migration?.cost {
                let start = Swift.max(0, month - Migration.wholeMonths(engine.leadTime(into: tier, trial: trial)))
                base[offsets.planOneOff + start] += oneOff.expected
            }
        }
        var none = NoObserver()
        for way in 0..<row.ways {
            if explains {
                engine.evaluateLimits(way)
            } else {
                engine.evaluateCarrying(way)
            }
            engine.evaluateCosts(way, observer: &none)
            let columns = engine.tiers[way]
            let cell = way * months + month
            for trial in 0..<count {
                let cost = columns.costAmount[trial]
                if cost.isFinite {
                    base[offsets.cost + cell] += cost
                    if !columns.fails[trial] { base[offsets.carried + cell] += 1 }
                } else {
                    base[offsets.invalid + cell] += 1
                }
            }
            if explains {
                base[offsets.bottleneck + cell] = Double(columns.bottleneck[0])
                base[offsets.utilization + cell] = columns.highest[0]
            }
        }
        // Back to the plan tier's params before the engine keeps this month's stocks.
        engine.enterPlanScope(observer: &none)
    }
}
