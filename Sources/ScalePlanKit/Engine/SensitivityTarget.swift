/// The one number of a trial that sensitivity analysis explains.
public enum SensitivityTarget: Sendable, Equatable {
    /// The plan tier's expected monthly cost in a month.
    case cost(month: Int)
    /// The sum of the monthly costs over the horizon.
    case spend
    /// Revenue less cost in a month (profiles that model revenue).
    case margin(month: Int)
    /// The first month a trigger fires (in any tier that has it); the horizon when it never does.
    case trigger(id: String)
    /// The first month a tier is needed (`MonthEngine.neededTier`); the horizon when never.
    case tier(id: String)

    /// The names `--target` takes.
    public static let names = ["cost", "spend", "margin", "trigger:ID", "tier:ID"]

    /// Why a target cannot be used with a profile, with a suggestion.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        public var hint: String?
    }

    /// The target `text` names (`cost`, `spend`, `margin`, `trigger:ID`, `tier:ID`); `month` is
    /// the month of the monthly targets (default: the last of the horizon).
    public static func parse(
        _ text: String, month: Int?, months: Int, profile: Profile
    ) -> Result<SensitivityTarget, Problem> {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1] : nil
        let monthly = ["cost", "margin"].contains(name)
        if let month, !monthly {
            return .failure(Problem(message: "--month \(month) applies only to --target cost or margin.", hint: nil))
        }
        let at = month ?? months - 1
        guard (0..<months).contains(at) else {
            return .failure(
                Problem(
                    message: "Month \(at) is outside the \(months)-month horizon.",
                    hint: "give --month from 0 to \(months - 1), or a longer --months"))
        }
        switch (name, argument) {
        case ("cost", nil): return .success(.cost(month: at))
        case ("spend", nil): return .success(.spend)
        case ("margin", nil):
            guard profile.revenue != nil else {
                return .failure(
                    Problem(message: "'\(profile.id)' models no revenue, so it has no margin.", hint: "use --target cost"))
            }
            return .success(.margin(month: at))
        case ("trigger", let id?):
            let ids = uniqueIDs(profile.triggers.map(\.id) + profile.tiers.flatMap { $0.triggers.map(\.id) })
            guard ids.contains(id) else { return .failure(unknown("trigger", id, among: ids)) }
            return .success(.trigger(id: id))
        case ("tier", let id?):
            let ids = profile.tiers.map(\.id)
            guard ids.contains(id) else { return .failure(unknown("tier", id, among: ids)) }
            return .success(.tier(id: id))
        default:
            let known = ["cost", "spend", "margin", "trigger", "tier"]
            return .failure(
                Problem(
                    message:
                        "'\(text)' is not a target: expected cost, spend, margin, trigger:ID or tier:ID.",
                    hint: Suggestions.didYouMean(name, in: known)))
        }
    }

    private static func uniqueIDs(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    private static func unknown(_ what: String, _ id: String, among ids: [String]) -> Problem {
        Problem(
            message: "The profile has no \(what) '\(id)'.",
            hint: Suggestions.didYouMean(id, in: ids)
                ?? (ids.isEmpty ? nil : "its \(what)s: " + ids.prefix(8).joined(separator: ", ")))
    }

    /// The months a trial must be simulated for: through the target's month, or the horizon.
    func months(horizon: Int) -> Int {
        switch self {
        case .cost(let month), .margin(let month): month + 1
        case .spend, .trigger, .tier: horizon
        }
    }

    /// Whether the target is a month (a trigger's or a tier's), not an amount of money.
    public var isMonth: Bool {
        switch self {
        case .trigger, .tier: true
        case .cost, .spend, .margin: false
        }
    }

    /// The target in words: "the M24 cost", "total spend over 36 months", "the first month
    /// trigger db-conns fires".
    public func describe(months: Int, label: (Int) -> String) -> String {
        switch self {
        case .cost(let month): "the \(label(month)) monthly cost"
        case .spend: "total spend over \(months) months"
        case .margin(let month): "the \(label(month)) margin"
        case .trigger(let id): "the first month trigger \(id) fires"
        case .tier(let id): "the month tier \(id) is needed"
        }
    }

    /// The name JSON and CSV carry: `cost`, `spend`, `margin`, `trigger:ID`, `tier:ID`.
    public var name: String {
        switch self {
        case .cost: "cost"
        case .spend: "spend"
        case .margin: "margin"
        case .trigger(let id): "trigger:\(id)"
        case .tier(let id): "tier:\(id)"
        }
    }

    /// The month of a monthly target.
    public var month: Int? {
        switch self {
        case .cost(let month), .margin(let month): month
        case .spend, .trigger, .tier: nil
        }
    }
}

/// Records each trial's target value as the months go by.
struct TargetObserver: MonthObserver {
    enum Resolved {
        case cost(month: Int)
        case spend
        case margin(month: Int)
        /// The engine's trigger indices with the id.
        case trigger(Set<Int>)
        case tier(Int)
    }

    let target: Resolved
    /// What a trial that never reaches a month target records: the horizon.
    let never: Double
    let values: UnsafeMutablePointer<Double>
    private var count = 0

    init(_ target: SensitivityTarget, plan: EnginePlan, horizon: Int, width: Int) {
        switch target {
        case .cost(let month): self.target = .cost(month: month)
        case .spend: self.target = .spend
        case .margin(let month): self.target = .margin(month: month)
        case .trigger(let id):
            self.target = .trigger(Set(plan.triggers.indices.filter { plan.triggers[$0].trigger.trigger.id == id }))
        case .tier(let id): self.target = .tier(plan.compiled.tiers.firstIndex { $0.tier.id == id } ?? 0)
        }
        never = Double(horizon)
        values = .allocate(capacity: Swift.max(1, width))
    }

    func release() { values.deallocate() }

    /// Starts a block: amounts at 0, months not yet reached (−1).
    mutating func begin(count: Int) {
        self.count = count
        switch target {
        case .cost, .spend, .margin: values.update(repeating: 0, count: Swift.max(1, count))
        case .trigger, .tier: values.update(repeating: -1, count: Swift.max(1, count))
        }
    }

    /// Ends a block: a month never reached is the horizon.
    func finish() {
        switch target {
        case .trigger, .tier: for trial in 0..<count where values[trial] < 0 { values[trial] = never }
        case .cost, .spend, .margin: return
        }
    }

    mutating func fired(_ engine: MonthEngine, trigger: Int, fires: UnsafePointer<Bool>) {
        guard case .trigger(let indices) = target, indices.contains(trigger) else { return }
        let month = Double(engine.month)
        for trial in 0..<count where fires[trial] && values[trial] < 0 { values[trial] = month }
    }

    mutating func monthDone(_ engine: MonthEngine) {
        switch target {
        case .cost(let month):
            guard engine.month == month else { return }
            for trial in 0..<count { values[trial] = engine.planCost(trial) }
        case .spend:
            for trial in 0..<count { values[trial] += engine.planCost(trial) }
        case .margin(let month):
            guard engine.month == month else { return }
            for trial in 0..<count { values[trial] = engine.revenue[trial] - engine.planCost(trial) }
        case .trigger:
            return
        case .tier(let tier):
            let month = Double(engine.month)
            for trial in 0..<count where values[trial] < 0 && Int(engine.neededTier(trial)) >= tier {
                values[trial] = month
            }
        }
    }
}
