/// A profile with each tier's costs and limits evaluated at its range, ready for `show`.
public struct ProfileSummary {
    struct CostRow {
        var item: CostItem
        var low: Double
        var high: Double
        /// The formula, for usage-priced items.
        var formula: String?
    }

    struct TierSummary {
        var tier: Tier
        var limits: [(name: String, limit: Double, formula: String?)]
        var costs: [CostRow]
        var totalLow: Double
        var totalHigh: Double
        /// Driver values the costs were evaluated at.
        var lowAt: Double
        var highAt: Double
    }

    let profile: Profile
    let tiers: [TierSummary]

    public init(_ compiled: CompiledProfile) {
        profile = compiled.profile
        let evaluator = PointEvaluator(compiled)
        tiers = compiled.tiers.enumerated().map { tierIndex, tier in
            let lowAt = tier.tier.range.min
            let highAt = tier.tier.range.max ?? tier.tier.range.min
            let lows = evaluator.costs(of: tierIndex, driver: lowAt)
            let highs = evaluator.costs(of: tierIndex, driver: highAt)
            var rows: [CostRow] = []
            for (index, cost) in tier.costs.enumerated() {
                var formula: String?
                switch cost.item.amount {
                case .single(.expression(let text)): formula = text.text
                case .range(.expression(let text), _, _), .range(_, _, .expression(let text)): formula = text.text
                default: formula = nil
                }
                rows.append(CostRow(item: cost.item, low: lows[index].low, high: highs[index].high, formula: formula))
            }
            let limits = zip(tier.limits, evaluator.limits(of: tierIndex, driver: lowAt)).map { limit, use in
                (limit.name, use.limit, limit.limit.constantValue == nil ? limit.limit.source : nil)
            }
            return TierSummary(
                tier: tier.tier, limits: limits, costs: rows,
                totalLow: rows.reduce(0) { $0 + $1.low }, totalHigh: rows.reduce(0) { $0 + $1.high },
                lowAt: lowAt, highAt: highAt)
        }
    }

    var json: JSONOutput {
        func trigger(_ trigger: Trigger) -> JSONOutput {
            .object([
                ("id", .string(trigger.id)), ("severity", .string(trigger.severity.rawValue)),
                ("condition", .string(trigger.condition.summary)), ("action", .string(trigger.action)),
                ("target", .string(trigger.target)),
            ])
        }
        return .object([
            ("schema", .string("scaleplan.show/1")),
            ("id", .string(profile.id)), ("name", .string(profile.name)),
            (
                "driver",
                .object([
                    ("name", .string(profile.driver.name)), ("unit", .string(profile.driver.unit)),
                    ("label", .string(profile.driver.label)),
                ])
            ),
            ("currency", .string(profile.currency)),
            (
                "tiers",
                .array(
                    tiers.map { summary in
                        let tier = summary.tier
                        return .object([
                            ("id", .string(tier.id)), ("name", .string(tier.name)), ("source", .string(tier.source)),
                            ("range", .object([("min", .number(tier.range.min)), ("max", .number(tier.range.max))])),
                            (
                                "timeline",
                                tier.timeline.map { .object([("start", .number($0.start)), ("end", .number($0.end))]) } ?? .null
                            ),
                            (
                                "capacity",
                                .array(
                                    summary.limits.map {
                                        .object([
                                            ("metric", .string($0.name)), ("limit", .number($0.limit)),
                                            ("formula", .string($0.formula)),
                                        ])
                                    })
                            ),
                            (
                                "costs",
                                .array(
                                    summary.costs.map {
                                        .object([
                                            ("item", .string($0.item.item)), ("category", .string($0.item.category)),
                                            ("low", .number($0.low)), ("high", .number($0.high)),
                                            ("formula", .string($0.formula)),
                                        ])
                                    })
                            ),
                            (
                                "total",
                                .object([
                                    ("low", .number(summary.totalLow)), ("high", .number(summary.totalHigh)),
                                    ("low_at", .number(summary.lowAt)), ("high_at", .number(summary.highAt)),
                                ])
                            ),
                            (
                                "slo",
                                .object([
                                    ("p95_ms", .number(tier.slo?.p95Milliseconds)),
                                    ("uptime_pct", .number(tier.slo?.uptimePercent)),
                                ])
                            ),
                            ("triggers", .array(tier.triggers.map(trigger))),
                        ])
                    })
            ),
            ("triggers", .array(profile.triggers.map(trigger))),
            (
                "scenarios",
                .array(
                    profile.scenarios.map {
                        .object([
                            ("id", .string($0.id)), ("default", .bool($0.isDefault)),
                            ("growth", .string($0.growth.kind.rawValue)),
                        ])
                    })
            ),
        ])
    }
}
