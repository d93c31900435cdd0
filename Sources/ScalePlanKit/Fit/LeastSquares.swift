/// Nonlinear least squares by Levenberg–Marquardt, with simple bounds, and the covariance of
/// the estimate: the one solver `fit growth` and `fit usl` share.
///
/// The method: K. Levenberg (1944), D. W. Marquardt, "An algorithm for least-squares estimation
/// of nonlinear parameters", SIAM J. Appl. Math. 11 (1963) — the step solves
/// (JᵀJ + μ·diag(JᵀJ)) δ = Jᵀr, Marquardt's scaling, so parameters of very different size (κ ≈
/// 10⁻⁴ beside λ ≈ 100) are damped alike. The damping is updated by the gain ratio ρ as in
/// H. B. Nielsen, "Damping parameter in Marquardt's method", IMM-REP-1999-05 (DTU), eq. (2.3):
/// μ ← μ·max(1/3, 1 − (2ρ − 1)³) on success, μ ← μ·ν, ν ← 2ν on failure.
///
/// Bounds are kept by an active set: a step that would cross a bound stops the parameter at
/// it, and the parameter stays fixed while the gradient pushes it outwards (the KKT condition),
/// which is what `nls(algorithm = "port")` and `nlsr::nlxb` report for the USL's κ on the
/// raytracer data.
struct LeastSquares {
    /// The model at observation `index` for parameters `theta`, writing ∂model/∂θ into
    /// `gradient` (length = the parameter count).
    typealias Model = (_ theta: [Double], _ index: Int, _ gradient: inout [Double]) -> Double

    var observations: [Double]
    var model: Model
    var lower: [Double]
    var upper: [Double]
    var maximumIterations = 500

    /// How the solve ended.
    struct Solution {
        var theta: [Double]
        var residualSumOfSquares: Double
        var iterations: Int
        var converged: Bool
        /// Parameters held at a bound at the end, with the gradient pushing them outward.
        var atBound: [Bool]
        /// (JᵀJ)⁻¹ at the solution over the free parameters (zero rows and columns for those at
        /// a bound); nil when JᵀJ is singular there — a parameter the data cannot identify.
        var inverseInformation: [[Double]]?
    }

    /// Residuals y − f(θ) and the Jacobian ∂f/∂θ at `theta`, accumulated as JᵀJ, Jᵀr and ‖r‖².
    private func normalEquations(_ theta: [Double]) -> (jtj: [[Double]], jtr: [Double], rss: Double)? {
        let p = theta.count
        var jtj = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var jtr = [Double](repeating: 0, count: p)
        var rss = 0.0
        var gradient = [Double](repeating: 0, count: p)
        for index in observations.indices {
            let prediction = model(theta, index, &gradient)
            let residual = observations[index] - prediction
            guard residual.isFinite else { return nil }
            rss += residual * residual
            for a in 0..<p {
                let ga = gradient[a]
                guard ga.isFinite else { return nil }
                jtr[a] += ga * residual
                for b in 0...a { jtj[a][b] += ga * gradient[b] }
            }
        }
        for a in 0..<p { for b in 0..<a { jtj[b][a] = jtj[a][b] } }
        return (jtj, jtr, rss)
    }

    private func residualSumOfSquares(_ theta: [Double]) -> Double {
        var gradient = [Double](repeating: 0, count: theta.count)
        var rss = 0.0
        for index in observations.indices {
            let residual = observations[index] - model(theta, index, &gradient)
            rss += residual * residual
        }
        return rss.isFinite ? rss : .infinity
    }

    /// Solves from `start` (clamped into the bounds).
    func solve(from start: [Double]) -> Solution {
        let p = start.count
        var theta = zip(start, zip(lower, upper)).map { Swift.min(Swift.max($0, $1.0), $1.1) }
        guard var equations = normalEquations(theta) else {
            return Solution(
                theta: theta, residualSumOfSquares: .infinity, iterations: 0, converged: false,
                atBound: [Bool](repeating: false, count: p), inverseInformation: nil)
        }
        var mu = 1e-3 * ((0..<p).map { equations.jtj[$0][$0] }.max() ?? 1)
        var nu = 2.0
        var iterations = 0
        var converged = false
        var fixed = [Bool](repeating: false, count: p)
        while iterations < maximumIterations {
            iterations += 1
            // Release a bound parameter the gradient now pulls inside; hold one it pushes out.
            for a in 0..<p {
                let atLower = theta[a] <= lower[a], atUpper = theta[a] >= upper[a]
                fixed[a] = (atLower && equations.jtr[a] <= 0) || (atUpper && equations.jtr[a] >= 0)
            }
            let free = (0..<p).filter { !fixed[$0] }
            if free.isEmpty {
                converged = true
                break
            }
            let gradientNorm = free.map { abs(equations.jtr[$0]) }.max() ?? 0
            if gradientNorm <= 1e-14 * Swift.max(equations.rss, .leastNormalMagnitude) {
                converged = true
                break
            }
            // The damped system over the free parameters; a step that crosses a bound is cut
            // there and that parameter is held for the rest of this iteration.
            var stepFree = free
            var step = [Double](repeating: 0, count: p)
            var solved = false
            while !stepFree.isEmpty {
                let matrix = stepFree.map { a in
                    stepFree.map { b in equations.jtj[a][b] + (a == b ? mu * Swift.max(equations.jtj[a][a], 1e-300) : 0) }
                }
                // Parameters already stopped at a bound this iteration move by their step, so
                // the others' right-hand side is Jᵀr − JᵀJ·(those steps).
                let rhs = stepFree.map { a in
                    equations.jtr[a]
                        - (0..<p).filter { !stepFree.contains($0) }.reduce(0) { $0 + equations.jtj[a][$1] * step[$1] }
                }
                guard let delta = Self.solveSymmetric(matrix, rhs) else { break }
                for (k, a) in stepFree.enumerated() { step[a] = delta[k] }
                guard
                    let crossing = stepFree.first(where: {
                        theta[$0] + step[$0] < lower[$0] || theta[$0] + step[$0] > upper[$0]
                    })
                else {
                    solved = true
                    break
                }
                step[crossing] =
                    (theta[crossing] + step[crossing] < lower[crossing] ? lower[crossing] : upper[crossing]) - theta[crossing]
                stepFree.removeAll { $0 == crossing }
                if stepFree.isEmpty { solved = true }
            }
            guard solved else {
                mu *= nu
                nu *= 2
                if !mu.isFinite { break }
                continue
            }
            var candidate = theta
            for a in 0..<p { candidate[a] = Swift.min(Swift.max(theta[a] + step[a], lower[a]), upper[a]) }
            let stepNorm = (0..<p).map { abs(candidate[$0] - theta[$0]) / (abs(theta[$0]) + 1e-12) }.max() ?? 0
            let candidateRSS = residualSumOfSquares(candidate)
            // Predicted reduction of the linear model: δᵀ(μ·D·δ + Jᵀr).
            var predicted = 0.0
            for a in 0..<p {
                let actual = candidate[a] - theta[a]
                predicted += actual * (mu * Swift.max(equations.jtj[a][a], 1e-300) * actual + equations.jtr[a])
            }
            let rho = predicted > 0 ? (equations.rss - candidateRSS) / predicted : -1
            if rho > 0, candidateRSS.isFinite, let next = normalEquations(candidate) {
                let improvement = equations.rss - candidateRSS
                theta = candidate
                equations = next
                mu *= Swift.max(1.0 / 3, 1 - Math.power(2 * rho - 1, 3))
                nu = 2
                if stepNorm <= 1e-12 || improvement <= 1e-15 * candidateRSS {
                    converged = true
                    break
                }
            } else {
                mu *= nu
                nu *= 2
                if !mu.isFinite || mu > 1e300 {
                    // No step reduces the sum any more: a minimum to machine precision.
                    converged = stepNorm <= 1e-8
                    break
                }
                if stepNorm <= 1e-15 {
                    converged = true
                    break
                }
            }
        }
        var atBound = [Bool](repeating: false, count: p)
        for a in 0..<p {
            atBound[a] =
                (theta[a] <= lower[a] && equations.jtr[a] <= 0) || (theta[a] >= upper[a] && equations.jtr[a] >= 0)
        }
        let free = (0..<p).filter { !atBound[$0] }
        var inverse: [[Double]]? = nil
        if let freeInverse = Self.invertSymmetric(free.map { a in free.map { b in equations.jtj[a][b] } }) {
            var full = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
            for (i, a) in free.enumerated() { for (j, b) in free.enumerated() { full[a][b] = freeInverse[i][j] } }
            inverse = full
        }
        return Solution(
            theta: theta, residualSumOfSquares: equations.rss, iterations: iterations, converged: converged,
            atBound: atBound, inverseInformation: inverse)
    }

    /// Solves A x = b for a symmetric positive-definite A by Cholesky; nil when A is not.
    static func solveSymmetric(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        cholesky(a).map { substitute($0, b) }
    }

    /// x with L Lᵀ x = b: forward substitution through L, then back through Lᵀ.
    private static func substitute(_ l: [[Double]], _ b: [Double]) -> [Double] {
        let n = b.count
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i][k] * y[k] }
            y[i] /= l[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k][i] * y[k] }
            y[i] /= l[i][i]
        }
        return y
    }

    /// The inverse of a symmetric positive-definite matrix, nil when it is singular to working
    /// precision: the matrix is first scaled to unit diagonal (a correlation matrix), so the
    /// test does not depend on the parameters' units, and a pivot below 10⁻¹⁰ there means two
    /// parameters the data cannot tell apart.
    static func invertSymmetric(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        guard n > 0 else { return [] }
        let scale = (0..<n).map { a[$0][$0] > 0 ? 1 / a[$0][$0].squareRoot() : 0 }
        guard !scale.contains(0) else { return nil }
        let scaled = (0..<n).map { i in (0..<n).map { j in a[i][j] * scale[i] * scale[j] } }
        guard let l = cholesky(scaled, minimumPivot: 1e-10) else { return nil }
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for column in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[column] = 1
            let y = substitute(l, unit)
            for i in 0..<n { inverse[i][column] = y[i] * scale[i] * scale[column] }
        }
        return inverse
    }

    /// The lower Cholesky factor, nil when a pivot is not above `minimumPivot` (relative to the
    /// diagonal entry).
    static func cholesky(_ a: [[Double]], minimumPivot: Double = 0) -> [[Double]]? {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > minimumPivot * abs(a[i][i]), sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l
    }
}
