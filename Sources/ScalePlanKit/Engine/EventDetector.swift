/// Turns a month-by-month projection into the events a founder acts on: when each trigger
/// first fires (with its value against the threshold), tier changes and the month each
/// migration must start, and the gaps in the plan.
struct EventDetector {
    /// The simulator that produced `months` (its params, for re-evaluating a month).
    let simulator: Simulator
    let months: [MonthResult]
    let firstFiring: [String: (month: Int, explanation: (quantity: String, value: Double, threshold: Double)?)]

    private var compiled: CompiledProfile { simulator.compiled }
    private var profile: Profile { compiled.profile }
    private var unit: String { profile.driver.name }

    func events() -> [PlanEvent] {
        PlanEvent.ordered(triggerEvents() + tierEvents() + capacityGaps() + sloGaps() + invalidValues())
    }

    private func amount(_ value: Double) -> String {
        NumberFormatting.grouped(value, decimals: Swift.abs(value) < 10 && value != value.rounded() ? 2 : 0)
    }

    private func percent(_ fraction: Double) -> String {
        fraction.isFinite ? NumberFormatting.grouped(fraction * 100) + "%" : "∞"
    }

    private func triggerEvents() -> [PlanEvent] {
        var events: [PlanEvent] = []
        let all = compiled.globalTriggers + compiled.tiers.flatMap(\.triggers)
        // Ids are unique (validated); a dictionary keeps many targeted triggers linear.
        let tiers = Dictionary(profile.tiers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for trigger in all {
            guard let fired = firstFiring[trigger.trigger.id] else { continue }
            let name = trigger.trigger.name ?? trigger.trigger.id
            var message = "\(name) fires at \(amount(months[fired.month].driver)) \(unit)"
            if let explanation = fired.explanation {
                message += ": \(explanation.quantity) = \(amount(explanation.value)) (threshold \(amount(explanation.threshold)))"
            }
            var action = trigger.trigger.action
            if let target = trigger.trigger.target, let tier = tiers[target] {
                action += " [→ \(tier.name)]"
            }
            events.append(PlanEvent(month: fired.month, kind: .trigger, severity: trigger.trigger.severity,
                tierID: trigger.tierID, triggerID: trigger.trigger.id, message: message, action: action,
                value: fired.explanation?.value, threshold: fired.explanation?.threshold,
                quantity: fired.explanation?.quantity))
        }
        return events
    }

    private func tierEvents() -> [PlanEvent] {
        var events: [PlanEvent] = []
        for (previous, current) in zip(months, months.dropFirst()) where previous.tier != current.tier {
            let tier = profile.tiers[current.tier]
            let upward = current.tier > previous.tier
            var message = "\(upward ? "Enters" : "Returns to") tier \(tier.name) at \(amount(current.driver)) \(unit)"
            if let downtime = tier.migration?.downtimeMinutes, downtime.high > 0 {
                message += "; expected downtime \(range(downtime)) min"
            }
            events.append(PlanEvent(month: current.month, kind: .tierChange, severity: .info, tierID: tier.id,
                message: message, action: nil, value: current.driver, threshold: tier.range.min, quantity: unit))
            guard upward, let lead = tier.migration?.leadTimeMonths, lead.high > 0 else { continue }
            // In doubles: a lead time may be any finite number (1e300 months), which `Int(_:)`
            // would trap on. `start` is converted only when it lies in 0...current.month.
            let start = Double(current.month) - lead.high.rounded(.up)
            if start >= 0 {
                events.append(PlanEvent(month: Int(start), kind: .migrationStart, severity: .warning, tierID: tier.id,
                    message: "Start the migration to \(tier.name) this month: it is needed at month \(current.month) (\(amount(current.driver)) \(unit)) and takes up to \(range(lead)) months",
                    action: tier.migration?.note.map { "Migration plan: \($0)" }, value: nil, threshold: nil, quantity: nil))
            } else {
                events.append(PlanEvent(month: 0, kind: .migrationStart, severity: .critical, tierID: tier.id,
                    message: "The migration to \(tier.name) is already \(NumberFormatting.plain(-start)) month\(start == -1 ? "" : "s") late: it is needed at month \(current.month) and takes up to \(range(lead)) months",
                    action: "Start the migration now, or plan for the load to outgrow the current tier",
                    value: nil, threshold: nil, quantity: nil))
            }
        }
        return events
    }

    private func range(_ range: NumberRange) -> String {
        range.low == range.high ? NumberFormatting.plain(range.low)
            : "\(NumberFormatting.plain(range.low))–\(NumberFormatting.plain(range.high))"
    }

    /// A month no tier carries, and a tier whose own limits fail inside its range.
    private func capacityGaps() -> [PlanEvent] {
        var events: [PlanEvent] = []
        var inGap = false
        var reported: Set<String> = []
        for month in months {
            if month.requiredTier == nil && !inGap {
                // A compiled profile has at least one tier ("a profile needs at least one tier").
                let last = compiled.tiers[compiled.tiers.count - 1]
                let slots = simulator.evaluator.slots(driver: month.driver)
                let worst = simulator.limitUses(last, slots: slots).max { $0.utilization < $1.utilization }
                var message = "No tier in the plan can carry \(amount(month.driver)) \(unit)"
                if let worst {
                    message += ": even \(last.tier.name)'s limit on \(worst.name) is at \(percent(worst.utilization)) (\(amount(worst.value)) of \(amount(worst.limit)))"
                }
                events.append(PlanEvent(month: month.month, kind: .noTierCarries, severity: .critical, tierID: nil,
                    message: message, action: "Add a tier, or raise the limits of the last one",
                    value: worst?.value, threshold: worst?.limit, quantity: worst?.name))
            }
            inGap = month.requiredTier == nil
            // In the last tier, "no tier carries it" already says it.
            if month.requiredTier == nil && month.tier == compiled.tiers.count - 1 { continue }
            let tier = profile.tiers[month.tier]
            for limit in month.limits where !(limit.value <= limit.limit) {
                let key = "\(tier.id)/\(limit.name)"
                guard reported.insert(key).inserted else { continue }
                var action = "Raise the limit, or move on earlier than the plan's range says"
                if let required = month.requiredTier, required > month.tier {
                    action = "Plan for \(profile.tiers[required].name) earlier: it is the lowest tier that carries this load"
                }
                let declared = tier.range.max.map { "[\(amount(tier.range.min)), \(amount($0)))" }
                    ?? "[\(amount(tier.range.min)), ∞)"
                events.append(PlanEvent(month: month.month, kind: .tierOverCapacity, severity: .critical, tierID: tier.id,
                    message: "\(tier.name) cannot carry \(amount(month.driver)) \(unit), inside its declared range \(declared): \(limit.name) = \(amount(limit.value)) exceeds its limit \(amount(limit.limit)) (\(percent(limit.utilization)))",
                    action: action, value: limit.value, threshold: limit.limit, quantity: limit.name))
            }
        }
        return events
    }

    private func sloGaps() -> [PlanEvent] {
        var events: [PlanEvent] = []
        var reported: Set<String> = []
        for month in months {
            let tier = profile.tiers[month.tier]
            for queue in month.queues where queue.missesTarget {
                guard reported.insert("\(tier.id)/\(queue.name)").inserted, let target = queue.targetMilliseconds else { continue }
                let p95 = queue.p95Milliseconds.isFinite ? "\(amount(queue.p95Milliseconds)) ms" : "unbounded (the queue is overloaded)"
                events.append(PlanEvent(month: month.month, kind: .sloMissed, severity: .warning, tierID: tier.id,
                    message: "\(tier.name): p95 latency of \(queue.name) is \(p95) against the \(amount(target)) ms target at \(amount(month.driver)) \(unit) (utilisation \(percent(queue.utilization)))",
                    action: "Add servers or cut service time before this month", value: queue.p95Milliseconds,
                    threshold: target, quantity: "latency.\(queue.name)"))
            }
        }
        return events
    }

    private func invalidValues() -> [PlanEvent] {
        var events: [PlanEvent] = []
        var reported: Set<Int> = []
        for month in months {
            for (index, value) in month.metrics.enumerated() where !value.isFinite && reported.insert(index).inserted {
                let metric = profile.metrics[index]
                events.append(PlanEvent(month: month.month, kind: .invalidValue, severity: .warning, tierID: nil,
                    message: "Metric \(metric.name) is \(NumberFormatting.plain(value)) at \(amount(month.driver)) \(unit) (\(metric.expression.text))",
                    action: "Check the expression for a division by zero or overflow", value: nil, threshold: nil,
                    quantity: metric.name))
            }
        }
        return events
    }
}
