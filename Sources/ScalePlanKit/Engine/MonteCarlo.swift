import Dispatch

/// Runs many trials of a plan, each with its own draw of every uncertain param, growth
/// parameter and cost range, and reports the spread.
///
/// Each trial is the month step of `MonthEngine`, the same code as the deterministic run. Trials
/// are cut into fixed blocks of `blockSize`; block *b* draws from its own stream,
/// `Xoshiro256StarStar(seed:stream: b)`, and its results are merged into integer histograms and
/// per-block sums added in block order — so the output is bit-identical for a seed whatever the
/// number of threads. Memory is bounded by the histograms (per month and reported series,
/// independent of the number of trials), one engine per worker actually running, and the sums of
/// one wave of blocks.
public struct MonteCarlo: Sendable {
    /// Where each trial's growth comes from.
    public enum Growth: Sendable {
        /// A scenario's curve: uncertain parameters are sampled per trial.
        case scenario(GrowthSpec)
        /// A fixed curve (command line or CSV).
        case fixed(GrowthCurve)
    }

    /// How trials draw their inputs.
    public enum Sampling: Sendable {
        /// From the block's random stream (`TrialSampler`).
        case random
        /// Every uncertainty collapsed to its deterministic value: every trial is the
        /// deterministic run (what the engine's property tests compare).
        case collapsed
    }

    public struct Options: Sendable {
        public var trials: Int
        public var seed: UInt64
        public var threads: Int
        public var months: Int
        public var blockSize: Int
        public var sampling: Sampling
        /// How sure the safe start dates are that a move is ready in time (0.5–0.999).
        public var confidence: Double

        public init(
            trials: Int, seed: UInt64 = MonteCarlo.defaultSeed, threads: Int = 1, months: Int, blockSize: Int = 384,
            sampling: Sampling = .random, confidence: Double = MonteCarlo.defaultConfidence
        ) {
            self.confidence = confidence
            self.trials = trials
            self.seed = seed
            self.threads = threads
            self.months = months
            self.blockSize = blockSize
            self.sampling = sampling
        }
    }

    /// The confidence of the safe start dates when none is given, and the allowed range.
    public static let defaultConfidence = 0.9
    public static let confidenceRange = 0.5...0.999

    /// The seed used when none is given, so a run without `--seed` is reproducible.
    public static let defaultSeed: UInt64 = 20_261_126

    public let compiled: CompiledProfile
    public let growth: Growth

    public init(_ compiled: CompiledProfile, growth: Growth) {
        self.compiled = compiled
        self.growth = growth
    }

    /// Runs the trials.
    /// - Parameters:
    ///   - progress: called now and then from a worker thread with the fraction done.
    /// - Complexity: O(trials × months × model size / threads) time; memory O(months × reported
    ///   series + workers × block size × model size).
    public func run(
        _ options: Options, start: YearMonth? = nil, growthSource: String = "",
        progress: (@Sendable (Double) -> Void)? = nil
    ) -> MonteCarloResult {
        let plan = EnginePlan(compiled)
        let months = Swift.max(0, options.months)
        let blockSize = Swift.max(1, options.blockSize)
        let trials = Swift.max(0, options.trials)
        let sampler = TrialSampler(plan, growth: growth)
        let layout = MonteCarloLayout(plan)
        let anchors = layout.anchors(curve: sampler.expectedCurve, months: months)
        let blockCount = (trials + blockSize - 1) / blockSize
        // Workers beyond the cores would only wait, and each holds an engine and a full set of
        // histograms: never more than the cores, the blocks or the threads asked for.
        let cores = Swift.max(1, System.processorCount)
        let workers = Swift.max(1, Swift.min(options.threads, cores, blockCount))
        let rowSize = layout.series.count * months
        // Blocks run in waves. A wave's per-block sums are added into `totals` in block order
        // before the next wave starts, so the sums are the same additions in the same order
        // whatever the thread count, and memory stays bounded: one row per block of a wave, not
        // one per block of the run (10,000,000 trials over 1,200 months would need gigabytes).
        let wave = Swift.min(Swift.max(blockCount, 1), Swift.max(64, 4 * workers))
        let shared = SharedWorkers(workers: workers, rows: wave, rowSize: rowSize) {
            MonteCarloWorker(
                plan, layout: layout, sampler: sampler, anchors: anchors, months: months, width: blockSize,
                sampling: options.sampling)
        }
        var totals = [Double](repeating: 0, count: rowSize)
        for first in stride(from: 0, to: blockCount, by: wave) {
            let end = Swift.min(first + wave, blockCount)
            // Each worker takes the next block as it finishes one (a busy core slows no one else):
            // which worker runs a block changes nothing, as each block has its own stream and row.
            let next = BlockCounter(first)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let block = shared.worker(worker)
                while let index = next.take(below: end) {
                    let count = Swift.min(blockSize, trials - index * blockSize)
                    block.run(index: index, count: count, seed: options.seed, sums: shared.sums + (index - first) * rowSize)
                    if worker == 0, let progress { progress(Swift.min(1, Double(index + 1) / Double(blockCount))) }
                }
            }
            for index in first..<end {
                let row = shared.sums + (index - first) * rowSize
                for slot in 0..<rowSize { totals[slot] += row[slot] }
            }
        }
        // The first worker's counts are the total's start (a third set of histograms would only be
        // a copy); the others merge in.
        var total = shared.worker(0).takeAccumulator()
        for worker in 1..<workers { total.merge(shared.worker(worker).takeAccumulator(), threads: workers) }
        let result = total.result(
            totals: totals, trials: trials, seed: options.seed, start: start, growthSource: growthSource, threads: workers,
            confidence: options.confidence)
        shared.release()
        return result
    }
}

/// The next block of a wave to run, handed out one at a time.
final class BlockCounter: @unchecked Sendable {
    private var next: Int
    private let queue = DispatchQueue(label: "scaleplan.montecarlo.blocks")

    init(_ first: Int) { next = first }

    /// The next block index below `end`, or nil when none is left.
    func take(below end: Int) -> Int? {
        queue.sync {
            guard next < end else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// What the workers share: one `MonteCarloWorker` per worker (each used by that worker only) and
/// one row of sums per block of the current wave (each row written by the one worker that runs
/// the block), hence `@unchecked Sendable`.
private final class SharedWorkers: @unchecked Sendable {
    let sums: UnsafeMutablePointer<Double>
    /// Each worker is made by the thread that first runs it, so that making them (their engines'
    /// and histograms' memory) runs in parallel too; slot `w` is touched by worker `w` only until
    /// the run ends.
    private let workers: UnsafeMutablePointer<MonteCarloWorker?>
    private let count: Int
    private let make: @Sendable () -> MonteCarloWorker

    init(workers count: Int, rows: Int, rowSize: Int, make: @escaping @Sendable () -> MonteCarloWorker) {
        let sumCount = Swift.max(1, rows * rowSize)
        sums = .allocate(capacity: sumCount)
        sums.initialize(repeating: 0, count: sumCount)
        self.count = count
        self.make = make
        workers = .allocate(capacity: count)
        workers.initialize(repeating: nil, count: count)
    }

    func worker(_ index: Int) -> MonteCarloWorker {
        if let worker = workers[index] { return worker }
        let worker = make()
        workers[index] = worker
        return worker
    }

    func release() {
        sums.deallocate()
        workers.deinitialize(count: count)
        workers.deallocate()
    }
}
