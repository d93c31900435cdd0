/// Wording and numbers shared by the markdown and HTML roadmaps, so both say the same thing.
struct RoadmapText {
    let roadmap: Roadmap

    var profile: Profile { roadmap.profile }

    func money(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return NumberFormatting.money(value, currency: profile.currency)
    }

    func driver(_ value: Double) -> String { NumberFormatting.grouped(value) }

    /// A range of monthly amounts in the profile's currency: one amount when both ends read the
    /// same (never "$2,472 – $2,472"); an amount in another currency is converted with the
    /// profile's `fx`, the original in parentheses (kept as written when there is no rate).
    func moneyRange(_ low: Double, _ high: Double, currency: String? = nil) -> String {
        func range(_ low: Double, _ high: Double, _ code: String) -> String {
            let a = NumberFormatting.money(low, currency: code), b = NumberFormatting.money(high, currency: code)
            return a == b ? a : "\(a) – \(b)"
        }
        let code = currency ?? profile.currency
        guard code != profile.currency else { return range(low, high, code) }
        guard let rate = profile.fx[code] else { return range(low, high, code) }
        return range(low * rate, high * rate, profile.currency) + " (" + range(low, high, code) + ")"
    }

    /// A cost item's monthly amount as written, in the report's money format: `$150 – $300 a
    /// month, most likely $200` (converted with `fx` like every amount), or its usage formula.
    func monthlyAmount(_ cost: CostItem) -> String {
        func number(_ quantity: Quantity) -> Double? {
            if case .number(let value, _) = quantity { return value }
            return nil
        }
        switch cost.amount {
        case .single(let quantity):
            if let value = number(quantity) { return moneyRange(value, value, currency: cost.currency) + " a month" }
        case .range(let low, let mode, let high):
            if let low = number(low), let high = number(high) {
                let likely = mode.flatMap(number).map { ", most likely " + moneyRange($0, $0, currency: cost.currency) }
                return moneyRange(low, high, currency: cost.currency) + " a month" + (likely ?? "")
            }
        }
        return PlanDiff.describe(cost.amount) + " " + (cost.currency ?? profile.currency) + " a month"
    }

    /// The unit-economics table at its checkpoints: month, driver, monthly cost, cost per unit,
    /// and revenue and margin when modelled — each money column in one format.
    var unitEconomics: [[String]] {
        let months = roadmap.checkpoints.map { roadmap.months[$0] }
        func column(_ values: [Double?]) -> [String] {
            NumberFormatting.moneyColumn(values, currency: profile.currency, wholeWhenLarge: true)
        }
        var columns = [
            months.map { month($0.month) }, months.map { driver($0.driver) }, column(months.map { $0.cost.expected }),
            column(months.map(\.costPerUnit)),
        ]
        if roadmap.hasRevenue { columns += [column(months.map(\.revenue)), column(months.map(\.margin))] }
        return months.indices.map { row in columns.map { $0[row] } }
    }

    /// With trials: each move's safe start date in a sentence, and when the tier is needed.
    var moves: [(advice: String, facts: String)] {
        guard let result = roadmap.monteCarlo else { return [] }
        return result.moves.map { (MonteCarloReport.moveAdvice($0, result), MonteCarloReport.moveFacts($0, result)) }
    }

    /// "What drives the plan": the inputs that move total spend, the largest first (at most
    /// `driverRows`), each with its range, spend at its low and high end, its swing and bar, and
    /// with trials its share of the variance (the total Sobol index and its interval).
    struct DriverRow {
        var assumption: String
        var range: String
        var lowToHigh: String
        var swing: String
        var bar: String
        var share: String?
    }

    static let driverRows = 8

    var drivers: [DriverRow] {
        guard let result = roadmap.drivers else { return [] }
        let largest = SensitivityReport.largestSwing(result)
        return SensitivityReport.moving(result).prefix(Self.driverRows).map { entry in
            DriverRow(
                // A label is a phrase ("the cost of …", a param's label): capitalised; a bare name stays as written.
                assumption: entry.input.label == entry.input.name
                    ? entry.input.name : entry.input.label.prefix(1).uppercased() + entry.input.label.dropFirst(),
                range: SensitivityReport.range(entry.input, result),
                lowToHigh: SensitivityReport.value(entry.targetAtLow, result) + " → "
                    + SensitivityReport.value(entry.targetAtHigh, result),
                swing: SensitivityReport.swing(entry, result), bar: SensitivityReport.bar(entry, largest: largest, width: 12),
                share: entry.total.map { total in
                    let percent = { (value: Double) in NumberFormatting.percent(Swift.min(1, Swift.max(0, value))) }
                    return "\(percent(total.value)) [\(percent(total.low))–\(percent(total.high))]"
                })
        }
    }

    /// The sentence above the drivers table.
    var driversIntro: String {
        guard let result = roadmap.drivers else { return "" }
        var text =
            "How far \(result.targetText) (\(SensitivityReport.value(result.deterministic, result)) as planned) moves "
            + "when one assumption at a time goes from the low to the high end of its range, every other as planned"
        if result.evaluations > 0 {
            text +=
                "; and each one's share of the variance when all vary together (the total Sobol index, "
                + "from \(NumberFormatting.grouped(Double(result.evaluations))) trials; 95% interval)"
        } else {
            text += ". Run with --trials for each one's share of the variance and what to measure first"
        }
        return text + "."
    }

    /// The line under the title: the growth, the horizon, the currency, and any `--set`.
    var lead: String {
        var lead = "Projection: \(roadmap.projection.growthSource), \(roadmap.months.count) months"
        if let start = roadmap.projection.start { lead += " from \(start)" }
        lead += "; costs are monthly, in \(profile.currency)."
        if let line = ParamOverride.header(roadmap.projection.compiled.overrides) { lead += " " + line + "." }
        return lead
    }

    func month(_ index: Int?) -> String {
        guard let index else { return "beyond the horizon" }
        return roadmap.projection.label(index)
    }

    /// A month index as a Mermaid gantt date: the calendar day `YYYY-MM-01` when the plan has a
    /// start month; otherwise month m is m seconds after the epoch in milliseconds
    /// (`dateFormat x`), which the axis prints back as `M<m>` (`axisFormat M%s`), so a plan without
    /// a calendar is labelled in month numbers as everywhere else, not with invented dates.
    func date(_ index: Int) -> String {
        guard let start = roadmap.projection.start else { return String(index * 1000) }
        return start.adding(months: index).description + "-01"
    }

    /// The gantt's `dateFormat`, `axisFormat` and `tickInterval` lines for `months` months: at
    /// most 12 ticks, at 1, 2, 3, 6, 12 or 24 months.
    func ganttAxis(months: Int) -> String {
        let step = [1, 2, 3, 6, 12, 24, 60, 120].first { (months + $0 - 1) / $0 <= 12 } ?? 120
        guard roadmap.projection.start != nil else {
            return "    dateFormat x\n    axisFormat M%s\n    tickInterval \(step)second\n"
        }
        return "    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n    tickInterval \(step)month\n"
    }

    /// The headline facts, as label → value pairs.
    var headline: [(String, String)] {
        guard let first = roadmap.first, let last = roadmap.last else { return [] }
        var facts: [(String, String)] = [
            ("\(profile.driver.label) at \(month(last.month))", driver(last.driver)),
            ("Monthly cost at \(month(last.month))", money(last.cost.expected)),
            ("Total spend over \(roadmap.months.count) months", money(roadmap.totalSpend)),
            (
                "Cost per \(profile.driver.unit), now → then",
                NumberFormatting.moneyColumn(
                    [first.costPerUnit, last.costPerUnit], currency: profile.currency, wholeWhenLarge: true
                )
                .joined(separator: " → ")
            ),
        ]
        if roadmap.hasRevenue {
            facts.append(("Revenue / margin at \(month(last.month))", "\(money(last.revenue)) / \(money(last.margin))"))
            facts.append(("Break-even month", roadmap.breakEvenMonth.map { month($0) } ?? "not within the horizon"))
        }
        // One number per fact: the deterministic cost above, its spread here — the P10–P90 band
        // of the trials, or without trials every cost at its low and at its high end.
        if let trials = roadmap.monteCarlo?.trials,
            let cost = roadmap.monteCarlo?.series.first(where: { $0.kind == .cost })?.months.last
        {
            facts.append(
                (
                    "Monthly cost at \(month(last.month)), P10–P90 of \(NumberFormatting.grouped(Double(trials))) trials",
                    cost.p10.flatMap { low in cost.p90.map { moneyRange(low, $0) } } ?? "–"
                ))
        } else if last.cost.low != last.cost.high {
            facts.append(
                (
                    "Monthly cost at \(month(last.month)), every cost at its low / high end",
                    moneyRange(last.cost.low, last.cost.high)
                ))
        }
        return facts
    }

    /// A tier's team as (headcount, monthly burn) text.
    func team(_ tier: Tier) -> (headcount: String, burn: String) {
        let team = tier.team
        let currency = team?.currency ?? profile.currency
        let headcount = team?.headcount.map { NumberFormatting.proseRange($0.low, $0.high) } ?? "–"
        let burn = team?.burn.map { moneyRange($0.low, $0.high, currency: currency) } ?? "–"
        return (headcount, burn)
    }

    /// A hire as (who, monthly salary) text.
    func hire(_ row: Roadmap.HireRow) -> (role: String, salary: String) {
        let currency = row.hire.currency ?? row.tier.team?.currency ?? profile.currency
        let salary = row.hire.salary.map { moneyRange($0.low, $0.high, currency: currency) } ?? "–"
        return ((row.hire.count > 1 ? "\(row.hire.count) × " : "") + row.hire.role, salary)
    }

    func planned(_ timeline: Timeline?) -> String {
        guard let timeline else { return "–" }
        if let label = timeline.label { return label }
        return timeline.end.map { "months \(NumberFormatting.plain(timeline.start))–\(NumberFormatting.plain($0))" }
            ?? "month \(NumberFormatting.plain(timeline.start))+"
    }

    func range(_ tier: Tier) -> String {
        tier.range.max.map { "\(NumberFormatting.compact(tier.range.min)) – \(NumberFormatting.compact($0))" }
            ?? "\(NumberFormatting.compact(tier.range.min))+"
    }

    /// The sentence that introduces the early triggers.
    var earlyTriggersHeading: String {
        roadmap.monteCarlo == nil
            ? "Triggers that fire first:" : "Triggers most likely to fire early (by their 10th-percentile first month):"
    }

    /// An early trigger as (when · severity · id, with its odds under trials; the action).
    func early(_ trigger: Roadmap.EarlyTrigger) -> (summary: String, action: String) {
        var summary = "\(month(trigger.month)) · \(trigger.severity.rawValue) · \(trigger.id)"
        if let probability = trigger.probability {
            summary += " (fires in \(NumberFormatting.percent(probability)) of trials)"
        }
        return (summary, trigger.action)
    }

    /// An assumption's row: what it is about, its name, its value, and why it was chosen.
    func assumption(_ assumption: Roadmap.Assumption) -> [String] {
        [assumption.kind.rawValue, assumption.name, assumption.value.isEmpty ? "–" : assumption.value, assumption.why]
    }

    /// How the numbers are made, in one paragraph (the tier rule as this plan has it).
    var method: String {
        let tierRule =
            profile.tierSelection == .capacity
            ? "the plan's tier is the lowest tier whose limits hold (its ranges are derived from them)"
            : "the plan's ranges give the tier, and the lowest tier whose limits hold gives the tier the load needs"
        let own = profile.tiers.contains { !$0.params.isEmpty } ? " (each tier evaluated with its own params)" : ""
        return "Each month the driver comes from the growth curve; every metric is computed from it in "
            + "dependency order; \(tierRule)\(own); utilisation is metric ÷ limit; p95 latency comes from an "
            + "M/M/c queue (Erlang C); cost is the sum of the tier's items, low / expected / high; "
            + "revenue and margin follow. Triggers are evaluated every month. With trials, every "
            + "uncertain assumption, growth parameter and cost range is drawn per trial (a seeded "
            + "xoshiro256** generator) and the bands are the 10th and 90th percentiles."
    }
}
