/// Turns a month-by-month projection into the events a founder acts on: when each trigger first
/// fires (with its value against the threshold), tier changes and the month each migration must
/// start, the gaps in the plan, and values of the model that are invalid. Reads only what the
/// engine recorded; evaluates nothing again.
struct EventDetector {
    let compiled: CompiledProfile
    let months: [MonthResult]
    let triggers: [TriggerActivity]
    let invalidValues: [InvalidValue]

    private var profile: Profile { compiled.profile }
    private var unit: String { profile.driver.name }

    func events() -> [PlanEvent] {
        PlanEvent.ordered(triggerEvents() + tierEvents() + capacityGaps() + sloGaps() + invalidEvents())
    }

    private func amount(_ value: Double) -> String { NumberFormatting.quantity(value) }

    private func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    private func triggerEvents() -> [PlanEvent] {
        var events: [PlanEvent] = []
        // Ids are unique (validated); a dictionary keeps many targeted triggers linear.
        let tiers = Dictionary(profile.tiers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for activity in triggers {
            guard let first = activity.firstMonth, first < months.count else { continue }
            let trigger = activity.trigger
            let name = trigger.name ?? trigger.id
            var message = "\(name) fires at \(amount(months[first].driver)) \(unit)"
            if let explanation = activity.explanation {
                message += ": \(explanation.quantity) = \(amount(explanation.value)) (threshold \(amount(explanation.threshold)))"
            }
            var action = trigger.action
            if let target = trigger.target, let tier = tiers[target] {
                action += " [→ \(tier.name)]"
            }
            events.append(
                PlanEvent(
                    month: first, kind: .trigger, severity: trigger.severity, tierID: activity.tierID,
                    triggerID: trigger.id, message: message, action: action, value: activity.explanation?.value,
                    threshold: activity.explanation?.threshold, quantity: activity.explanation?.quantity))
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
            events.append(
                PlanEvent(
                    month: current.month, kind: .tierChange, severity: .info, tierID: tier.id,
                    message: message, action: nil, value: current.driver, threshold: tier.range.min, quantity: unit))
            guard upward, let lead = tier.migration?.leadTimeMonths, lead.high > 0 else { continue }
            // In doubles: a lead time may be any finite number (1e300 months), which `Int(_:)`
            // would trap on. `start` is converted only when it lies in 0...current.month.
            let start = Double(current.month) - lead.high.rounded(.up)
            if start >= 0 {
                events.append(
                    PlanEvent(
                        month: Int(start), kind: .migrationStart, severity: .warning, tierID: tier.id,
                        message:
                            "Start the migration to \(tier.name) this month: it is needed at month \(current.month) (\(amount(current.driver)) \(unit)) and takes \(range(lead)) months",
                        action: tier.migration?.note.map { "Migration plan: \($0)" }, value: nil, threshold: nil, quantity: nil))
            } else {
                events.append(
                    PlanEvent(
                        month: 0, kind: .migrationStart, severity: .critical, tierID: tier.id,
                        message:
                            "The migration to \(tier.name) is already \(NumberFormatting.prose(-start)) month\(start == -1 ? "" : "s") late: it is needed at month \(current.month) and takes \(range(lead)) months",
                        action: "Start the migration now, or plan for the load to outgrow the current tier",
                        value: nil, threshold: nil, quantity: nil))
            }
        }
        return events
    }

    private func range(_ range: NumberRange) -> String {
        NumberFormatting.proseRange(range.low, range.high)
    }

    /// A month no tier carries, and a tier whose own limits fail inside its range (limits whose
    /// own value is invalid are reported as invalid values instead).
    private func capacityGaps() -> [PlanEvent] {
        var events: [PlanEvent] = []
        var inGap = false
        var reported: Set<String> = []
        let last = profile.tiers[profile.tiers.count - 1]  // a compiled profile has at least one tier
        for month in months {
            if month.requiredTier == nil && !inGap {
                let worst = month.unmet
                var message = "No tier in the plan can carry \(amount(month.driver)) \(unit)"
                if let worst {
                    message +=
                        ": even \(last.name)'s limit on \(worst.name) is at \(percent(worst.utilization)) (\(amount(worst.value)) of \(amount(worst.limit)))"
                }
                events.append(
                    PlanEvent(
                        month: month.month, kind: .noTierCarries, severity: .critical, tierID: nil,
                        message: message, action: "Add a tier, or raise the limits of the last one",
                        value: worst?.value, threshold: worst?.limit, quantity: worst?.name))
            }
            inGap = month.requiredTier == nil
            // In the last tier, "no tier carries it" already says it.
            if month.requiredTier == nil && month.tier == profile.planTierCount - 1 { continue }
            let tier = profile.tiers[month.tier]
            for limit in month.limits where !limit.holds && !limit.isInvalid {
                let key = "\(tier.id)/\(limit.name)"
                guard reported.insert(key).inserted else { continue }
                var action = "Raise the limit, or move on earlier than the plan's range says"
                if let required = month.requiredTier, required > month.tier {
                    action = "Plan for \(profile.tiers[required].name) earlier: it is the lowest tier that carries this load"
                }
                let declared =
                    tier.range.max.map { "[\(amount(tier.range.min)), \(amount($0)))" }
                    ?? "[\(amount(tier.range.min)), ∞)"
                events.append(
                    PlanEvent(
                        month: month.month, kind: .tierOverCapacity, severity: .critical, tierID: tier.id,
                        message:
                            "\(tier.name) cannot carry \(amount(month.driver)) \(unit), inside its declared range \(declared): \(limit.name) = \(amount(limit.value)) exceeds its limit \(amount(limit.limit)) (\(percent(limit.utilization)))",
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
                guard reported.insert("\(tier.id)/\(queue.name)").inserted, let target = queue.targetMilliseconds else {
                    continue
                }
                let p95 =
                    queue.p95Milliseconds.isFinite ? "\(amount(queue.p95Milliseconds)) ms" : "unbounded (the queue is overloaded)"
                events.append(
                    PlanEvent(
                        month: month.month, kind: .sloMissed, severity: .warning, tierID: tier.id,
                        message:
                            "\(tier.name): p95 latency of \(queue.name) is \(p95) against the \(amount(target)) ms target at \(amount(month.driver)) \(unit) (utilisation \(percent(queue.utilization)))",
                        action: "Add servers or cut service time before this month", value: queue.p95Milliseconds,
                        threshold: target, quantity: ContextName.latencyOf(queue.name).description))
            }
        }
        return events
    }

    private func invalidEvents() -> [PlanEvent] {
        invalidValues.compactMap { invalid in
            guard invalid.month < months.count else { return nil }
            let driver = months[invalid.month].driver
            return PlanEvent(
                month: invalid.month, kind: .invalidValue, severity: .warning, tierID: invalid.tierID,
                message:
                    "The model's \(invalid.subject) is \(amount(invalid.value)) at \(amount(driver)) \(unit) (\(invalid.expression)); expected \(invalid.expected)",
                action:
                    "Check the expression (a division by zero, an overflow, a negative amount); reported once, at its first month",
                value: invalid.value, threshold: nil, quantity: invalid.quantity)
        }
    }
}
