import Dispatch

/// Runs many trials of a plan, each with its own draw of every uncertain param, growth
/// parameter and cost range, and reports the spread.
///
/// Trials are cut into fixed blocks of `blockSize`; block *b* draws from its own stream,
/// `Xoshiro256StarStar(seed:stream: b)`, and its results are merged into integer histograms and
/// per-block sums added in block order — so the output is bit-identical for a seed whatever the
/// number of threads. Within a block every expression is evaluated column-wise over the block's
/// trials (`ColumnarEvaluator`); memory is bounded by the histograms (per month and quantity,
/// independent of the number of trials) and one small buffer per block for the sums.
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
        let shared = SharedResults(workers: threads, blocks: blockCount, sumsPerBlock: plan.quantityCount * options.months)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let block = MonteCarloBlock(plan)
            var done = 0
            for index in stride(from: worker, to: blockCount, by: threads) {
                let count = Swift.min(options.blockSize, options.trials - index * options.blockSize)
                block.run(index: index, count: count, seed: options.seed,
                    sums: shared.sums + index * plan.quantityCount * options.months)
                done += 1
                if worker == 0, let progress { progress(Swift.min(1, Double(done * threads) / Double(blockCount))) }
            }
            shared.store(block.accumulator, worker: worker)
        }
        var total = MonteCarloAccumulator(plan)
        for worker in 0..<threads { if let part = shared.accumulator(worker) { total.merge(part) } }
        let result = plan.result(total, sums: shared.sums, blocks: blockCount, trials: options.trials, seed: options.seed,
            start: start, growthSource: growthSource)
        shared.release()
        return result
    }
}

/// Results written by the workers: one accumulator per worker and one row of sums per block,
/// each slot written by exactly one thread (hence `@unchecked Sendable`).
private final class SharedResults: @unchecked Sendable {
    let sums: UnsafeMutablePointer<Double>
    private let accumulators: UnsafeMutablePointer<MonteCarloAccumulator?>
    private let workers: Int
    private let sumCount: Int

    init(workers: Int, blocks: Int, sumsPerBlock: Int) {
        self.workers = workers
        sumCount = Swift.max(1, blocks * sumsPerBlock)
        sums = .allocate(capacity: sumCount)
        sums.initialize(repeating: 0, count: sumCount)
        accumulators = .allocate(capacity: workers)
        accumulators.initialize(repeating: nil, count: workers)
    }

    func store(_ accumulator: MonteCarloAccumulator, worker: Int) { accumulators[worker] = accumulator }
    func accumulator(_ worker: Int) -> MonteCarloAccumulator? { accumulators[worker] }

    func release() {
        accumulators.deinitialize(count: workers)
        accumulators.deallocate()
        sums.deallocate()
    }
}
