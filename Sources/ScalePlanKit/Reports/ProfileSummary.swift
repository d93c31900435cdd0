/// A profile with each tier's costs and limits evaluated at its range, ready for `show`.
public struct ProfileSummary {
    struct CostRow {
        var item: CostItem
        var low: Double
        var high: Double
        /// The formula, for an amount that is an expression.
        var formula: String?
        /// Whether the amount changes with the driver (a formula may read params only).
        var usagePriced: Bool
    }

    struct LimitRow {
        var limit: Limit
        var value: Double
        /// The formula, for a limit that is an expression.
        var formula: String?
    }

    struct TierSummary {
        var tier: Tier
        var limits: [LimitRow]
        var costs: [CostRow]
        var totalLow: Double
        var totalHigh: Double
        /// Driver values the costs were evaluated at.
        var lowAt: Double
        var highAt: Double
    }

    let profile: Profile
    /// The plan's tiers, then (`options`) each tier's options, evaluated at the tier's range.
    let tiers: [TierSummary]
    let options: [TierSummary]

    /// The options of the plan tier `index`.
    func options(of index: Int) -> [TierSummary] { options.filter { $0.tier.stage == index } }

    public init(_ plan: CompiledProfile) {
        profile = plan.profile
        let compiled = plan.layingOutOptions()
        let evaluator = PointEvaluator(compiled)
        let dependent = compiled.driverDependentSlots
        let all = compiled.tiers.enumerated().map { tierIndex, tier in
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
                let usagePriced = [cost.low, cost.expected, cost.high].contains { $0.reads(anyOf: dependent) }
                rows.append(
                    CostRow(
                        item: cost.item, low: lows[index].low, high: highs[index].high, formula: formula, usagePriced: usagePriced
                    ))
            }
            // A compiled profile has one compiled limit per declared one, in order.
            let uses = evaluator.limits(of: tierIndex, driver: lowAt)
            let limits = tier.tier.capacity.indices.map { index in
                LimitRow(
                    limit: tier.tier.capacity[index], value: uses[index].limit,
                    formula: tier.limits[index].limit.constantValue == nil ? tier.limits[index].limit.source : nil)
            }
            return TierSummary(
                tier: tier.tier, limits: limits, costs: rows,
                totalLow: rows.reduce(0) { $0 + $1.low }, totalHigh: rows.reduce(0) { $0 + $1.high },
                lowAt: lowAt, highAt: highAt)
        }
        let count = compiled.profile.planTierCount
        tiers = Array(all.prefix(count))
        options = Array(all.dropFirst(count))
    }

    public static let schema = "scaleplan.show/1"

    var json: JSONOutput {
        func trigger(_ trigger: Trigger) -> JSONOutput {
            .object([
                ("id", .string(trigger.id)), ("severity", .string(trigger.severity.rawValue)),
                ("condition", .string(trigger.condition.summary)), ("action", .string(trigger.action)),
                ("target", .string(trigger.target)), ("component", .string(trigger.component)),
            ])
        }
        func range(_ range: NumberRange?) -> JSONOutput {
            range.map { range in
                .object(
                    [("low", .number(range.low)), ("high", .number(range.high))]
                        + (range.mode.map { [("mode", .number($0))] } ?? []))
            } ?? .null
        }
        func param(_ param: Param) -> JSONOutput {
            .object([
                ("name", .string(param.name)),
                (
                    "value",
                    .object([
                        ("distribution", .string(param.value.distribution.rawValue)),
                        ("low", .number(param.value.low)), ("mode", .number(param.value.mode)),
                        ("high", .number(param.value.high)), ("expected", .number(param.value.expected)),
                    ])
                ),
                ("unit", .string(param.unit)), ("label", .string(param.label)),
                ("assumption", .string(param.assumption)), ("source", .string(param.source)),
                ("observed", .bool(param.observed)),
            ])
        }
        func notes(_ notes: [String]) -> JSONOutput { .array(notes.map { .string($0) }) }
        func tierJSON(_ summary: TierSummary, options: [JSONOutput]) -> JSONOutput {
            let tier = summary.tier
            return .object([
                ("id", .string(tier.stage != nil && tier.id != tier.stageID ? tier.option : tier.id)),
                ("name", .string(tier.name)), ("source", .string(tier.source)),
                (
                    "range",
                    .object([
                        ("min", .number(tier.range.min)), ("max", .number(tier.range.max)),
                        ("derived", .bool(tier.rangeDerived)),
                    ])
                ),
                ("params", .array(tier.params.map(param))),
                ("use", .array(tier.uses.map { .string($0) })),
                (
                    "timeline",
                    tier.timeline.map {
                        .object([
                            ("start", .number($0.start)), ("end", .number($0.end)), ("label", .string($0.label)),
                        ])
                    } ?? .null
                ),
                (
                    "capacity",
                    .array(
                        summary.limits.map {
                            .object([
                                ("metric", .string($0.limit.metric)), ("limit", .number($0.value)),
                                ("headroom", .number($0.limit.headroom)), ("primary", .bool($0.limit.primary)),
                                ("formula", .string($0.formula)), ("label", .string($0.limit.label)),
                                ("source", .string($0.limit.source)),
                                ("component", .string($0.limit.component)),
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
                                ("formula", .string($0.formula)), ("usage_priced", .bool($0.usagePriced)),
                                ("currency", .string($0.item.currency)), ("source", .string($0.item.source)),
                                ("note", .string($0.item.note)), ("credit", .bool($0.item.credit)),
                                ("component", .string($0.item.component)),
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
                (
                    "queues",
                    .array(
                        tier.queues.map { queue in
                            .object([
                                ("name", .string(queue.name)), ("servers", .string(queue.servers.description)),
                                ("service_ms", .string(queue.serviceMilliseconds.description)),
                                ("arrivals_per_second", .string(queue.arrival.text)),
                                ("p95_ms", .number(queue.p95Milliseconds)),
                                ("component", .string(queue.component)),
                            ])
                        })
                ),
                ("triggers", .array(tier.triggers.map(trigger))),
                (
                    "migration",
                    tier.migration.map {
                        .object([
                            ("lead_time_months", range($0.leadTimeMonths)),
                            ("downtime_minutes", range($0.downtimeMinutes)), ("cost", range($0.cost)),
                            ("note", .string($0.note)),
                        ])
                    } ?? .null
                ),
                (
                    "team",
                    tier.team.map { team in
                        .object([
                            ("headcount", range(team.headcount)), ("burn", range(team.burn)),
                            ("currency", .string(team.currency)),
                            (
                                "hires",
                                .array(
                                    team.hires.map { hire in
                                        .object([
                                            ("role", .string(hire.role)), ("at", .number(hire.at)),
                                            ("count", .number(Double(hire.count))), ("salary", range(hire.salary)),
                                            ("currency", .string(hire.currency)), ("why", .string(hire.why)),
                                        ])
                                    })
                            ),
                        ])
                    } ?? .null
                ),
                ("notes", notes(tier.notes)),
                ("option", .object([("id", .string(tier.option)), ("name", .string(tier.optionName))])),
                ("skippable", .bool(tier.skippable)), ("options", .array(options)),
            ])
        }
        return .object([
            ("schema", .string(Self.schema)),
            ("id", .string(profile.id)), ("name", .string(profile.name)),
            ("description", .string(profile.description)), ("source", .string(profile.source)),
            (
                "driver",
                .object([
                    ("name", .string(profile.driver.name)), ("unit", .string(profile.driver.unit)),
                    ("label", .string(profile.driver.label)),
                ])
            ),
            ("currency", .string(profile.currency)),
            ("fx", .object(profile.fx.keys.sorted().map { ($0, .number(profile.fx[$0])) })),
            ("tier_selection", .string(profile.tierSelection.rawValue)),
            ("allow_downgrade", .bool(profile.allowsDowngrade)),
            ("components", .array(profile.components.map { .string($0.name) })),
            ("params", .array(profile.params.map(param))),
            (
                "metrics",
                .array(
                    profile.metrics.map { metric in
                        .object([
                            ("name", .string(metric.name)), ("expression", .string(metric.expression.text)),
                            ("stock", metric.initial.map { .object([("initial", .number($0))]) } ?? .null),
                            ("unit", .string(metric.unit)), ("label", .string(metric.label)),
                            ("assumption", .string(metric.assumption)), ("source", .string(metric.source)),
                        ])
                    })
            ),
            ("revenue", .string(profile.revenue?.text)),
            (
                "tiers",
                .array(
                    tiers.enumerated().map { index, summary in
                        tierJSON(summary, options: options(of: index).map { tierJSON($0, options: []) })
                    })
            ),
            ("triggers", .array(profile.triggers.map(trigger))),
            (
                "scenarios",
                .array(
                    profile.scenarios.map {
                        .object([
                            ("id", .string($0.id)), ("name", .string($0.name)), ("default", .bool($0.isDefault)),
                            ("growth", .string($0.growth.kind.rawValue)), ("months", .number($0.months.map(Double.init))),
                            ("start", .string($0.start?.description)),
                            (
                                "params",
                                .array(
                                    $0.params.map { param in
                                        .object([("name", .string(param.name)), ("value", .string(param.value.summary))])
                                    })
                            ),
                        ])
                    })
            ),
            ("notes", notes(profile.notes)),
            (
                "observe",
                .array(
                    profile.observe.map {
                        .object([
                            ("name", .string($0.name)), ("query", .string($0.query)), ("example", .bool($0.example)),
                            ("note", .string($0.note)),
                        ])
                    })
            ),
        ])
    }
}
