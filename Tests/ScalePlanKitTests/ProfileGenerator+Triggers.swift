@testable import ScalePlanKit

/// Triggers (a tier's and global ones) and scenarios.
extension ProfileGenerator {
    /// What a trigger may compare, by kind: the model, cost and each category, revenue and
    /// margin, the month, utilisation (overall and per limit) and latency per queue. A tier's
    /// trigger sees its own limits and queues; a global one every tier's (the compiler allows
    /// it: only tier triggers are held to their tier's names).
    func triggerOperands(_ owner: TierShape?) -> [[Operand]] {
        let limits = owner?.limits ?? limitNames
        let queues = owner?.queues ?? queueNames
        let groups: [[Operand]] = [
            modelNames.map { Operand(text: $0, scale: .model) },
            [Operand(text: "cost", scale: .money)] + categories.map { Operand(text: "cost.\($0)", scale: .money) },
            [Operand(text: "revenue", scale: .money), Operand(text: "margin", scale: .signedMoney)],
            [Operand(text: "month", scale: .months)],
            [Operand(text: "utilization", scale: .fraction)]
                + limits.map { Operand(text: "utilization.\($0)", scale: .fraction) },
            queues.map { Operand(text: "latency.\($0)", scale: .milliseconds) },
        ]
        return groups.filter { !$0.isEmpty }
    }

    /// `count` triggers of a tier (`owner`) or global ones (nil).
    mutating func triggerList(count: Int, owner: TierShape?) -> [GeneratedJSON] {
        let operands = triggerOperands(owner)
        return (0..<count).map { trigger($0, owner: owner, operands) }
    }

    /// A trigger: `when`, `any` or `all`, an optional id (never one of the generated
    /// `<tier>-<n>` / `global-<n>` forms), name, severity, target and source.
    mutating func trigger(_ index: Int, owner: TierShape?, _ operands: [[Operand]]) -> GeneratedJSON {
        let form = random.pick(["when", "any", "all"])
        let condition: GeneratedJSON =
            form == "when"
            ? .string(self.condition(operands, depth: 2))
            : .array(group(operands, nesting: random.int(0...2)))
        let id = owner.map { "\($0.id)-alert-\(index + 1)" } ?? "flag-\(index + 1)"

        return members(
            ("id", random.chance(0.6) ? .string(id) : nil),
            ("name", random.chance(0.3) ? .string("Trigger \(index + 1)") : nil), (form, condition),
            ("severity", random.chance(0.7) ? .string(random.pick(["info", "warning", "critical"])) : nil),
            ("action", .string("Act on trigger \(index + 1)")),
            ("target", target(owner: owner).map { .string($0) }),
            ("source", random.chance(0.1) ? .string("Runbook") : nil))
    }

    /// A trigger's target, drawn as before: a tier's trigger moves up the tier list (a target at
    /// or below its own tier is a cycle of moves, which validation rejects, so none is given); a
    /// global one may name any tier.
    mutating func target(owner: TierShape?) -> String? {
        guard random.chance(0.4) else { return nil }
        let picked = random.pick(tierIDs)
        if let owner, let own = tierIDs.firstIndex(of: owner.id), let goal = tierIDs.firstIndex(of: picked), goal <= own {
            return nil
        }
        return picked
    }

    /// The items of an `any`/`all` array: conditions, and — `nesting` levels deep, the first
    /// item always — `{"any": […]}` / `{"all": […]}` groups.
    mutating func group(_ operands: [[Operand]], nesting: Int) -> [GeneratedJSON] {
        (0..<random.int(1...3)).map { index in
            guard nesting > 0, index == 0 || random.chance(0.3) else { return .string(condition(operands, depth: 1)) }
            return .object([(random.pick(["any", "all"]), .array(group(operands, nesting: nesting - 1)))])
        }
    }

    // MARK: Scenarios

    /// 1–3 scenarios, exactly one `"default": true` (others false or unmarked), 6–60 months.
    mutating func scenarioList() -> [GeneratedJSON] {
        let ids = random.sample(["base", "fast", "slow"], random.int(1...3))
        let defaultIndex = random.int(0...(ids.count - 1))
        return ids.enumerated().map { index, id in
            let isDefault: GeneratedJSON? = index == defaultIndex ? .bool(true) : random.chance(0.5) ? .bool(false) : nil
            let start = "\(random.int(2025...2028))-" + (random.int(1...12)).description.leftPadded
            return members(
                ("id", .string(id)), ("name", random.chance(0.5) ? .string("Scenario \(id)") : nil),
                ("default", isDefault), ("months", .number(Double(random.int(6...60)))),
                ("start", random.chance(0.5) ? .string(start) : nil),
                ("source", random.chance(0.2) ? .string("Board deck") : nil), ("growth", growth()))
        }
    }

    /// The driver's scale: twice the last tier's minimum, at least 1,000.
    var driverScale: Double { Swift.max(1000, (boundaries.last ?? 0) * 2) }

    /// A growth curve of any kind but `csv` (which needs a file beside the profile), sized to
    /// cross the tiers; numeric fields are sometimes uncertain.
    mutating func growth() -> GeneratedJSON {
        let top = driverScale
        let first = boundaries.count > 1 ? boundaries[1] : top / 10
        switch random.int(0...4) {
        case 0:
            let rate = random.chance(0.1) ? GeneratedJSON.number(-0.03) : uncertain(0.02, 0.4).json
            return members(
                ("kind", .string("exponential")),
                ("start", uncertain(Swift.max(1, first / 20), Swift.max(2, first / 2)).json), ("rate", rate))
        case 1:
            let step =
                random.chance(0.1)
                ? GeneratedJSON.number(-random.uniform(1, Swift.max(2, first / 10)))
                : uncertain(top / 120, top / 10).json
            return members(("kind", .string("linear")), ("start", uncertain(0, first).json), ("step", step))
        case 2:
            let start = uncertain(Swift.max(1, first / 20), Swift.max(2, first / 2))
            let cap = uncertain(Swift.max(start.high * 2, top / 2), Swift.max(start.high * 4, top * 2))
            return members(
                ("kind", .string(random.chance(0.5) ? "logistic" : "gompertz")), ("start", start.json), ("cap", cap.json),
                ("rate", uncertain(0.05, 0.6).json))
        case 3:
            return members(("kind", .string("constant")), ("value", uncertain(Swift.max(1, first / 10), top).json))
        default:
            return members(("kind", .string("points")), ("points", .array(points(from: Swift.max(1, first / 20)))))
        }
    }

    /// 1–5 `[month, value]` pairs: months ascending from 0 or later, values positive.
    mutating func points(from start: Double) -> [GeneratedJSON] {
        var month = random.chance(0.7) ? 0 : random.int(1...3)
        var value = random.magnitude(start, start * 10)
        var result: [GeneratedJSON] = []
        for _ in 0..<random.int(1...5) {
            result.append(.array([.number(Double(month)), .number(value)]))
            month += random.int(1...12)
            value = roundedToTwoDigits(value * (random.chance(0.2) ? 0.5 : random.uniform(1, 5)))
        }
        return result
    }
}

extension String {
    /// A one-digit month as two digits.
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
