/// One uncertain input of a plan, as sensitivity analysis ranks it: a param, a tier's own param,
/// an uncertain growth parameter, or a cost item's range.
///
/// Each input owns the uniforms `TrialSampler` draws for it (`units`: a lognormal takes two), so
/// a row of uniforms is a whole trial's inputs and Saltelli's design can swap one input between
/// two rows by swapping its columns.
public struct SensitivityInput: Sendable {
    public enum Kind: String, Sendable {
        case param
        case tierParam = "tier_param"
        case growth
        case cost
    }

    /// How reports and JSON name it: `dau_ratio`, `growth.dau_ratio` (a tier's own),
    /// `growth rate`, `growth / Postgres`.
    public let name: String
    /// How advice words it: the param's label, else its name.
    public let label: String
    public let kind: Kind
    /// The ends of its range: a param's or growth parameter's low and high (a lognormal's P10 and
    /// P90); a cost item's low and high amount in the profile's currency, nil when either end is
    /// an expression (its amount then changes with the month).
    public let low: Double?
    public let high: Double?
    /// Its columns in a trial's row of uniforms (`SensitivityDesign.columns`).
    let units: Range<Int>
    /// Where the swing sets it.
    let setting: Setting

    enum Setting: Sendable {
        /// Index into `profile.params`.
        case param(Int)
        /// Index into `compiled.tierParams`.
        case tierParam(Int)
        /// Index into the growth kind's parameters.
        case growth(Int)
        /// Index into `EnginePlan.costDraws`.
        case cost(Int)
    }
}

/// The row of uniforms one trial draws, column by column in `TrialSampler`'s order, and which
/// columns each uncertain input owns.
struct SensitivityDesign: Sendable {
    let inputs: [SensitivityInput]
    /// Columns in a row: every uniform a trial draws, including the ones no input owns (a range
    /// whose ends are equal, an uncertain lead time: no target here reads a lead time), which
    /// every row holds at 0.5.
    let columns: Int

    init(_ plan: EnginePlan, growth: MonteCarlo.Growth) {
        let compiled = plan.compiled
        var inputs: [SensitivityInput] = []
        var column = 0
        func add(
            _ name: String, label: String, kind: SensitivityInput.Kind, _ value: Uncertain, _ setting: SensitivityInput.Setting
        ) {
            let units = column..<(column + value.unitCount)
            column += value.unitCount
            guard value.isUncertain else { return }
            inputs.append(
                SensitivityInput(
                    name: name, label: label, kind: kind, low: value.low, high: value.high, units: units, setting: setting))
        }
        for (index, param) in compiled.profile.params.enumerated() {
            add(param.name, label: param.label ?? param.name, kind: .param, param.value, .param(index))
        }
        for (index, entry) in compiled.tierParams.enumerated() {
            let tier = compiled.tiers[entry.tier].tier
            let param = entry.declaration
            add(
                "\(tier.id).\(param.name)", label: "\(param.label ?? param.name) on \(tier.name)", kind: .tierParam, entry.value,
                .tierParam(index))
        }
        // The sampler draws growth parameters only when some are uncertain (`TrialSampler`).
        if case .scenario(let spec) = growth, spec.isUncertain, case .parametric(let kind, let values) = spec {
            for (index, value) in values.enumerated() {
                let name = "growth \(kind.parameters[index].name)"
                add(name, label: name, kind: .growth, value, .growth(index))
            }
        }
        for (index, draw) in plan.costDraws.enumerated() {
            let tier = compiled.tiers[draw.tier]
            let cost = tier.costs[draw.item]
            let units = column..<(column + 1)
            column += 1
            guard case .range(let low, _, let high) = cost.item.amount else { continue }
            let ends: (Double, Double)? =
                if case .number(let lowValue, _) = low, case .number(let highValue, _) = high {
                    (lowValue * cost.fxRate, highValue * cost.fxRate)
                } else { nil }
            if let ends, ends.0 == ends.1 { continue }
            let name = "\(tier.tier.id) / \(cost.item.displayName)"
            inputs.append(
                SensitivityInput(
                    name: name, label: "the cost of \(cost.item.displayName) on \(tier.tier.name)", kind: .cost, low: ends?.0,
                    high: ends?.1, units: units, setting: .cost(index)))
        }
        column += plan.leadDraws.count
        self.inputs = inputs
        self.columns = column
    }
}

/// Reads a trial's uniforms from a row of the design, in the order the sampler asks for them.
struct DesignRow: UnitSource {
    let row: UnsafePointer<Double>
    var next = 0

    @inline(__always)
    mutating func nextUnit() -> Double {
        defer { next += 1 }
        return row[next]
    }
}
