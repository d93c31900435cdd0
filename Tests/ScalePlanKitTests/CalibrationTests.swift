import Testing

@testable import ScalePlanKit

/// Each bundled profile reproduces its source document's own tables. The engine is run as
/// `simulate --growth constant:value=N` runs it (one month at a fixed driver value), and the
/// month's tier and cost are compared with the seed. Where a seed contradicts itself, the
/// comment says which figure the profile follows and why (the profile's `notes` say it too).
@Suite struct CalibrationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var profile: String
        var driver: Double
        var tier: String
        var low: Double
        var high: Double
        var testDescription: String { "\(profile) at \(NumberFormatting.plain(driver))" }
    }

    /// INPHRONE, "Infrastructure Cost Projections": Phase 1 $100-300, Phase 2 $1,000-5,000,
    /// Phase 3 $15,000-40,000, Phase 4 $50,000-200,000 (a driver level inside each phase).
    /// The seed's itemised tables disagree (Phase 2 tool list "$100 - $1,700", Phase 3
    /// "$12,500 - $29,000"); the projection table is followed, the items kept, and a
    /// reconciling line carries the difference.
    static let inphrone = [
        Row(profile: "inphrone", driver: 25_000, tier: "phase1", low: 100, high: 300),
        Row(profile: "inphrone", driver: 100_000, tier: "phase2", low: 1_000, high: 5_000),
        Row(profile: "inphrone", driver: 1_000_000, tier: "phase3", low: 15_000, high: 40_000),
        Row(profile: "inphrone", driver: 5_000_000, tier: "phase4", low: 50_000, high: 200_000),
    ]

    /// The 1M roadmap's "Cost breakdown by user scale": 1K $200-400, 10K $600-800, 50K
    /// $1,500-2,000, 250K $5,000-7,000, 1M $15,000-25,000. Each phase is named by the MAU it
    /// handles ("Handle 50,000 MAU"), so its range includes that figure: ranges end at target + 1.
    static let million = [
        Row(profile: "million", driver: 1_000, tier: "current", low: 200, high: 400),
        Row(profile: "million", driver: 10_000, tier: "phase-1", low: 600, high: 800),
        Row(profile: "million", driver: 50_000, tier: "phase-2", low: 1_500, high: 2_000),
        Row(profile: "million", driver: 250_000, tier: "phase-3", low: 5_000, high: 7_000),
        Row(profile: "million", driver: 1_000_000, tier: "phase-4", low: 15_000, high: 25_000),
    ]

    /// Sayar, each tier's "Total Monthly Cost" where the section gives one (Growth $60-80, Scale
    /// $300-500, Enterprise $2,000-10,000+); the Tier Overview's $50-150 / $200-500 / $1000+ are
    /// kept as the tiers' budgets instead. Starter has no section total: its plan prices (Railway
    /// Hobby $5 + Vercel Free $0 + Supabase Free/Pro $0-25) give $5-30.
    static let sayar = [
        Row(profile: "sayar", driver: 20, tier: "starter", low: 5, high: 30),
        Row(profile: "sayar", driver: 100, tier: "growth", low: 60, high: 80),
        Row(profile: "sayar", driver: 350, tier: "scale", low: 300, high: 500),
        Row(profile: "sayar", driver: 1_000, tier: "enterprise", low: 2_000, high: 10_000),
    ]

    @Test(arguments: inphrone + million + sayar)
    func tierCostsMatchTheSeedsTable(row: Row) throws {
        let (result, compiled) = try month(row.profile, at: row.driver)
        #expect(compiled.tiers[result.tier].tier.id == row.tier)
        #expect(Swift.abs(result.cost.low - row.low) < 1e-6, "low \(result.cost.low)")
        #expect(Swift.abs(result.cost.high - row.high) < 1e-6, "high \(result.cost.high)")
    }

    /// The 1M roadmap's per-user column: $0.20-0.40, $0.06-0.08, $0.03-0.04, $0.02-0.03,
    /// $0.015-0.025. The seed rounds: 250K at $7,000 is $0.028, printed as $0.03; the check is
    /// cost ÷ users rounded as the seed rounds it.
    @Test(arguments: [
        (1_000.0, 0.20, 0.40, 2), (10_000, 0.06, 0.08, 2), (50_000, 0.03, 0.04, 2), (250_000, 0.02, 0.03, 2),
        (1_000_000, 0.015, 0.025, 3),
    ])
    func millionPerUserCost(users: Double, low: Double, high: Double, decimals: Int) throws {
        let (result, _) = try month("million", at: users)
        #expect(
            NumberFormatting.fixed(result.cost.low / users, decimals: decimals) == NumberFormatting.fixed(low, decimals: decimals)
        )
        #expect(
            NumberFormatting.fixed(result.cost.high / users, decimals: decimals)
                == NumberFormatting.fixed(high, decimals: decimals))
    }

    /// INPHRONE's team and total monthly burn by phase (same table): 2-3 / $2,000-5,000,
    /// 8-12 / $30,000-80,000, 20-35 / $150,000-350,000, 50-100 / $500,000-1,500,000.
    @Test func inphroneTeamAndBurn() throws {
        let profile = try loadBundled("inphrone").profile
        let expected: [(Double, Double, Double, Double)] = [
            (2, 3, 2_000, 5_000), (8, 12, 30_000, 80_000), (20, 35, 150_000, 350_000), (50, 100, 500_000, 1_500_000),
        ]
        for (tier, (headLow, headHigh, burnLow, burnHigh)) in zip(profile.tiers, expected) {
            #expect(tier.team?.headcount == NumberRange(low: headLow, high: headHigh), "\(tier.id)")
            #expect(tier.team?.burn == NumberRange(low: burnLow, high: burnHigh), "\(tier.id)")
        }
        // Salaries are in INR (₹1,20,000 - ₹1,80,000 for the DevOps engineer) and converted with fx.
        let devops = try #require(profile.tiers.flatMap { $0.team?.hires ?? [] }.first { $0.role.contains("DevOps") })
        #expect(devops.salary == NumberRange(low: 120_000, high: 180_000))
        #expect(devops.currency == "INR")
        #expect(profile.fx["INR"] != nil)
    }

    /// The musician app's "Cost Breakdown at Scale" (Phase 3, AWS): per row at 10K / 50K / 100K
    /// users — compute 150/500/1000, database 100/300/600, cache 50/150/300, CDN 20/100/200,
    /// storage 10/50/100, monitoring 50/200/400; totals ~$380 / ~$1,300 / ~$2,600 (the rows do
    /// sum to those). Services the table does not list (Supabase Auth above 50K MAU at $0.00325,
    /// Vercel, search, email, the extracted services) are priced on top, in their own categories.
    @Test(arguments: [
        (10_000.0, [150.0, 100, 50, 20, 10, 50], 380.0), (50_000, [500, 300, 150, 100, 50, 200], 1_300),
        (100_000, [1_000, 600, 300, 200, 100, 400], 2_600),
    ])
    func musicianPhase3Table(users: Double, rows: [Double], total: Double) throws {
        let (result, compiled) = try month("musician", at: users)
        #expect(compiled.tiers[result.tier].tier.id == "phase3")
        let names = ["compute", "database", "cache", "cdn", "storage", "monitoring"]
        var sum = 0.0
        for (name, expected) in zip(names, rows) {
            let index = try #require(compiled.categories.firstIndex(of: name))
            #expect(Swift.abs(result.cost.categories[index] - expected) < 1e-6, "\(name) at \(users)")
            sum += result.cost.categories[index]
        }
        #expect(Swift.abs(sum - total) < 1e-6)
        let auth = try #require(compiled.categories.firstIndex(of: "auth"))
        #expect(Swift.abs(result.cost.categories[auth] - Swift.max(0, users - 50_000) * 0.00325) < 1e-6)
    }

    /// Musician Phase 1 (5-500 users) budget $10-30/month; §2.1's "~$10-15" for the same stack
    /// (Railway $5 base + ~$5-10 usage, Neon free, Vercel free) is what the items give.
    @Test func musicianPhase1Budget() throws {
        let (result, _) = try month("musician", at: 300)
        #expect(result.cost.low >= 10 && result.cost.high <= 30)
        #expect(result.cost.low == 10 && result.cost.high == 15)
    }

    /// Oviya's tiers, each quoted at the top of its band in the seed (500, 2k, 5k, 10k, 50k). With
    /// half-open ranges those counts belong to the next tier, so each row is checked on the tier it
    /// names. Tier 0 and Tier 4 follow the stated totals ($100-200, $8,000-15,000); Tiers 1-3
    /// follow their own itemised lines, which sum above the headline ($300-525 vs "$300-500",
    /// $950-1,250 vs "$800-1,200", $2,450-3,250 vs "$2,000-3,000"): a negative reconciling line
    /// would be needed to reach the headline, and the items are the more specific figures.
    @Test(arguments: [
        (500.0, "tier0", 100.0, 200.0), (2_000, "tier1", 300, 525), (5_000, "tier2", 950, 1_250),
        (10_000, "tier3", 2_450, 3_250), (50_000, "tier4", 8_000, 15_000),
    ])
    func oviyaTierCosts(users: Double, tierID: String, low: Double, high: Double) throws {
        let compiled = try loadBundled("oviya")
        let tier = try #require(compiled.tiers.first { $0.tier.id == tierID })
        let index = try #require(compiled.tiers.firstIndex { $0.tier.id == tier.tier.id })
        let total = PointEvaluator(compiled).totalCost(of: index, driver: users)
        #expect(Swift.abs(total.low - low) < 1e-6 && Swift.abs(total.high - high) < 1e-6, "\(total)")
    }

    /// Oviya's "Revenue Projections" (003, §Revenue Model, the table at L322-328): each row on the
    /// tier it names, with that tier's params — conversion 5% / 7% / 8% / 8% / 10% and the
    /// Pro/Premium mix the row implies (the seed gives list prices $9.99 / $19.99 but rows worth
    /// $12.00 / $17.86 / $15 / $15 / $13 per paying user: it contradicts itself, so each tier sets
    /// its own share). Paid users and revenue are the seed's exactly; profit is revenue minus the
    /// tier's high cost, which is the seed's for Tiers 0 and 4 and differs for Tiers 1-3 by exactly
    /// how much the seed's own itemised costs exceed its stated totals ($25, $50, $250).
    @Test(arguments: [
        ("tier0", 500.0, 25.0, 300.0, 100.0), ("tier1", 2_000, 140, 2_500, 1_975), ("tier2", 5_000, 400, 6_000, 4_750),
        ("tier3", 10_000, 800, 12_000, 8_750), ("tier4", 50_000, 5_000, 65_000, 50_000),
    ])
    func oviyaRevenueRows(tierID: String, users: Double, paid: Double, revenue: Double, profit: Double) throws {
        let compiled = try loadBundled("oviya")
        let tier = try #require(compiled.tiers.firstIndex { $0.tier.id == tierID })
        let paidSlot = try #require(compiled.layout.slot("paid_users"))
        let evaluator = PointEvaluator(compiled)
        #expect(Swift.abs(evaluator.slots(of: tier, driver: users)[paidSlot] - paid) < 1e-9)
        let earned = try #require(evaluator.revenue(of: tier, driver: users))
        #expect(Swift.abs(earned - revenue) < 1e-6, "revenue \(earned)")
        #expect(Swift.abs(earned - evaluator.totalCost(of: tier, driver: users).high - profit) < 1e-6)
        // Every tier's mix keeps the common range, so Monte Carlo spans all five rows.
        let share =
            compiled.profile.tiers[tier].params.first { $0.name == "premium_share" }?.value
            ?? compiled.profile.params.first { $0.name == "premium_share" }?.value
        #expect(share?.low == 0.201 && share?.high == 0.787)
    }

    /// "Break-even: Month 1 (500 users)" (L330): on the default scenario month 0 (100 users) loses
    /// money and month 1 (500 users, Tier 1: 35 paid × $17.86 = $625 against $412.50) makes $212.50.
    @Test func oviyaBreaksEvenInMonthOne() throws {
        let compiled = try loadBundled("oviya")
        let scenario = try #require(compiled.profile.defaultScenario)
        let projection = Simulator(compiled).run(curve: try #require(scenario.growth.expectedCurve), months: 3)
        #expect((projection.months[0].margin ?? 0) < 0)
        #expect(Swift.abs((projection.months[1].margin ?? 0) - 212.5) < 1e-6)
    }

    /// The 1M roadmap's storage path (002: current 'Storage: ~500MB used' L55; Phases 1-4 'Storage:
    /// 1GB → 10GB', '10GB → 50GB', '50GB → 200GB', '500GB-1TB' L107/L164/L233/L323) as a stock of
    /// 0.05 MB per MAU per month from 0.25 GB: 0.5 GB at month 0 (the seed's 500MB at 5,000 MAU), and
    /// inside each phase's storage at its end on the seed's own timeline.
    @Test func millionStorageIsAStockInsideEachPhase() throws {
        let compiled = try loadBundled("million")
        let scenario = try #require(compiled.profile.defaultScenario)
        let projection = Simulator(compiled).run(curve: try #require(scenario.growth.expectedCurve), months: 24)
        let slot = try #require(compiled.profile.metrics.firstIndex { $0.name == "db_storage_gb" })
        let stored = projection.months.map { $0.metrics[slot] }
        for (month, expected) in [(0, 0.5), (3, 1.71183), (6, 6.52883), (12, 49.0322), (23, 342.7495)] {
            #expect(Swift.abs(stored[month] - expected) < 1e-3, "month \(month): \(stored[month])")
        }
        #expect(zip(stored, stored.dropFirst()).allSatisfy { $0 < $1 }, "a stock of uploads only grows")
        for month in projection.months {
            let tier = compiled.tiers[month.tier]
            let limit = try #require(tier.tier.capacity.first { $0.metric == "db_storage_gb" })
            if case .number(let value, _) = limit.limit { #expect(month.metrics[slot] <= value, "month \(month.month)") }
        }
    }

    /// INPHRONE's "Database size > 10GB → Add read replicas" (000, Trigger Points L390) on a stock
    /// of 14 KB per MAU per month from 0.5 GB: 9.40 GB at month 17 and 10.91 GB at month 18 of the
    /// default scenario, the first month above 100K users (107,722), where the seed puts
    /// "Supabase PostgreSQL ~100K users" (L56) — so `db-size` fires in month 18.
    @Test func inphroneDatabaseSizeIsAStock() throws {
        let compiled = try loadBundled("inphrone")
        let scenario = try #require(compiled.profile.defaultScenario)
        let projection = Simulator(compiled).run(curve: try #require(scenario.growth.expectedCurve), months: 24)
        let slot = try #require(compiled.profile.metrics.firstIndex { $0.name == "db_size_gb" })
        #expect(Swift.abs(projection.months[17].metrics[slot] - 9.40009) < 1e-3)
        #expect(Swift.abs(projection.months[18].metrics[slot] - 10.90819) < 1e-3)
        #expect(projection.triggers.first { $0.trigger.id == "db-size" }?.firstMonth == 18)
        // At a constant 100,000 users it grows by 1.4 GB a month: 0.5 + 1.4 (t + 1).
        let flat = Simulator(compiled).run(curve: .constant(100_000), months: 3)
        #expect(
            flat.months.map { $0.metrics[slot] }.enumerated().allSatisfy { Swift.abs($1 - (0.5 + 1.4 * Double($0 + 1))) < 1e-9 })
    }

    /// Sayar's Scale edge (001, Tier 3 L140-186): 'Traffic: 2M-10M API requests/month',
    /// 'Concurrent Users: 10,000 simultaneous users' on Railway Team's 'Resources: 4GB RAM, 4 vCPU,
    /// 2TB network'. At 500 businesses Scale sees 10M requests and 10,000 users, in 3.72 GB (its own
    /// RAM per user, 0.35 MB); RAM alone would last to 541 businesses; Scale carries exactly 500.
    /// Growth's edge (200 businesses: 2M requests, 2,000 users) is unchanged.
    @Test func sayarScaleCarriesTheSeedsEdge() throws {
        let compiled = try loadBundled("sayar")
        let scale = try #require(compiled.tiers.firstIndex { $0.tier.id == "scale" })
        let growth = try #require(compiled.tiers.firstIndex { $0.tier.id == "growth" })
        let evaluator = PointEvaluator(compiled)
        func value(_ name: String, _ tier: Int, _ driver: Double) -> Double? {
            evaluator.limits(of: tier, driver: driver).first { $0.name == name }?.value
        }
        #expect(value("concurrent_users", scale, 500) == 10_000)
        #expect(value("api_requests_month", scale, 500) == 10_000_000)
        #expect(Swift.abs((value("ram_gb", scale, 500) ?? 0) - 3.71796875) < 1e-9)
        #expect((value("ram_gb", scale, 541) ?? 9) <= 4 && (value("ram_gb", scale, 542) ?? 0) > 4)
        #expect(CapacitySearch(compiled).search(tier: scale).maximum == 500)
        #expect(value("api_requests_month", growth, 200) == 2_000_000 && value("concurrent_users", growth, 200) == 2_000)
    }

    /// Musician Phase 2 against its budget (004, §8.2 L546 'Infrastructure Budget: $100-300/month';
    /// §5 L316 'Phase 2 (1,000-10,000 users) - Total: ~$100-300/month'): Vercel Pro from the phase's
    /// start (its monitoring stack names 'Vercel Analytics (included with Pro)', L663) and the BullMQ
    /// worker (L651, priced as §2.1's 512MB instance). The seed names only $51 of fixed spend, so the
    /// floor is $91 and the budget is an envelope: the expected cost passes $100 from 1,025 users.
    @Test(arguments: [(500.0, 91.0, 98.5, 106.0), (1_000, 91, 98.5, 106), (9_999, 225.188, 237.688, 250.188)])
    func musicianPhase2Budget(users: Double, low: Double, expected: Double, high: Double) throws {
        let (result, compiled) = try month("musician", at: users)
        #expect(compiled.tiers[result.tier].tier.id == "phase2")
        #expect(Swift.abs(result.cost.low - low) < 1e-3 && Swift.abs(result.cost.expected - expected) < 1e-3, "\(result.cost)")
        #expect(Swift.abs(result.cost.high - high) < 1e-3 && result.cost.high >= 100 && result.cost.high <= 300)
        #expect(try month("musician", at: 1_025).0.cost.expected >= 100)
    }
}
