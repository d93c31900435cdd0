/// `fit usl`: Gunther's Universal Scalability Law fitted to load-test measurements,
///
///     X(N) = λN / (1 + σ(N − 1) + κN(N − 1)),
///
/// σ the contention (the serial fraction, Amdahl's law), κ the coherency (the pairwise cost of
/// keeping shared state consistent), λ the throughput of one unit (N. J. Gunther, *Guerrilla
/// Capacity Planning*, Springer 2007, ch. 4–5). Throughput peaks at N* = √((1 − σ)/κ).
///
/// Two methods, named in every output because published coefficients differ by method in the
/// second or third digit:
/// - `nls` (the default): least squares on the throughputs with all three fitted, σ ∈ [0, 1],
///   κ ≥ 0, by Levenberg–Marquardt — what R's `usl` ≥ 2.0 (`nlsr::nlxb`), codahale's
///   `usl`/`usl4j` and `sca_tools` do.
/// - `gcap`: GCaP §5.5's regression: λ fixed at the measured X(1), C = X/X(1), x = N − 1,
///   y = N/C − 1 = κx² + (σ + κ)x fitted through the origin — what R's `usl` 1.x did.
public enum USLFit {
    public enum Method: String, Sendable, CaseIterable {
        case nls, gcap

        public var summary: String {
            switch self {
            case .nls: "nonlinear least squares on the throughputs (Levenberg–Marquardt; σ, κ, λ fitted)"
            case .gcap: "GCaP §5.5 quadratic regression with λ fixed at the measured X(1)"
            }
        }
    }

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var estimate: Double
        /// The 80% interval; nil for a parameter held fixed (λ under `gcap`).
        public var low: Double?
        public var high: Double?
    }

    /// Which term of the denominator dominates at the peak.
    public enum Limit: String, Sendable {
        case contention, coherency
    }

    public struct Result: Sendable {
        public var data: LoadTest
        public var source: String
        public var method: Method
        public var sigma: Parameter
        public var kappa: Parameter
        public var lambda: Parameter
        /// √((1 − σ)/κ), the concurrency of peak throughput.
        public var peakConcurrency: Double
        public var peakThroughput: Double
        public var limit: Limit
        /// The model at each measured point, and the residuals.
        public var fitted: [Double]
        public var residuals: [Double]
        public var rmse: Double
        public var rSquared: Double
        public var quality: GrowthFit.Quality
        public var iterations: Int

        /// Throughput at concurrency `n`.
        public func throughput(at n: Double) -> Double {
            USLFit.throughput(n, sigma: sigma.estimate, kappa: kappa.estimate, lambda: lambda.estimate)
        }

        /// The 80% confidence band of the fitted throughput at `n` (delta method), nil under
        /// `gcap` (whose covariance is on its own scale).
        public func band(at n: Double) -> (low: Double, high: Double)? {
            guard let covariance else { return nil }
            let g = USLFit.gradient(n, sigma: sigma.estimate, kappa: kappa.estimate, lambda: lambda.estimate)
            var variance = 0.0
            for a in 0..<3 { for b in 0..<3 { variance += g[a] * covariance[a][b] * g[b] } }
            let center = throughput(at: n), half = tQuantile * Swift.max(variance, 0).squareRoot()
            return (Swift.max(0, center - half), center + half)
        }

        /// A profile capacity limit: the throughput of `units` (a param of the tier) as an
        /// expression, with the coefficients to 6 significant digits.
        public func limitExpression(units: String) -> String {
            let s = NumberFormatting.significant(sigma.estimate, digits: 6)
            let k = NumberFormatting.significant(kappa.estimate, digits: 6)
            let l = NumberFormatting.significant(lambda.estimate, digits: 6)
            return "\(l) * \(units) / (1 + \(s) * (\(units) - 1) + \(k) * \(units) * (\(units) - 1))"
        }

        var covariance: [[Double]]?
        var tQuantile: Double
    }

    /// Why the data give no usable fit.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    static func throughput(_ n: Double, sigma: Double, kappa: Double, lambda: Double) -> Double {
        lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1))
    }

    /// ∂X/∂(σ, κ, λ).
    static func gradient(_ n: Double, sigma: Double, kappa: Double, lambda: Double) -> [Double] {
        let d = 1 + sigma * (n - 1) + kappa * n * (n - 1)
        return [-lambda * n * (n - 1) / (d * d), -lambda * n * n * (n - 1) / (d * d), n / d]
    }

    /// Fits the law to the measurements.
    public static func fit(_ data: LoadTest, method: Method = .nls, source: String) throws(Failure) -> Result {
        let n = data.count
        let distinct = Set(data.concurrency).count
        guard distinct >= 4, n >= 4 else {
            throw Failure(
                message:
                    "the USL has 3 parameters and needs measurements at 4 or more concurrencies to fit them and their spread; the file has \(distinct)"
            )
        }
        switch method {
        case .nls: return try nonlinear(data, source: source)
        case .gcap: return try regression(data, source: source)
        }
    }

    static func nonlinear(_ data: LoadTest, source: String) throws(Failure) -> Result {
        let n = data.concurrency
        let problem = LeastSquares(
            observations: data.throughput,
            model: { theta, index, gradient in
                let g = USLFit.gradient(n[index], sigma: theta[0], kappa: theta[1], lambda: theta[2])
                gradient[0] = g[0]
                gradient[1] = g[1]
                gradient[2] = g[2]
                return USLFit.throughput(n[index], sigma: theta[0], kappa: theta[1], lambda: theta[2])
            },
            lower: [0, 0, 0], upper: [1, .infinity, .infinity])
        // R's start (usl.R): λ = max(X/N), σ = 0.01, κ = 0.0001.
        let lambdaStart = zip(data.throughput, n).map { $0 / $1 }.max() ?? 1
        let solution = problem.solve(from: [0.01, 0.0001, lambdaStart])
        guard solution.converged else {
            throw Failure(message: "the least-squares fit did not converge in \(problem.maximumIterations) iterations")
        }
        let theta = solution.theta
        let df = data.count - 3
        let t = StudentT.quantile(0.5 + GrowthFit.confidence / 2, degreesOfFreedom: Double(df))
        if solution.atBound[1] {
            let roof = theta[1] == 0 && theta[0] > 0 ? theta[2] / theta[0] : .infinity
            throw Failure(
                message:
                    "κ (coherency) fits at its bound 0 (σ \(NumberFormatting.significant(theta[0], digits: 4)), λ \(NumberFormatting.significant(theta[2], digits: 6))): the throughput never turns down over the measured concurrencies, so no peak N* can be estimated"
                    + (roof.isFinite
                        ? "; the law then approaches λ/σ = \(NumberFormatting.significant(roof, digits: 4)) (Amdahl's law)" : "")
                    + ". Measure at higher concurrency, or try --method gcap")
        }
        if solution.atBound[0] {
            throw Failure(
                message:
                    "σ (contention) fits at its bound \(theta[0] >= 1 ? "1" : "0"): \(theta[0] >= 1 ? "throughput does not grow with concurrency at all" : "the data show no serial fraction, only coherency") — check the measurements"
            )
        }
        if theta[2] <= 0 { throw Failure(message: "λ (the throughput of one) fits at its bound 0") }
        guard let inverse = solution.inverseInformation else {
            throw Failure(
                message:
                    "σ, κ and λ are not identifiable: the concurrencies measured cannot tell contention from coherency (the information matrix is singular); measure over a wider range"
            )
        }
        let variance = solution.residualSumOfSquares / Double(df)
        let covariance = inverse.map { $0.map { $0 * variance } }
        func parameter(_ name: String, _ index: Int) -> Parameter {
            let half = t * covariance[index][index].squareRoot()
            return Parameter(name: name, estimate: theta[index], low: theta[index] - half, high: theta[index] + half)
        }
        return summarise(
            data, source: source, method: .nls, sigma: parameter("sigma", 0), kappa: parameter("kappa", 1),
            lambda: parameter("lambda", 2), iterations: solution.iterations, covariance: covariance, t: t)
    }

    static func regression(_ data: LoadTest, source: String) throws(Failure) -> Result {
        let ones = data.concurrency.indices.filter { data.concurrency[$0] == 1 }
        guard !ones.isEmpty else {
            throw Failure(
                message:
                    "the gcap method normalises by the throughput at concurrency 1, and the file has no N = 1 row; use the default method (nls), which fits λ"
            )
        }
        let scale = ones.map { data.throughput[$0] }.reduce(0, +) / Double(ones.count)
        // y = a·x² + b·x through the origin: the normal equations of two regressors.
        var sxx = 0.0, sx3 = 0.0, sx4 = 0.0, sxy = 0.0, sx2y = 0.0
        var rows: [(x: Double, y: Double)] = []
        for (n, x) in zip(data.concurrency, data.throughput) {
            let xx = n - 1, y = n / (x / scale) - 1
            rows.append((xx, y))
            sxx += xx * xx
            sx3 += xx * xx * xx
            sx4 += xx * xx * xx * xx
            sxy += xx * y
            sx2y += xx * xx * y
        }
        let matrix = [[sx4, sx3], [sx3, sxx]]
        guard let inverse = LeastSquares.invertSymmetric(matrix) else {
            throw Failure(message: "σ and κ are not identifiable from these concurrencies (the regression is singular)")
        }
        let a = inverse[0][0] * sx2y + inverse[0][1] * sxy
        let b = inverse[1][0] * sx2y + inverse[1][1] * sxy
        let kappa = a, sigma = b - a
        let df = rows.count - 2
        let rss = rows.reduce(0.0) { $0 + ($1.y - a * $1.x * $1.x - b * $1.x) * ($1.y - a * $1.x * $1.x - b * $1.x) }
        let variance = rss / Double(Swift.max(df, 1))
        let t = StudentT.quantile(0.5 + GrowthFit.confidence / 2, degreesOfFreedom: Double(Swift.max(df, 1)))
        let kappaHalf = t * (variance * inverse[0][0]).squareRoot()
        // Var(σ) = Var(b) + Var(a) − 2·Cov(a, b).
        let sigmaHalf = t * (variance * (inverse[1][1] + inverse[0][0] - 2 * inverse[0][1])).squareRoot()
        if kappa <= 0 {
            throw Failure(
                message:
                    "κ (coherency) comes out at \(NumberFormatting.significant(kappa, digits: 4)), not above 0: the throughput never turns down over the measured concurrencies, so no peak N* can be estimated"
            )
        }
        if sigma < 0 || sigma >= 1 {
            throw Failure(
                message: "σ (contention) comes out at \(NumberFormatting.significant(sigma, digits: 4)), outside [0, 1)")
        }
        return summarise(
            data, source: source, method: .gcap,
            sigma: Parameter(name: "sigma", estimate: sigma, low: sigma - sigmaHalf, high: sigma + sigmaHalf),
            kappa: Parameter(name: "kappa", estimate: kappa, low: kappa - kappaHalf, high: kappa + kappaHalf),
            lambda: Parameter(name: "lambda", estimate: scale, low: nil, high: nil), iterations: 1, covariance: nil, t: t)
    }

    static func summarise(
        _ data: LoadTest, source: String, method: Method, sigma: Parameter, kappa: Parameter, lambda: Parameter,
        iterations: Int, covariance: [[Double]]?, t: Double
    ) -> Result {
        let peak = ((1 - sigma.estimate) / kappa.estimate).squareRoot()
        let fitted = data.concurrency.map {
            throughput($0, sigma: sigma.estimate, kappa: kappa.estimate, lambda: lambda.estimate)
        }
        let residuals = zip(data.throughput, fitted).map { $0 - $1 }
        let mean = data.throughput.reduce(0, +) / Double(data.count)
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let tss = data.throughput.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let rSquared = tss > 0 ? 1 - rss / tss : 1
        // At the peak, coherency's κN(N − 1) against contention's σ(N − 1): κN* against σ.
        let limit: Limit = kappa.estimate * peak > sigma.estimate ? .coherency : .contention
        return Result(
            data: data, source: source, method: method, sigma: sigma, kappa: kappa, lambda: lambda, peakConcurrency: peak,
            peakThroughput: throughput(peak, sigma: sigma.estimate, kappa: kappa.estimate, lambda: lambda.estimate),
            limit: limit, fitted: fitted, residuals: residuals, rmse: (rss / Double(data.count)).squareRoot(),
            rSquared: rSquared, quality: GrowthFit.Quality(rSquared: rSquared), iterations: iterations,
            covariance: covariance, tQuantile: t)
    }
}
