import Testing

@testable import ScalePlanKit

func loadBundled(_ id: String) throws -> CompiledProfile {
    try ProfileLoader.load(path: "\(profilesDirectory)/\(id).json").compiled
}

/// One month of a profile at a fixed driver value, as `simulate --growth constant:value=…` does.
func month(_ id: String, at driver: Double) throws -> (MonthResult, CompiledProfile) {
    let compiled = try loadBundled(id)
    let projection = Simulator(compiled).run(curve: .constant(driver), months: 1)
    return (projection.months[0], compiled)
}

@Suite struct SimulatorTests {
    /// More driver never means less load: every metric a tier limits is non-decreasing in the
    /// driver as that tier sees it (its own params: Sayar's Scale needs less RAM per user than
    /// Growth, so across the move the plan tier's RAM may fall), checked on a log grid across each
    /// profile's whole range.
    @Test(arguments: bundledIDs)
    func limitedMetricsAreMonotoneInTheDriver(id: String) throws {
        let compiled = try loadBundled(id)
        let evaluator = PointEvaluator(compiled)
        for (tier, compiledTier) in compiled.tiers.enumerated() {
            let limited = Set(compiledTier.limits.map(\.slot))
            var previous: [Double]?
            var driver = 1.0
            while driver < 5e6 {
                let slots = evaluator.slots(of: tier, driver: driver)
                if let previous {
                    for slot in limited {
                        #expect(
                            slots[slot] >= previous[slot] - 1e-9 * Swift.abs(previous[slot]),
                            "\(id), \(compiledTier.tier.id): \(compiled.layout.names[slot]) falls from \(previous[slot]) to \(slots[slot]) at \(driver)"
                        )
                    }
                }
                previous = slots
                driver *= 1.07
            }
        }
    }

    @Test(arguments: bundledIDs)
    func defaultScenarioRunsWithFiniteNumbersAndSortedEvents(id: String) throws {
        let compiled = try loadBundled(id)
        let scenario = try #require(compiled.profile.defaultScenario)
        let curve = try #require(scenario.growth.expectedCurve)
        let projection = Simulator(compiled).run(curve: curve, months: scenario.months ?? 36, start: scenario.start)
        #expect(projection.months.count == scenario.months ?? 36)
        for month in projection.months {
            #expect(month.cost.low <= month.cost.expected && month.cost.expected <= month.cost.high)
            #expect(month.cost.expected.isFinite && month.driver.isFinite)
            #expect(month.metrics.allSatisfy { $0.isFinite }, "\(id) month \(month.month)")
            #expect(Swift.abs(month.cost.categories.reduce(0, +) - month.cost.expected) < 1e-6 * max(1, month.cost.expected))
        }
        #expect(projection.events == PlanEvent.ordered(projection.events))
        #expect(!projection.events.isEmpty)
    }

    /// The plan's gaps on the default scenarios: none is reported that the profile's own numbers
    /// do not show (see each profile's notes). Today's bundled plans carry their load.
    @Test(arguments: bundledIDs)
    func defaultScenarioGapsAreOnlyTheKnownOnes(id: String) throws {
        let compiled = try loadBundled(id)
        let scenario = try #require(compiled.profile.defaultScenario)
        let projection = Simulator(compiled).run(
            curve: try #require(scenario.growth.expectedCurve),
            months: scenario.months ?? 36)
        let gaps = projection.events.filter { [.noTierCarries, .tierOverCapacity, .invalidValue].contains($0.kind) }
        #expect(gaps.isEmpty, "\(gaps.map(\.message))")
    }

    /// A trigger on the boundary of a tier's range ("50+ businesses" at Starter's max of 50)
    /// fires in the month the plan moves on, evaluated against the outgoing tier's own cost.
    @Test func boundaryTriggersOfTheOutgoingTierFire() throws {
        let compiled = try loadBundled("sayar")
        let projection = Simulator(compiled).run(
            curve: .points([GrowthPoint(month: 0, value: 40), GrowthPoint(month: 4, value: 60)]),
            months: 5)
        let entry = try #require(projection.months.firstIndex { $0.tier == 1 })
        let starterTriggers = compiled.tiers[0].triggers.map(\.trigger.id)
        let upgrade = try #require(compiled.tiers[0].triggers.first { $0.trigger.target == "growth" })
        #expect(projection.isFiring(upgrade.trigger.id, at: entry))
        let event = try #require(projection.events.first { $0.triggerID == upgrade.trigger.id })
        #expect(event.month == entry)
        // The Starter budget alert (cost > 80% of $15) sees Starter's cost ($5), not Growth's ($70).
        let budget = compiled.tiers[0].triggers.first { $0.trigger.condition.summary.contains("cost") }
        if let budget { #expect(!projection.isFiring(budget.trigger.id, at: entry), "\(starterTriggers)") }
    }

    @Test func migrationStartAccountsForLeadTime() throws {
        let compiled = try loadBundled("sayar")
        let projection = Simulator(compiled).run(curve: .linear(start: 10, step: 5), months: 12)
        let entry = try #require(projection.events.first { $0.kind == .tierChange && $0.tierID == "growth" })
        let lead = try #require(compiled.profile.tier("growth")?.migration?.leadTimeMonths)
        let start = try #require(projection.events.first { $0.kind == .migrationStart && $0.tierID == "growth" })
        #expect(start.month == entry.month - Int(lead.high.rounded(.up)))
    }

    @Test func gapsAreReportedWhenTheLoadOutgrowsThePlan() throws {
        // Oviya's Tier 0 holds 500 users; forcing 50,000 users there is impossible, and the plan's
        // range already moves on, so the check is on a plan whose last tier is too small.
        let compiled = try loadBundled("sayar")
        let projection = Simulator(compiled).run(curve: .constant(1_000_000), months: 1)
        #expect(projection.events.contains { $0.kind == .noTierCarries })
        #expect(projection.months[0].requiredTier == nil)
    }

    @Test func costPerUnitAndMargin() throws {
        let (result, _) = try month("oviya", at: 5000)
        #expect(result.costPerUnit == result.cost.expected / 5000)
        let revenue = try #require(result.revenue)
        #expect(result.margin == revenue - result.cost.expected)
    }
}

@Suite struct CapacityTests {
    /// The answer carries at its value and fails one unit above it, for every tier of every
    /// bundled plan; an open-ended answer is checked far above the minimum.
    @Test(arguments: bundledIDs)
    func answerCarriesAtItsValueAndFailsOneAbove(id: String) throws {
        let compiled = try loadBundled(id)
        let search = CapacitySearch(compiled)
        for result in search.searchAll() {
            let tier = compiled.tiers[result.tier].tier
            if result.unbounded {
                #expect(search.carries(result.tier, Swift.max(1, tier.range.min) * 1000))
            } else if let maximum = result.maximum {
                #expect(search.carries(result.tier, maximum), "\(id)/\(tier.id) at \(maximum)")
                #expect(!search.carries(result.tier, maximum + 1), "\(id)/\(tier.id) at \(maximum + 1)")
                #expect(maximum == maximum.rounded())
                #expect(result.binding != nil)
            }
        }
    }

    @Test func nonMonotoneLimitsAreReportedNotHidden() throws {
        let text = """
            {"version": 1, "id": "dip", "name": "Dip", "currency": "USD",
             "driver": {"name": "users"},
             "metrics": {"load": "if(users > 100 and users < 120, 1000, users)"},
             "tiers": [{"id": "only", "name": "Only", "range": {"min": 0}, "capacity": {"load": 500}, "costs": []}],
             "scenarios": [{"id": "s", "default": true, "growth": {"kind": "constant", "value": 1}}]}
            """
        let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).compiled)
        let result = CapacitySearch(compiled).search(tier: 0)
        #expect(result.maximum == 100)
        #expect(result.nonMonotone != nil)
    }

    @Test func exactToOneUnitOnALinearLimit() throws {
        let text = """
            {"version": 1, "id": "lin", "name": "Linear", "currency": "USD",
             "driver": {"name": "users"}, "metrics": {"rps": "users * 0.003"},
             "tiers": [{"id": "a", "name": "A", "range": {"min": 0, "max": 10000}, "capacity": {"rps": 25}},
                       {"id": "b", "name": "B", "range": {"min": 10000}}],
             "scenarios": [{"id": "s", "default": true, "growth": {"kind": "constant", "value": 1}}]}
            """
        let compiled = try #require(ProfileLoader.validate(bytes: Array(text.utf8)).compiled)
        let result = CapacitySearch(compiled).search(tier: 0)
        #expect(result.maximum == 8333)  // 8,333 × 0.003 = 24.999 ≤ 25 < 8,334 × 0.003
        #expect(result.binding?.name == "rps")
        #expect(Swift.abs((result.headroom ?? 0) - (8333.0 - 10000) / 10000) < 1e-12)
        #expect(CapacitySearch(compiled).search(tier: 1).unbounded)
    }
}
