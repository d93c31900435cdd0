/// Evaluates a plan's triggers against real numbers (from monitoring), for `check`.
///
/// Observed values override the model: an observed metric replaces the formula (and metrics that
/// read it see the observed value), an observed param replaces its assumption, and observed
/// trigger quantities (`cost`, `latency.api`, `utilization.db_connections`, …) replace what the
/// model would derive. Everything not observed is derived from the model, and the result says
/// which is which.
public struct ObservedCheck: Sendable {
    public let compiled: CompiledProfile

    public init(_ compiled: CompiledProfile) {
        self.compiled = compiled
    }

    /// One value the triggers saw.
    public struct Value: Sendable, Equatable {
        public var name: String
        public var value: Double
        public var observed: Bool
        /// How a derived value was found, when not from this month's model alone (a stock:
        /// "default scenario, month 14").
        public var derivation: String? = nil
    }

    /// A trigger that fires on these values.
    public struct Firing: Sendable {
        public var trigger: Trigger
        /// The tier that owns it, nil for a global trigger.
        public var tierID: String?
        public var quantity: String?
        public var value: Double?
        public var threshold: Double?
    }

    /// How the active tier was chosen.
    public enum TierChoice: String, Sendable {
        /// `--tier`.
        case option
        /// The tier whose range holds the observed driver.
        case driver
        /// The lowest tier whose limits carry the observed load (`tier_selection: capacity`).
        case capacity
    }

    public struct Result: Sendable {
        public var tier: Int
        public var tierFrom: TierChoice
        /// Whether some tier's limits carry the observed load (false: a plan gap; by capacity the
        /// last tier is then checked).
        public var loadCarried = true
        /// The month the check stands in (`checkMonth`).
        public var month = 0
        public var firing: [Firing]
        /// Triggers evaluated that did not fire.
        public var quiet: [Trigger]
        /// The values the triggers read, observed or derived.
        public var values: [Value]

        /// The firing triggers at or above `severity` (what makes `check --fail-on` fail).
        public func failing(atOrAbove severity: Trigger.Severity) -> [Firing] {
            firing.filter { $0.trigger.severity >= severity }
        }

        /// Why the check fails at `severity`, in one line; nil when it passes.
        public func failureReason(atOrAbove severity: Trigger.Severity) -> String? {
            let failing = failing(atOrAbove: severity)
            guard !failing.isEmpty else { return nil }
            let names = failing.map { "\($0.trigger.id) (\($0.trigger.severity.rawValue))" }
            return "\(failing.count) trigger\(failing.count == 1 ? "" : "s") at or above \(severity.rawValue) "
                + "fire\(failing.count == 1 ? "s" : ""): \(names.joined(separator: ", "))"
        }
    }

    /// One observed value, with where it was read (for messages about it).
    public struct Observation: Sendable {
        public var name: String
        public var value: Double
        /// Where the observation is: the row (CSV) or the value (JSON).
        public var location: SourceLocation?
        /// Where the value itself is, when that differs from `location` (a CSV row's second cell).
        public var valueLocation: SourceLocation?
        /// The JSON path of a value read from JSON (`$.db_connections`).
        public var path: String?

        public init(
            name: String, value: Double, location: SourceLocation? = nil, valueLocation: SourceLocation? = nil,
            path: String? = nil
        ) {
            self.name = name
            self.value = value
            self.location = location
            self.valueLocation = valueLocation
            self.path = path
        }
    }

    /// An observed value the check cannot use: a name the profile does not define, or a driver
    /// value that is not a count (negative).
    public struct InvalidObservation: Error, Sendable {
        public var diagnostic: Diagnostic
    }

    /// The names a monitoring export may provide: driver, `month`, params, metrics and trigger
    /// quantities.
    public var acceptedNames: [String] { compiled.layout.names }

    /// The driver and metrics some tier limits (what tells the tier under `tier_selection:
    /// capacity`), in declaration order.
    public var limitedNames: [String] {
        let limited = Set(compiled.tiers.flatMap { $0.limits.map(\.name) })
        return ([compiled.profile.driver.name] + compiled.profile.metrics.map(\.name)).filter(limited.contains)
    }

    /// Checks the triggers of `tier` (or the tier the observed driver falls in) and the global
    /// ones: one month of the engine with the observed values in place of the model's.
    /// - Throws: `InvalidObservation` for a name the profile does not define or a negative
    ///   driver value.
    public func run(observed: [Observation], tier requested: Int?) throws(InvalidObservation) -> Result {
        let layout = compiled.layout
        var overrides: [Int: Double] = [:]
        for observation in observed {
            guard let slot = layout.slot(observation.name) else {
                let suggestion = Suggestions.closest(to: observation.name, in: layout.names)
                throw InvalidObservation(
                    diagnostic: .error(
                        "'\(observation.name)' is not a name in profile '\(compiled.profile.id)'",
                        at: observation.location, path: observation.path,
                        hint: (suggestion.map { "did you mean '\($0)'? " } ?? "")
                            + "Observed values may name the driver, params, metrics, \(ContextName.summary)."))
            }
            if slot == SlotLayout.driverSlot && observation.value < 0 {
                throw InvalidObservation(
                    diagnostic: .error(
                        "the driver '\(observation.name)' cannot be negative (\(NumberFormatting.plain(observation.value)))",
                        at: observation.valueLocation ?? observation.location, path: observation.path,
                        hint: "it is a count, such as the number of users"))
            }
            overrides[slot] = observation.value
        }
        let plan = EnginePlan(compiled)
        let driverObserved = overrides[SlotLayout.driverSlot]
        let byCapacity = requested == nil && compiled.profile.tierSelection == .capacity
        // By capacity the engine chooses the tier from the observed load; else it is forced.
        let forced = byCapacity ? nil : requested ?? plan.tier(forDriver: driverObserved ?? 0)
        let driver = driverObserved ?? forced.map { compiled.tiers[$0].tier.range.min } ?? 0
        // The month the check stands in: what `month` reads and where unobserved stocks are taken.
        let month = checkMonth(observed: overrides)
        let engine = MonthEngine(plan, width: 1)
        engine.begin(count: 1, curve: .constant(driver))
        for index in 0..<layout.paramSlots.count {
            if let value = overrides[layout.paramSlots.lowerBound + index] { engine.setParamEverywhere(index, trial: 0, value) }
        }
        engine.forcedTier = forced
        // A stock has history: unless observed, it is taken from the default scenario's
        // projection (see `projectedStocks`).
        let projected = projectedStocks(observed: overrides, month: month.month)
        engine.overrides = overrides.filter { $0.key >= layout.metricSlots.lowerBound }.merging(projected.values) { a, _ in a }
        var watcher = FiringWatcher(plan: plan)
        engine.step(month: month.month, observer: &watcher)
        let tier = Int(engine.planTier[0])
        let slots = engine.row(0)
        // What the triggers read, in first-use order.
        let triggers = plan.globalTriggers + plan.tierTriggers[tier]
        var read: [Int] = []
        var seen: Set<Int> = []
        for index in triggers {
            for text in plan.triggers[index].trigger.trigger.condition.expressions {
                for identifier in (try? ExpressionParser.parse(text.text))?.identifiers ?? [] {
                    if let slot = layout.slot(identifier.name), seen.insert(slot).inserted { read.append(slot) }
                }
            }
        }
        let values = read.map {
            Value(
                name: layout.names[$0], value: slots[$0], observed: overrides[$0] != nil,
                derivation: projected.values[$0] != nil
                    ? projected.derivation : $0 == SlotLayout.monthSlot && overrides[$0] == nil ? month.derivation : nil)
        }
        var firing: [Firing] = []
        var quiet: [Trigger] = []
        for index in triggers {
            let entry = plan.triggers[index].trigger
            if let explanation = watcher.fired[index] {
                firing.append(
                    Firing(
                        trigger: entry.trigger, tierID: entry.tierID, quantity: explanation?.quantity,
                        value: explanation?.value, threshold: explanation?.threshold))
            } else {
                quiet.append(entry.trigger)
            }
        }
        firing.sort { ($1.trigger.severity, $0.trigger.id) < ($0.trigger.severity, $1.trigger.id) }
        var result = Result(
            tier: tier, tierFrom: requested != nil ? .option : byCapacity ? .capacity : .driver, firing: firing, quiet: quiet,
            values: values)
        result.loadCarried = engine.requiredTier[0] >= 0
        result.month = month.month
        return result
    }

    /// The month a check stands in: an observed `month`; else the first month the default
    /// scenario's driver reaches the observed driver (the last of its horizon if it never does);
    /// else month 0. With how it was found, for the values table.
    func checkMonth(observed: [Int: Double]) -> (month: Int, derivation: String?) {
        if let month = observed[SlotLayout.monthSlot] {
            return (Int(Swift.min(Swift.max(month, 0), 1200).rounded(.down)), nil)
        }
        guard let driver = observed[SlotLayout.driverSlot], let scenario = compiled.profile.defaultScenario,
            let curve = scenario.growth.expectedCurve
        else { return (0, nil) }
        let horizon = scenario.months ?? 36
        let month = (0..<horizon).first { curve.value(at: Double($0)) >= driver } ?? horizon - 1
        return (month, "scenario \(scenario.id), month \(month)")
    }

    /// The value of every stock not observed, as the default scenario's deterministic projection
    /// has it at `month` (see `checkMonth`).
    private func projectedStocks(observed: [Int: Double], month: Int) -> (values: [Int: Double], derivation: String) {
        let layout = compiled.layout
        let stocks = compiled.profile.metrics.indices.filter {
            compiled.profile.metrics[$0].initial != nil && observed[layout.metricSlots.lowerBound + $0] == nil
        }
        guard !stocks.isEmpty, let scenario = compiled.profile.defaultScenario,
            let curve = scenario.growth.expectedCurve
        else { return ([:], "") }
        let scenarioCompiled = compiled.forScenario(scenario)
        let engine = MonthEngine(EnginePlan(scenarioCompiled), width: 1)
        engine.begin(count: 1, curve: curve)
        var none = NoObserver()
        for step in 0...month { engine.step(month: step, observer: &none) }
        let row = engine.row(0)
        var values: [Int: Double] = [:]
        for index in stocks {
            let slot = layout.metricSlots.lowerBound + index
            values[slot] = row[slot]
        }
        return (values, "scenario \(scenario.id), month \(month)")
    }

    /// Notes the triggers that fire and explains each (its context is in the engine then).
    private struct FiringWatcher: MonthObserver {
        let plan: EnginePlan
        var fired: [Int: TriggerExplanation?] = [:]

        mutating func fired(_ engine: MonthEngine, trigger: Int, fires: UnsafePointer<Bool>) {
            guard fires[0] else { return }
            let probe = TriggerProbe(plan.triggers[trigger].trigger.trigger.condition, layout: plan.compiled.layout)
            fired[trigger] = engine.row(0).withUnsafeBufferPointer { probe.explain($0) }
        }
    }

    /// Reads observed values: a JSON object of name → number, or CSV rows `name,value` (a header
    /// row allowed; `\n`, `\r\n` and `\r` line ends). Every problem is reported with its line
    /// and column (or JSON path): a byte-order mark, a name given twice, a value that is not a
    /// plain decimal number (`0x10`, `inf`).
    /// The words a header row of an observed CSV may have: first-column names and second-column
    /// names (compared case-insensitively).
    public static let headerWords = (
        names: Set(["name", "metric", "key", "quantity", "series", "observable"]),
        values: Set(["value", "values", "observed", "count", "amount", "reading", "current"])
    )

    /// Whether a first row is a header: either cell is one of `headerWords`, and the second is
    /// not a number.
    static func isHeader(_ cells: [String]) -> Bool {
        NumberSyntax.decimal(cells[1]) == nil
            && (headerWords.names.contains(cells[0].lowercased()) || headerWords.values.contains(cells[1].lowercased()))
    }

    public static func parse(_ bytes: [UInt8]) -> Swift.Result<[Observation], GrowthInput.CSVErrors> {
        if let problem = CSVRows.encodingProblem(bytes) { return .failure(GrowthInput.CSVErrors(diagnostics: [problem])) }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        // '[' too: a JSON array is a JSON mistake, not a CSV row.
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            let root: JSONNode
            do {
                root = try JSONParser.parse(bytes)
            } catch {
                return .failure(GrowthInput.CSVErrors(diagnostics: [.error(error.message, at: error.location, hint: error.hint)]))
            }
            guard case .object(let members) = root.value else {
                return .failure(
                    GrowthInput.CSVErrors(diagnostics: [.error("expected an object of name → number", at: root.location)]))
            }
            var bag = DiagnosticBag()
            var values: [Observation] = []
            for member in members where !member.key.hasPrefix("$") {
                let path = JSONReader.path("$", member.key)
                guard case .number(let value) = member.value.value else {
                    bag.error(
                        "\"\(member.key)\" must be a number, found \(member.value.value.typeName)", at: member.value.location,
                        path: path)
                    continue
                }
                values.append(Observation(name: member.key, value: value, location: member.value.location, path: path))
            }
            return bag.hasErrors ? .failure(GrowthInput.CSVErrors(diagnostics: bag.diagnostics)) : .success(values)
        }
        let text = String(decoding: bytes, as: UTF8.self)  // valid: checked above
        var bag = DiagnosticBag()
        var values: [Observation] = []
        var lines: [String: Int] = [:]
        for (number, row) in CSVRows.rows(in: text).enumerated() {
            let cells = row.cells
            let at = row.location
            // A header row: the first row, when it reads like one (`name,value`, `metric,value`;
            // `ObservedCheck.headerWords`). Any other row whose value is not a number is an
            // error, so a bad first data row (`api_requests_month,lots`) is never skipped.
            if number == 0 && cells.count == 2 && Self.isHeader(cells) { continue }
            guard cells.count == 2, !cells[0].isEmpty else {
                bag.error("expected 2 columns (name,value), found \(cells.count)", at: at, hint: "e.g. db_connections,84")
                continue
            }
            let valueAt = SourceLocation(line: row.line, column: row.secondCellColumn)
            guard let value = NumberSyntax.decimal(cells[1]) else {
                bag.error(
                    "value '\(cells[1])' for \(cells[0]) is not a number", at: valueAt,
                    hint: "a plain decimal number such as 84 or 0.75")
                continue
            }
            if let earlier = lines[cells[0]] {
                bag.error(
                    "'\(cells[0])' is given twice (first on line \(earlier))", at: at,
                    hint: "keep one row per name: which value is meant?")
                continue
            }
            lines[cells[0]] = row.line
            values.append(Observation(name: cells[0], value: value, location: at, valueLocation: valueAt))
        }
        return bag.hasErrors ? .failure(GrowthInput.CSVErrors(diagnostics: bag.diagnostics)) : .success(values)
    }
}
