/// Everything an investor roadmap says, worked out once from a projection (and, when trials were
/// run, a Monte Carlo result); the markdown and HTML renderers only lay it out.
public struct Roadmap: Sendable {
    public let projection: Projection
    public let monteCarlo: MonteCarloResult?
    /// What drives total spend over the horizon: the swing of every uncertain input and, when
    /// trials were run, its Sobol indices (`Sensitivity`).
    public let drivers: SensitivityResult?
    /// The cheapest path through the tiers and their options (`PathOptimization`, deterministic,
    /// with the months no schedule can carry when there are any).
    public let options: OptimizeResult?
    /// The growth fit the projection continues, when it came from `--growth-fit`.
    public let growthFit: GrowthFit.Result?
    /// The version, day, seed and trials for the footer; nil leaves them out.
    public let provenance: Provenance?

    public var profile: Profile { projection.profile }
    public var months: [MonthResult] { projection.months }

    public init(
        projection: Projection, monteCarlo: MonteCarloResult? = nil, drivers: SensitivityResult? = nil,
        options: OptimizeResult? = nil, growthFit: GrowthFit.Result? = nil, provenance: Provenance? = nil
    ) {
        self.provenance = provenance
        self.projection = projection
        self.monteCarlo = monteCarlo
        self.drivers = drivers
        self.options = options
        self.growthFit = growthFit
    }

    /// The options section's opening sentence.
    public var optionsIntro: String {
        profile.hasAlternatives
            ? "The cheapest schedule through the tiers and their options that carries the load every month (as scaleplan optimize finds it, at the deterministic values): when to move, which option to take, and what each option would cost."
            : "The cheapest schedule through the tiers that carries the load every month (as scaleplan optimize finds it, at the deterministic values): when each move is needed by the limits, against the plan's own ranges. The plan offers no alternative options for its tiers."
    }

    /// The roadmap's sensitivity target: total spend over the horizon, the plan's whole cost.
    public static let driversTarget = SensitivityTarget.spend

    // MARK: Headline

    public var first: MonthResult? { months.first }
    public var last: MonthResult? { months.last }

    /// Expected spend summed over the horizon.
    public var totalSpend: Double { months.reduce(0) { $0 + $1.cost.expected } }

    /// The first month revenue covers the expected cost, when revenue is modelled.
    public var breakEvenMonth: Int? {
        guard projection.compiled.revenue != nil else { return nil }
        return months.first { ($0.margin ?? -1) >= 0 }?.month
    }

    public var hasRevenue: Bool { projection.compiled.revenue != nil }

    // MARK: Tiers

    public struct TierRow: Sendable {
        public var tier: Tier
        public var index: Int
        /// First and last projected month in the tier (nil: not reached within the horizon).
        public var entry: Int?
        public var exit: Int?
        /// The tier's cost at its projected entry (or its range minimum when not reached).
        public var cost: (low: Double, high: Double)
    }

    public var tiers: [TierRow] {
        let evaluator = PointEvaluator(projection.compiled)
        return projection.compiled.tiers.enumerated().map { index, compiledTier in
            let entry = months.first { $0.tier == index }?.month
            let exit = entry.flatMap { start in months.last { $0.tier == index && $0.month >= start }?.month }
            // The projected month itself when the tier is reached (its stocks and `month` as they
            // are then); a point at the range's minimum otherwise.
            if let entry, let month = months.first(where: { $0.month == entry }) {
                return TierRow(
                    tier: compiledTier.tier, index: index, entry: entry, exit: exit, cost: (month.cost.low, month.cost.high))
            }
            let total = evaluator.totalCost(of: index, driver: compiledTier.tier.range.min)
            return TierRow(tier: compiledTier.tier, index: index, entry: entry, exit: exit, cost: (total.low, total.high))
        }
    }

    // MARK: Calendar

    /// Triggers, migration starts and tier changes, in month order.
    public var calendar: [PlanEvent] {
        projection.events.filter { [.trigger, .migrationStart, .tierChange].contains($0.kind) }
    }

    /// Plan gaps: load no tier carries, a tier over its own limits, missed latency targets.
    public var gaps: [PlanEvent] {
        projection.events.filter { [.noTierCarries, .tierOverCapacity, .sloMissed, .invalidValue].contains($0.kind) }
    }

    // MARK: Unit economics

    /// Months shown in the unit-economics table: the first, every twelfth, and the last.
    public var checkpoints: [Int] {
        guard let last else { return [] }
        var points = [0] + Array(stride(from: 12, to: last.month, by: 12))
        if last.month > 0 { points.append(last.month) }
        return points
    }

    // MARK: Team

    public struct HireRow: Sendable {
        public var hire: Hire
        public var tier: Tier
        /// The first projected month the driver reaches the hire's level.
        public var month: Int?
    }

    public var hires: [HireRow] {
        profile.tiers.flatMap { tier in
            (tier.team?.hires ?? []).map { hire in
                HireRow(hire: hire, tier: tier, month: months.first { $0.driver >= hire.at }?.month)
            }
        }
    }

    // MARK: Risks

    /// Each limit's highest utilisation over the horizon and the month it first passes 80%.
    public struct Bottleneck: Sendable {
        /// The limit as the tier labels it (its metric's name when it has no label).
        public var limit: String
        /// The tier's name.
        public var tier: String
        public var peak: Double
        public var month: Int
        public var firstOver80: Int?
    }

    /// - Complexity: O(months × limits); ties in peak utilisation keep the order the limits first
    ///   appear in (month, then declaration), so every run lists them the same way.
    public var bottlenecks: [Bottleneck] {
        var entries: [Bottleneck] = []
        var position: [String: Int] = [:]
        for month in months {
            let tier = profile.tiers[month.tier]
            for limit in month.limits where limit.utilization.isFinite {
                let key = "\(tier.id)/\(limit.name)"
                let index = position[key] ?? entries.count
                if index == entries.count {
                    position[key] = index
                    let label = tier.capacity.first { $0.metric == limit.name }?.label ?? limit.name
                    entries.append(Bottleneck(limit: label, tier: tier.name, peak: 0, month: month.month, firstOver80: nil))
                }
                if limit.utilization > entries[index].peak {
                    entries[index].peak = limit.utilization
                    entries[index].month = month.month
                }
                if entries[index].firstOver80 == nil && limit.utilization > 0.8 { entries[index].firstOver80 = month.month }
            }
        }
        let ranked = entries.enumerated().filter { $0.element.peak > 0.5 }
            .sorted { $0.element.peak != $1.element.peak ? $0.element.peak > $1.element.peak : $0.offset < $1.offset }
        return ranked.prefix(8).map(\.element)
    }

    /// Triggers that fire soonest: with trials, by their P10 first month (likely to fire early);
    /// otherwise the deterministic first firings.
    public struct EarlyTrigger: Sendable {
        public var id: String
        public var severity: Trigger.Severity
        public var month: Int
        public var probability: Double?
        public var action: String
    }

    public var earlyTriggers: [EarlyTrigger] {
        if let monteCarlo {
            return monteCarlo.triggers.compactMap { odds -> EarlyTrigger? in
                guard odds.probability > 0, let month = odds.firstMonth.p10 else { return nil }
                return EarlyTrigger(
                    id: odds.id, severity: odds.severity, month: month, probability: odds.probability,
                    action: odds.action)
            }.sorted { ($0.month, $1.severity, $0.id) < ($1.month, $0.severity, $1.id) }.prefix(8).map { $0 }
        }
        return projection.events.filter { $0.kind == .trigger && $0.severity != .info }.prefix(8).map {
            EarlyTrigger(
                id: $0.triggerID ?? "", severity: $0.severity, month: $0.month, probability: nil, action: $0.action ?? "")
        }
    }

    // MARK: Series for the charts

    /// The driver and the expected cost by month, with P10/P90 bands when trials were run.
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        public var low: [Double]?
        public var high: [Double]?
    }

    public var driverSeries: Series { series(kind: .driver, name: profile.driver.label) { $0.driver } }
    public var costSeries: Series { series(kind: .cost, name: "Monthly cost (\(profile.currency))") { $0.cost.expected } }

    private func series(kind: MonteCarloResult.Series.Kind, name: String, _ value: (MonthResult) -> Double) -> Series {
        let values = months.map(value)
        guard let band = monteCarlo?.series.first(where: { $0.kind == kind }) else {
            return Series(name: name, values: values, low: nil, high: nil)
        }
        let count = Swift.min(values.count, band.months.count)
        return Series(
            name: name, values: Array(values.prefix(count)),
            low: band.months.prefix(count).map { $0.p10 ?? 0 }, high: band.months.prefix(count).map { $0.p90 ?? 0 })
    }

    // MARK: Assumptions

    /// One assumption of the plan, as the Assumptions section lists it.
    public struct Assumption: Sendable {
        public enum Kind: String, Sendable {
            case param, metric, cost, tier, migration, scenario
        }

        public var kind: Kind
        public var name: String
        public var value: String
        /// The reason or source the profile gives ("" when it gives none).
        public var why: String
    }

    /// Every assumption the profile states, in profile order, each with its reason: params with a
    /// range or a stated assumption (tier params named with their tier), metrics with a stated
    /// assumption, cost items with a note or a range, tiers with notes, migrations (their lead
    /// time and one-off cost), and scenarios (their growth).
    public var assumptions: [Assumption] {
        let worth = { (param: Param) in param.assumption != nil || param.value.isUncertain }
        func param(_ param: Param, tier: Tier?) -> Assumption {
            Assumption(
                kind: .param, name: (param.label ?? param.name) + (tier.map { " (\($0.name))" } ?? ""),
                value: param.value.summary(significantDigits: NumberFormatting.readableDigits),
                why: param.assumption ?? param.source ?? "")
        }
        var list = profile.params.filter(worth).map { param($0, tier: nil) }
        list += profile.tiers.flatMap { tier in tier.params.filter(worth).map { param($0, tier: tier) } }
        list += profile.metrics.compactMap { metric in
            metric.assumption.map {
                Assumption(
                    kind: .metric, name: metric.label ?? metric.name,
                    value: metric.expression.text + (metric.unit.map { " \($0)" } ?? ""), why: $0)
            }
        }
        let text = RoadmapText(roadmap: self)
        for tier in profile.tiers {
            for cost in tier.costs {
                let ranged: Bool
                if case .range = cost.amount { ranged = true } else { ranged = false }
                guard ranged || cost.note != nil else { continue }
                list.append(
                    Assumption(
                        kind: .cost, name: "\(tier.name) / \(cost.displayName)", value: text.monthlyAmount(cost),
                        why: cost.note ?? cost.source ?? ""))
            }
        }
        list += profile.tiers.filter { !$0.notes.isEmpty }.map {
            Assumption(kind: .tier, name: $0.name, value: "", why: $0.notes.joined(separator: " "))
        }
        for tier in profile.tiers {
            guard let migration = tier.migration, migration.leadTimeMonths != nil || migration.note != nil else { continue }
            var value: [String] = []
            if let lead = migration.leadTimeMonths {
                value.append("\(NumberFormatting.proseRange(lead.low, lead.high)) months lead time")
            }
            if let cost = migration.cost {
                value.append(
                    "one-off " + NumberFormatting.money(cost.low, currency: profile.currency)
                        + (cost.high != cost.low ? " – " + NumberFormatting.money(cost.high, currency: profile.currency) : ""))
            }
            list.append(
                Assumption(
                    kind: .migration, name: "Move to \(tier.name)", value: value.joined(separator: ", "),
                    why: migration.note ?? ""))
        }
        list += profile.scenarios.map { scenario in
            Assumption(
                kind: .scenario, name: "Scenario " + (scenario.name ?? scenario.id),
                value: scenario.growth.summary(significantDigits: NumberFormatting.readableDigits)
                    + (scenario.months.map { ", \($0) months" } ?? ""), why: scenario.source ?? "")
        }
        return list
    }
}
