import ScalePlanKit

/// `--set NAME=VALUE` (repeatable): a param set for one run, on simulate, capacity, check, diff
/// and roadmap.
enum ParamOverrideOption {
    static let option = OptionSpec(
        name: "set", valueName: "name=value",
        help:
            "Set a param for this run (repeatable; later ones win): a number, or low:mode:high for an uncertain value. NAME sets the global value and every tier's own; TIER.NAME only that tier's. Every output's header lists the overrides.",
        isRepeatable: true)

    /// The overrides given, in order.
    static func overrides(_ arguments: ParsedArguments, spec: CommandSpec) throws(CLIError) -> [ParamOverride] {
        guard spec.options.contains(where: { $0.name == option.name }) else { return [] }
        var result: [ParamOverride] = []
        for text in arguments.values[option.name] ?? [] {
            do {
                result.append(try ParamOverride.parse(text))
            } catch {
                throw .usage(
                    UsageError("The value '\(text)' is invalid for '--set <name=value>': \(error.message).", command: spec))
            }
        }
        return result
    }
}
