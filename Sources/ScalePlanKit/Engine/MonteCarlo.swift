import Dispatch

/// Runs many trials of a plan, each with its own draw of every uncertain param, growth
/// parameter and cost range, and reports the spread.
///
/// Trials are cut into fixed blocks of `blockSize`; block *b* draws from its own stream,
/// `Xoshiro256StarStar(seed:stream: b)`, and its results are merged into integer histograms and
/// per-block sums added in block order — so the output is bit-identical for a seed whatever the
/// number of threads. Within a block every expression is evaluated column-wise over the block's
/// trials (`ColumnarEvaluator`); memory is bounded by the histograms (per month and quantity,
/// independent of the number of trials) and the sums of one wave of blocks.
public struct MonteCarlo: Sendable {
    /// Where each trial's growth comes from.
    public enum Growth: Sendable {
        /// A scenario's curve: uncertain parameters are sampled per trial.
        case scenario(GrowthSpec)
        /// A fixed curve (command line or CSV).
        case fixed(GrowthCurve)
    }

    public struct Options: Sendable {
        public var trials: Int
        public var seed: UInt64
        public var threads: Int
        public var months: Int
        public var blockSize: Int

        public init(trials: Int, seed: UInt64 = MonteCarlo.defaultSeed, threads: Int = 1, months: Int, blockSize: Int = 384) {
            self.trials = trials
            self.seed = seed
            self.threads = threads
            self.months = months
            self.blockSize = blockSize
        }
    }

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
    /// - Complexity: O(trials × months × model size / threads).
    public func run(_ options: Options, start: YearMonth? = nil, growthSource: String = "",
        progress: (@Sendable (Double) -> Void)? = nil) -> MonteCarloResult
    {
        let plan = MonteCarloPlan(compiled, growth: growth, months: options.months, blockSize: options.blockSize)
        let blockCount = (options.trials + options.blockSize - 1) / options.blockSize
        let threads = Swift.max(1, Swift.min(options.threads, blockCount))
        let rowSize = plan.quantityCount * options.months
        // Blocks run in waves. A wave's per-block sums are added into `totals` in block order
        // before the next wave starts, so the sums are the same additions in the same order
        // whatever the thread count, and memory stays bounded: one row per block of a wave, not
        // one per block of the run (10,000,000 trials over 1,200 months would need gigabytes).
        let wave = Swift.min(Swift.max(blockCount, 1), Swift.max(64, 4 * threads))
        let shared = SharedResults(plan, workers: threads, rows: wave, rowSize: rowSize)
        var totals = [Double](repeating: 0, count: rowSize)
        for first in stride(from: 0, to: blockCount, by: wave) {
            let end = Swift.min(first + wave, blockCount)
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                let block = shared.block(worker)
                for index in stride(from: first + worker, to: end, by: threads) {
                    let count = Swift.min(options.blockSize, options.trials - index * options.blockSize)
                    block.run(index: index, count: count, seed: options.seed, sums: shared.sums + (index - first) * rowSize)
                    if worker == 0, let progress { progress(Swift.min(1, Double(index + 1) / Double(blockCount))) }
                }
            }
            for index in first..<end {
                let row = shared.sums + (index - first) * rowSize
                for slot in 0..<rowSize { totals[slot] += row[slot] }
            }
        }
        var total = MonteCarloAccumulator(plan)
        for worker in 0..<threads { total.merge(shared.block(worker).accumulator) }
        let result = plan.result(total, totals: totals, trials: options.trials, seed: options.seed, start: start,
            growthSource: growthSource)
        shared.release()
        return result
    }
}

/// What the workers share: one `MonteCarloBlock` per worker (each used by that worker only) and
/// one row of sums per block of the current wave (each row written by the one worker that runs
/// the block), hence `@unchecked Sendable`.
private final class SharedResults: @unchecked Sendable {
    let sums: UnsafeMutablePointer<Double>
    private let blocks: [MonteCarloBlock]
    private let sumCount: Int

    init(_ plan: MonteCarloPlan, workers: Int, rows: Int, rowSize: Int) {
        sumCount = Swift.max(1, rows * rowSize)
        sums = .allocate(capacity: sumCount)
        sums.initialize(repeating: 0, count: sumCount)
        blocks = (0..<workers).map { _ in MonteCarloBlock(plan) }
    }

    func block(_ worker: Int) -> MonteCarloBlock { blocks[worker] }

    func release() {
        sums.deallocate()
    }
}
