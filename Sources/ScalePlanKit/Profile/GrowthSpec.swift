/// A growth curve as a profile declares it: a kind and its parameters, each possibly uncertain
/// (sampled per trial by Monte Carlo), or a list of points, or a CSV file.
public enum GrowthSpec: Sendable, Equatable {
    /// A scalar kind with its parameters in `kind.parameters` order.
    case parametric(GrowthKind, [Uncertain])
    case points([GrowthPoint])
    case csv(file: String)

    public var kind: GrowthKind {
        switch self {
        case .parametric(let kind, _): kind
        case .points: .points
        case .csv: .csv
        }
    }

    /// The curve with each uncertain parameter at its deterministic value. CSV curves are
    /// resolved by the caller (they need the file), so nil here.
    public var expectedCurve: GrowthCurve? {
        curve { $0.expected }
    }

    /// Whether any parameter is uncertain (a `points` or `csv` curve never is).
    public var isUncertain: Bool {
        if case .parametric(_, let values) = self { return values.contains(where: \.isUncertain) }
        return false
    }

    /// The curve with each uncertain parameter chosen by `pick` (the Monte Carlo sampler), in
    /// parameter order.
    public func curve(_ pick: (Uncertain) -> Double) -> GrowthCurve? {
        switch self {
        case .parametric(let kind, let values): kind.curve(values.map(pick))
        case .points(let points): .points(points)
        case .csv: nil
        }
    }

    /// A short description: `exponential start 100, rate 0.05 – 0.15 (uniform)`, `points 0:100,
    /// 12:5000`, `csv users.csv`.
    public var summary: String { summary(significantDigits: nil) }

    /// The summary with each parameter to at most `significantDigits` (see `Uncertain.summary`).
    public func summary(significantDigits: Int?) -> String {
        switch self {
        case .parametric(let kind, let values):
            return kind.rawValue + " "
                + zip(kind.parameters, values).map { "\($0.name) \($1.summary(significantDigits: significantDigits))" }
                .joined(separator: ", ")
        case .points(let points): return GrowthCurve.points(points).summary
        case .csv(let file): return "csv \(file)"
        }
    }
}
