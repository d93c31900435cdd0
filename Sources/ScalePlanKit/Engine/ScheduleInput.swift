/// A schedule to follow (`simulate --schedule FILE`): the tier and option of each month, read
/// from `optimize --format json` output, so the optimised path can be projected — costs, latency,
/// triggers and plan gaps — by the same month step as the plan's own.
public enum ScheduleInput {
    /// Reads `schedule[] {month, tier, option}` from a `scaleplan.optimize/1` document and maps
    /// each month to a tier of `laidOut` (the profile with its options laid out).
    /// - Returns: the laid-out tier of each month from 0, or the problems, each with its JSON path.
    public static func parse(_ bytes: [UInt8], laidOut compiled: CompiledProfile) -> Result<[Int], GrowthInput.CSVErrors> {
        func failure(_ message: String, at location: SourceLocation?, path: String?, hint: String? = nil)
            -> Result<[Int], GrowthInput.CSVErrors>
        {
            .failure(GrowthInput.CSVErrors(diagnostics: [.error(message, at: location, path: path, hint: hint)]))
        }
        if let problem = CSVRows.encodingProblem(bytes) { return .failure(GrowthInput.CSVErrors(diagnostics: [problem])) }
        let root: JSONNode
        do { root = try JSONParser.parse(bytes) } catch {
            return failure(error.message, at: error.location, path: nil, hint: error.hint)
        }
        guard case .object(let members) = root.value else {
            return failure("expected the JSON of `scaleplan optimize --format json`", at: root.location, path: "$")
        }
        let top = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard case .string(OptimizeReport.schema, _)? = top["schema"]?.value else {
            return failure(
                "expected \"schema\": \"\(OptimizeReport.schema)\"", at: top["schema"]?.location ?? root.location,
                path: "$.schema", hint: "write the file with `scaleplan optimize <profile> --format json -o FILE`")
        }
        guard let node = top["schedule"], case .array(let elements) = node.value, !elements.isEmpty else {
            return failure(
                "expected a non-empty \"schedule\" array", at: top["schedule"]?.location ?? root.location, path: "$.schedule")
        }
        let tiers = compiled.profile.tiers
        var bag = DiagnosticBag()
        var schedule: [Int] = []
        for (index, element) in elements.enumerated() {
            let path = "$.schedule[\(index)]"
            guard case .object(let fields) = element.value else {
                bag.error("expected {\"month\", \"tier\", \"option\"}", at: element.location, path: path)
                continue
            }
            let entry = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard case .number(let month)? = entry["month"]?.value, month == Double(index) else {
                bag.error(
                    "expected \"month\": \(index) (one entry per month, in order from 0)",
                    at: entry["month"]?.location ?? element.location,
                    path: path + ".month")
                continue
            }
            guard case .string(let tier, _)? = entry["tier"]?.value, case .string(let option, _)? = entry["option"]?.value else {
                bag.error("expected \"tier\" and \"option\" strings", at: element.location, path: path)
                continue
            }
            guard let found = tiers.firstIndex(where: { ($0.stageID ?? $0.id) == tier && $0.option == option }) else {
                let known = tiers.map { "\($0.stageID ?? $0.id) \($0.option)" }
                bag.error(
                    "tier '\(tier)' with option '\(option)' is not in profile '\(compiled.profile.id)'",
                    at: entry["tier"]?.location ?? element.location, path: path + ".tier",
                    hint: "the schedule was made for another version of the plan? It has: " + known.joined(separator: ", "))
                continue
            }
            schedule.append(found)
        }
        return bag.hasErrors ? .failure(GrowthInput.CSVErrors(diagnostics: bag.diagnostics)) : .success(schedule)
    }
}

extension CompiledProfile {
    /// The plan following `schedule` (a laid-out tier per month; the last one after it ends)
    /// instead of choosing its tier by range or capacity.
    public func following(_ schedule: [Int]) -> CompiledProfile {
        var copy = self
        copy.schedule = schedule
        return copy
    }
}
