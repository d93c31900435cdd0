import Testing

@testable import ScalePlanKit

/// The random profile generator that property tests stand on: every profile it makes is
/// valid, together they cover the language, and a seed always gives the same text.
@Suite struct ProfileGeneratorTests {
    static let seeds: Range<UInt64> = 0..<300

    /// Every profile of 300 seeds validates with no diagnostic at all, but one: random limits
    /// need not rank the tiers, so by capacity a tier may never be the plan tier (a warning that
    /// is right to give); the first that does not is printed whole with its diagnostics.
    @Test func everySeedGivesAValidProfile() {
        var failing: [UInt64] = []
        for seed in Self.seeds {
            let text = ProfileGenerator.profile(seed: seed)
            let (compiled, all) = ProfileLoader.validate(bytes: Array(text.utf8))
            let diagnostics = all.filter {
                !($0.severity == .warning && $0.message.contains("is never the plan tier")
                    && compiled?.profile.tierSelection == .capacity)
            }
            guard compiled == nil || !diagnostics.isEmpty else { continue }
            if failing.isEmpty {
                let listed = diagnostics.map { $0.formatted(file: "seed-\(seed).json") }.joined(separator: "\n")
                Issue.record("seed \(seed) does not validate:\n\(listed)\n\(text)")
            }
            failing.append(seed)
        }
        #expect(failing.isEmpty, "\(failing.count) of \(Self.seeds.count) seeds fail: \(failing.prefix(20))")
    }

    /// Each feature appears in at least one of the 300 profiles, read back from the decoded
    /// profile rather than taken on the generator's word; each hazard is evaluated at its
    /// witness and must really be NaN, infinite, negative or 0 there.
    @Test func theFeatureMixIsReal() {
        var counts: [Feature: Int] = [:]
        for seed in Self.seeds {
            let generated = ProfileGenerator.generate(seed: seed)
            guard let compiled = ProfileLoader.validate(bytes: Array(generated.text.utf8)).compiled else { continue }
            for feature in Feature.allCases where feature.isPresent(in: compiled) { counts[feature, default: 0] += 1 }
            if let hazard = generated.hazard, let slot = compiled.layout.slot(hazard.metric) {
                let value = PointEvaluator(compiled).slots(driver: hazard.witness)[slot]
                #expect(!(value.isFinite && value > 0), "seed \(seed): \(hazard.expression) at \(hazard.witness) is \(value)")
                if !(value.isFinite && value > 0) { counts[.runtimeInvalid, default: 0] += 1 }
            }
        }
        print(Feature.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: ", "))
        for feature in Feature.allCases {
            #expect((counts[feature] ?? 0) > 0, "no profile of \(Self.seeds.count) has \(feature.rawValue)")
        }
    }

    @Test func theSameSeedGivesTheSameText() {
        for seed: UInt64 in [0, 1, 42, 299, .max] {
            #expect(ProfileGenerator.profile(seed: seed) == ProfileGenerator.profile(seed: seed))
        }
        #expect(
            Set(Self.seeds.map { ProfileGenerator.profile(seed: $0) }).count == Self.seeds.count,
            "different seeds give different profiles")
    }
}

/// A part of the language a generated profile may use.
enum Feature: String, CaseIterable {
    case uncertainParams = "uncertain params"
    case lognormalParams = "lognormal params"
    case observedParams = "observed params"
    case shuffledMetrics = "metrics declared out of order"
    case revenue
    case runtimeInvalid = "runtime-invalid expressions"
    case severalTiers = "several tiers"
    case expressionLimits = "expression limits"
    case expressionCosts = "expression costs"
    case rangedCosts = "ranged costs"
    case rangedCostsWithMode = "ranged costs with mode"
    case foreignCurrency = "foreign-currency costs"
    case queues
    case expressionServers = "expression servers"
    case slo = "SLOs"
    case migrations, teams
    case utilizationTriggers = "utilization triggers"
    case latencyTriggers = "latency triggers"
    case categoryTriggers = "cost.<category> triggers"
    case groups = "any/all groups"
    case nestedGroups = "nested groups"
    case twoLevelGroups = "groups nested two levels"
    case globalTriggers = "global triggers"
    case targets = "trigger targets"
    case exponential, linear, logistic, gompertz, constant, points
    case uncertainGrowth = "uncertain growth"
    case severalScenarios = "several scenarios"
    case monthInExpressions = "month in expressions"
    case stocks
    case tierParams = "tier params"
    case uncertainTierParams = "uncertain tier params"
    case capacitySelection = "tiers chosen by capacity"
    case components
    case credits
    case leadTimeModes = "lead times with a mode"

    /// Whether the profile has this feature (`runtimeInvalid` is checked by evaluation instead).
    func isPresent(in compiled: CompiledProfile) -> Bool {
        let profile = compiled.profile
        let costs = profile.tiers.flatMap(\.costs)
        let triggers = profile.triggers + profile.tiers.flatMap(\.triggers)
        let conditions = triggers.flatMap { $0.condition.expressions.map(\.text) }
        let growths = profile.scenarios.map(\.growth)
        switch self {
        case .uncertainParams: return profile.params.contains { $0.value.isUncertain }
        case .lognormalParams: return profile.params.contains { $0.value.distribution == .lognormal }
        case .observedParams: return profile.params.contains(where: \.observed)
        case .shuffledMetrics: return compiled.metricOrder != Array(profile.metrics.indices)
        case .revenue: return profile.revenue != nil
        case .runtimeInvalid: return false
        case .severalTiers: return profile.tiers.count > 1
        case .expressionLimits:
            return profile.tiers.flatMap(\.capacity).contains { if case .expression = $0.limit { true } else { false } }
        case .expressionCosts:
            return costs.contains { if case .single(.expression) = $0.amount { true } else { false } }
        case .rangedCosts: return costs.contains { if case .range = $0.amount { true } else { false } }
        case .rangedCostsWithMode: return costs.contains { if case .range(_, .some, _) = $0.amount { true } else { false } }
        case .foreignCurrency: return costs.contains { $0.currency.map { $0 != profile.currency } ?? false }
        case .queues: return profile.tiers.contains { !$0.queues.isEmpty }
        case .expressionServers:
            return profile.tiers.flatMap(\.queues).contains { if case .expression = $0.servers { true } else { false } }
        case .slo: return profile.tiers.contains { $0.slo != nil }
        case .migrations: return profile.tiers.contains { $0.migration != nil }
        case .teams: return profile.tiers.contains { $0.team != nil }
        case .utilizationTriggers: return conditions.contains { $0.contains("utilization") }
        case .latencyTriggers: return conditions.contains { $0.contains("latency.") }
        case .categoryTriggers: return conditions.contains { $0.contains("cost.") }
        case .groups: return triggers.contains { $0.condition.nesting >= 1 }
        case .nestedGroups: return triggers.contains { $0.condition.nesting >= 2 }
        case .twoLevelGroups: return triggers.contains { $0.condition.nesting >= 3 }
        case .globalTriggers: return !profile.triggers.isEmpty
        case .targets: return triggers.contains { $0.target != nil }
        case .exponential, .linear, .logistic, .gompertz, .constant, .points:
            return growths.contains { $0.kind.rawValue == rawValue }
        case .uncertainGrowth: return growths.contains(where: \.isUncertain)
        case .severalScenarios: return profile.scenarios.count > 1
        case .monthInExpressions:
            return (profile.metrics.map(\.expression.text) + costs.map { PlanDiff.describe($0.amount) }).contains {
                $0.contains("month")
            }
        case .stocks: return profile.metrics.contains { $0.initial != nil }
        case .tierParams: return compiled.hasTierParams
        case .uncertainTierParams: return compiled.tierParams.contains { $0.value.isUncertain }
        case .capacitySelection: return profile.tierSelection == .capacity
        case .components: return profile.tiers.contains { !$0.uses.isEmpty }
        case .credits: return costs.contains(where: \.credit)
        case .leadTimeModes: return profile.tiers.contains { $0.migration?.leadTimeMonths?.mode != nil }
        }
    }
}

extension TriggerCondition {
    /// How many any/all groups deep the condition goes: 0 for `when`, 1 for a flat group.
    var nesting: Int {
        switch self {
        case .when: 0
        case .any(let parts), .all(let parts): 1 + (parts.map(\.nesting).max() ?? 0)
        }
    }
}
