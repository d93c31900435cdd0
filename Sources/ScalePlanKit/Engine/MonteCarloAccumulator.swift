/// What Monte Carlo workers accumulate, merged across workers when the run ends: integer counts
/// only, so the merge order does not matter.
struct MonteCarloAccumulator: Sendable {
    let plan: EnginePlan
    let layout: MonteCarloLayout
    let months: Int
    /// Indexed `series × months + month`.
    var histograms: [QuantileHistogram]
    /// Per trigger (`plan.triggers` order): the trials whose first firing is in each month.
    var triggerFirstMonth: [MonthCounts]
    /// Per tier: the trials that first need it in each month.
    var tierFirstMonth: [MonthCounts]
    /// Per tier: the trials whose move into it must start by each month (the month needed less
    /// the trial's lead time, rounded up; negative: already late at month 0).
    var moveStart: [MonthCounts]
    /// Per tier: the trials that start on it or above (they make no move into it).
    var moveAlreadyThere: [Int]
    /// Indexed `tier × months + month`: the trials whose plan tier it is.
    var inPlan: [Int]
    /// Indexed `tier × months + month`, with tier = the tier count for "none": the trials whose
    /// required tier (the lowest that carries the load) it is.
    var required: [Int]
    /// Per invalid subject: the trials in which it occurred, and the first occurrence in (month,
    /// block, trial) order with its value.
    var invalid: [InvalidSubject: (trials: Int, first: (month: Int, block: Int, trial: Int, value: Double))] = [:]

    init(_ plan: EnginePlan, layout: MonteCarloLayout, anchors: [[Double]], months: Int) {
        self.plan = plan
        self.layout = layout
        self.months = months
        histograms = (0..<(layout.series.count * months)).map { QuantileHistogram(anchors: anchors[$0]) }
        triggerFirstMonth = Array(repeating: MonthCounts(), count: plan.triggers.count)
        tierFirstMonth = Array(repeating: MonthCounts(), count: plan.compiled.tiers.count)
        moveStart = Array(repeating: MonthCounts(), count: plan.compiled.tiers.count)
        moveAlreadyThere = Array(repeating: 0, count: plan.compiled.tiers.count)
        inPlan = Array(repeating: 0, count: plan.compiled.tiers.count * months)
        required = Array(repeating: 0, count: (plan.compiled.tiers.count + 1) * months)
    }

    /// Drops the counts (the worker's copy, once taken).
    mutating func release() {
        histograms = []
        triggerFirstMonth = []
        tierFirstMonth = []
        moveStart = []
        moveAlreadyThere = []
        inPlan = []
        required = []
        invalid = [:]
    }

    mutating func note(_ subject: InvalidSubject, trials: Int, month: Int, block: Int, trial: Int, value: Double) {
        let first = (month: month, block: block, trial: trial, value: value)
        guard let entry = invalid[subject] else {
            invalid[subject] = (trials, first)
            return
        }
        let earlier = (month, block, trial) < (entry.first.month, entry.first.block, entry.first.trial)
        invalid[subject] = (entry.trials + trials, earlier ? first : entry.first)
    }

    /// Adds another worker's counts, the histograms `threads` at a time.
    mutating func merge(_ other: MonteCarloAccumulator, threads: Int = 1) {
        let mine = ParallelChunks.Shared(histograms)
        histograms = []  // so that `mine` holds the only reference and merges in place
        let theirs = other.histograms
        ParallelChunks.forEach(count: mine.count, threads: threads) { range in
            for index in range { mine.base[index].merge(theirs[index]) }
        }
        histograms = mine.elements
        for index in triggerFirstMonth.indices { triggerFirstMonth[index].merge(other.triggerFirstMonth[index]) }
        for index in tierFirstMonth.indices { tierFirstMonth[index].merge(other.tierFirstMonth[index]) }
        for index in moveStart.indices { moveStart[index].merge(other.moveStart[index]) }
        for index in moveAlreadyThere.indices { moveAlreadyThere[index] += other.moveAlreadyThere[index] }
        for index in inPlan.indices { inPlan[index] += other.inPlan[index] }
        for index in required.indices { required[index] += other.required[index] }
        for (subject, entry) in other.invalid {
            note(
                subject, trials: entry.trials, month: entry.first.month, block: entry.first.block, trial: entry.first.trial,
                value: entry.first.value)
        }
    }

    /// The report.
    /// - Parameter totals: per series and month (`series × months + month`), the sum over every
    ///   trial, added block by block in block order.
    /// - Parameter threads: how many threads share the percentiles' work.
    func result(
        totals: [Double], trials: Int, seed: UInt64, start: YearMonth?, growthSource: String, threads: Int = 1,
        confidence: Double = MonteCarlo.defaultConfidence
    ) -> MonteCarloResult {
        let compiled = plan.compiled
        let share = { (count: Int) in trials > 0 ? Double(count) / Double(trials) : 0 }
        let histograms = self.histograms
        let percentiles = ParallelChunks.Shared(
            [MonteCarloResult.Percentiles](
                repeating: MonteCarloResult.Percentiles(p10: nil, p50: nil, p90: nil, mean: nil), count: histograms.count))
        ParallelChunks.forEach(count: histograms.count, threads: threads) { range in
            for slot in range {
                let histogram = histograms[slot]
                let quantiles = histogram.quantiles([0.1, 0.5, 0.9])
                // Sums were added in block order, so the mean does not depend on the thread count;
                // when every trial has the same value, that value is the mean, exactly.
                let mean = trials > 0 ? histogram.sharedValue ?? totals[slot] / Double(trials) : nil
                percentiles.base[slot] = MonteCarloResult.Percentiles(
                    p10: quantiles[0], p50: quantiles[1], p90: quantiles[2], mean: mean)
            }
        }
        let series = layout.series.enumerated().map { index, entry in
            MonteCarloResult.Series(
                name: entry.name, kind: entry.kind,
                months: (0..<months).map { month in
                    percentiles.base[index * months + month]
                })
        }
        let triggerOdds = plan.triggers.enumerated().map { index, entry -> MonteCarloResult.TriggerOdds in
            let counts = triggerFirstMonth[index]
            return MonteCarloResult.TriggerOdds(
                id: entry.trigger.trigger.id, tierID: entry.trigger.tierID,
                severity: entry.trigger.trigger.severity, action: entry.trigger.trigger.action,
                probability: share(counts.total - counts.never),
                firstMonth: (
                    counts.month(atQuantile: 0.1, trials: trials), counts.month(atQuantile: 0.5, trials: trials),
                    counts.month(atQuantile: 0.9, trials: trials)
                ),
                firstMonths: counts.steps.map { (month: $0.month, share: share($0.cumulative)) })
        }
        let tierOdds = compiled.tiers.enumerated().map { index, tier -> MonteCarloResult.TierOdds in
            var cumulative = 0
            var steps = tierFirstMonth[index].steps[...]
            let neededBy = (0..<months).map { month -> Double in
                while let step = steps.first, step.month <= month {
                    cumulative = step.cumulative
                    steps = steps.dropFirst()
                }
                return share(cumulative)
            }
            return MonteCarloResult.TierOdds(
                id: tier.tier.id, neededBy: neededBy,
                inPlan: (0..<months).map { share(inPlan[index * months + $0]) },
                required: (0..<months).map { share(required[index * months + $0]) })
        }
        // Safe start dates: the latest month by which a share `confidence` of the trials would
        // have started in time (`MonthCounts.latestMonth`; a trial that needs the tier only after
        // the horizon ranks last). A need after the horizon could still ask for a start from
        // `months − lead` on, so a date from there on is not known: it is reported as "not before".
        // Tiers every trial starts on or above are no move.
        let moves = compiled.tiers.indices.dropFirst().filter { moveAlreadyThere[$0] < trials }.map {
            index -> MonteCarloResult.Move in
            let needed = tierFirstMonth[index], starts = moveStart[index]
            let lead = compiled.tiers[index].tier.migration?.leadTimeMonths
            let knownBefore = months - Migration.wholeMonths(Migration.leadTime(lead, at: nil))
            func dated(_ month: Int?) -> Int? { month.flatMap { $0 < knownBefore ? $0 : nil } }
            var readyIfStartedIn: [Double] = []
            for month in 0..<months { readyIfStartedIn.append(share(trials - starts.cumulative(through: month - 1))) }
            return MonteCarloResult.Move(
                tierID: compiled.tiers[index].tier.id,
                neededBy: (
                    needed.month(atQuantile: 0.1, trials: trials), needed.month(atQuantile: 0.5, trials: trials),
                    needed.month(atQuantile: 0.9, trials: trials)
                ),
                probabilityNeeded: share(needed.total - needed.never),
                leadTime: lead, confidence: confidence,
                startBy: dated(starts.latestMonth(withShareAtOrAbove: confidence, trials: trials)),
                startByHalf: dated(starts.latestMonth(withShareAtOrAbove: 0.5, trials: trials)),
                notBefore: knownBefore, readyIfStartedIn: readyIfStartedIn)
        }
        let none = compiled.tiers.count * months
        let noTierCarries = (0..<months).map { share(required[none + $0]) }
        let invalidOdds = invalid.sorted { $0.key.sortKey.lexicographicallyPrecedes($1.key.sortKey) }.map { subject, entry in
            MonteCarloResult.InvalidOdds(
                value: InvalidValue(subject, compiled: compiled, month: entry.first.month, value: entry.first.value),
                probability: share(entry.trials))
        }
        return MonteCarloResult(
            compiled: compiled, growthSource: growthSource, start: start, trials: trials, seed: seed,
            months: months, series: series, triggers: triggerOdds, tiers: tierOdds, moves: moves,
            noTierCarries: noTierCarries, invalidValues: invalidOdds)
    }
}
