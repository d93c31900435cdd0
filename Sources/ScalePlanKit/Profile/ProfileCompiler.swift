/// Checks a decoded profile's meaning — names, ranges, references, types, cycles — and
/// compiles every expression. Every problem is reported, not just the first.
struct ProfileCompiler {
    /// Names a param or metric may not take: keywords, trigger-context names, functions.
    static let reservedNames: Set<String> = Set(
        ["and", "or", "not", "true", "false", "burn", "headcount", SlotLayout.monthName] + ContextName.bareWords
            + Function.allCases.map(\.rawValue))

    private var bag = DiagnosticBag()
    private let profile: Profile
    private var layout: SlotLayout
    private let categories: [String]
    private let limitNames: [String]
    private let queueNames: [String]
    private let tierIDs: Set<String>
    /// Params only tiers declare (no global value), in first-declaration order.
    private let tierOnlyParams: [String]
    /// "Did you mean" searches left (see `JSONReader.suggestionsLeft`): each scans every name,
    /// and a hostile file can hold hundreds of thousands of misspellings.
    private var suggestionsLeft = 50

    /// Checks and compiles a profile.
    /// - Returns: the compiled profile when there are no errors, and all diagnostics.
    static func compile(_ profile: Profile) -> (CompiledProfile?, [Diagnostic]) {
        var compiler = ProfileCompiler(profile)
        let compiled = compiler.run()
        var all = compiler.bag.diagnostics
        var failed = compiler.bag.hasErrors
        // Options are checked as the tiers `optimize` lays them out: an option's own problem is
        // reported where it is written; what it inherits was reported with its tier.
        var laidOut: CompiledProfile?
        if profile.hasAlternatives && profile.alternativeTierCount == 0 {
            var options = ProfileCompiler(profile.layingOutOptions())
            laidOut = options.run()
            // What an option inherits is reported with its tier, at the same place (the message
            // may name the option's tier too): one problem, one error.
            let places = Set(all.map(Self.place))
            all += options.bag.diagnostics.filter { !places.contains(Self.place($0)) }
            failed = failed || options.bag.hasErrors
        }
        // A component's item is in every tier that uses it: its problem is reported once.
        var seen: Set<String> = []
        let diagnostics = all.filter { diagnostic in
            let location = diagnostic.location.map { "\($0.line):\($0.column)" } ?? ""
            return seen.insert("\(diagnostic.severity)|\(location)|\(diagnostic.path ?? "")|\(diagnostic.message)").inserted
        }
        guard !failed, var compiled else { return (nil, diagnostics) }
        compiled.laidOut = laidOut.map(LaidOutPlan.init)
        return (compiled, diagnostics)
    }

    /// Where a diagnostic points: its location and JSON path.
    private static func place(_ diagnostic: Diagnostic) -> String {
        (diagnostic.location.map { "\($0.line):\($0.column)" } ?? "") + "|" + (diagnostic.path ?? "")
    }

    private init(_ profile: Profile) {
        self.profile = profile
        categories = Array(Set(profile.tiers.flatMap { $0.costs.map(\.category) })).sorted()
        limitNames = Array(Set(profile.tiers.flatMap { $0.capacity.map(\.metric) })).sorted()
        queueNames = Array(Set(profile.tiers.flatMap { $0.queues.map(\.name) })).sorted()
        tierIDs = Set(profile.tiers.prefix(profile.planTierCount).map(\.id))
        let globals = Set(profile.params.map(\.name))
        var tierOnly: [String] = []
        for tier in profile.tiers {
            for param in tier.params where !globals.contains(param.name) && !tierOnly.contains(param.name) {
                tierOnly.append(param.name)
            }
        }
        tierOnlyParams = tierOnly
        layout = SlotLayout(
            driver: profile.driver.name, params: profile.params.map(\.name) + tierOnly,
            metrics: profile.metrics.map(\.name),
            context: ContextName.all(categories: categories, limits: limitNames, queues: queueNames))
    }

    private mutating func run() -> CompiledProfile? {
        checkNames()
        checkTiers()
        checkScenarios()
        checkTriggerIDs()
        checkMoveDirections()
        checkObserve()
        let metrics = profile.metrics.map { compileQuantity($0.expression, what: "metric '\($0.name)'") }
        let order = metricOrder(metrics)
        let revenue = profile.revenue.map { compileQuantity($0, what: "revenue") }
        let tiers = profile.tiers.map { compileTier($0) }
        let globals = profile.triggers.map { compileTrigger($0, tier: nil) }
        guard let order, !bag.hasErrors else { return nil }
        // Tier params: which params vary by tier, and which metrics (and revenue) read them.
        var tierParams: [TierParam] = []
        for (index, tier) in profile.tiers.enumerated() {
            for param in tier.params {
                guard let slot = layout.slot(param.name) else { continue }
                tierParams.append(
                    TierParam(tier: index, param: slot - layout.paramSlots.lowerBound, value: param.value, declaration: param))
            }
        }
        let varying = Array(Set(tierParams.map(\.param))).sorted()
        var scopedSlots = Set(varying.map { layout.paramSlots.lowerBound + $0 })
        var scoped = [Bool](repeating: false, count: metrics.count)
        for index in order where metrics[index].reads(anyOf: scopedSlots) {
            scoped[index] = true
            scopedSlots.insert(layout.metricSlots.lowerBound + index)
        }
        let compiled = CompiledProfile(
            profile: profile, layout: layout, metrics: metrics, metricOrder: order, revenue: revenue,
            tiers: tiers, globalTriggers: globals, categories: categories, tierParams: tierParams,
            varyingParams: varying, scopedMetrics: scoped, scopedRevenue: revenue?.reads(anyOf: scopedSlots) ?? false)
        guard profile.tierSelection == .capacity else { return compiled }
        let derived = compiled.derivingRanges()
        // A tier the one below always out-carries is never the plan's: worth saying.
        for (index, tier) in derived.profile.tiers.enumerated().dropLast() where tier.range.max == tier.range.min {
            let origin = profile.tiers[index].origin
            bag.warning(
                "tier '\(tier.id)' is never the plan tier: \(index == 0 ? "its limits do not carry even 0 \(profile.driver.name)" : "it carries no more than the tier below it")",
                at: origin.location, path: origin.path,
                hint: "with \"tier_selection\": \"capacity\" a tier covers the driver values it is the lowest to carry")
        }
        return derived
    }

    // MARK: Names

    private mutating func checkNames() {
        var seen: [String: String] = [profile.driver.name: "the driver"]
        if Self.reservedNames.contains(profile.driver.name) {
            bag.error("'\(profile.driver.name)' is a reserved word and cannot name the driver", path: "$.driver.name")
        }
        func check(_ name: String, _ kind: String, _ origin: Origin, _ bag: inout DiagnosticBag) {
            if !NamePattern.identifier.matches(name) {
                bag.error(
                    "'\(name)' is not a valid \(kind) name", at: origin.location, path: origin.path,
                    hint: NamePattern.identifier.description)
            } else if Self.reservedNames.contains(name) {
                bag.error(
                    "'\(name)' is a reserved word and cannot name a \(kind)", at: origin.location, path: origin.path,
                    hint: "reserved: " + Self.reservedNames.sorted().joined(separator: ", "))
            } else if let other = seen[name] {
                bag.error(
                    "'\(name)' is already defined as \(other)", at: origin.location, path: origin.path,
                    hint: "params, metrics and the driver share one namespace")
            }
            seen[name] = seen[name] ?? "a \(kind)"
        }
        for param in profile.params { check(param.name, "param", param.origin, &bag) }
        for metric in profile.metrics { check(metric.name, "metric", metric.origin, &bag) }
        // A tier's params add to the global ones or override them; each is checked once by name.
        var checkedTierParams: Set<String> = []
        var badNames: Set<String> = []  // already reported: no follow-on error about them
        for tier in profile.tiers {
            for param in tier.params {
                if profile.params.contains(where: { $0.name == param.name }) { continue }
                guard checkedTierParams.insert(param.name).inserted else { continue }
                let errors = bag.errorCount
                check(param.name, "param", param.origin, &bag)
                if bag.errorCount != errors { badNames.insert(param.name) }
            }
        }
        // Tiers named in a message, at most: a profile of thousands of tiers gets a line, not a page.
        func list(_ tiers: [Tier]) -> String {
            tiers.prefix(5).map { "'\($0.id)'" }.joined(separator: ", ") + (tiers.count > 5 ? " and \(tiers.count - 5) more" : "")
        }
        for name in tierOnlyParams where !badNames.contains(name) {
            // A tier whose declaration could not be read declares it (its error says why).
            let lacking = profile.tiers.filter { tier in
                !tier.params.contains { $0.name == name } && !tier.unreadParams.contains(name)
            }
            guard !lacking.isEmpty else { continue }
            let declaring = profile.tiers.filter { tier in tier.params.contains { $0.name == name } }
            let first = declaring.first?.params.first { $0.name == name }
            bag.error(
                "param '\(name)' is declared by tier\(declaring.count == 1 ? "" : "s") " + list(declaring) + " but not by "
                    + list(lacking) + ", and has no global value",
                at: first?.origin.location, path: first?.origin.path ?? "$.tiers",
                hint: "declare it under the top-level \"params\" (the value tiers without their own use), "
                    + "or in every tier")
        }
        for (code, rate) in profile.fx where code == profile.currency && rate != 1 {
            bag.error(
                "fx gives a rate for the profile's own currency \(code)", path: "$.fx.\(code)",
                hint: "remove it; amounts in \(code) need no conversion")
        }
    }

    private mutating func checkScenarios() {
        var ids: Set<String> = []
        for scenario in profile.scenarios {
            if !ids.insert(scenario.id).inserted {
                bag.error("duplicate scenario id '\(scenario.id)'", at: scenario.origin.location, path: scenario.origin.path)
            }
        }
        let defaults = profile.scenarios.filter(\.isDefault)
        if !profile.scenarios.isEmpty && defaults.isEmpty {
            bag.error(
                "no scenario is marked \"default\": true", path: "$.scenarios",
                hint: "mark the one `simulate` should use with no flags")
        }
        for extra in defaults.dropFirst() {
            bag.error(
                "more than one scenario is marked default ('\(defaults[0].id)' and '\(extra.id)')",
                at: extra.origin.location, path: extra.origin.path)
        }
        let paramNames = profile.params.map(\.name) + tierOnlyParams
        for scenario in profile.scenarios {
            for param in scenario.params where !paramNames.contains(param.name) {
                let hint = didYouMean(param.name) { paramNames }
                bag.error(
                    "scenario '\(scenario.id)' sets '\(param.name)', which is not a param of the profile",
                    at: param.origin.location, path: param.origin.path,
                    hint: hint ?? "a scenario may set only params declared under \"params\" or by tiers")
            }
        }
    }

    /// `did you mean 'x'?` while searches are left; the candidates are listed only then.
    private mutating func didYouMean(_ word: String, in candidates: () -> [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestions.didYouMean(word, in: candidates())
    }

    /// Each `observe` name is one a check can take from monitoring: the driver, a param marked
    /// `observed` (an assumption is not measured), a metric, or a trigger quantity.
    private mutating func checkObserve() {
        let names = layout.names.filter { $0 != "month" }
        let params = Dictionary(profile.params.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let tierParams = Set(tierOnlyParams)
        for query in profile.observe {
            let at = query.origin
            if query.name == "month" || layout.slot(query.name) == nil {
                let hint = didYouMean(query.name) { names }
                bag.error(
                    "observe names '\(query.name)', which is not a name in this profile", at: at.location, path: at.path,
                    hint: hint ?? "observe maps the driver, params marked observed, metrics, \(ContextName.summary)")
            } else if let param = params[query.name], !param.observed {
                bag.error(
                    "observe maps the param '\(query.name)', which is not marked observed", at: at.location, path: at.path,
                    hint: "add \"observed\": true to the param if monitoring measures it")
            } else if tierParams.contains(query.name) {
                bag.error(
                    "observe maps '\(query.name)', a param only tiers define", at: at.location, path: at.path,
                    hint: "declare it in the top-level params, marked observed")
            }
        }
    }

    private mutating func checkTriggerIDs() {
        var ids: [String: (path: String, component: String?)] = [:]
        for trigger in profile.triggers + profile.tiers.prefix(profile.planTierCount).flatMap(\.triggers) {
            // A component's trigger is in every tier that uses it, under the same id.
            if let first = ids[trigger.id], trigger.component == nil || first.component != trigger.component {
                bag.error(
                    "duplicate trigger id '\(trigger.id)' (first at \(first.path))", at: trigger.origin.location,
                    path: trigger.origin.path)
            }
            ids[trigger.id] = ids[trigger.id] ?? (trigger.origin.path, trigger.component)
            if let target = trigger.target, !tierIDs.contains(target), !profile.hasUnreadTiers {
                let tiers = profile.tiers
                let hint = didYouMean(target) { tiers.map(\.id) }
                bag.error(
                    "trigger '\(trigger.id)' targets unknown tier '\(target)'",
                    at: trigger.targetOrigin?.location ?? trigger.origin.location,
                    path: trigger.targetOrigin?.path ?? trigger.origin.path + ".target", hint: hint)
            }
        }
    }

    /// The plan's own moves — the tiers its tier triggers target — go up the tier list: a trigger
    /// that moves to a lower tier makes a cycle of moves with the tier order (a → b, then back to
    /// a), which only a plan that allows moving down (`allow_downgrade`) may have; one that
    /// targets its own tier moves nowhere.
    private mutating func checkMoveDirections() {
        let planTiers = profile.tiers.prefix(profile.planTierCount)
        let index = Dictionary(planTiers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, tier) in planTiers.enumerated() {
            for trigger in tier.triggers where trigger.component == nil {
                guard let target = trigger.target, let goal = index[target], goal <= position else { continue }
                let origin = trigger.targetOrigin ?? trigger.origin
                if goal == position {
                    bag.error(
                        "trigger '\(trigger.id)' of tier '\(tier.id)' targets its own tier", at: origin.location,
                        path: origin.path,
                        hint: "a target is the tier the action moves to: name the next tier, or drop \"target\"")
                } else if !profile.allowsDowngrade {
                    let path = planTiers[goal...position].map(\.id) + [target]
                    bag.error(
                        "trigger '\(trigger.id)' of tier '\(tier.id)' moves back down to '\(target)': a cycle of moves \(path.joined(separator: " → "))",
                        at: origin.location, path: origin.path,
                        hint:
                            "moves go up the tier list; if the plan does move down when the load falls, set \"allow_downgrade\": true at the top level"
                    )
                }
            }
        }
    }

    // MARK: Tiers

    private mutating func checkTiers() {
        var ids: Set<String> = []
        // Under capacity selection every range is derived from the limits.
        let rangesGiven = profile.tierSelection == .range
        let planTiers = profile.planTierCount
        for (index, tier) in profile.tiers.enumerated() {
            if !ids.insert(tier.id).inserted {
                bag.error("duplicate tier id '\(tier.id)'", at: tier.origin.location, path: tier.origin.path)
            }
            checkComponentNames(tier)
            checkCurrencies(tier)
            // A laid-out option covers its tier's range.
            guard index < planTiers else { continue }
            guard rangesGiven else {
                if !tier.rangeDerived {
                    bag.warning(
                        "the range of tier '\(tier.id)' is not used: with \"tier_selection\": \"capacity\" every range is derived from the limits",
                        at: tier.rangeOrigin.location, path: tier.rangeOrigin.path,
                        hint: "remove it, or choose tiers by range (drop \"tier_selection\")")
                }
                continue
            }
            let rangePath = tier.origin.path + ".range"
            // A tier without a range was reported by the decoder: no follow-on about its neighbours.
            if index + 1 < planTiers, !tier.rangeDerived, !profile.tiers[index + 1].rangeDerived {
                let next = profile.tiers[index + 1]
                guard let max = tier.range.max else {
                    bag.error(
                        "tier '\(tier.id)' is open-ended (no max), so tier '\(next.id)' after it is unreachable",
                        at: tier.origin.location, path: rangePath,
                        hint: "give '\(tier.id)' a max of \(NumberFormatting.plain(next.range.min)), or remove '\(next.id)'")
                    continue
                }
                if next.range.min < max {
                    bag.error(
                        "tiers '\(tier.id)' and '\(next.id)' overlap: [\(NumberFormatting.plain(tier.range.min)), \(NumberFormatting.plain(max))) and [\(NumberFormatting.plain(next.range.min)), …)",
                        at: next.rangeOrigin.location, path: next.rangeOrigin.path,
                        hint: "ranges are half-open [min, max): set '\(next.id)' min to \(NumberFormatting.plain(max))")
                } else if next.range.min > max {
                    bag.error(
                        "gap between tiers '\(tier.id)' and '\(next.id)': no tier covers [\(NumberFormatting.plain(max)), \(NumberFormatting.plain(next.range.min)))",
                        at: next.rangeOrigin.location, path: next.rangeOrigin.path,
                        hint: "ranges are half-open [min, max): set '\(next.id)' min to \(NumberFormatting.plain(max))")
                }
            }
            if tier.range.max == tier.range.min {
                bag.error("tier '\(tier.id)' has an empty range (min = max)", at: tier.origin.location, path: rangePath)
            }
        }
    }

    /// Two limits on one metric, or two queues of one name, in a tier (its own and a
    /// component's, or two components'): `utilization.<limit>` and `latency.<queue>` would be
    /// ambiguous.
    private mutating func checkComponentNames(_ tier: Tier) {
        func origin(_ component: String?) -> String { component.map { "component '\($0)'" } ?? "the tier itself" }
        var limits: [String: String?] = [:]
        for limit in tier.capacity {
            if let first = limits[limit.metric] {
                bag.error(
                    "tier '\(tier.id)' has two limits on '\(limit.metric)' (from \(origin(first)) and \(origin(limit.component)))",
                    at: limit.origin.location, path: limit.origin.path,
                    hint: "keep one: a tier has one limit per metric")
            }
            limits[limit.metric] = limits[limit.metric] ?? limit.component
        }
        var queues: [String: String?] = [:]
        for queue in tier.queues {
            if let first = queues[queue.name] {
                bag.error(
                    "tier '\(tier.id)' has two queues named '\(queue.name)' (from \(origin(first)) and \(origin(queue.component)))",
                    at: queue.origin.location, path: queue.origin.path)
            }
            queues[queue.name] = queues[queue.name] ?? queue.component
        }
    }

    private mutating func checkCurrencies(_ tier: Tier) {
        func check(_ code: String?, _ path: String, _ bag: inout DiagnosticBag) {
            guard let code, code != profile.currency, profile.fx[code] == nil else { return }
            bag.error(
                "no exchange rate for \(code)", path: path,
                hint: "add \"fx\": {\"\(code)\": <value of 1 \(code) in \(profile.currency)>} at the top level")
        }
        for item in tier.costs { check(item.currency, item.origin.path + ".currency", &bag) }
        check(tier.team?.currency, tier.origin.path + ".team.currency", &bag)
        for (index, hire) in (tier.team?.hires ?? []).enumerated() {
            check(hire.currency, tier.origin.path + ".team.hires[\(index)].currency", &bag)
        }
    }

    private mutating func compileTier(_ tier: Tier) -> CompiledTier {
        var limits: [CompiledLimit] = []
        for limit in tier.capacity {
            guard let slot = layout.slot(limit.metric), !layout.isTriggerOnly(slot) else {
                if profile.unreadNames.contains(limit.metric) { continue }  // its definition's error says enough
                let profile = self.profile
                let suggestion = didYouMean(limit.metric) { [profile.driver.name] + profile.metrics.map(\.name) }
                bag.error(
                    "capacity limit on unknown metric '\(limit.metric)' in tier '\(tier.id)'",
                    at: limit.origin.location, path: limit.origin.path,
                    hint: suggestion ?? "limits apply to metrics or the driver; define a metric named '\(limit.metric)'")
                continue
            }
            let compiled = compileQuantity(limit.limit.expressionText, what: "limit on '\(limit.metric)'")
            // A limit that failed to compile is a NaN placeholder: its error says enough.
            if !compiled.failedToCompile, let value = compiled.constantValue, !(value > 0) {
                bag.error(
                    "limit on '\(limit.metric)' must be positive, not \(NumberFormatting.plain(value))",
                    at: limit.origin.location, path: limit.origin.path,
                    hint: "utilisation is metric ÷ limit; omit the limit if there is none")
            }
            // Headroom raises the limit the engine checks: `limit × (1 + headroom)`, everywhere.
            let checked = limit.headroom > 0 ? compiled.scaled(by: 1 + limit.headroom) : compiled
            limits.append(CompiledLimit(name: limit.metric, slot: slot, limit: checked, primary: limit.primary))
        }
        let costs = tier.costs.map { item -> CompiledCost in
            let what = "cost '\(item.item)'"
            let rate = item.currency.flatMap { $0 == profile.currency ? 1 : profile.fx[$0] } ?? 1
            switch item.amount {
            case .single(let quantity):
                let value = compileQuantity(quantity.expressionText, what: what)
                checkNonNegative(value, quantity.origin)
                return CompiledCost(item: item, low: value, expected: value, high: value, mode: nil, fxRate: rate)
            case .range(let low, let mode, let high):
                let lowValue = compileQuantity(low.expressionText, what: what)
                let highValue = compileQuantity(high.expressionText, what: what)
                checkNonNegative(lowValue, low.origin)
                checkNonNegative(highValue, high.origin)
                let modeValue = mode.map { compileQuantity($0.expressionText, what: what) }
                if let modeValue { checkNonNegative(modeValue, mode?.origin ?? low.origin) }
                return CompiledCost(
                    item: item, low: lowValue, expected: modeValue ?? midpoint(lowValue, highValue),
                    high: highValue, mode: modeValue, fxRate: rate)
            }
        }
        var failed: Set<String> = []  // queues with an expression that did not compile
        let queues = tier.queues.map { queue in
            let compiled = CompiledQueue(
                queue: queue,
                servers: compileQuantity(queue.servers.expressionText, what: "servers of queue '\(queue.name)'"),
                serviceMilliseconds: compileQuantity(
                    queue.serviceMilliseconds.expressionText,
                    what: "service_ms of queue '\(queue.name)'"),
                arrivalPerSecond: compileQuantity(queue.arrival, what: "arrival of queue '\(queue.name)'"))
            if [compiled.servers, compiled.serviceMilliseconds, compiled.arrivalPerSecond].contains(where: \.failedToCompile) {
                failed.insert(queue.name)
            }
            return compiled
        }
        for queue in tier.queues where !NamePattern.identifier.matches(queue.name) {
            bag.error(
                "'\(queue.name)' is not a valid queue name", at: queue.origin.location, path: queue.origin.path,
                hint: NamePattern.identifier.description)
        }
        for queue in queues where !failed.contains(queue.queue.name) {
            if let servers = queue.servers.constantValue,
                !(servers >= 1 && servers <= Queueing.maximumServers) || servers != servers.rounded()
            {
                bag.error(
                    "a queue needs a whole number of servers from 1 to \(NumberFormatting.grouped(Queueing.maximumServers))",
                    at: queue.queue.servers.origin.location, path: queue.queue.servers.origin.path)
            }
            if let service = queue.serviceMilliseconds.constantValue, !(service > 0) {
                bag.error(
                    "service_ms must be positive", at: queue.queue.serviceMilliseconds.origin.location,
                    path: queue.queue.serviceMilliseconds.origin.path)
            }
        }
        // Worked out once per tier, not once per trigger expression.
        let scope = TierScope(id: tier.id, limits: Set(tier.capacity.map(\.metric)), queues: Set(tier.queues.map(\.name)))
        let triggers = tier.triggers.map { compileTrigger($0, tier: scope) }
        return CompiledTier(tier: tier, limits: limits, costs: costs, queues: queues, triggers: triggers)
    }

    private mutating func checkNonNegative(_ expression: CompiledExpression, _ origin: Origin) {
        if !expression.failedToCompile, let value = expression.constantValue, !(value >= 0 && value < .infinity) {
            bag.error(
                "a cost must be a finite amount of 0 or more, not \(NumberFormatting.plain(value))", at: origin.location,
                path: origin.path)
        }
    }

    /// `(low + high) / 2` as a compiled expression, for ranges without a mode.
    private func midpoint(_ low: CompiledExpression, _ high: CompiledExpression) -> CompiledExpression {
        let syntax = Syntax.binary(.divide, .binary(.add, low.syntax, high.syntax, column: 1), .number(2, column: 1), column: 1)
        return CompiledExpression(
            source: "(\(low.source) + \(high.source)) / 2", syntax: syntax, type: .number,
            code: low.code + high.code + [.add, .constant(2), .divide],
            stackSize: max(low.stackSize, high.stackSize + 1, 2))
    }

    // MARK: Expressions

    /// Compiles a quantity in model scope (driver, params, metrics).
    private mutating func compileQuantity(_ text: ExpressionText, what: String) -> CompiledExpression {
        compile(text, as: .number, what: what, tier: nil, triggerScope: false)
    }

    /// What a tier's triggers may read besides the model: its own limits and queues.
    private struct TierScope {
        var id: String
        var limits: Set<String>
        var queues: Set<String>
    }

    private mutating func compileTrigger(_ trigger: Trigger, tier: TierScope?) -> CompiledTrigger {
        func convert(_ condition: TriggerCondition, _ compiler: inout ProfileCompiler) -> CompiledCondition {
            switch condition {
            case .when(let text):
                .expression(
                    compiler.compile(
                        text, as: .boolean, what: "trigger '\(trigger.id)'", tier: tier,
                        triggerScope: true))
            case .any(let parts): .any(parts.map { convert($0, &compiler) })
            case .all(let parts): .all(parts.map { convert($0, &compiler) })
            }
        }
        return CompiledTrigger(trigger: trigger, condition: convert(trigger.condition, &self), tierID: tier?.id)
    }

    private mutating func compile(
        _ text: ExpressionText, as type: ValueType, what: String, tier: TierScope?,
        triggerScope: Bool
    ) -> CompiledExpression {
        let layout = self.layout
        // An expression stops at its first error, so it costs at most one search.
        let suggest = suggestionsLeft > 0
        let tierLimits = tier?.limits
        let tierQueues = tier?.queues
        let unread = profile.unreadNames
        let resolve: ExpressionCompiler.Resolver = { (name: String, column: Int) throws(ExpressionError) -> Int in
            if let slot = layout.slot(name) {
                if layout.isTriggerOnly(slot) && !triggerScope {
                    throw ExpressionError(
                        "'\(name)' can only be used in triggers", column: column,
                        hint: "metrics, limits and costs see the driver, params and metrics")
                }
                switch layout.contextName(of: slot) {
                case .utilizationOf(let limit) where tierLimits.map({ !$0.contains(limit) }) ?? false:
                    throw ExpressionError(
                        "tier '\(tier?.id ?? "")' has no capacity limit on '\(limit)'", column: column,
                        hint: (suggest
                            ? Suggestions.didYouMean(
                                name, in: (tierLimits ?? []).map { ContextName.utilizationOf($0).description }) : nil)
                            ?? "add the limit to this tier's capacity, or make the trigger global")
                case .latencyOf(let queue) where tierQueues.map({ !$0.contains(queue) }) ?? false:
                    throw ExpressionError(
                        "tier '\(tier?.id ?? "")' has no queue '\(queue)'", column: column,
                        hint: suggest
                            ? Suggestions.didYouMean(name, in: (tierQueues ?? []).map { ContextName.latencyOf($0).description })
                            : nil)
                default:
                    break
                }
                return slot
            }
            // A param or metric whose definition failed is not unknown: that error says enough.
            if unread.contains(name) { throw ExpressionError("", column: column) }
            var hint: String?
            if suggest {
                hint = Suggestions.didYouMean(
                    name, in: triggerScope ? layout.names[...] : layout.names[0..<layout.modelSlotCount])
            }
            if hint == nil, !triggerScope, let slot = layout.slot(name), layout.isTriggerOnly(slot) {
                hint = "'\(name)' is available in triggers only"
            }
            let kind = ContextName(name)?.kindDescription ?? "name"
            throw ExpressionError(
                "unknown \(kind) '\(name)'", column: column,
                hint: hint
                    ?? (triggerScope
                        ? "triggers see the driver, month, params, metrics, \(ContextName.summary)"
                        : "expressions see the driver '\(layout.names[0])', month, params and metrics"))
        }
        do {
            return try ExpressionCompiler.compile(text.text, as: type, resolve: resolve)
        } catch {
            if suggest { suggestionsLeft -= 1 }
            // Compilation stops at the first problem; every other name the expression cannot
            // read is reported too (once per name), so one run of `validate` shows them all.
            var errors = [error]
            if let syntax = try? ExpressionParser.parse(text.text) {
                var seen = Set(syntax.identifiers.filter { $0.column == error.column }.map(\.name))
                for identifier in syntax.identifiers
                where identifier.column != error.column && seen.insert(identifier.name).inserted {
                    do { _ = try resolve(identifier.name, identifier.column) } catch { errors.append(error) }
                }
            }
            for error in errors.sorted(by: { $0.column < $1.column }) where !error.message.isEmpty {
                bag.error(
                    "in \(what): \(error.message)", at: text.location(ofColumn: error.column), path: text.origin.path,
                    hint: error.hint)
            }
            var placeholder = CompiledExpression(
                source: text.text, syntax: .number(.nan, column: 1), type: type,
                code: [.constant(.nan)], stackSize: 1)
            placeholder.failedToCompile = true
            return placeholder
        }
    }

    // MARK: Metric order

    /// Orders metrics so each comes after the metrics it reads; reports each cycle by name.
    /// - Complexity: O(*V* + *E*) over metrics and their references.
    private mutating func metricOrder(_ compiled: [CompiledExpression]) -> [Int]? {
        let metricIndex = Dictionary(profile.metrics.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        // A stock reading itself reads last month's value, which is no cycle.
        let dependencies = compiled.enumerated().map { index, expression in
            expression.syntax.identifiers.compactMap { metricIndex[$0.name] }.filter {
                $0 != index || profile.metrics[index].initial == nil
            }
        }
        enum Mark { case unvisited, inProgress, done }
        var marks = [Mark](repeating: .unvisited, count: profile.metrics.count)
        var order: [Int] = []
        var failed = false
        // Where each in-progress metric sits on the stack, and the stack positions of those
        // already named in a reported cycle (ascending): a back edge finds its cycle's start and
        // whether the cycle shares a metric with a reported one in O(1), so many back edges into
        // a long chain do not cost O(n) each.
        var position = [Int](repeating: -1, count: profile.metrics.count)
        var reportedPositions: [Int] = []
        // Iterative depth-first search: a long chain of metrics cannot overflow the stack.
        for root in profile.metrics.indices where marks[root] == .unvisited {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            marks[root] = .inProgress
            position[root] = 0
            while let top = stack.last {
                let deps = dependencies[top.node]
                if top.next < deps.count {
                    stack[stack.count - 1].next += 1
                    let dep = deps[top.next]
                    switch marks[dep] {
                    case .unvisited:
                        marks[dep] = .inProgress
                        position[dep] = stack.count
                        stack.append((dep, 0))
                    case .inProgress:
                        // In progress means on the stack, so its position is set.
                        let start = Swift.max(0, position[dep])
                        // Each cycle is named once: only when no metric in it is in one already.
                        if (reportedPositions.last ?? -1) < start {
                            let cycle = stack[start...].map(\.node)
                            reportedPositions.append(contentsOf: start..<stack.count)
                            let names = (cycle + [dep]).map { profile.metrics[$0].name }
                            let first = profile.metrics[dep]
                            bag.error(
                                "metric cycle: " + names.joined(separator: " → "), at: first.origin.location,
                                path: first.origin.path, hint: "a metric cannot depend on itself, directly or through others")
                        }
                        failed = true
                    case .done:
                        break
                    }
                } else {
                    marks[top.node] = .done
                    order.append(top.node)
                    if reportedPositions.last == stack.count - 1 { reportedPositions.removeLast() }
                    position[top.node] = -1
                    stack.removeLast()
                }
            }
        }
        return failed ? nil : order
    }
}

extension CompiledProfile {
    /// The plan as `scenario` projects it: the params the scenario sets replace the profile's —
    /// the global value and every tier's own, as `--set NAME` does (the profile compiled again
    /// with them; the compiler checked the names and values already) — then this plan's
    /// command-line `overrides` again, which win; `self` when the scenario sets none. Params the profile does not declare are ignored (a plan diff
    /// projects the old version along the new version's scenario).
    public func forScenario(_ scenario: Scenario?) -> CompiledProfile {
        guard let scenario, !scenario.params.isEmpty else { return self }
        // Like `--set NAME`: the global value and every tier's own.
        let set = scenario.params.map { ParamOverride(name: $0.name, value: $0.value) }
        let changed = Self.applying(overrides, to: Self.applying(set, to: profile))
        var compiled = ProfileCompiler.compile(changed).0 ?? self
        compiled.overrides = overrides
        return compiled
    }
}
