/// What changed between two versions of a plan, and what that does to the projection: the
/// diff a pull request that edits a profile deserves.
public struct PlanDiff: Sendable {
    public enum Change: String, Sendable {
        case added = "+"
        case removed = "-"
        case changed = "~"
    }

    /// One changed thing: its kind (`param`, `metric`, `tier`, `trigger`, …), name, and the old
    /// and new values as text.
    public struct Line: Sendable {
        public var change: Change
        public var kind: String
        public var name: String
        public var before: String?
        public var after: String?
    }

    /// The first month a trigger fires, before and after (nil: it does not fire).
    public struct TriggerMonth: Sendable {
        public var id: String
        public var before: Int?
        public var after: Int?
    }

    public let old: Profile
    public let new: Profile
    /// The params set with `--set`, on both versions.
    public let overrides: [ParamOverride]
    public let lines: [Line]
    /// The growth both versions were projected along, and the horizon.
    public let growthSource: String
    public let months: Int
    public let costBefore: CostBreakdown
    public let costAfter: CostBreakdown
    public let triggerMonths: [TriggerMonth]
    /// Plan gaps only one version has.
    public let gapsAppearing: [PlanEvent]
    public let gapsDisappearing: [PlanEvent]

    /// The change in expected monthly cost at the horizon.
    public var costIncrease: Double { costAfter.expected - costBefore.expected }

    /// Compares two compiled versions, projecting both along the new version's default scenario
    /// (the old one's when the new has none usable).
    public init(old: CompiledProfile, new: CompiledProfile) {
        self.old = old.profile
        self.new = new.profile
        overrides = new.overrides + old.overrides.filter { !new.overrides.contains($0) }
        lines = Self.changes(old.profile, new.profile, oldCompiled: old, newCompiled: new)
        let scenario = new.profile.defaultScenario ?? old.profile.defaultScenario
        let curve = scenario?.growth.expectedCurve ?? .constant(new.profile.tiers.first?.range.min ?? 0)
        months = scenario?.months ?? 36
        growthSource = scenario.map { "scenario \($0.id) of the new version" } ?? "constant"
        let before = Simulator(old.forScenario(scenario)).run(curve: curve, months: months)
        let after = Simulator(new.forScenario(scenario)).run(curve: curve, months: months)
        costBefore = before.months.last?.cost ?? .zero
        costAfter = after.months.last?.cost ?? .zero
        func firsts(_ projection: Projection) -> [String: Int] {
            var result: [String: Int] = [:]
            for activity in projection.triggers { if let first = activity.firstMonth { result[activity.trigger.id] = first } }
            return result
        }
        let oldFirst = firsts(before), newFirst = firsts(after)
        let ids =
            (old.profile.triggers + old.profile.tiers.flatMap(\.triggers)).map(\.id)
            + (new.profile.triggers + new.profile.tiers.flatMap(\.triggers)).map(\.id)
        var seen: Set<String> = []
        triggerMonths = ids.filter { seen.insert($0).inserted }.compactMap { id in
            let month = TriggerMonth(id: id, before: oldFirst[id], after: newFirst[id])
            return month.before == month.after ? nil : month
        }
        let gapKinds: Set<PlanEvent.Kind> = [.noTierCarries, .tierOverCapacity, .sloMissed]
        func gapKey(_ event: PlanEvent) -> String { "\(event.kind.rawValue)/\(event.tierID ?? "")/\(event.quantity ?? "")" }
        let oldGaps = before.events.filter { gapKinds.contains($0.kind) }
        let newGaps = after.events.filter { gapKinds.contains($0.kind) }
        let oldKeys = Set(oldGaps.map(gapKey)), newKeys = Set(newGaps.map(gapKey))
        gapsAppearing = newGaps.filter { !oldKeys.contains(gapKey($0)) }
        gapsDisappearing = oldGaps.filter { !newKeys.contains(gapKey($0)) }
    }

    static func describe(_ value: Uncertain) -> String {
        let p = NumberFormatting.plain
        switch value.distribution {
        case .fixed: return p(value.expected)
        case .uniform: return "\(p(value.low))–\(p(value.high))"
        case .triangular: return "\(p(value.low))/\(p(value.mode ?? value.expected))/\(p(value.high))"
        case .lognormal: return "lognormal \(p(value.low))–\(p(value.high))"
        }
    }

    static func describe(_ amount: Amount) -> String {
        switch amount {
        case .single(let quantity): quantity.description
        case .range(let low, let mode, let high): mode.map { "\(low)/\($0)/\(high)" } ?? "\(low) – \(high)"
        }
    }

    static func changes(_ old: Profile, _ new: Profile, oldCompiled: CompiledProfile, newCompiled: CompiledProfile) -> [Line] {
        var lines: [Line] = []
        func compare(_ kind: String, _ before: [(String, String)], _ after: [(String, String)]) {
            let afterMap = Dictionary(after, uniquingKeysWith: { a, _ in a })
            let beforeMap = Dictionary(before, uniquingKeysWith: { a, _ in a })
            for (name, value) in before {
                if let other = afterMap[name] {
                    if other != value {
                        lines.append(Line(change: .changed, kind: kind, name: name, before: value, after: other))
                    }
                } else {
                    lines.append(Line(change: .removed, kind: kind, name: name, before: value, after: nil))
                }
            }
            for (name, value) in after where beforeMap[name] == nil {
                lines.append(Line(change: .added, kind: kind, name: name, before: nil, after: value))
            }
        }
        if old.currency != new.currency {
            lines.append(Line(change: .changed, kind: "currency", name: "currency", before: old.currency, after: new.currency))
        }
        compare("param", old.params.map { ($0.name, describe($0.value)) }, new.params.map { ($0.name, describe($0.value)) })
        if old.tierSelection != new.tierSelection {
            lines.append(
                Line(
                    change: .changed, kind: "tier_selection", name: "tier_selection", before: old.tierSelection.rawValue,
                    after: new.tierSelection.rawValue))
        }
        func metric(_ metric: Metric) -> String {
            metric.initial.map { "stock from \(NumberFormatting.plain($0)), adding \(metric.expression.text) a month" }
                ?? metric.expression.text
        }
        compare("metric", old.metrics.map { ($0.name, metric($0)) }, new.metrics.map { ($0.name, metric($0)) })
        if old.revenue?.text != new.revenue?.text {
            lines.append(
                Line(
                    change: old.revenue == nil ? .added : new.revenue == nil ? .removed : .changed, kind: "revenue",
                    name: "revenue", before: old.revenue?.text, after: new.revenue?.text))
        }
        func range(_ tier: Tier) -> String {
            "[\(NumberFormatting.plain(tier.range.min)), \(tier.range.max.map(NumberFormatting.plain) ?? "∞"))"
        }
        compare("tier", old.tiers.map { ($0.id, range($0)) }, new.tiers.map { ($0.id, range($0)) })
        for tier in old.tiers {
            guard let other = new.tier(tier.id) else { continue }
            compare(
                "limit", tier.capacity.map { ("\(tier.id).\($0.metric)", $0.limit.description) },
                other.capacity.map { ("\(tier.id).\($0.metric)", $0.limit.description) })
            func cost(_ item: CostItem) -> (String, String) {
                ("\(tier.id): \(item.displayName)", (item.credit ? "credit " : "") + describe(item.amount))
            }
            compare("cost", tier.costs.map(cost), other.costs.map(cost))
            compare(
                "tier param", tier.params.map { ("\(tier.id).\($0.name)", describe($0.value)) },
                other.params.map { ("\(tier.id).\($0.name)", describe($0.value)) })
            func lead(_ tier: Tier) -> [(String, String)] {
                guard let lead = tier.migration?.leadTimeMonths else { return [] }
                return [
                    (
                        "\(tier.id) lead time",
                        NumberFormatting.proseRange(lead.low, lead.high)
                            + (lead.mode.map { ", most likely \(NumberFormatting.prose($0))" } ?? "") + " months"
                    )
                ]
            }
            compare("migration", lead(tier), lead(other))
        }
        // A component's trigger is in every tier that uses it: compared once, by id.
        func triggers(_ profile: Profile) -> [(String, String)] {
            var seen: Set<String> = []
            return (profile.triggers + profile.tiers.flatMap(\.triggers)).filter { seen.insert($0.id).inserted }.map {
                ($0.id, "\($0.severity.rawValue): \($0.condition.summary)")
            }
        }
        compare("trigger", triggers(old), triggers(new))
        compare(
            "scenario", old.scenarios.map { ($0.id, $0.growth.kind.rawValue + ($0.isDefault ? " (default)" : "")) },
            new.scenarios.map { ($0.id, $0.growth.kind.rawValue + ($0.isDefault ? " (default)" : "")) })
        return lines
    }
}
