/// Reading tiers: range, timeline, capacity, costs, SLO, queues, triggers, migration, team.
extension JSONReader {
    static let tierKeys = [
        "id", "name", "source", "range", "params", "use", "timeline", "capacity", "costs", "slo", "queues", "triggers",
        "migration", "team", "notes", "option", "options", "skippable",
    ]

    static let componentKeys = ["capacity", "costs", "queues", "triggers", "notes"]

    /// The top-level `components`: name → `{capacity, costs, queues, triggers}`.
    mutating func componentList(_ top: Object) -> [Component] {
        guard let node = top["components"], let members = map(node, "$.components") else { return [] }
        var components: [Component] = []
        for member in members {
            let path = JSONReader.path("$.components", member.key)
            if !NamePattern.id.matches(member.key) {
                bag.error(
                    "'\(member.key)' is not a valid component name", at: member.keyLocation, path: path,
                    hint: NamePattern.id.description)
                continue
            }
            guard let object = object(member.value, path, allowed: Self.componentKeys) else { continue }
            _ = strings(object, "notes")
            components.append(
                Component(
                    name: member.key, capacity: capacity(object), costs: costs(object), queues: queues(object),
                    triggers: triggerList(object["triggers"], object.path("triggers"), owner: member.key),
                    origin: Origin(location: member.keyLocation, path: path)))
        }
        return components
    }

    /// Copies each used component's items into the tier, after the tier's own, marked with the
    /// component's name; an unknown name is an error at its place in `use`.
    mutating func include(_ components: [Component], into tiers: inout [Tier]) {
        let byName = Dictionary(components.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let used = Set(tiers.flatMap { [$0.uses] + $0.alternatives.map(\.uses) }.joined())
        for component in components where !used.contains(component.name) {
            bag.warning(
                "component '\(component.name)' is not used by any tier, so its items are not checked",
                at: component.origin.location, path: component.origin.path,
                hint: "add \"use\": [\"\(component.name)\"] to the tiers that include it, or remove it")
        }
        include(components, byName, into: &tiers)
        for index in tiers.indices { include(components, byName, into: &tiers[index].alternatives) }
    }

    /// Copies the components each tier uses into it (unknown names are errors, once: not again
    /// for an option that inherits its tier's `use`).
    private mutating func include(
        _ components: [Component], _ byName: [String: Component], into tiers: inout [Tier]
    ) {
        for index in tiers.indices {
            for (position, name) in tiers[index].uses.enumerated() {
                let path = tiers[index].origin.path + ".use[\(position)]"
                let location = tiers[index].useLocations[position] ?? tiers[index].origin.location
                guard let component = byName[name] else {
                    if tiers[index].usesInherited { continue }
                    bag.error(
                        "tier '\(tiers[index].id)' uses unknown component '\(name)'",
                        at: location, path: path,
                        hint: didYouMean(name, in: components.map(\.name))
                            ?? (components.isEmpty
                                ? "define it under \"components\" at the top level"
                                : "components: " + components.map(\.name).joined(separator: ", ")))
                    continue
                }
                if tiers[index].uses[..<position].contains(name) {
                    if tiers[index].usesInherited { continue }
                    bag.error(
                        "tier '\(tiers[index].id)' uses component '\(name)' twice",
                        at: location, path: path)
                    continue
                }
                /// The component's items, each marked with its name.
                func marked<Item>(_ items: [Item], _ component: WritableKeyPath<Item, String?>) -> [Item] {
                    items.map { item in
                        var copy = item
                        copy[keyPath: component] = name
                        return copy
                    }
                }
                tiers[index].capacity += marked(component.capacity, \.component)
                tiers[index].costs += marked(component.costs, \.component)
                tiers[index].queues += marked(component.queues, \.component)
                tiers[index].triggers += marked(component.triggers, \.component)
            }
        }
    }

    mutating func tierList(_ top: Object) -> [Tier] {
        guard let node = top["tiers"] else {
            missing(top, "tiers", expected: "[{\"id\": \"starter\", \"range\": {\"min\": 0, \"max\": 100}, …}]")
            return []
        }
        guard let elements = array(node, "$.tiers") else { return [] }
        if elements.isEmpty {
            bag.error(
                "a profile needs at least one tier", at: node.location, path: "$.tiers",
                hint: "add a tier such as {\"id\": \"starter\", \"name\": \"Starter\", \"range\": {\"min\": 0}}")
        }
        let tiers = elements.enumerated().compactMap { tier($1, "$.tiers[\($0)]") }
        unreadTiers = tiers.count != elements.count
        return tiers
    }

    mutating func tier(_ node: JSONNode, _ path: String) -> Tier? {
        guard let object = object(node, path, allowed: Self.tierKeys) else { return nil }
        let id = string(object, "id", required: true, pattern: .id)
        let name = string(object, "name", required: true)
        let range = object["range"].flatMap { driverRange($0, object.path("range")) }
        if object["range"] == nil && requiresRanges {
            missing(
                object, "range",
                expected:
                    "{\"min\": 0, \"max\": 1000} (or choose tiers by load: \"tier_selection\": \"capacity\" at the top level)")
        }
        let tierID = id ?? "tier"
        var uses: [String] = []
        var useLocations: [SourceLocation?] = []
        if let useNode = object["use"], let elements = array(useNode, object.path("use")) {
            for (index, element) in elements.enumerated() {
                guard case .string(let name, _) = element.value else {
                    typeError(element, "\(object.path("use"))[\(index)]", expected: "a component name")
                    continue
                }
                uses.append(name)
                useLocations.append(element.location)
            }
        }
        var tier = Tier(
            id: tierID,
            name: name ?? tierID,
            source: string(object, "source"),
            range: range ?? DriverRange(min: 0, max: nil),
            rangeOrigin: Origin(
                location: rangeMinLocation(object["range"]) ?? node.location,
                path: object.path("range") + ".min"),
            timeline: object["timeline"].flatMap { timeline($0, object.path("timeline")) },
            capacity: capacity(object),
            costs: costs(object),
            slo: object["slo"].flatMap { serviceLevel($0, object.path("slo")) },
            queues: queues(object),
            triggers: triggerList(object["triggers"], object.path("triggers"), owner: tierID),
            migration: object["migration"].flatMap { migration($0, object.path("migration")) },
            team: object["team"].flatMap { team($0, object.path("team")) },
            notes: strings(object, "notes"),
            origin: Origin(location: node.location, path: path))
        // Without a range the tier is chosen by capacity (checked against `tier_selection` by the
        // caller, which knows it); its range is derived when the profile is compiled.
        tier.rangeDerived = object["range"] == nil
        tier.params = object["params"].map { params($0, object.path("params")) } ?? []
        if case .object(let members)? = object["params"]?.value {
            tier.unreadParams = Set(members.map(\.key).filter { !$0.hasPrefix("$") }).subtracting(tier.params.map(\.name))
        }
        tier.uses = uses
        tier.useLocations = useLocations
        if let node = object["option"], case .object = node.value {
            // `{id, name}`; a problem in it is reported once, by `object`.
            if let own = self.object(node, object.path("option"), allowed: ["id", "name"]) {
                tier.option = string(own, "id", required: true, pattern: .id) ?? Tier.plannedOption
                tier.optionName = string(own, "name")
            }
        } else {
            tier.option = string(object, "option", pattern: .id) ?? Tier.plannedOption
        }
        tier.skippable = bool(object, "skippable") ?? false
        tier.alternatives = alternatives(object, of: tier)
        return id == nil || (object["range"] != nil && range == nil) ? nil : tier
    }

    func rangeMinLocation(_ node: JSONNode?) -> SourceLocation? {
        guard let node, case .object(let members) = node.value else { return nil }
        return members.first { $0.key == "min" }?.value.location
    }

    mutating func driverRange(_ node: JSONNode, _ path: String) -> DriverRange? {
        guard let object = object(node, path, allowed: ["min", "max"]) else { return nil }
        guard let min = number(object, "min", required: true, minimum: 0) else { return nil }
        guard let maxNode = object["max"] else { return DriverRange(min: min, max: nil) }
        guard let max = number(maxNode, object.path("max")) else { return nil }
        if max < min {
            bag.error(
                "range is inverted: max \(NumberFormatting.plain(max)) is below min \(NumberFormatting.plain(min))",
                at: maxNode.location, path: object.path("max"), hint: "min ≤ max")
            return nil
        }
        return DriverRange(min: min, max: max)
    }

    mutating func timeline(_ node: JSONNode, _ path: String) -> Timeline? {
        guard let object = object(node, path, allowed: ["start", "end", "label"]) else { return nil }
        guard let start = number(object, "start", required: true, minimum: 0) else { return nil }
        let end = number(object, "end", minimum: 0)
        if let end, end < start {
            bag.error(
                "timeline ends (month \(NumberFormatting.plain(end))) before it starts (month \(NumberFormatting.plain(start)))",
                at: object["end"]?.location, path: object.path("end"))
            return nil
        }
        return Timeline(start: start, end: end, label: string(object, "label"))
    }

    mutating func capacity(_ tier: Object) -> [Limit] {
        guard let node = tier["capacity"], let members = map(node, tier.path("capacity")) else { return [] }
        var limits: [Limit] = []
        for member in members {
            let path = JSONReader.path(tier.path("capacity"), member.key)
            let origin = Origin(location: member.keyLocation, path: path)
            if case .object = member.value.value {
                guard let object = object(member.value, path, allowed: ["limit", "label", "source", "headroom", "primary"])
                else { continue }
                guard let limitNode = object["limit"] else {
                    missing(object, "limit", expected: "a number or an expression")
                    continue
                }
                guard let quantity = quantity(limitNode, object.path("limit")) else { continue }
                limits.append(
                    Limit(
                        metric: member.key, limit: quantity, label: string(object, "label"),
                        source: string(object, "source"), headroom: number(object, "headroom", minimum: 0) ?? 0,
                        primary: bool(object, "primary") ?? false, origin: origin))
            } else if let quantity = quantity(member.value, path) {
                limits.append(Limit(metric: member.key, limit: quantity, origin: origin))
            }
        }
        return limits
    }

    mutating func costs(_ tier: Object, inOption: Bool = false) -> [CostItem] {
        guard let node = tier["costs"], let elements = array(node, tier.path("costs")) else { return [] }
        var items: [CostItem] = []
        let keys = ["item", "category", "amount", "currency", "credit", "source", "note"] + (inOption ? ["replaces"] : [])
        for (index, element) in elements.enumerated() {
            let path = "\(tier.path("costs"))[\(index)]"
            guard let object = object(element, path, allowed: keys) else { continue }
            let item = string(object, "item", required: true)
            let category = string(object, "category", required: true, pattern: .category)
            let currency = string(object, "currency", pattern: .currency)
            guard let amountNode = object["amount"] else {
                missing(object, "amount", expected: "a number, {\"low\": …, \"high\": …} or an expression")
                continue
            }
            let credit = bool(object, "credit") ?? false
            guard let item, let category, let amount = amount(amountNode, object.path("amount")) else { continue }
            var cost = CostItem(
                item: item, category: category, amount: amount, currency: currency,
                source: string(object, "source"), note: string(object, "note"), credit: credit,
                origin: Origin(location: element.location, path: path))
            cost.replaces = string(object, "replaces")
            items.append(cost)
        }
        return items
    }

    mutating func amount(_ node: JSONNode, _ path: String) -> Amount? {
        if case .object = node.value {
            guard let object = object(node, path, allowed: ["low", "mode", "high"]) else { return nil }
            guard let lowNode = object["low"], let highNode = object["high"] else {
                bag.error("a cost range needs both \"low\" and \"high\"", at: node.location, path: path)
                return nil
            }
            guard let low = quantity(lowNode, object.path("low")), let high = quantity(highNode, object.path("high"))
            else { return nil }
            var mode: Quantity?
            if let modeNode = object["mode"] { mode = quantity(modeNode, object.path("mode")) }
            if case .number(let l, _) = low, case .number(let h, _) = high, l > h {
                bag.error(
                    "low (\(NumberFormatting.plain(l))) is greater than high (\(NumberFormatting.plain(h)))",
                    at: node.location, path: path, hint: "swap them")
                return nil
            }
            if case .number(let l, _) = low, case .number(let h, _) = high, case .number(let m, let origin)? = mode,
                !(m >= l && m <= h)
            {
                bag.error(
                    "mode (\(NumberFormatting.plain(m))) is outside the range \(NumberFormatting.plain(l))–\(NumberFormatting.plain(h))",
                    at: origin.location, path: origin.path, hint: "the mode is the most likely amount, between low and high")
                return nil
            }
            return .range(low: low, mode: mode, high: high)
        }
        return quantity(node, path).map { .single($0) }
    }

    mutating func serviceLevel(_ node: JSONNode, _ path: String) -> ServiceLevel? {
        guard let object = object(node, path, allowed: ["p95_ms", "uptime_pct"]) else { return nil }
        let uptime = number(object, "uptime_pct", exclusiveMinimum: 0)
        if let uptime, uptime > 100 {
            bag.error(
                "uptime_pct is a percentage and cannot exceed 100", at: object["uptime_pct"]?.location,
                path: object.path("uptime_pct"))
        }
        return ServiceLevel(p95Milliseconds: number(object, "p95_ms", exclusiveMinimum: 0), uptimePercent: uptime)
    }

    mutating func queues(_ tier: Object) -> [Queue] {
        guard let node = tier["queues"], let members = map(node, tier.path("queues")) else { return [] }
        var queues: [Queue] = []
        for member in members {
            let path = JSONReader.path(tier.path("queues"), member.key)
            guard let object = object(member.value, path, allowed: ["servers", "service_ms", "arrival", "p95_ms"])
            else { continue }
            var parts: [Quantity] = []
            for key in ["servers", "service_ms"] {
                guard let value = object[key] else {
                    missing(object, key, expected: "a number or an expression")
                    continue
                }
                if let quantity = quantity(value, object.path(key)) { parts.append(quantity) }
            }
            guard let arrivalNode = object["arrival"] else {
                missing(object, "arrival", expected: "an expression giving requests per second, e.g. \"peak_rps\"")
                continue
            }
            guard parts.count == 2, let arrival = expression(arrivalNode, object.path("arrival")) else { continue }
            queues.append(
                Queue(
                    name: member.key, servers: parts[0], serviceMilliseconds: parts[1], arrival: arrival,
                    p95Milliseconds: number(object, "p95_ms", exclusiveMinimum: 0),
                    origin: Origin(location: member.keyLocation, path: path)))
        }
        return queues
    }

    mutating func migration(_ node: JSONNode, _ path: String) -> Migration? {
        guard let object = object(node, path, allowed: ["lead_time_months", "downtime_minutes", "cost", "note"])
        else { return nil }
        return Migration(
            leadTimeMonths: object["lead_time_months"].flatMap {
                numberRange($0, object.path("lead_time_months"), allowsMode: true)
            },
            downtimeMinutes: object["downtime_minutes"].flatMap { numberRange($0, object.path("downtime_minutes")) },
            cost: object["cost"].flatMap { numberRange($0, object.path("cost"), allowsMode: true) },
            note: string(object, "note"))
    }

    mutating func team(_ node: JSONNode, _ path: String) -> Team? {
        guard let object = object(node, path, allowed: ["headcount", "burn", "currency", "hires"]) else { return nil }
        var hires: [Hire] = []
        if let hiresNode = object["hires"], let elements = array(hiresNode, object.path("hires")) {
            for (index, element) in elements.enumerated() {
                let hirePath = "\(object.path("hires"))[\(index)]"
                guard let hire = self.object(element, hirePath, allowed: ["role", "at", "count", "salary", "currency", "why"])
                else { continue }
                let role = string(hire, "role", required: true)
                let at = number(hire, "at", required: true, minimum: 0)
                var count = 1
                if let value = number(hire, "count", minimum: 1) {
                    if value == value.rounded() && value <= 10_000 {
                        count = Int(value)  // whole and in 1...10,000: fits
                    } else {
                        bag.error("count must be a whole number", at: hire["count"]?.location, path: hire.path("count"))
                    }
                }
                guard let role, let at else { continue }
                hires.append(
                    Hire(
                        role: role, at: at, count: count,
                        salary: hire["salary"].flatMap { numberRange($0, hire.path("salary")) },
                        currency: string(hire, "currency", pattern: .currency), why: string(hire, "why")))
            }
        }
        return Team(
            headcount: object["headcount"].flatMap { numberRange($0, object.path("headcount")) },
            burn: object["burn"].flatMap { numberRange($0, object.path("burn")) },
            currency: string(object, "currency", pattern: .currency),
            hires: hires)
    }

    mutating func triggerList(_ node: JSONNode?, _ path: String, owner: String = "global") -> [Trigger] {
        guard let node, let elements = array(node, path) else { return [] }
        return elements.enumerated().compactMap { trigger($1, "\(path)[\($0)]", defaultID: "\(owner)-\($0 + 1)") }
    }

    static let triggerKeys = ["id", "name", "when", "any", "all", "severity", "action", "target", "source"]

    mutating func trigger(_ node: JSONNode, _ path: String, defaultID: String) -> Trigger? {
        guard let object = object(node, path, allowed: Self.triggerKeys) else { return nil }
        let id = object["id"] == nil ? defaultID : string(object, "id", pattern: .id)
        let forms = ["when", "any", "all"].filter { object[$0] != nil }
        var condition: TriggerCondition?
        if forms.count == 1, let key = forms.first, let conditionNode = object[key] {
            condition = self.condition(key: key, node: conditionNode, path: object.path(key), depth: 0)
        } else {
            bag.error(
                forms.isEmpty ? "a trigger needs a condition" : "a trigger takes one of \"when\", \"any\", \"all\", not several",
                at: node.location, path: path,
                hint: "e.g. \"when\": \"users >= 50000\", or \"any\": [\"users >= 50000\", \"latency.api > 500\"]")
        }
        var severity = Trigger.Severity.warning
        if let text = string(object, "severity") {
            if let found = Trigger.Severity(rawValue: text) {
                severity = found
            } else {
                bag.error(
                    "unknown severity \"\(text)\"", at: object["severity"]?.location, path: object.path("severity"),
                    hint: didYouMean(text, in: Trigger.Severity.allCases.map(\.rawValue))
                        ?? "use info, warning or critical")
            }
        }
        let action = string(object, "action", required: true)
        let target = string(object, "target", pattern: .id)
        guard let id, let condition, let action else { return nil }
        return Trigger(
            id: id, name: string(object, "name"), condition: condition, severity: severity, action: action,
            target: target, source: string(object, "source"), origin: Origin(location: node.location, path: path),
            targetOrigin: object["target"].map { Origin(location: $0.location, path: object.path("target")) })
    }

    /// `"when": "expr"`, or `"any"`/`"all"`: arrays of expressions or nested `{any|all}` objects.
    mutating func condition(key: String, node: JSONNode, path: String, depth: Int) -> TriggerCondition? {
        if key == "when" { return expression(node, path).map { .when($0) } }
        guard depth < 16 else {
            bag.error("trigger groups are nested too deeply", at: node.location, path: path)
            return nil
        }
        guard let elements = array(node, path) else { return nil }
        if elements.isEmpty {
            bag.error("\"\(key)\" needs at least one condition", at: node.location, path: path)
            return nil
        }
        var parts: [TriggerCondition] = []
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            switch element.value {
            case .string:
                if let text = expression(element, elementPath) { parts.append(.when(text)) }
            case .object(let members):
                guard members.count == 1, let inner = members.first, inner.key == "any" || inner.key == "all" else {
                    bag.error(
                        "expected a condition string or a group {\"any\": […]} / {\"all\": […]}",
                        at: element.location, path: elementPath)
                    continue
                }
                if let part = condition(
                    key: inner.key, node: inner.value, path: JSONReader.path(elementPath, inner.key),
                    depth: depth + 1)
                {
                    parts.append(part)
                }
            default:
                typeError(element, elementPath, expected: "a condition string")
            }
        }
        guard parts.count == elements.count else { return nil }
        return key == "any" ? .any(parts) : .all(parts)
    }
}
