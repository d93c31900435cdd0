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

    /// Oviya's revenue table: paid users 25 / 140 / 400 / 800 / 5,000 at 5% / 7% / 8% / 8% / 10%
    /// conversion are reproduced exactly; revenue $6,000 and $12,000 (Tiers 2 and 3, $15 per paying
    /// user) exactly. The table's other rows imply $12, $17.86 and $13 per paying user — the seed
    /// contradicts itself — so one Pro/Premium mix ($15 expected) is used and those rows fall
    /// inside the mix's low–high range. Profit = revenue − monthly cost, as in the seed.
    @Test func oviyaRevenue() throws {
        let compiled = try loadBundled("oviya")
        let paidIndex = try #require(compiled.profile.metrics.firstIndex { $0.name == "paid_users" })
        for (users, paid) in [(500.0, 25.0), (2_000, 140), (5_000, 400), (10_000, 800), (50_000, 5_000)] {
            let (result, _) = try month("oviya", at: users)
            #expect(Swift.abs(result.metrics[paidIndex] - paid) < 1e-9, "paid users at \(users)")
        }
        for (users, revenue) in [(5_000.0, 6_000.0), (10_000, 12_000)] {
            let (result, _) = try month("oviya", at: users)
            #expect(Swift.abs((result.revenue ?? 0) - revenue) < 1e-6)
            #expect(result.margin == (result.revenue ?? 0) - result.cost.expected)
        }
        // The other rows lie between the revenue at the mix's low and high premium share.
        let shareIndex = try #require(compiled.profile.params.firstIndex { $0.name == "premium_share" })
        let share = compiled.profile.params[shareIndex].value
        for (users, revenue) in [(500.0, 300.0), (2_000, 2_500), (50_000, 65_000)] {
            var values = compiled.expectedParams
            values[shareIndex] = share.low
            let lowSlots = PointEvaluator(compiled, params: values).slots(driver: users)
            values[shareIndex] = share.high
            let highSlots = PointEvaluator(compiled, params: values).slots(driver: users)
            let revenueExpression = try #require(compiled.revenue)
            let low = revenueExpression.evaluate(lowSlots), high = revenueExpression.evaluate(highSlots)
            #expect(low - 1e-6 <= revenue && revenue <= high + 1e-6, "\(users): \(low)–\(high)")
        }
        // The seed's own profit column is its revenue minus its (high) monthly cost.
        for (revenue, cost, profit) in [
            (300.0, 200.0, 100.0), (2_500, 500, 2_000), (6_000, 1_200, 4_800),
            (12_000, 3_000, 9_000), (65_000, 15_000, 50_000),
        ] {
            #expect(revenue - cost == profit)
        }
    }
}
