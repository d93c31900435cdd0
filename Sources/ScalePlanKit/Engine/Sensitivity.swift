import Dispatch

/// Which uncertain inputs a plan's number depends on: the swing of each alone (a tornado) and
/// its first-order and total Sobol indices (`SobolIndices`), from Saltelli's design evaluated by
/// the same month step as every other command.
///
/// A row of the design is one trial's uniforms (`SensitivityDesign`): the sampler turns them into
/// params, growth parameters and cost amounts by `Draw`'s distributions, exactly as Monte Carlo
/// does from its random stream. A and B are quasi-random (`SobolSequence`, shifted by the seed);
/// every evaluation depends on its row only, so the output is identical for any thread count.
public struct Sensitivity: Sendable {
    public struct Options: Sendable {
        /// N, the rows of each of Saltelli's matrices A and B: N(k + 2) trials for k inputs; 0 for
        /// the swings alone (no indices: what a roadmap without trials shows).
        public var samples: Int
        public var seed: UInt64
        public var threads: Int
        public var months: Int
        public var resamples: Int

        public init(
            samples: Int = Sensitivity.defaultSamples, seed: UInt64 = MonteCarlo.defaultSeed, threads: Int = 1,
            months: Int, resamples: Int = Sensitivity.defaultResamples
        ) {
            self.samples = samples
            self.seed = seed
            self.threads = threads
            self.months = months
            self.resamples = resamples
        }
    }

    /// N when none is given. At 2,048 the 95% intervals of the indices are about ±0.03 wide on
    /// the test models (`SensitivityTests`), enough to rank inputs whose shares differ by a few
    /// percent, and every bundled profile runs within a second on two cores.
    public static let defaultSamples = 2048
    /// Up to 65,536 rows: the outputs, N(k + 2) numbers, are the one array that grows with N.
    public static let samplesRange = 64...65_536
    /// Bootstrap resamples of the intervals.
    public static let defaultResamples = 500

    public let compiled: CompiledProfile
    public let growth: MonteCarlo.Growth

    public init(_ compiled: CompiledProfile, growth: MonteCarlo.Growth) {
        self.compiled = compiled
        self.growth = growth
    }

    /// The N whose N(k + 2) trials come closest to `trials` without passing it (a power of two,
    /// where the Sobol' points are balanced), from 64 to the default: what a roadmap run with
    /// `--trials` spends on the variance shares, as much as on its bands.
    public func samples(forTrials trials: Int) -> Int {
        let inputs = SensitivityDesign(EnginePlan(compiled), growth: growth).inputs.count
        var samples = 64
        while samples * 2 <= Self.defaultSamples && samples * 2 * (inputs + 2) <= trials { samples *= 2 }
        return samples
    }

    /// - Complexity: O(N(k + 2) × months × model size / threads) for the indices, plus
    ///   O(resamples × N × k / threads) for their intervals.
    public func run(
        _ target: SensitivityTarget, _ options: Options, start: YearMonth? = nil, growthSource: String = ""
    ) -> SensitivityResult {
        let plan = EnginePlan(compiled)
        let sampler = TrialSampler(plan, growth: growth)
        let design = SensitivityDesign(plan, growth: growth)
        let horizon = Swift.max(1, options.months)
        let months = target.months(horizon: horizon)
        let swings = swing(target, plan: plan, sampler: sampler, design: design, months: months, horizon: horizon)
        let samples = options.samples <= 0 ? 0 : Swift.max(2, options.samples)
        let outputs =
            design.inputs.isEmpty || samples == 0
            ? [] : evaluate(target, plan: plan, sampler: sampler, design: design, samples: samples, options: options)
        let indices = SobolIndices(
            outputs: outputs, inputs: design.inputs.count, resamples: Swift.max(0, options.resamples), seed: options.seed,
            threads: options.threads)
        let stride = design.inputs.count + 2
        var base: [Double] = []
        for row in 0..<(outputs.isEmpty ? 0 : samples) {
            base.append(outputs[row * stride])
            base.append(outputs[row * stride + 1])
        }
        let entries = design.inputs.indices.map { index in
            SensitivityResult.Entry(
                input: design.inputs[index], targetAtLow: swings.ends[index].low, targetAtHigh: swings.ends[index].high,
                firstOrder: indices.firstOrder[index], total: indices.total[index], order: index)
        }
        return SensitivityResult(
            compiled: compiled, target: target, samples: samples, evaluations: outputs.count, seed: options.seed,
            months: horizon, start: start, growthSource: growthSource, deterministic: swings.baseline,
            spread: SensitivityResult.Spread(base), inputs: entries.sorted(by: SensitivityResult.Entry.ranksBefore))
    }

    /// The target at the deterministic values, and with each input alone at its low and its high.
    /// Params and growth parameters are set to their ends directly (one block, two trials each);
    /// a cost range is moved by its draw, 0 and 1 (its low and high amount), in a block where
    /// every other range keeps its expected amount (`MonthEngine.onlyCostDraw`).
    private func swing(
        _ target: SensitivityTarget, plan: EnginePlan, sampler: TrialSampler, design: SensitivityDesign, months: Int,
        horizon: Int
    ) -> (baseline: Double, ends: [(low: Double, high: Double)]) {
        let direct = design.inputs.indices.filter {
            if case .cost = design.inputs[$0].setting { return false }
            return true
        }
        let width = Swift.max(2, 1 + 2 * direct.count)
        let engine = MonthEngine(plan, width: width)
        var observer = TargetObserver(target, plan: plan, horizon: horizon, width: width)
        defer { observer.release() }
        func run(count: Int, _ set: () -> Void) -> [Double] {
            engine.begin(count: count, curve: sampler.expectedCurve)
            set()
            observer.begin(count: count)
            for month in 0..<months { engine.step(month: month, observer: &observer) }
            observer.finish()
            return Array(UnsafeBufferPointer(start: observer.values, count: count))
        }
        var ends = [(low: Double, high: Double)](repeating: (.nan, .nan), count: design.inputs.count)
        let values = run(count: 1 + 2 * direct.count) {
            for (position, index) in direct.enumerated() {
                let input = design.inputs[index]
                for (offset, value) in [input.low, input.high].enumerated() {
                    set(input.setting, to: value ?? .nan, engine: engine, trial: 1 + 2 * position + offset)
                }
            }
        }
        for (position, index) in direct.enumerated() { ends[index] = (values[1 + 2 * position], values[2 + 2 * position]) }
        for (index, input) in design.inputs.enumerated() {
            guard case .cost(let draw) = input.setting else { continue }
            let pair = run(count: 2) {
                engine.drawsCosts = true
                engine.onlyCostDraw = draw
                engine.setCostDraw(draw, trial: 0, 0)
                engine.setCostDraw(draw, trial: 1, 1)
            }
            ends[index] = (pair[0], pair[1])
        }
        return (values[0], ends)
    }

    /// Sets one input of one trial to a value (the swing), every other input as `begin` left it.
    private func set(_ setting: SensitivityInput.Setting, to value: Double, engine: MonthEngine, trial: Int) {
        switch setting {
        case .param(let index): engine.setParam(index, trial: trial, value)
        case .tierParam(let index): engine.setTierParam(index, trial: trial, value)
        case .growth(let parameter):
            guard case .scenario(let spec) = growth else { return }
            var position = 0
            let curve = spec.curve { uncertain in
                defer { position += 1 }
                return position == parameter ? value : uncertain.expected
            }
            engine.setCurve(curve ?? .constant(0), trial: trial)
        case .cost: return
        }
    }

    /// Row `sample` of A and of B. The owned columns of A are the Sobol' point's first dimensions
    /// and B's the next ones (as in Saltelli et al. 2010); past the table's dimensions they come
    /// from the row's own stream of the seed. Every column no input owns holds 0.5.
    private static func makeRows(
        _ sample: Int, a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>, columns: Int, owned: [Int],
        sobol: SobolSequence, point: UnsafeMutablePointer<Double>, seed: UInt64
    ) {
        sobol.point(sample, into: point)
        var random = Xoshiro256StarStar(seed: seed, stream: UInt64(sample))
        func unit(_ dimension: Int) -> Double { dimension < sobol.width ? point[dimension] : random.nextUnit() }
        a.update(repeating: 0.5, count: columns)
        b.update(repeating: 0.5, count: columns)
        for (position, column) in owned.enumerated() {
            a[column] = unit(position)
            b[column] = unit(owned.count + position)
        }
    }

    /// The target on every row of A, B and each A_B⁽ⁱ⁾, laid out row by row (`SobolIndices`).
    private func evaluate(
        _ target: SensitivityTarget, plan: EnginePlan, sampler: TrialSampler, design: SensitivityDesign, samples: Int,
        options: Options
    ) -> [Double] {
        let columns = design.columns
        let owned = design.inputs.flatMap { Array($0.units) }
        let sobol = SobolSequence(dimensions: 2 * owned.count, seed: options.seed)
        let stride = design.inputs.count + 2
        let evaluations = samples * stride
        let blockSize = 384
        let blockCount = (evaluations + blockSize - 1) / blockSize
        let cores = Swift.max(1, System.processorCount)
        let workers = Swift.max(1, Swift.min(options.threads, cores, blockCount))
        let horizon = Swift.max(1, options.months)
        let months = target.months(horizon: horizon)
        let outputs = ParallelChunks.Shared([Double](repeating: 0, count: evaluations))
        let next = BlockCounter(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let engine = MonthEngine(plan, width: blockSize)
            var observer = TargetObserver(target, plan: plan, horizon: horizon, width: blockSize)
            // Row j of A and of B, made when a trial first needs it (k + 2 trials in a row share it).
            let a = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, columns))
            let b = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, columns))
            let point = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, sobol.width))
            let row = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, columns))
            var made = -1
            defer {
                observer.release()
                for buffer in [a, b, point, row] { buffer.deallocate() }
            }
            while let block = next.take(below: blockCount) {
                let first = block * blockSize
                let count = Swift.min(blockSize, evaluations - first)
                engine.begin(count: count, curve: sampler.expectedCurve)
                for trial in 0..<count {
                    let evaluation = first + trial
                    let sample = evaluation / stride, matrix = evaluation % stride
                    if sample != made {
                        Self.makeRows(
                            sample, a: a, b: b, columns: columns, owned: owned, sobol: sobol, point: point, seed: options.seed)
                        made = sample
                    }
                    row.update(from: matrix == 1 ? b : a, count: columns)
                    if matrix >= 2 { for column in design.inputs[matrix - 2].units { row[column] = b[column] } }
                    var units = DesignRow(row: UnsafePointer(row))
                    sampler.draw(&units, into: engine, trial: trial)
                }
                engine.drawsCosts = true
                observer.begin(count: count)
                for month in 0..<months { engine.step(month: month, observer: &observer) }
                observer.finish()
                (outputs.base + first).update(from: observer.values, count: count)
            }
        }
        return outputs.elements
    }
}

/// What `scaleplan sensitivity` reports.
public struct SensitivityResult: Sendable {
    public let compiled: CompiledProfile
    public let target: SensitivityTarget
    /// N: rows of each of A and B.
    public let samples: Int
    /// Trials evaluated for the indices: N(k + 2).
    public let evaluations: Int
    public let seed: UInt64
    public let months: Int
    public let start: YearMonth?
    public let growthSource: String
    /// The target at every input's deterministic value (what `simulate` shows).
    public let deterministic: Double
    /// The target over the rows of A and B.
    public let spread: Spread
    /// Every uncertain input, the largest total index first (inputs without one last; by swing
    /// when no indices were estimated), then in the order the profile declares them.
    public let inputs: [Entry]

    public var profile: Profile { compiled.profile }

    /// `2026-03` when the run has a start month, else `M3`.
    public func label(_ month: Int) -> String { YearMonth.label(month, start: start) }

    /// The target in words.
    public var targetText: String { target.describe(months: months, label: label) }

    public struct Spread: Sendable {
        public var mean: Double
        public var variance: Double
        public var low: Double
        public var high: Double

        init(_ values: [Double]) {
            let count = Double(Swift.max(1, values.count))
            mean = values.reduce(0, +) / count
            let centre = mean
            variance = values.reduce(0) { $0 + ($1 - centre) * ($1 - centre) } / count
            low = values.min() ?? .nan
            high = values.max() ?? .nan
        }
    }

    public struct Entry: Sendable {
        public let input: SensitivityInput
        public let targetAtLow: Double
        public let targetAtHigh: Double
        public let firstOrder: SobolEstimate?
        public let total: SobolEstimate?
        /// Position in the profile's declaration order.
        let order: Int

        /// The tornado's bar: how far the target moves between the input's two ends.
        public var swing: Double { Swift.abs(targetAtHigh - targetAtLow) }

        static func ranksBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
            let left = lhs.total?.value ?? -.infinity, right = rhs.total?.value ?? -.infinity
            if left != right { return left > right }
            let leftSwing = lhs.swing.isFinite ? lhs.swing : -1, rightSwing = rhs.swing.isFinite ? rhs.swing : -1
            return leftSwing != rightSwing ? leftSwing > rightSwing : lhs.order < rhs.order
        }
    }

    /// "Measure requests per user first: it explains 64% of the uncertainty in the M24 monthly
    /// cost." — the input with the largest total index; nil when the target does not vary.
    public var advice: String? {
        guard let top = inputs.first, let total = top.total, total.value > 0 else { return nil }
        let verb =
            switch top.input.kind {
            case .param, .tierParam: "Measure \(top.input.label) first"
            case .growth: "Pin down the \(top.input.label) first"
            case .cost: "Get a firm price for \(top.input.label) first"
            }
        let share = NumberFormatting.percent(Swift.min(1, total.value))
        return "\(verb): it explains \(share) of the uncertainty in \(targetText)."
    }
}
