/// Whose params the engine's param slots hold.
enum ParamScope: Equatable {
    /// The global values (before any tier is chosen).
    case global
    /// Each trial's plan tier's: what observers see of the model.
    case plan
    /// One tier's, for every trial of the block: while that tier is evaluated.
    case tier(Int)
}

/// Tier params: a tier's limits, costs, queues and triggers read that tier's params in place of
/// the global ones, and so do the metrics they read.
///
/// Only the params some tier declares (`compiled.varyingParams`) change between scopes, and only
/// the metrics that depend on them (`compiled.scopedMetrics`) are evaluated again; a profile
/// without tier params never changes scope, so this costs it nothing.
extension MonthEngine {
    /// Writes the param slots for a scope, without evaluating anything.
    func writeParams(for target: ParamScope) {
        scope = target
        let compiled = plan.compiled
        guard hasTierParams else { return }
        let paramBase = compiled.layout.paramSlots.lowerBound
        for (position, param) in compiled.varyingParams.enumerated() {
            let column = slot(paramBase + param)
            let global = globalParamValues[position]
            switch target {
            case .global:
                column.update(from: global, count: count)
            case .tier(let tier):
                let entry = tierParamIndex[tier][position]
                column.update(from: entry >= 0 ? tierParamValues[entry] : global, count: count)
            case .plan:
                for trial in 0..<count {
                    let entry = tierParamIndex[Int(planTier[trial])][position]
                    column[trial] = entry >= 0 ? tierParamValues[entry][trial] : global[trial]
                }
            }
        }
    }

    /// Evaluates a tier's own things from here on: its params, and the metrics that read them.
    @inline(__always)
    func enterTier(_ tier: Int) {
        guard hasTierParams, scope != .tier(tier) else { return }
        var none = NoObserver()
        rescope(to: .tier(tier), observer: &none)
    }

    /// Back to each trial's plan tier's params; the metrics that read them (and revenue) are
    /// evaluated again, and their invalid values reported.
    func enterPlanScope<Observer: MonthObserver>(observer: inout Observer) {
        guard hasTierParams, scope != .plan else { return }
        rescope(to: .plan, observer: &observer)
    }

    private func rescope<Observer: MonthObserver>(to target: ParamScope, observer: inout Observer) {
        writeParams(for: target)
        let compiled = plan.compiled
        let reports = target == .plan
        for index in compiled.metricOrder where compiled.scopedMetrics[index] {
            evaluateMetric(index, reports: reports, observer: &observer)
        }
        if compiled.scopedRevenue { evaluateRevenue(reports: reports, observer: &observer) }
    }
}
