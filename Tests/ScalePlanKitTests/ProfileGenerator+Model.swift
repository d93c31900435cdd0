@testable import ScalePlanKit

/// Params, metrics and the run-time hazards among them.
extension ProfileGenerator {
    /// A number the decoder reads as fixed or uncertain, with its bounds for callers that must
    /// keep others apart from it (a logistic curve's cap above its start).
    struct UncertainNumber {
        var json: GeneratedJSON
        var low: Double
        var high: Double
    }

    /// A number between about `low` and `high` in one of the decoder's forms: plain, `{value}`,
    /// uniform `{low, high}`, triangular `{low, mode, high}` (the mode sometimes at an end),
    /// lognormal `{low, high, "distribution"}` (when low > 0), or with the distribution named.
    mutating func uncertain(_ low: Double, _ high: Double, whole: Bool = false) -> UncertainNumber {
        func draw(_ generator: inout ProfileGenerator) -> Double {
            whole ? Double(generator.random.int(Int(low)...Int(high))) : generator.random.uniform(low, high)
        }
        let a = draw(&self), b = draw(&self)
        let lo = Swift.min(a, b)
        let hi = Swift.max(a, b) > lo ? Swift.max(a, b) : lo + (whole ? 1 : Swift.max(Swift.abs(lo) / 2, 0.01))
        let mode = random.pick([lo, hi, Swift.min(Swift.max(draw(&self), lo), hi)])
        func range(mode withMode: Bool = false, distribution: String? = nil) -> GeneratedJSON {
            var parts: [(key: String, value: GeneratedJSON)] = [("low", .number(lo))]
            if withMode { parts.append(("mode", .number(mode))) }
            parts.append(("high", .number(hi)))
            if let distribution { parts.append(("distribution", .string(distribution))) }
            return .object(parts)
        }
        switch random.int(0...6) {
        case 0: return UncertainNumber(json: .number(a), low: a, high: a)
        case 1: return UncertainNumber(json: .object([("value", .number(a))]), low: a, high: a)
        case 2: return UncertainNumber(json: range(), low: lo, high: hi)
        case 3: return UncertainNumber(json: range(mode: true), low: lo, high: hi)
        case 4 where lo > 0:
            return UncertainNumber(json: range(distribution: "lognormal"), low: lo, high: hi)
        case 5:
            return UncertainNumber(json: range(mode: true, distribution: "triangular"), low: lo, high: hi)
        default:
            return UncertainNumber(json: range(distribution: "uniform"), low: lo, high: hi)
        }
    }

    /// 0–5 params, all positive (expressions may divide by them), sometimes documented or
    /// marked observed.
    mutating func paramObject() -> GeneratedJSON? {
        let pool: [(name: String, low: Double, high: Double)] = [
            ("replicas", 1, 8), ("req_per_user", 0.5, 200), ("peak_factor", 1.5, 10), ("price", 0.001, 5),
            ("share_active", 0.05, 0.9),
        ]
        let chosen = random.sample(pool, random.int(0...5))
        params = chosen.map(\.name)
        if chosen.isEmpty { return random.chance(0.3) ? .object([]) : nil }
        return .object(chosen.map { ($0.name, param(uncertain($0.low, $0.high, whole: $0.name == "replicas"))) })
    }

    /// A param's value, with the optional keys of the object forms.
    mutating func param(_ number: UncertainNumber) -> GeneratedJSON {
        guard case .object(var parts) = number.json else { return number.json }
        if random.chance(0.3) { parts.append(("unit", .string("per month"))) }
        if random.chance(0.2) { parts.append(("label", .string("A param"))) }
        if random.chance(0.4) { parts.append(("assumption", .string("Generated."))) }
        if random.chance(0.2) { parts.append(("source", .string("Nowhere."))) }
        if random.chance(0.1) { parts.append(("observed", .bool(true))) }
        return .object(parts)
    }

    /// 1–8 metrics forming a random DAG — each reads a few of the driver, the params and the
    /// metrics before it — declared in a shuffled order half the time (the compiler sorts
    /// them). About one profile in five gets a hazard metric somewhere in the chain.
    mutating func metricObject() -> GeneratedJSON {
        let pool = ["load", "peak_rps", "storage_gb", "connections", "bandwidth_gb", "jobs", "memory_gb", "events"]
        let count = random.int(1...8)
        let hazardPosition = random.chance(0.2) ? random.int(0...count) : nil
        var definitions: [(name: String, expression: String)] = []
        for index in 0...count {
            if index == hazardPosition { definitions.append(hazardMetric()) }
            guard index < count else { break }
            var reads = random.sample(modelNames, random.int(1...Swift.min(3, modelNames.count)))
            if let last = metrics.last, !reads.contains(last), random.chance(0.5) { reads.append(last) }
            definitions.append((pool[index], quantity(reads, depth: random.int(1...3))))
            metrics.append(pool[index])
        }
        let ordered = random.chance(0.5) ? random.shuffled(definitions) : definitions
        // Some metrics are stocks: what their expression adds each month accumulates.
        return .object(
            ordered.map { definition in
                guard definition.name != "ratio", random.chance(0.12) else {
                    return (definition.name, metric(definition.expression))
                }
                return (
                    definition.name,
                    members(
                        ("accumulate", .string(definition.expression)),
                        ("initial", random.chance(0.5) ? .number(random.magnitude(1, 1000)) : nil),
                        ("unit", random.chance(0.3) ? .string("GB") : nil))
                )
            })
    }

    /// A metric as a string, or as `{expr, …}` with some of its optional keys.
    mutating func metric(_ expression: String) -> GeneratedJSON {
        guard random.chance(0.3) else { return .string(expression) }
        return members(
            ("expr", .string(expression)), ("unit", random.chance(0.5) ? .string("req/s") : nil),
            ("label", random.chance(0.5) ? .string("A metric") : nil),
            ("source", random.chance(0.2) ? .string("Nowhere.") : nil),
            ("assumption", random.chance(0.2) ? .string("Generated.") : nil))
    }

    /// The metric `ratio`, whose expression goes invalid at run time, recorded in `hazard`.
    mutating func hazardMetric() -> (name: String, expression: String) {
        let (expression, witness) = hazardExpression()
        hazard = Hazard(metric: "ratio", expression: expression, witness: witness)
        metrics.append("ratio")
        return ("ratio", expression)
    }

    /// An expression that is NaN, infinite, negative or 0 at some driver value, and that value.
    mutating func hazardExpression() -> (text: String, witness: Double) {
        let d = driver
        let k = random.magnitude(10, 5000)
        let c = literal(k)
        switch random.int(0...7) {
        case 0: return ("\(d) / (\(d) - \(c))", k)  // +∞ at k, negative below it
        case 1: return ("log(\(d) - \(c))", k / 2)  // NaN below k, −∞ at it
        case 2: return ("sqrt(\(c) - \(d))", 2 * k)  // NaN above k
        case 3: return ("(\(d) - \(c)) * \(literal(random.uniform(0.1, 3)))", 0)  // negative below k
        case 4: return ("1 / max(0, \(c) - \(d))", 2 * k)  // +∞ from k on
        case 5: return ("exp(\(d) / 10)", 10_000)  // +∞ past 7,100
        case 6: return ("(\(d) - \(d)) / (\(d) - \(d))", 1)  // 0/0: NaN everywhere
        default: return ("\(d) * 0", 1)  // 0 everywhere: a divisor waiting to happen
        }
    }
}
