@testable import ScalePlanKit

/// Random but valid scaleplan profiles (language version 1) for property tests, such as one
/// comparing the deterministic projection with the Monte Carlo engine month by month.
///
/// Breadth matters more than realism: across seeds a profile varies every part of the
/// language — plain and uncertain params (uniform, triangular, lognormal), metrics forming a
/// random DAG (declared in a shuffled order) over every operator and function, revenue, one to
/// five contiguous tiers with limits, every form of cost amount, foreign currencies, queues,
/// SLOs, triggers with nested any/all groups over every trigger-only name, migrations, teams,
/// global triggers and one to three scenarios of every growth kind — and the language's second
/// version: `month` in expressions, stock metrics, tier params (uncertain ones too), tiers
/// chosen by capacity, shared components, credits and lead times with a mode. About one profile in five
/// also carries a metric that goes invalid at run time (NaN, ±∞, negative or 0), so the engines'
/// handling of invalid values gets exercised.
///
/// Only the project's own `Xoshiro256StarStar` is used, so a seed gives the same text on every
/// platform and Swift version.
struct ProfileGenerator {
    /// A generated profile and what the generator put in it that the text alone cannot show.
    struct Generated {
        var text: String
        /// The metric meant to go invalid at run time, if this profile has one.
        var hazard: Hazard?
    }

    /// A metric whose expression is NaN, infinite, negative or 0 at `witness`, a driver value.
    struct Hazard {
        var metric: String
        var expression: String
        var witness: Double
    }

    /// The JSON text of the profile for `seed`.
    static func profile(seed: UInt64) -> String { generate(seed: seed).text }

    /// The profile for `seed`, with what it was meant to contain.
    static func generate(seed: UInt64) -> Generated {
        var generator = ProfileGenerator(random: Xoshiro256StarStar(seed: seed))
        let text = generator.document(seed: seed).rendered() + "\n"
        return Generated(text: text, hazard: generator.hazard)
    }

    // MARK: State shared by the parts

    var random: Xoshiro256StarStar
    /// The driver's name, read by every expression.
    var driver = "users"
    /// Param names; every param is positive, so expressions may divide by or scale with them.
    var params: [String] = []
    /// Metric names in dependency order: each reads only the driver, params and earlier ones.
    var metrics: [String] = []
    var hazard: Hazard?
    var currency = "USD"
    /// Foreign currencies used by costs and teams, with their exchange rates for `fx`.
    var rates: [(code: String, rate: Double)] = []
    /// The tiers' minimums, ascending: the driver's scale.
    var boundaries: [Double] = []
    var tierIDs: [String] = []
    /// Cost categories of every tier: any trigger may read `cost.<category>` of any of them.
    var categories: [String] = []
    /// Every tier's limit and queue names: global triggers may read any of them.
    var limitNames: [String] = []
    var queueNames: [String] = []
    /// Whether expressions may read `month`; whether tiers are chosen by capacity.
    var usesMonth = false
    var byCapacity = false
    /// The shared component's name, when the profile has one.
    var component: String?

    // MARK: The document

    /// The whole profile. Top-level members are sometimes shuffled: order must not matter.
    mutating func document(seed: UInt64) -> GeneratedJSON {
        currency = random.pick(["USD", "EUR", "GBP", "INR"])
        driver = random.pick(["users", "businesses", "tenants", "devices", "seats"])
        usesMonth = random.chance(0.25)
        byCapacity = random.chance(0.15)
        let driverJSON = driverObject()
        let paramsJSON = paramObject()
        let metricsJSON = metricObject()
        let revenue = random.chance(0.5) ? GeneratedJSON.string(quantity(modelNames, depth: 2)) : nil
        let components = componentObject()
        let tiers = tierList()
        let globals = triggerList(count: random.int(0...3), owner: nil)
        let scenarios = scenarioList()
        var top: [(key: String, value: GeneratedJSON)] = []
        func add(_ key: String, _ value: GeneratedJSON?) { if let value { top.append((key, value)) } }
        add("$schema", random.chance(0.3) ? .string("./schema/profile.schema.json") : nil)
        add("version", .number(1))
        add("id", .string("gen-\(seed)"))
        add("name", .string("Generated profile \(seed)"))
        add("description", random.chance(0.3) ? .string("A random profile for property tests.") : nil)
        add("source", random.chance(0.2) ? .string("ProfileGenerator seed \(seed)") : nil)
        add("currency", .string(currency))
        add("fx", fxObject())
        add("driver", driverJSON)
        add("params", paramsJSON)
        add("metrics", metricsJSON)
        add("revenue", revenue)
        add("tier_selection", byCapacity ? .string("capacity") : random.chance(0.05) ? .string("range") : nil)
        add("components", components)
        add("tiers", .array(tiers))
        add("triggers", globals.isEmpty && random.chance(0.5) ? nil : .array(globals))
        add("scenarios", .array(scenarios))
        add("notes", random.chance(0.2) ? .array([.string("Generated; not a real plan.")]) : nil)
        add("$comment", random.chance(0.1) ? .string("ignored by the decoder") : nil)
        return .object(random.chance(0.2) ? random.shuffled(top) : top)
    }

    /// `{name, unit, label}`, the last two optional.
    mutating func driverObject() -> GeneratedJSON {
        members(
            ("name", .string(driver)), ("unit", random.chance(0.7) ? .string("unit") : nil),
            ("label", random.chance(0.7) ? .string("Active \(driver)") : nil))
    }

    /// The exchange rates of the foreign currencies used; sometimes a rate nothing uses.
    mutating func fxObject() -> GeneratedJSON? {
        var table = rates
        if table.isEmpty && random.chance(0.15) { table.append((foreignCurrency(), 0.5)) }
        guard !table.isEmpty else { return nil }
        return .object(table.map { ($0.code, .number($0.rate)) })
    }

    /// A currency other than the profile's, registered for `fx` on first use.
    mutating func foreignCurrency() -> String {
        let code = random.pick(["EUR", "GBP", "INR", "JPY"].filter { $0 != currency })
        if !rates.contains(where: { $0.code == code }) {
            rates.append((code, random.pick([0.0067, 0.012, 1.08, 1.27, 0.92])))
        }
        return code
    }

    /// The names model expressions may read: the driver, `month` (when the profile uses it),
    /// the params and the metrics so far.
    var modelNames: [String] { [driver] + (usesMonth ? ["month"] : []) + params + metrics }

    /// Sometimes a component of cost items (and a trigger) that some tiers use.
    mutating func componentObject() -> GeneratedJSON? {
        guard random.chance(0.2) else { return nil }
        component = "shared"
        let category = random.pick(["monitoring", "security"])
        if !categories.contains(category) { categories.append(category) }
        let item = members(
            ("item", .string("Shared \(category)")), ("category", .string(category)), ("amount", amount()))
        return .object([
            ("shared", members(("costs", .array([item])), ("notes", random.chance(0.3) ? .array([.string("Shared.")]) : nil)))
        ])
    }
}
