/// `simulate --format json`: schema `scaleplan.projection/2` (described in the README). Raw
/// numbers, no formatting; non-finite values are `null`.
public enum ProjectionJSONRenderer {
    public static let schema = "scaleplan.projection/2"

    public static func render(_ projection: Projection) -> String {
        document(projection).rendered() + "\n"
    }

    public static func document(_ projection: Projection) -> JSONOutput {
        let profile = projection.profile
        let compiled = projection.compiled
        let months: [JSONOutput] = projection.months.map { month in
            let tier = compiled.tiers[month.tier]
            return .object([
                ("month", .number(Double(month.month))),
                ("label", .string(projection.label(month.month))),
                ("driver", .number(month.driver)),
                ("tier", .string(tier.tier.id)),
                ("required_tier", .string(month.requiredTier.map { compiled.tiers[$0].tier.id })),
                ("metrics", .object(zip(profile.metrics, month.metrics).map { ($0.name, .number($1)) })),
                ("limits", .array(month.limits.map { limit in
                    .object([("name", .string(limit.name)), ("value", .number(limit.value)),
                        ("limit", .number(limit.limit)), ("utilization", .number(limit.utilization))])
                })),
                ("bottleneck", month.bottleneck.map { .object([("name", .string($0.name)), ("utilization", .number($0.utilization))]) } ?? .null),
                ("queues", .array(month.queues.map { queue in
                    .object([
                        ("name", .string(queue.name)), ("arrival_per_s", .number(queue.arrivalRate)),
                        ("servers", .number(queue.servers)), ("service_ms", .number(queue.serviceMilliseconds)),
                        ("utilization", .number(queue.utilization)), ("p95_ms", .number(queue.p95Milliseconds)),
                        ("target_ms", .number(queue.targetMilliseconds)),
                    ])
                })),
                ("cost", .object([
                    ("low", .number(month.cost.low)), ("expected", .number(month.cost.expected)),
                    ("high", .number(month.cost.high)), ("per_unit", .number(month.costPerUnit)),
                    ("categories", .object(zip(compiled.categories, month.cost.categories).map { ($0, .number($1)) })),
                    ("items", .array(zip(tier.costs, month.cost.items).map { item, cost in
                        .object([
                            ("item", .string(item.item.item)), ("category", .string(item.item.category)),
                            ("low", .number(cost.low)), ("expected", .number(cost.expected)), ("high", .number(cost.high)),
                        ])
                    })),
                ])),
                ("revenue", .number(month.revenue)),
                ("margin", .number(month.margin)),
            ])
        }
        return .object([
            ("schema", .string(schema)),
            ("profile", .object([
                ("id", .string(profile.id)), ("name", .string(profile.name)), ("currency", .string(profile.currency)),
                ("driver", .object([("name", .string(profile.driver.name)), ("unit", .string(profile.driver.unit)),
                    ("label", .string(profile.driver.label))])),
            ])),
            ("growth", .object([("source", .string(projection.growthSource)), ("curve", .string(projection.curve.summary))])),
            ("start", .string(projection.start?.description)),
            ("months", .array(months)),
            ("triggers", .array(projection.triggers.map { activity in
                .object([
                    ("id", .string(activity.trigger.id)), ("tier", .string(activity.tierID)),
                    ("severity", .string(activity.trigger.severity.rawValue)),
                    ("first_month", .number(activity.firstMonth.map(Double.init))),
                    ("spans", .array(activity.spans.map { .array([.number(Double($0.lowerBound)), .number(Double($0.upperBound))]) })),
                ])
            })),
            ("invalid_values", .array(projection.invalidValues.map(invalidValue))),
            ("events", .array(projection.events.map { event($0, projection) })),
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
