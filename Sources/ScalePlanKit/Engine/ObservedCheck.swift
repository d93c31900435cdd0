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

    public struct Result: Sendable {
        public var tier: Int
        /// How the tier was chosen: `--tier`, or the observed driver value.
        public var tierFromDriver: Bool
        public var firing: [Firing]
        /// Triggers evaluated that did not fire.
        public var quiet: [Trigger]
        /// The values the triggers read, observed or derived.
        public var values: [Value]
    }

    /// Problems with the observed names.
    public struct UnknownName: Error, Sendable {
        public var name: String
        public var suggestion: String?
    }

    /// The names a monitoring export may provide: driver, params, metrics and trigger quantities.
    public var acceptedNames: [String] { compiled.layout.names }

    /// Checks the triggers of `tier` (or the tier the observed driver falls in) and the global
    /// ones: one month of the engine with the observed values in place of the model's.
    /// - Throws: `UnknownName` for an observed name the profile does not define.
    public func run(observed: [(name: String, value: Double)], tier requested: Int?) throws(UnknownName) -> Result {
        let layout = compiled.layout
        var overrides: [Int: Double] = [:]
        for (name, value) in observed {
            guard let slot = layout.slot(name) else {
                throw UnknownName(name: name, suggestion: Suggestions.closest(to: name, in: layout.names))
            }
            overrides[slot] = value
        }
        let plan = EnginePlan(compiled)
        let driverObserved = overrides[SlotLayout.driverSlot]
        let tier = requested ?? plan.tier(forDriver: driverObserved ?? 0)
        let driver = driverObserved ?? compiled.tiers[tier].tier.range.min
        let engine = MonthEngine(plan, width: 1)
        engine.begin(count: 1, curve: .constant(driver))
        for index in compiled.profile.params.indices {
            if let value = overrides[layout.paramSlots.lowerBound + index] { engine.setParam(index, trial: 0, value) }
        }
        engine.forcedTier = tier
        engine.overrides = overrides.filter { $0.key >= layout.metricSlots.lowerBound }
        var watcher = FiringWatcher(plan: plan)
        engine.step(month: 0, observer: &watcher)
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
        let values = read.map { Value(name: layout.names[$0], value: slots[$0], observed: overrides[$0] != nil) }
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
        return Result(tier: tier, tierFromDriver: requested == nil, firing: firing, quiet: quiet, values: values)
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
    /// row allowed). Every problem is reported with its line and column.
    public static func parse(_ bytes: [UInt8]) -> Swift.Result<[(name: String, value: Double)], GrowthInput.CSVErrors> {
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
            var values: [(String, Double)] = []
            for member in members where !member.key.hasPrefix("$") {
                guard case .number(let value) = member.value.value else {
                    bag.error(
                        "\"\(member.key)\" must be a number, found \(member.value.value.typeName)", at: member.value.location,
                        path: JSONReader.path("$", member.key))
                    continue
                }
                values.append((member.key, value))
            }
            return bag.hasErrors ? .failure(GrowthInput.CSVErrors(diagnostics: bag.diagnostics)) : .success(values)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(GrowthInput.CSVErrors(diagnostics: [.error("the file is not valid UTF-8")]))
        }
        var bag = DiagnosticBag()
        var values: [(String, Double)] = []
        for row in CSVRows.rows(in: text) {
            let cells = row.cells
            let at = row.location
            if values.isEmpty && !bag.hasErrors && cells.count == 2 && Double(cells[1]) == nil {
                continue  // a header row
            }
            guard cells.count == 2, !cells[0].isEmpty else {
                bag.error("expected 2 columns (name,value), found \(cells.count)", at: at, hint: "e.g. db_connections,84")
                continue
            }
            guard let value = Double(cells[1]), value.isFinite else {
                bag.error(
                    "value '\(cells[1])' for \(cells[0]) is not a number",
                    at: SourceLocation(line: row.line, column: row.secondCellColumn))
                continue
            }
            values.append((cells[0], value))
        }
        return bag.hasErrors ? .failure(GrowthInput.CSVErrors(diagnostics: bag.diagnostics)) : .success(values)
    }
}
