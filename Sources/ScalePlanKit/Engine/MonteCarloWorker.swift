/// One Monte Carlo worker: a `MonthEngine` for a block of trials and what it has accumulated
/// over the blocks it ran. All buffers are allocated once, when the worker is made; a block
/// allocates nothing per trial.
final class MonteCarloWorker {
    let engine: MonthEngine
    private let sampler: TrialSampler
    private let sampling: MonteCarlo.Sampling
    private var observer: BlockObserver

    init(
        _ plan: EnginePlan, layout: MonteCarloLayout, sampler: TrialSampler, anchors: [[Double]], months: Int,
        width: Int, sampling: MonteCarlo.Sampling
    ) {
        engine = MonthEngine(plan, width: width)
        self.sampler = sampler
        self.sampling = sampling
        observer = BlockObserver(plan, layout: layout, anchors: anchors, months: months, width: width)
    }

    deinit {
        observer.release()
    }

    /// What the worker accumulated; the worker keeps none of it (so that merging does not hold
    /// two copies).
    func takeAccumulator() -> MonteCarloAccumulator { observer.takeAccumulator() }

    /// Simulates trials `index·width ..< index·width + count` over the horizon.
    /// - Parameter sums: this block's row of sums, `[series][month]`.
    func run(index: Int, count: Int, seed: UInt64, sums: UnsafeMutablePointer<Double>) {
        engine.begin(count: count, curve: sampler.expectedCurve)
        if case .random = sampling {
            var random = Xoshiro256StarStar(seed: seed, stream: UInt64(index))
            for trial in 0..<count { sampler.draw(&random, into: engine, trial: trial) }
            engine.drawsCosts = true
        }
        observer.beginBlock(index: index, count: count, sums: sums)
        for month in 0..<observer.months { engine.step(month: month, observer: &observer) }
        observer.endBlock(engine)
    }
}

/// Watches a block's months for Monte Carlo: adds each month's series to the histograms and the
/// block's sums, notes each trial's first firing of every trigger and first need of every tier,
/// and the trials in which a value is invalid; folds them into the accumulator when the block ends.
struct BlockObserver: MonthObserver {
    let plan: EnginePlan
    let layout: MonteCarloLayout
    let months: Int
    let width: Int
    private(set) var accumulator: MonteCarloAccumulator
    private var count = 0
    private var block = 0
    private var sums: UnsafeMutablePointer<Double>
    /// Where `sums` points before the first block (each block is given its row).
    private let placeholder = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    /// Per trigger and trial: the first month it fired (−1: not yet); per trigger: the trials
    /// that have.
    private let firstFire: UnsafeMutablePointer<Int32>
    private var settled: [Int]
    /// Per tier and trial: the first month it was needed.
    private let firstNeed: UnsafeMutablePointer<Int32>
    /// Per invalid subject seen in this block: which trials, and the first (month, trial, value).
    private var invalid: [InvalidSubject: (trials: [Bool], first: (month: Int, trial: Int, value: Double))] = [:]
    /// A column per series for those computed here (utilisation, latency, margin).
    private let scratch: UnsafeMutablePointer<Double>
    /// The month's column of each series.
    private let columns: UnsafeMutablePointer<UnsafePointer<Double>>
    private let cost: UnsafeMutablePointer<Double>
    /// Per trial: its plan tier in month 0 (where it starts: no move into that tier or below).
    private let startTier: UnsafeMutablePointer<Int32>

    init(_ plan: EnginePlan, layout: MonteCarloLayout, anchors: [[Double]], months: Int, width: Int) {
        self.plan = plan
        self.layout = layout
        self.months = months
        self.width = width
        accumulator = MonteCarloAccumulator(plan, layout: layout, anchors: anchors, months: months)
        sums = placeholder
        let triggers = Swift.max(1, plan.triggers.count * width)
        firstFire = .allocate(capacity: triggers)
        firstFire.initialize(repeating: -1, count: triggers)
        settled = Array(repeating: 0, count: plan.triggers.count)
        let tiers = Swift.max(1, plan.compiled.tiers.count * width)
        firstNeed = .allocate(capacity: tiers)
        firstNeed.initialize(repeating: -1, count: tiers)
        let seriesCount = layout.series.count
        scratch = .allocate(capacity: Swift.max(1, seriesCount * width))
        scratch.initialize(repeating: 0, count: Swift.max(1, seriesCount * width))
        columns = .allocate(capacity: Swift.max(1, seriesCount))
        columns.initialize(repeating: UnsafePointer(scratch), count: Swift.max(1, seriesCount))
        cost = .allocate(capacity: width)
        cost.initialize(repeating: 0, count: width)
        startTier = .allocate(capacity: width)
        startTier.initialize(repeating: 0, count: width)
    }

    /// Frees the buffers (called by the worker that owns the observer, when it goes).
    func release() {
        placeholder.deallocate()
        firstFire.deallocate()
        firstNeed.deallocate()
        scratch.deallocate()
        columns.deallocate()
        cost.deallocate()
        startTier.deallocate()
    }

    mutating func takeAccumulator() -> MonteCarloAccumulator {
        let taken = accumulator
        accumulator.release()
        return taken
    }

    mutating func beginBlock(index: Int, count: Int, sums: UnsafeMutablePointer<Double>) {
        block = index
        self.count = count
        self.sums = sums
        firstFire.update(repeating: -1, count: Swift.max(1, plan.triggers.count * width))
        firstNeed.update(repeating: -1, count: Swift.max(1, plan.compiled.tiers.count * width))
        for index in settled.indices { settled[index] = 0 }
        invalid.removeAll(keepingCapacity: true)
    }

    func isSettled(trigger: Int) -> Bool { settled[trigger] >= count }

    mutating func fired(_ engine: MonthEngine, trigger: Int, fires: UnsafePointer<Bool>) {
        let base = firstFire + trigger * width
        let month = Int32(engine.month)  // months ≤ 1,200 (CLI, profile)
        for trial in 0..<count where fires[trial] && base[trial] < 0 {
            base[trial] = month
            settled[trigger] += 1
        }
    }

    mutating func invalid(_ engine: MonthEngine, _ subject: InvalidSubject, values: UnsafePointer<Double>, mask: TrialMask) {
        let rule = subject.rule
        for trial in 0..<count where engine.applies(mask, to: trial) && !rule.accepts(values[trial]) {
            var entry = invalid[subject] ?? (Array(repeating: false, count: count), (engine.month, trial, values[trial]))
            entry.trials[trial] = true
            if (engine.month, trial) < (entry.first.month, entry.first.trial) {
                entry.first = (engine.month, trial, values[trial])
            }
            invalid[subject] = entry
        }
    }

    mutating func monthDone(_ engine: MonthEngine) {
        let month = engine.month
        if month == 0 { for trial in 0..<count { startTier[trial] = engine.planTier[trial] } }
        layout.gatherCost(engine, into: cost)
        let seriesCount = layout.series.count
        for (index, entry) in layout.series.enumerated() {
            columns[index] = layout.column(entry.source, engine, scratch: scratch + index * width, cost: cost)
        }
        // Each series' sum adds its trials in order (the same bits as one at a time), four
        // series to a pass: four chains of additions that do not wait on one another.
        var first = 0
        while first < seriesCount {
            let a = columns[first], b = columns[Swift.min(first + 1, seriesCount - 1)]
            let c = columns[Swift.min(first + 2, seriesCount - 1)], d = columns[Swift.min(first + 3, seriesCount - 1)]
            var sumA = 0.0, sumB = 0.0, sumC = 0.0, sumD = 0.0
            for trial in 0..<count {
                sumA += a[trial]
                sumB += b[trial]
                sumC += c[trial]
                sumD += d[trial]
            }
            let found = SIMD4(sumA, sumB, sumC, sumD)
            for lane in 0..<Swift.min(4, seriesCount - first) { sums[(first + lane) * months + month] = found[lane] }
            first += 4
        }
        accumulator.histograms.withUnsafeMutableBufferPointer { histograms in
            for index in 0..<seriesCount { histograms[index * months + month].add(columns[index], count: count) }
        }
        let tierCount = plan.compiled.tiers.count
        let stamp = Int32(month)
        accumulator.required.withUnsafeMutableBufferPointer { required in
            for trial in 0..<count {
                let tier = Int(engine.requiredTier[trial])
                required[(tier < 0 ? tierCount : tier) * months + month] += 1
            }
        }
        accumulator.inPlan.withUnsafeMutableBufferPointer { inPlan in
            for trial in 0..<count {
                let tier = engine.planTier[trial]
                inPlan[Int(tier) * months + month] += 1
                var index = Int(engine.neededTier(trial))
                while index >= 0 && firstNeed[index * width + trial] < 0 {
                    firstNeed[index * width + trial] = stamp
                    index -= 1
                }
            }
        }
    }

    /// Folds the block into the accumulator; `engine` holds its trials' lead-time draws.
    mutating func endBlock(_ engine: MonthEngine) {
        for trigger in plan.triggers.indices {
            let base = firstFire + trigger * width
            accumulator.triggerFirstMonth[trigger].add(UnsafePointer(base), count: count, never: months)
        }
        for tier in plan.compiled.tiers.indices {
            accumulator.tierFirstMonth[tier].add(UnsafePointer(firstNeed + tier * width), count: count, never: months)
        }
        // The latest month each trial could start the move into a tier and still be ready when
        // it is needed (the first tier is where the plan starts: no move).
        for tier in plan.compiled.tiers.indices.dropFirst() {
            let needed = firstNeed + tier * width
            for trial in 0..<count {
                // A trial that starts on this tier or above makes no move into it.
                if Int(startTier[trial]) >= tier {
                    accumulator.moveAlreadyThere[tier] += 1
                    accumulator.moveStart[tier].addNever()
                    continue
                }
                let month = Int(needed[trial])
                guard month >= 0 else {
                    accumulator.moveStart[tier].addNever()
                    continue
                }
                accumulator.moveStart[tier].add(month - Migration.wholeMonths(engine.leadTime(into: tier, trial: trial)))
            }
        }
        for (subject, entry) in invalid {
            accumulator.note(
                subject, trials: entry.trials.filter { $0 }.count, month: entry.first.month, block: block,
                trial: entry.first.trial, value: entry.first.value)
        }
    }
}
