/// Reads a profile from JSON, reporting every structural problem (wrong types, missing and
/// unknown keys, malformed values) with its line, column and JSON path.
///
/// Cross-references (names, ranges, expressions) are checked afterwards by `ProfileCompiler`.
enum ProfileDecoder {
    /// The profile language versions this build reads.
    static let supportedVersions = 1...1

    /// Decodes a parsed JSON document.
    /// - Returns: the profile (nil if a required part could not be read) and the diagnostics.
    static func decode(_ root: JSONNode) -> (Profile?, [Diagnostic]) {
        var reader = JSONReader()
        let profile = reader.profile(root)
        return (profile, reader.bag.diagnostics)
    }
}

extension JSONReader {
    static let topLevelKeys = [
        "version", "id", "name", "description", "source", "currency", "fx", "driver", "params", "metrics",
        "revenue", "tier_selection", "allow_downgrade", "components", "tiers", "triggers", "scenarios", "notes",
        "observe",
    ]

    mutating func profile(_ root: JSONNode) -> Profile? {
        guard let top = object(root, "$", allowed: Self.topLevelKeys, what: "a profile object") else { return nil }
        var version = 1
        if let found = number(top, "version", required: true) {
            // Compared as doubles first: `Int(found)` traps for a version such as 1e300.
            let supported = ProfileDecoder.supportedVersions
            if found != found.rounded() || found < Double(supported.lowerBound) || found > Double(supported.upperBound) {
                bag.error(
                    "unsupported profile version \(NumberFormatting.plain(found))",
                    at: top["version"]?.location, path: "$.version",
                    hint: "this build of scaleplan reads version 1")
            } else {
                version = Int(found)  // whole and within supportedVersions, so it fits
            }
        }
        let id = string(top, "id", required: true, pattern: .id)
        let name = string(top, "name", required: true)
        let currency = string(top, "currency", required: true, pattern: .currency)
        if let currency, currency.unicodeScalars.count != 3 {
            bag.error(
                "\"\(currency)\" is not a valid currency code", at: top["currency"]?.location, path: "$.currency",
                hint: NamePattern.currency.description)
        }
        var driver: Driver?
        if let node = top["driver"] {
            driver = self.driver(node)
        } else {
            missing(top, "driver", expected: "{\"name\": \"users\", \"unit\": \"user\", \"label\": \"…\"}")
        }
        // Read first: whether a tier must give a range depends on it.
        let selection = self.tierSelection(top)
        let tierSelection = selection ?? .range
        // An unknown selection is one error, not a missing range in every tier as well.
        requiresRanges = selection == .range
        let components = componentList(top)
        var tiers = tierList(top)
        include(components, into: &tiers)
        let scenarios = scenarioList(top)
        var profile = Profile(
            version: version,
            id: id ?? "",
            name: name ?? "",
            description: string(top, "description"),
            source: string(top, "source"),
            currency: currency ?? "USD",
            fx: fx(top),
            driver: driver ?? Driver(name: "users", unit: "user", label: "Users"),
            params: params(top),
            metrics: metrics(top),
            revenue: top["revenue"].flatMap { expression($0, "$.revenue") },
            tiers: tiers,
            triggers: triggerList(top["triggers"], "$.triggers"),
            scenarios: scenarios,
            notes: strings(top, "notes"))
        profile.tierSelection = tierSelection
        profile.allowsDowngrade = bool(top, "allow_downgrade") ?? false
        profile.observe = observeList(top)
        profile.hasUnreadTiers = unreadTiers
        func keys(_ key: String) -> [String] {
            guard case .object(let members)? = top[key]?.value else { return [] }
            return members.map(\.key).filter { !$0.hasPrefix("$") }
        }
        profile.unreadNames = Set(keys("params") + keys("metrics"))
            .subtracting(profile.params.map(\.name) + profile.metrics.map(\.name))
            .union(tiers.flatMap(\.unreadParams))
        profile.components = components
        return id == nil || name == nil || driver == nil ? nil : profile
    }

    /// The `tier_selection`, nil when it is not one (reported).
    mutating func tierSelection(_ top: Object) -> TierSelection? {
        guard let text = string(top, "tier_selection") else { return top["tier_selection"] == nil ? .range : nil }
        if let found = TierSelection(rawValue: text) { return found }
        let names = TierSelection.allCases.map(\.rawValue)
        bag.error(
            "unknown tier_selection \"\(text)\"", at: top["tier_selection"]?.location, path: "$.tier_selection",
            hint: didYouMean(text, in: names) ?? "use range (by the driver) or capacity (by what carries the load)")
        return nil
    }

    mutating func driver(_ node: JSONNode) -> Driver? {
        guard let object = object(node, "$.driver", allowed: ["name", "unit", "label"]) else { return nil }
        let name = string(object, "name", required: true, pattern: .identifier)
        // A unit is a word that reports run into their own sentences ("PER UNIT is per user"),
        // so control and escape characters are dropped here, once, rather than trusted to every
        // renderer.
        let unit = string(object, "unit").map { TextSafety.terminal($0) } ?? name ?? "unit"
        let label = string(object, "label") ?? name ?? ""
        return name.map { Driver(name: $0, unit: unit, label: label) }
    }

    mutating func fx(_ top: Object) -> [String: Double] {
        guard let node = top["fx"], let members = map(node, "$.fx") else { return [:] }
        var rates: [String: Double] = [:]
        for member in members {
            let path = JSONReader.path("$.fx", member.key)
            if !NamePattern.currency.matches(member.key) || member.key.unicodeScalars.count != 3 {
                bag.error(
                    "\"\(member.key)\" is not a valid currency code", at: member.keyLocation, path: path,
                    hint: NamePattern.currency.description)
                continue
            }
            if let rate = number(member.value, path, exclusiveMinimum: 0) { rates[member.key] = rate }
        }
        return rates
    }

    static let paramKeys = ["value", "low", "mode", "high", "distribution", "unit", "label", "assumption", "source", "observed"]

    mutating func params(_ top: Object) -> [Param] {
        top["params"].map { params($0, "$.params") } ?? []
    }

    /// A params object (top level or a tier's): name → number or `{value | low, mode, high, …}`.
    mutating func params(_ node: JSONNode, _ base: String) -> [Param] {
        guard let members = map(node, base) else { return [] }
        var result: [Param] = []
        for member in members {
            let path = JSONReader.path(base, member.key)
            let origin = Origin(location: member.keyLocation, path: path)
            if case .number(let value) = member.value.value {
                result.append(Param(name: member.key, value: .fixed(value), observed: false, origin: origin))
                continue
            }
            guard
                let object = object(
                    member.value, path, allowed: Self.paramKeys,
                    what: "a number or an object such as {\"low\": 1, \"mode\": 2, \"high\": 3}")
            else { continue }
            guard let value = uncertainObject(object, path) else { continue }
            result.append(
                Param(
                    name: member.key, value: value, unit: string(object, "unit"), label: string(object, "label"),
                    assumption: string(object, "assumption"), source: string(object, "source"),
                    observed: bool(object, "observed") ?? false, origin: origin))
        }
        return result
    }

    /// A number, or `{value}` / `{low, mode, high}` / `{low, high}` with optional `distribution`.
    mutating func uncertain(_ node: JSONNode, _ path: String) -> Uncertain? {
        if case .number(let value) = node.value { return .fixed(value) }
        guard
            let object = object(
                node, path, allowed: ["value", "low", "mode", "high", "distribution"],
                what: "a number or {\"low\", \"mode\", \"high\"}")
        else { return nil }
        return uncertainObject(object, path)
    }

    mutating func uncertainObject(_ object: Object, _ path: String) -> Uncertain? {
        if object["value"] != nil {
            for key in ["low", "mode", "high", "distribution"] where object[key] != nil {
                bag.error(
                    "\"value\" and \"\(key)\" cannot be used together", at: object[key]?.location,
                    path: object.path(key), hint: "give either a fixed \"value\" or a range {low, mode, high}")
                return nil
            }
            return number(object, "value").map { .fixed($0) }
        }
        guard object["low"] != nil || object["high"] != nil else {
            bag.error(
                "expected \"value\" or \"low\"/\"high\"", at: object.location, path: path,
                hint: "write a fixed number, {\"value\": 3}, or {\"low\": 1, \"mode\": 2, \"high\": 3}")
            return nil
        }
        let low = number(object, "low", required: true)
        let high = number(object, "high", required: true)
        let mode = number(object, "mode")
        var distribution: Uncertain.Distribution = mode == nil ? .uniform : .triangular
        if let name = string(object, "distribution") {
            let allowed = ["triangular", "uniform", "lognormal"]
            if let found = Uncertain.Distribution(rawValue: name), allowed.contains(name) {
                distribution = found
            } else {
                bag.error(
                    "unknown distribution \"\(name)\"", at: object["distribution"]?.location,
                    path: object.path("distribution"),
                    hint: didYouMean(name, in: allowed) ?? "use triangular, uniform or lognormal")
                return nil
            }
        }
        guard let low, let high else { return nil }
        if low > high {
            bag.error(
                "low (\(NumberFormatting.plain(low))) is greater than high (\(NumberFormatting.plain(high)))",
                at: object.location, path: path, hint: "swap them")
            return nil
        }
        if let mode, mode < low || mode > high {
            bag.error(
                "mode \(NumberFormatting.plain(mode)) is outside [\(NumberFormatting.plain(low)), \(NumberFormatting.plain(high))]",
                at: object["mode"]?.location, path: object.path("mode"), hint: "low ≤ mode ≤ high")
            return nil
        }
        if distribution == .triangular && mode == nil {
            bag.error("a triangular distribution needs a \"mode\"", at: object.location, path: path)
            return nil
        }
        if distribution == .uniform && mode != nil {
            bag.error(
                "a uniform distribution has no \"mode\"", at: object["mode"]?.location, path: object.path("mode"),
                hint: "remove \"mode\", or drop \"distribution\" for a triangular one")
            return nil
        }
        if distribution == .lognormal && low <= 0 {
            bag.error(
                "a lognormal distribution needs low > 0", at: object["low"]?.location, path: object.path("low"),
                hint: "low and high are its 10th and 90th percentiles")
            return nil
        }
        return Uncertain(distribution: distribution, low: low, mode: mode, high: high)
    }

    static let metricKeys = ["expr", "accumulate", "initial", "unit", "label", "source", "assumption"]

    mutating func metrics(_ top: Object) -> [Metric] {
        guard let node = top["metrics"], let members = map(node, "$.metrics") else { return [] }
        var result: [Metric] = []
        for member in members {
            let path = JSONReader.path("$.metrics", member.key)
            let origin = Origin(location: member.keyLocation, path: path)
            if case .string = member.value.value, let text = expression(member.value, path) {
                result.append(Metric(name: member.key, expression: text, origin: origin))
                continue
            }
            guard
                let object = object(
                    member.value, path, allowed: Self.metricKeys,
                    what: "an expression string or {\"expr\": …}")
            else { continue }
            // A stock: `accumulate` (added each month) from `initial`, instead of `expr`.
            let isStock = object["accumulate"] != nil || (object["expr"] == nil && object["initial"] != nil)
            if isStock, object["expr"] != nil {
                bag.error(
                    "\"expr\" and \"accumulate\" cannot be used together", at: object["accumulate"]?.location,
                    path: object.path("accumulate"),
                    hint: "\"expr\" is the metric's value each month; \"accumulate\" is what a stock adds each month")
                continue
            }
            if !isStock, let initialNode = object["initial"] {
                bag.error(
                    "\"initial\" belongs to a stock", at: initialNode.location, path: object.path("initial"),
                    hint: "give \"accumulate\" (what is added each month) instead of \"expr\", or remove \"initial\"")
            }
            let key = isStock ? "accumulate" : "expr"
            guard let exprNode = object[key] else {
                missing(
                    object, key,
                    expected: isStock
                        ? "\"new_gb\" (what the stock adds each month)"
                        : "\"users * 0.1\" (or, for a stock, \"accumulate\": \"new_gb\" with \"initial\": 0)")
                continue
            }
            guard let text = expression(exprNode, object.path(key)) else { continue }
            var metric = Metric(
                name: member.key, expression: text, unit: string(object, "unit"), label: string(object, "label"),
                source: string(object, "source"), assumption: string(object, "assumption"), origin: origin)
            if isStock { metric.initial = number(object, "initial") ?? 0 }
            result.append(metric)
        }
        return result
    }

    mutating func scenarioList(_ top: Object) -> [Scenario] {
        guard let node = top["scenarios"] else {
            missing(top, "scenarios", expected: "[{\"id\": \"base\", \"default\": true, \"growth\": {…}}]")
            return []
        }
        guard let elements = array(node, "$.scenarios") else { return [] }
        if elements.isEmpty {
            bag.error("a profile needs at least one scenario", at: node.location, path: "$.scenarios")
        }
        return elements.enumerated().compactMap { scenario($1, "$.scenarios[\($0)]") }
    }

    mutating func scenario(_ node: JSONNode, _ path: String) -> Scenario? {
        guard
            let object = object(node, path, allowed: ["id", "name", "default", "months", "start", "growth", "source", "params"])
        else { return nil }
        var params: [(name: String, value: Uncertain, origin: Origin)] = []
        if let paramsNode = object["params"], let members = map(paramsNode, object.path("params")) {
            for member in members {
                let memberPath = JSONReader.path(object.path("params"), member.key)
                if let value = uncertain(member.value, memberPath) {
                    params.append((member.key, value, Origin(location: member.keyLocation, path: memberPath)))
                }
            }
        }
        let id = string(object, "id", required: true, pattern: .id)
        var months: Int?
        if let value = number(object, "months", minimum: 1) {
            if value != value.rounded() || value > 1200 {
                bag.error(
                    "months must be a whole number from 1 to 1200", at: object["months"]?.location,
                    path: object.path("months"))
            } else {
                months = Int(value)  // whole and in 1...1200: fits
            }
        }
        var start: YearMonth?
        if let text = string(object, "start") {
            start = YearMonth(text)
            if start == nil {
                bag.error(
                    "\"\(text)\" is not a month", at: object["start"]?.location, path: object.path("start"),
                    hint: "write it as YYYY-MM, e.g. \"2026-01\"")
            }
        }
        guard let growthNode = object["growth"] else {
            missing(object, "growth", expected: "{\"kind\": \"exponential\", \"start\": 100, \"rate\": 0.1}")
            return nil
        }
        guard let id, let growth = growth(growthNode, object.path("growth")) else { return nil }
        return Scenario(
            id: id, name: string(object, "name"), isDefault: bool(object, "default") ?? false,
            months: months, start: start, growth: growth, source: string(object, "source"), params: params,
            origin: Origin(location: node.location, path: path))
    }

    /// A growth curve: `{"kind": …, …}`, its members those of the kind (`GrowthKind`).
    mutating func growth(_ node: JSONNode, _ path: String) -> GrowthSpec? {
        let example = GrowthKind.exponential.profileExample
        guard case .object(let members) = node.value else {
            typeError(node, path, expected: "a growth object such as \(example)")
            return nil
        }
        guard let kindMember = members.first(where: { $0.key == "kind" }),
            case .string(let name, _) = kindMember.value.value
        else {
            bag.error(
                "missing \"kind\" of growth", at: node.location, path: path,
                hint: "kinds: " + GrowthKind.sortedNames.joined(separator: ", "))
            return nil
        }
        guard let kind = GrowthKind(rawValue: name) else {
            bag.error(
                "unknown growth kind \"\(name)\"", at: kindMember.value.location, path: JSONReader.path(path, "kind"),
                hint: didYouMean(name, in: GrowthKind.sortedNames) ?? "kinds: " + GrowthKind.sortedNames.joined(separator: ", "))
            return nil
        }
        switch kind {
        case .points:
            guard let object = object(node, path, allowed: ["kind", "points"]) else { return nil }
            return points(object)
        case .csv:
            guard let object = object(node, path, allowed: ["kind", "file"]) else { return nil }
            return string(object, "file", required: true).map { .csv(file: $0) }
        default:
            let names = kind.parameters.map(\.name)
            guard let object = object(node, path, allowed: ["kind"] + names) else { return nil }
            var values: [Uncertain] = []
            for name in names {
                guard let valueNode = object[name] else {
                    missing(object, name, expected: "a number")
                    continue
                }
                if let value = uncertain(valueNode, object.path(name)) { values.append(value) }
            }
            guard values.count == names.count else { return nil }
            if let problem = kind.problem(lowest: values.map(\.low), highest: values.map(\.high)) {
                let name = names[problem.parameter]
                bag.error(
                    problem.message, at: object[name]?.location, path: object.path(name), hint: "e.g. \(kind.profileExample)")
                return nil
            }
            return .parametric(kind, values)
        }
    }

    mutating func points(_ object: Object) -> GrowthSpec? {
        guard let node = object["points"] else {
            missing(object, "points", expected: "[[0, 100], [12, 5000]]")
            return nil
        }
        guard let elements = array(node, object.path("points")) else { return nil }
        var points: [GrowthPoint] = []
        for (index, element) in elements.enumerated() {
            let path = "\(object.path("points"))[\(index)]"
            guard case .array(let pair) = element.value, pair.count == 2,
                case .number(let month) = pair[0].value, case .number(let value) = pair[1].value
            else {
                bag.error(
                    "expected a [month, value] pair of numbers", at: element.location, path: path,
                    hint: "e.g. [12, 5000] means 5,000 at month 12")
                continue
            }
            if month < 0 || value <= 0 {
                bag.error(
                    "months must be ≥ 0 and values > 0 (growth between points is geometric)",
                    at: element.location, path: path)
                continue
            }
            if let last = points.last, month <= last.month {
                bag.error(
                    "months must increase: \(NumberFormatting.plain(month)) follows \(NumberFormatting.plain(last.month))",
                    at: element.location, path: path)
                continue
            }
            points.append(GrowthPoint(month: month, value: value))
        }
        if points.isEmpty {
            bag.error("points needs at least one [month, value] pair", at: node.location, path: object.path("points"))
            return nil
        }
        return .points(points)
    }
}
