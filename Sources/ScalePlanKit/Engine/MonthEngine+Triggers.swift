extension MonthEngine {
    /// The triggers of the month: the tiers the plan leaves (against their own context), each
    /// tier's own while it is the plan's, then the global ones (each trial against its plan tier).
    func evaluateTriggers<Observer: MonthObserver>(observer: inout Observer) {
        for tier in tiers.indices where outgoing[tier] && !plan.tierTriggers[tier].isEmpty {
            enterTier(tier)
            writeContext(tier, onlyWhereTierIs: nil)
            evaluate(plan.tierTriggers[tier], for: .leaving(Int32(tier)), observer: &observer)
        }
        for tier in tiers.indices where present[tier] && !plan.tierTriggers[tier].isEmpty {
            enterTier(tier)
            writeContext(tier, onlyWhereTierIs: nil)
            evaluate(plan.tierTriggers[tier], for: .on(Int32(tier)), observer: &observer)
        }
        guard !plan.globalTriggers.isEmpty else { return }
        var none = NoObserver()
        enterPlanScope(observer: &none)
        for tier in tiers.indices where present[tier] { writeContext(tier, onlyWhereTierIs: tier) }
        evaluate(plan.globalTriggers, for: .every, observer: &observer)
    }

    /// The trials a trigger's condition counts for.
    private enum Selection {
        /// Those leaving the tier this month.
        case leaving(Int32)
        /// Those on the tier.
        case on(Int32)
        /// Every trial (global triggers).
        case every
    }

    /// Evaluates each trigger for the block, and reports the trials it fires in.
    private func evaluate<Observer: MonthObserver>(_ triggers: [Int], for selection: Selection, observer: inout Observer) {
        for trigger in triggers where !observer.isSettled(trigger: trigger) {
            let result = condition(plan.triggers[trigger].trigger.condition, depth: 0)
            // One loop per selection, each without a branch per trial.
            var any = false
            @inline(__always) func mark(_ selected: (Int) -> Bool) {
                var fired: UInt8 = 0
                for trial in 0..<count {
                    let fire = (result[trial] != 0).and(selected(trial))
                    fires[trial] = fire
                    fired |= fire ? 1 : 0
                }
                any = fired != 0
            }
            switch selection {
            case .leaving(let tier): mark { (self.previousTier[$0] == tier).and(self.planTier[$0] != tier) }
            case .on(let tier): mark { self.planTier[$0] == tier }
            case .every: mark { _ in true }
            }
            if any { observer.fired(self, trigger: trigger, fires: fires) }
        }
    }

    /// Writes the trigger-context slots (`ContextName`) from a tier's columns: for every trial, or
    /// only for the trials whose plan tier is `onlyWhereTierIs` (to give each its own tier's). Only
    /// the slots some trigger reads are written. A limit or queue the tier lacks reads 0: no limit
    /// means no utilisation; so does `utilization` for a tier without limits.
    func writeContext(_ tier: Int, onlyWhereTierIs only: Int?) {
        let columns = tiers[tier]
        let context = plan.context
        let count = self.count
        let selected = only.map(Int32.init)
        @inline(__always) func write(_ target: Int?, _ value: (Int) -> Double) {
            guard let target else { return }
            let column = slot(target)
            if let selected {
                for trial in 0..<count where planTier[trial] == selected { column[trial] = value(trial) }
            } else {
                for trial in 0..<count { column[trial] = value(trial) }
            }
        }
        let read = plan.contextSlotsRead
        @inline(__always) func isRead(_ slot: Int?) -> Int? {
            guard let slot, read.binarySearchContains(slot) else { return nil }
            return slot
        }
        write(isRead(context.cost)) { columns.costAmount[$0] }
        var own = columns.categories.makeIterator()
        var next = own.next()
        for index in plan.readCategories {
            // Both lists ascend by category index.
            if let entry = next, entry.index == index {
                write(context.categories[index]) { entry.column[$0] }
                next = own.next()
            } else {
                write(context.categories[index]) { _ in 0 }  // the tier has no item in it
            }
        }
        write(isRead(context.revenue)) { self.revenue[$0] }
        write(isRead(context.margin)) { self.revenue[$0] - columns.costAmount[$0] }
        let limitless = columns.limitValues.isEmpty
        write(isRead(context.utilization)) { limitless ? 0 : columns.highest[$0] }
        if !context.limitSlots.isEmpty || !context.latencySlots.isEmpty {
            for slot in read where plan.compiled.layout.contextName(of: slot).map(Self.isPerComponent) ?? false {
                write(slot) { _ in 0 }
            }
            for (index, target) in columns.limitContextSlots.enumerated() where target != nil {
                write(target) { columns.utilization[index][$0] }
            }
            for (index, target) in columns.queueContextSlots.enumerated() where target != nil {
                write(target) { columns.queueP95[index][$0] }
            }
        }
        applyContextOverrides()
    }

    private static func isPerComponent(_ name: ContextName) -> Bool {
        switch name {
        case .utilizationOf, .latencyOf: true
        default: false
        }
    }

    /// Evaluates a condition for every trial into `conditionColumns[depth]` (1 or 0) and returns it.
    func condition(_ condition: CompiledCondition, depth: Int) -> UnsafeMutablePointer<Double> {
        let out = conditionColumns[Swift.min(depth, conditionColumns.count - 1)]
        switch condition {
        case .expression(let expression):
            evaluator.evaluate(expression.program, slots: slots, count: count, into: out)
        case .any(let parts):
            for trial in 0..<count { out[trial] = 0 }
            for part in parts {
                let inner = self.condition(part, depth: depth + 1)
                for trial in 0..<count { out[trial] = out[trial] != 0 || inner[trial] != 0 ? 1 : 0 }
            }
        case .all(let parts):
            for trial in 0..<count { out[trial] = 1 }
            for part in parts {
                let inner = self.condition(part, depth: depth + 1)
                for trial in 0..<count { out[trial] = out[trial] != 0 && inner[trial] != 0 ? 1 : 0 }
            }
        }
        return out
    }
}

extension Array where Element == Int {
    /// Whether a sorted array holds `value`.
    /// - Complexity: O(log *n*).
    func binarySearchContains(_ value: Int) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
