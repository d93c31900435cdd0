/// `simulate --format json`: schema `scaleplan.projection/2` (described in the README). Raw
/// numbers, no formatting; non-finite values are `null`.
enum ProjectionJSONRenderer {
    static let schema = "scaleplan.projection/2"

    static func render(_ projection: Projection) -> String {
        document(projection).rendered() + "\n"
    }

    static func document(_ projection: Projection) -> JSONOutput {
        let profile = projection.profile
        let compiled = projection.compiled
        let months = projection.months
        return .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(compiled.overrides)),
            (
                "profile",
                .object([
                    ("id", .string(profile.id)), ("name", .string(profile.name)), ("currency", .string(profile.currency)),
                    (
                        "driver",
                        .object([
                            ("name", .string(profile.driver.name)), ("unit", .string(profile.driver.unit)),
                            ("label", .string(profile.driver.label)),
                        ])
                    ),
                ])
            ),
            ("growth", .object([("source", .string(projection.growthSource)), ("curve", .string(projection.curve.summary))])),
            ("start", .string(projection.start?.description)),
            // Each tier's cost items once: a month's `cost.items` are [low, expected, high] in this order.
            (
                "tiers",
                .array(
                    compiled.tiers.map { tier in
                        .object([
                            ("id", .string(tier.tier.id)), ("name", .string(tier.tier.name)),
                            (
                                "items",
                                .array(
                                    tier.costs.map {
                                        .object([("item", .string($0.item.item)), ("category", .string($0.item.category))])
                                    })
                            ),
                        ])
                    })
            ),
            // Made month by month as they are written: 10,000 cost items over 1,200 months never
            // exist as a tree at once.
            ("months", .generated(count: months.count) { month(months[$0], projection) }),
            (
                "triggers",
                .array(
                    projection.triggers.map { activity in
                        .object([
                            ("id", .string(activity.trigger.id)), ("tier", .string(activity.tierID)),
                            ("severity", .string(activity.trigger.severity.rawValue)),
                            ("first_month", .number(activity.firstMonth.map(Double.init))),
                            (
                                "spans",
                                .array(
                                    activity.spans.map {
                                        .array([.number(Double($0.lowerBound)), .number(Double($0.upperBound))])
                                    })
                            ),
                        ])
                    })
            ),
            ("invalid_values", .array(projection.invalidValues.map(invalidValue))),
            ("events", .array(projection.events.map { event($0, projection) })),
        ])
    }

    static func month(_ month: MonthResult, _ projection: Projection) -> JSONOutput {
        let compiled = projection.compiled
        return .object([
            ("month", .number(Double(month.month))),
            ("label", .string(projection.label(month.month))),
            ("driver", .number(month.driver)),
            ("tier", .string(compiled.tiers[month.tier].tier.id)),
            ("required_tier", .string(month.requiredTier.map { compiled.tiers[$0].tier.id })),
            ("metrics", .object(zip(compiled.profile.metrics, month.metrics).map { ($0.name, .number($1)) })),
            (
                "limits",
                .array(
                    month.limits.map { limit in
                        .object([
                            ("name", .string(limit.name)), ("value", .number(limit.value)),
                            ("limit", .number(limit.limit)), ("utilization", .number(limit.utilization)),
                        ])
                    })
            ),
            (
                "bottleneck",
                month.bottleneck.map { .object([("name", .string($0.name)), ("utilization", .number($0.utilization))]) } ?? .null
            ),
            (
                "queues",
                .array(
                    month.queues.map { queue in
                        .object([
                            ("name", .string(queue.name)), ("arrival_per_s", .number(queue.arrivalRate)),
                            ("servers", .number(queue.servers)), ("service_ms", .number(queue.serviceMilliseconds)),
                            ("utilization", .number(queue.utilization)), ("p95_ms", .number(queue.p95Milliseconds)),
                            ("target_ms", .number(queue.targetMilliseconds)),
                        ])
                    })
            ),
            (
                "cost",
                .object([
                    ("low", .number(month.cost.low)), ("expected", .number(month.cost.expected)),
                    ("high", .number(month.cost.high)), ("per_unit", .number(month.costPerUnit)),
                    ("categories", .object(zip(compiled.categories, month.cost.categories).map { ($0, .number($1)) })),
                    (
                        "items",
                        .array(month.cost.items.map { .array([.number($0.low), .number($0.expected), .number($0.high)]) })
                    ),
                ])
            ),
            ("revenue", .number(month.revenue)),
            ("margin", .number(month.margin)),
        ])
    }

    static func invalidValue(_ value: InvalidValue) -> JSONOutput {
        .object([
            ("subject", .string(value.subject)), ("expression", .string(value.expression)),
            ("month", .number(Double(value.month))), ("value", .number(value.value)),
            ("value_text", .string(NumberFormatting.quantity(value.value))), ("expected", .string(value.expected)),
            ("tier", .string(value.tierID)), ("quantity", .string(value.quantity)),
        ])
    }

    static func event(_ event: PlanEvent, _ projection: Projection) -> JSONOutput {
        .object([
            ("month", .number(Double(event.month))), ("label", .string(projection.label(event.month))),
            ("kind", .string(event.kind.rawValue)), ("severity", .string(event.severity.rawValue)),
            ("tier", .string(event.tierID)), ("trigger", .string(event.triggerID)),
            ("message", .string(event.message)), ("action", .string(event.action)),
            ("quantity", .string(event.quantity)), ("value", .number(event.value)), ("threshold", .number(event.threshold)),
        ])
    }
}
