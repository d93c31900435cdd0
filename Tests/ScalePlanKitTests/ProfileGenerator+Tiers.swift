@testable import ScalePlanKit

/// Tiers: ranges, limits, costs, queues, SLOs, migrations, teams and their triggers.
extension ProfileGenerator {
    /// What a tier's triggers may read of their own tier.
    struct TierShape {
        var id: String
        var limits: [String]
        var queues: [String]
    }

    /// 1–5 tiers with contiguous half-open ranges, the first from 0 or a positive number, the
    /// last open-ended. Triggers are added once every tier's cost categories are known.
    mutating func tierList() -> [GeneratedJSON] {
        let count = random.int(1...5)
        tierIDs = Array(["starter", "growth", "scale", "business", "enterprise"].prefix(count))
        boundaries = tierBoundaries(count)
        var bodies: [[(key: String, value: GeneratedJSON)]] = []
        var shapes: [TierShape] = []
        for index in 0..<count {
            let (body, shape) = tier(index)
            bodies.append(body)
            shapes.append(shape)
            limitNames += shape.limits.filter { !limitNames.contains($0) }
            queueNames += shape.queues.filter { !queueNames.contains($0) }
        }
        return zip(bodies, shapes).map { body, shape in
            let triggers = triggerList(count: random.int(0...3), owner: shape)
            return .object(triggers.isEmpty ? body : body + [("triggers", .array(triggers))])
        }
    }

    /// Each tier's minimum: 0 or a positive start, then growing by 2–20× (sometimes +1, as a
    /// tier "up to 10,000" that includes 10,000 ends at 10,001).
    mutating func tierBoundaries(_ count: Int) -> [Double] {
        var result = [random.chance(0.5) ? 0 : random.pick([1, 10, random.magnitude(1, 500)])]
        while result.count < count {
            let last = result[result.count - 1]
            let next = last == 0 ? random.magnitude(50, 2000) : roundedToTwoDigits(last * random.magnitude(2, 20))
            result.append(next + (random.chance(0.15) ? 1 : 0))
        }
        return result
    }

    /// A tier's members other than its triggers, and what its triggers may read.
    mutating func tier(_ index: Int) -> ([(key: String, value: GeneratedJSON)], TierShape) {
        let id = tierIDs[index]
        let isLast = index == tierIDs.count - 1
        let (capacity, limits) = capacityObject()
        let (queues, queueNames) = queueObject()
        var body: [(key: String, value: GeneratedJSON)] = [("id", .string(id)), ("name", .string(capitalized(id)))]
        func add(_ key: String, _ value: GeneratedJSON?) { if let value { body.append((key, value)) } }
        add("source", random.chance(0.3) ? .string("Plan §\(index + 1)") : nil)
        // By capacity a range is derived (one given anyway only warns, so none is).
        let range = members(("min", .number(boundaries[index])), ("max", isLast ? nil : .number(boundaries[index + 1])))
        add("range", byCapacity ? nil : range)
        add("params", tierParams())
        // The first tier always uses the component (an unused one is a warning).
        add("use", component != nil && (index == 0 || random.chance(0.5)) ? .array([.string(component ?? "")]) : nil)
        add("timeline", random.chance(0.2) ? timeline(index) : nil)
        add("capacity", capacity)
        add("costs", .array(costList()))
        add("slo", random.chance(0.4) ? serviceLevel() : nil)
        add("queues", queues)
        add("migration", random.chance(0.4) ? migration() : nil)
        add("team", random.chance(0.15) ? team() : nil)
        add("notes", random.chance(0.15) ? .array([.string("A note.")]) : nil)
        return (body, TierShape(id: id, limits: limits, queues: queueNames))
    }

    /// Sometimes the tier's own values of one or two params (positive, uncertain at times).
    mutating func tierParams() -> GeneratedJSON? {
        guard !params.isEmpty, random.chance(0.3) else { return nil }
        let chosen = random.sample(params, random.int(1...Swift.min(2, params.count)))
        return .object(chosen.map { ($0, uncertain(0.5, 20, whole: $0 == "replicas").json) })
    }

    /// Planned months, six per tier, sometimes with an end and a label.
    mutating func timeline(_ index: Int) -> GeneratedJSON {
        let start = Double(index * 6)
        let end = start + Double(random.int(1...12))
        return members(
            ("start", .number(start)), ("end", random.chance(0.6) ? .number(end) : nil),
            ("label", random.chance(0.5) ? .string("Phase \(index + 1)") : nil))
    }

    // MARK: Limits

    /// 0–4 limits on metrics or the driver, sometimes an empty `capacity`.
    mutating func capacityObject() -> (GeneratedJSON?, [String]) {
        let candidates = [driver] + metrics
        let names = random.sample(candidates, random.int(0...Swift.min(4, candidates.count)))
        guard !names.isEmpty else { return (random.chance(0.2) ? .object([]) : nil, []) }
        return (.object(names.map { ($0, limit()) }), names)
    }

    /// A positive number, or an expression over a param such as `replicas * 500`, sometimes
    /// as `{limit, label, source}`.
    mutating func limit() -> GeneratedJSON {
        var value = GeneratedJSON.number(random.magnitude(1, 1e6))
        if !params.isEmpty && random.chance(0.35) {
            let param = random.pick(params)
            value = .string(
                random.pick([
                    "\(param) * \(literal(random.magnitude(10, 5000)))",
                    "\(literal(random.magnitude(1, 1000))) + \(param) * \(literal(random.magnitude(1, 1000)))",
                    "max(1, \(param)) * \(literal(random.magnitude(10, 5000)))",
                ]))
        } else if random.chance(0.1) {
            value = .string("max(\(literal(random.magnitude(10, 1000))), \(driver) * \(literal(random.uniform(0.1, 2))))")
        }
        guard random.chance(0.25) else { return value }
        return members(
            ("limit", value), ("label", random.chance(0.5) ? .string("Plan limit") : nil),
            ("source", random.chance(0.5) ? .string("Vendor pricing page") : nil))
    }

    // MARK: Costs

    /// 1–6 cost items over a small set of categories, sometimes in a foreign currency.
    mutating func costList() -> [GeneratedJSON] {
        (0..<random.int(1...6)).map { index in
            let category = random.pick(["compute", "database", "cdn", "storage", "team", "ai", "other"])
            if !categories.contains(category) { categories.append(category) }
            let itemCurrency: String? = random.chance(0.15) ? foreignCurrency() : random.chance(0.05) ? currency : nil
            return members(
                ("item", .string("\(capitalized(category)) \(index + 1)")), ("category", .string(category)),
                ("amount", amount()), ("currency", itemCurrency.map { .string($0) }),
                ("source", random.chance(0.2) ? .string("Price list") : nil),
                ("note", random.chance(0.1) ? .string("Billed monthly") : nil),
                ("credit", index > 0 && random.chance(0.08) ? .bool(true) : nil))
        }
    }

    /// Every form of amount: a number (0 for a free plan), usage pricing, `{low, high}` and
    /// `{low, mode, high}` of numbers (the mode sometimes at an end) or of expressions.
    mutating func amount() -> GeneratedJSON {
        let low = random.magnitude(1, 2000)
        let high = roundedToTwoDigits(low * random.uniform(1, 5))
        switch random.int(0...5) {
        case 0: return .number(random.chance(0.15) ? 0 : random.magnitude(1, 5000))
        case 1: return .string(usagePrice())
        case 2: return members(("low", .number(low)), ("high", .number(random.chance(0.1) ? low : high)))
        case 3:
            let mode = random.pick([low, high, Swift.min(Swift.max(random.uniform(low, high), low), high)])
            return members(("low", .number(low)), ("mode", .number(mode)), ("high", .number(high)))
        case 4:
            let usage = usagePrice()
            return members(("low", random.chance(0.5) ? .number(0) : .string(usage)), ("high", .string("(\(usage)) * 2")))
        default:
            let usage = usagePrice()
            return members(("low", .string(usage)), ("mode", .string("(\(usage)) * 1.2")), ("high", .string("(\(usage)) * 2")))
        }
    }

    /// A usage price: per unit over a free allowance, per metric unit, per block of the driver,
    /// per param, or a base plus a quantity.
    mutating func usagePrice() -> String {
        let price = literal(random.magnitude(0.0001, 1))
        switch random.int(0...4) {
        case 0: return "max(0, \(driver) - \(literal(random.magnitude(10, 10_000)))) * \(price)"
        case 1: return "\(random.pick(metrics)) * \(price)"
        case 2: return "ceil(\(driver) / \(literal(random.magnitude(100, 10_000)))) * \(literal(random.magnitude(5, 500)))"
        case 3: return params.isEmpty ? "\(driver) * \(price)" : "\(random.pick(params)) * \(literal(random.magnitude(1, 100)))"
        default: return "\(literal(random.magnitude(5, 100))) + (\(quantity(modelNames, depth: 2))) * \(price)"
        }
    }

    // MARK: Queues, SLO, migration, team

    /// 0–2 M/M/c queues: servers a whole number or an expression, service time, arrival rate.
    mutating func queueObject() -> (GeneratedJSON?, [String]) {
        let names = random.sample(["api", "worker", "db"], random.pick([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]))
        guard !names.isEmpty else { return (nil, []) }
        return (.object(names.map { ($0, queue()) }), names)
    }

    /// A queue: servers a whole number or an expression (`ceil(users / 2000)`, a param; the
    /// engine rounds down, to at least 1), service time a number or an expression, arrival an
    /// expression in requests per second, and sometimes its own p95 target.
    mutating func queue() -> GeneratedJSON {
        let param = params.isEmpty ? nil : random.pick(params)
        let servers: GeneratedJSON =
            switch random.int(0...3) {
            case 0, 1: .number(Double(random.int(1...16)))
            case 2: .string("ceil(\(driver) / \(literal(random.magnitude(100, 5000))))")
            default: param.map { .string(random.pick(["max(1, \($0))", $0, "\($0) * 2"])) } ?? .number(2)
            }
        let service: GeneratedJSON =
            random.chance(0.7)
            ? .number(random.magnitude(2, 500))
            : .string("\(literal(random.magnitude(2, 100))) + \(param ?? "\(driver) * 0.000001")")
        let arrival =
            switch random.int(0...2) {
            case 0: "\(driver) * \(literal(random.magnitude(0.00001, 0.01)))"
            case 1: "\(random.pick(metrics)) / \(literal(random.magnitude(1, 3600)))"
            default: quantity(modelNames, depth: 1)
            }
        return members(
            ("servers", servers), ("service_ms", service), ("arrival", .string(arrival)),
            ("p95_ms", random.chance(0.5) ? .number(random.magnitude(50, 2000)) : nil))
    }

    /// `{p95_ms, uptime_pct}`, either or both (or neither) given.
    mutating func serviceLevel() -> GeneratedJSON {
        members(
            ("p95_ms", random.chance(0.7) ? .number(random.magnitude(50, 2000)) : nil),
            ("uptime_pct", random.chance(0.6) ? .number(random.pick([95, 99, 99.5, 99.9, 100])) : nil))
    }

    /// A number or `{low, high}` (low ≤ high, both ≥ 0).
    mutating func numberRange(_ low: Double, _ high: Double, whole: Bool = false) -> GeneratedJSON {
        let a = whole ? Double(random.int(Int(low)...Int(high))) : random.uniform(low, high)
        guard random.chance(0.5) else { return .number(a) }
        let b = a + (whole ? Double(random.int(0...4)) : random.uniform(0, high))
        return members(("low", .number(a)), ("high", .number(b)))
    }

    /// Moving into the tier: a lead time (number or range), sometimes downtime and a note.
    mutating func migration() -> GeneratedJSON {
        let lead: GeneratedJSON
        if random.chance(0.15) {
            lead = members(("low", .number(1)), ("mode", .number(random.pick([1, 2, 3]))), ("high", .number(3)))
        } else {
            lead = random.chance(0.5) ? .number(random.pick([0, 0.5, 1, 2, 3, 6])) : numberRange(0, 4, whole: true)
        }
        return members(
            ("lead_time_months", lead),
            ("downtime_minutes", random.chance(0.5) ? numberRange(0, 60) : nil),
            ("note", random.chance(0.3) ? .string("DNS propagation") : nil))
    }

    /// Headcount, burn, a currency and 0–2 hires, each due at a driver value.
    mutating func team() -> GeneratedJSON {
        let hires = (0..<random.int(0...2)).map { _ in
            members(
                ("role", .string(random.pick(["DevOps engineer", "DBA", "SRE"]))),
                ("at", .number(random.magnitude(10, Swift.max(20, boundaries.last ?? 1000) * 2))),
                ("count", random.chance(0.5) ? .number(Double(random.int(1...3))) : nil),
                ("salary", random.chance(0.7) ? numberRange(1000, 15000) : nil),
                ("currency", random.chance(0.2) ? .string(foreignCurrency()) : nil),
                ("why", random.chance(0.5) ? .string("On-call load") : nil))
        }
        return members(
            ("headcount", numberRange(1, 20, whole: true)),
            ("burn", random.chance(0.6) ? numberRange(1000, 100_000) : nil),
            ("currency", random.chance(0.3) ? .string(foreignCurrency()) : nil),
            ("hires", hires.isEmpty && random.chance(0.5) ? nil : .array(hires)))
    }

    /// "starter" → "Starter".
    func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
