/// A tier's alternatives (`options`): other ways to run the same stage of the plan, each the tier
/// with some of its keys replaced.
///
/// An option inherits every key it does not give. Maps merge by name — `capacity` by metric,
/// `queues` by queue, `params` by param, `triggers` by id — so an option states only what
/// differs; `costs` merge by item (an item of the same name, or the one an item `replaces`, is
/// taken over in place; others are added); every other key (`slo`, `migration`, `team`,
/// `timeline`, `use`, `notes`, `source`) is replaced whole. The driver range is the tier's.
extension JSONReader {
    static let optionKeys = [
        "id", "name", "source", "params", "use", "timeline", "capacity", "costs", "slo", "queues", "triggers",
        "migration", "team", "notes",
    ]

    /// The tier's `options`, each merged over `parent` (read before its components are included).
    mutating func alternatives(_ object: Object, of parent: Tier) -> [Tier] {
        guard let node = object["options"], let elements = array(node, object.path("options")) else { return [] }
        var seen: [String: String] = [parent.option: object.path("option")]
        guard !elements.isEmpty else { return [] }
        var options: [Tier] = []
        for (index, element) in elements.enumerated() {
            let path = "\(object.path("options"))[\(index)]"
            // "range" is read only to say why it does not belong here.
            guard let option = self.object(element, path, allowed: Self.optionKeys + ["range"]) else { continue }
            if let range = option["range"] {
                bag.error(
                    "an option covers its tier's range, so it cannot give its own", at: range.location,
                    path: option.path("range"),
                    hint: "drop \"range\" here; to cover other driver values, make it a tier of its own")
            }
            guard let id = string(option, "id", required: true, pattern: .id) else { continue }
            if let first = seen[id] {
                bag.error(
                    "tier '\(parent.id)' has two options named '\(id)' (first at \(first))",
                    at: option["id"]?.location, path: option.path("id"),
                    hint: id == parent.option
                        ? "the tier as written is option '\(parent.option)'; name this one differently, or name the tier's own with \"option\""
                        : "give each option its own id")
                continue
            }
            seen[id] = option.path("id")
            options.append(alternative(option, id: id, of: parent, path: path, location: element.location))
        }
        return options
    }

    private mutating func alternative(_ option: Object, id: String, of parent: Tier, path: String, location: SourceLocation?)
        -> Tier
    {
        var tier = parent
        tier.alternatives = []
        tier.option = id
        tier.optionName = string(option, "name")
        tier.origin = Origin(location: location, path: path)
        tier.usesInherited = true
        if option["source"] != nil { tier.source = string(option, "source") }
        if let node = option["params"] {
            let own = params(node, option.path("params"))
            tier.params = Self.merged(parent.params, own, key: \.name)
            if case .object(let members) = node.value {
                tier.unreadParams.formUnion(
                    Set(members.map(\.key).filter { !$0.hasPrefix("$") }).subtracting(own.map(\.name)))
            }
        }
        if let node = option["use"], let elements = array(node, option.path("use")) {
            tier.uses = []
            tier.useLocations = []
            tier.usesInherited = false
            for (index, element) in elements.enumerated() {
                guard case .string(let name, _) = element.value else {
                    typeError(element, "\(option.path("use"))[\(index)]", expected: "a component name")
                    continue
                }
                tier.uses.append(name)
                tier.useLocations.append(element.location)
            }
        }
        if let node = option["timeline"] { tier.timeline = timeline(node, option.path("timeline")) }
        if option["capacity"] != nil { tier.capacity = Self.merged(parent.capacity, capacity(option), key: \.metric) }
        if option["costs"] != nil { tier.costs = mergedCosts(parent, costs(option, inOption: true)) }
        if let node = option["slo"] { tier.slo = serviceLevel(node, option.path("slo")) }
        if option["queues"] != nil { tier.queues = Self.merged(parent.queues, queues(option), key: \.name) }
        if let node = option["triggers"] {
            let own = triggerList(node, option.path("triggers"), owner: "\(parent.id)-\(id)")
            tier.triggers = Self.merged(parent.triggers, own, key: \.id)
        }
        if let node = option["migration"] { tier.migration = migration(node, option.path("migration")) }
        if let node = option["team"] { tier.team = team(node, option.path("team")) }
        if option["notes"] != nil { tier.notes = strings(option, "notes") }
        return tier
    }

    /// `inherited` with each of `own` in place of the inherited one of the same key (in the
    /// inherited order), the rest of `own` after.
    static func merged<Item>(_ inherited: [Item], _ own: [Item], key: KeyPath<Item, String>) -> [Item] {
        var result = inherited
        for item in own {
            if let index = result.firstIndex(where: { $0[keyPath: key] == item[keyPath: key] }) {
                result[index] = item
            } else {
                result.append(item)
            }
        }
        return result
    }

    /// The tier's costs with an option's: an item takes the place of the one it `replaces`, else
    /// of the tier's item of the same name, else it is added. An unknown `replaces` is an error.
    private mutating func mergedCosts(_ parent: Tier, _ own: [CostItem]) -> [CostItem] {
        var result = parent.costs
        for item in own {
            let name = item.replaces ?? item.item
            if let index = result.firstIndex(where: { $0.item == name && $0.component == nil }) {
                result[index] = item
            } else if let replaced = item.replaces {
                bag.error(
                    "option replaces '\(replaced)', which is not a cost item of tier '\(parent.id)'",
                    at: item.origin.location, path: item.origin.path + ".replaces",
                    hint: didYouMean(replaced, in: parent.costs.map(\.item))
                        ?? "name one of the tier's own items, or drop \"replaces\" to add this item")
            } else {
                result.append(item)
            }
        }
        return result
    }
}

extension Profile {
    /// Whether some tier offers options.
    public var hasAlternatives: Bool { tiers.contains { !$0.alternatives.isEmpty } }

    /// The profile with every option laid out as a tier of its own, after the plan's tiers: what
    /// `optimize` chooses among and `simulate --schedule` runs. Each laid-out tier knows its stage
    /// (the plan tier it is a way of running); an option's id becomes `tier/option`. The plan
    /// still chooses among its own tiers only (`planTierCount`), so its own path is unchanged.
    public func layingOutOptions() -> Profile {
        guard alternativeTierCount == 0 else { return self }
        var profile = self
        var laidOut: [Tier] = []
        for (index, tier) in tiers.enumerated() {
            profile.tiers[index].stage = index
            profile.tiers[index].stageID = tier.id
            profile.tiers[index].alternatives = []
            for option in tier.alternatives {
                var copy = option
                copy.id = Self.optionID(tier: tier.id, option: option.option)
                copy.name = "\(tier.name) · \(option.optionLabel)"
                copy.stage = index
                copy.stageID = tier.id
                laidOut.append(copy)
            }
        }
        profile.tiers += laidOut
        profile.alternativeTierCount = laidOut.count
        return profile
    }

    /// How a laid-out option is named where a tier id is expected (`phase-3/railway`).
    public static func optionID(tier: String, option: String) -> String { "\(tier)/\(option)" }
}

extension CompiledProfile {
    /// The plan with its options laid out as tiers (`Profile.layingOutOptions`), compiled with
    /// the same params, scenario and command-line overrides; `self` when it has none.
    public func layingOutOptions() -> CompiledProfile {
        guard profile.hasAlternatives else { return self }
        // Validation compiled it already (with the same params: a scenario's or `--set`'s are
        // applied by compiling again, which lays out again).
        guard var compiled = laidOut?.compiled ?? ProfileCompiler.compile(profile.layingOutOptions()).0 else {
            return self
        }
        compiled.overrides = overrides
        return compiled
    }
}
