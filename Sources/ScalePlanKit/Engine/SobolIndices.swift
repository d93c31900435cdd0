/// Variance-based sensitivity indices from Saltelli's sampling scheme, with bootstrap intervals.
///
/// The design: two independent N × k sample matrices A and B of the inputs, and for each input i
/// the matrix A_B⁽ⁱ⁾ — A with its column i taken from B. The model is evaluated on every row of
/// A, B and each A_B⁽ⁱ⁾: N(k + 2) evaluations. With f the model and V the variance of the
/// outputs over A and B together (2N values):
///
/// - first order (Saltelli et al. 2010, Table 2, estimator (b)):
///   Sᵢ = (1/N) Σⱼ f(B)ⱼ · (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / V
/// - total (Jansen 1999; Saltelli et al. 2010, Table 2, estimator (f)):
///   S_Tᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / V
///
/// Sᵢ is the share of the output's variance that input i explains alone; S_Tᵢ the share it takes
/// part in, alone or with others (S_Tᵢ ≥ Sᵢ in expectation; Σ Sᵢ = 1 for an additive model).
/// The outputs are centred on their mean over A and B first: both estimators are unchanged by a
/// shift in exact arithmetic, and the first-order one loses digits to cancellation without it.
///
/// Confidence intervals: the percentile bootstrap (Efron and Tibshirani 1993, §13.3), as Archer,
/// Saltelli and Sobol (1997) apply it to these indices: the N rows are resampled with replacement
/// `resamples` times, each index is estimated again on each resample (V too), and the interval
/// runs from the 2.5th to the 97.5th percentile of those estimates. A and B are quasi-random
/// (`SobolSequence`), whose estimates vary less than those of independent rows; the bootstrap
/// measures the spread independent rows would have, so the intervals err on the wide side.
///
/// Sources: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola, "Variance
/// based sensitivity analysis of model output. Design and estimator for the total sensitivity
/// index", *Computer Physics Communications* 181 (2010) 259–270; M. J. W. Jansen, "Analysis of
/// variance designs for model output", *Computer Physics Communications* 117 (1999) 35–43;
/// G. E. B. Archer, A. Saltelli, I. M. Sobol, "Sensitivity measures, ANOVA-like techniques and
/// the use of bootstrap", *J. Statist. Comput. Simul.* 58 (1997) 99–120; B. Efron,
/// R. J. Tibshirani, *An Introduction to the Bootstrap* (1993).
struct SobolIndices: Sendable {
    typealias Estimate = SobolEstimate

    /// Per input; nil when the output does not vary.
    var firstOrder: [Estimate?]
    var total: [Estimate?]

    /// The level of the bootstrap intervals.
    static let level = 0.95

    /// - Parameters:
    ///   - outputs: the model's outputs row by row, `k + 2` per row: f(A)ⱼ, f(B)ⱼ, then f(A_B⁽ⁱ⁾)ⱼ
    ///     for each input i.
    ///   - inputs: k.
    ///   - resamples: bootstrap resamples (each resample draws from its own stream of `seed`, so
    ///     the intervals do not depend on the thread count).
    /// - Complexity: O(resamples × N × k) time, spread over `threads`; O(N + k × resamples) memory.
    init(outputs: [Double], inputs: Int, resamples: Int, seed: UInt64, threads: Int) {
        let stride = inputs + 2
        let rows = stride > 0 ? outputs.count / stride : 0
        var mean = 0.0
        for row in 0..<rows { mean += outputs[row * stride] + outputs[row * stride + 1] }
        mean /= Double(Swift.max(1, 2 * rows))
        let centred = outputs.map { $0 - mean }
        let shared = ParallelChunks.Shared([(Estimate?, Estimate?)](repeating: (nil, nil), count: inputs))
        ParallelChunks.forEach(count: inputs, threads: threads) { range in
            for input in range {
                shared.base[input] = Self.estimate(
                    centred, stride: stride, rows: rows, input: input, resamples: resamples, seed: seed)
            }
        }
        let estimates = shared.elements
        firstOrder = estimates.map(\.0)
        total = estimates.map(\.1)
    }

    /// The two indices of one input over every row, and over each bootstrap resample of the rows.
    private static func estimate(
        _ outputs: [Double], stride: Int, rows: Int, input: Int, resamples: Int, seed: UInt64
    ) -> (Estimate?, Estimate?) {
        func indices(_ row: (Int) -> Int) -> (first: Double, total: Double)? {
            var sum = 0.0, squares = 0.0, first = 0.0, total = 0.0
            for pick in 0..<rows {
                let base = row(pick) * stride
                let a = outputs[base], b = outputs[base + 1], ab = outputs[base + 2 + input]
                sum += a + b
                squares += a * a + b * b
                first += b * (ab - a)
                total += (a - ab) * (a - ab)
            }
            let count = Double(2 * rows)
            let variance = squares / count - (sum / count) * (sum / count)
            guard rows > 1, variance > 0, variance.isFinite else { return nil }
            return (first / Double(rows) / variance, total / count / variance)
        }
        guard let point = indices({ $0 }) else { return (nil, nil) }
        var firsts: [Double] = [], totals: [Double] = []
        firsts.reserveCapacity(resamples)
        totals.reserveCapacity(resamples)
        var picks = [Int](repeating: 0, count: rows)
        for resample in 0..<resamples {
            // The same resamples for every input: stream `resample` of the bootstrap's seed.
            var random = Xoshiro256StarStar(seed: seed ^ 0xB007_57A9, stream: UInt64(resample))
            for pick in 0..<rows { picks[pick] = Int(random.next() % UInt64(rows)) }
            guard let values = indices({ picks[$0] }) else { continue }
            firsts.append(values.first)
            totals.append(values.total)
        }
        return (interval(point.first, firsts), interval(point.total, totals))
    }

    /// The percentile interval of the bootstrap estimates around the full-sample estimate.
    private static func interval(_ value: Double, _ estimates: [Double]) -> Estimate {
        guard !estimates.isEmpty else { return Estimate(value: value, low: value, high: value) }
        let sorted = estimates.sorted()
        let tail = (1 - level) / 2
        let lowRank = Swift.min(sorted.count - 1, Int((tail * Double(sorted.count)).rounded(.down)))
        let highRank = Swift.max(0, Int(((1 - tail) * Double(sorted.count)).rounded(.up)) - 1)
        return Estimate(value: value, low: sorted[lowRank], high: sorted[highRank])
    }
}

/// A Sobol index with its 95% bootstrap interval.
public struct SobolEstimate: Sendable, Equatable {
    public var value: Double
    public var low: Double
    public var high: Double
}
