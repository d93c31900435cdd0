/// A param set for one run from the command line (`--set NAME=VALUE`, `--set TIER.NAME=VALUE`):
/// a what-if without editing the profile.
public struct ParamOverride: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    /// The tier whose own param it sets; nil sets the global value and every tier's own.
    public var tier: String?
    public var value: Uncertain

    public init(name: String, tier: String? = nil, value: Uncertain) {
        self.name = name
        self.tier = tier
        self.value = value
    }

    /// `name = value`, as headers list it.
    public var description: String { (tier.map { "\($0)." } ?? "") + "\(name) = \(value.summary)" }

    /// Why a `--set` text is not an override.
    public struct SyntaxError: Error, Sendable {
        public var message: String
    }

    /// Reads `NAME=VALUE` or `TIER.NAME=VALUE`, VALUE a number or `low:mode:high`.
    public static func parse(_ text: String) throws(SyntaxError) -> ParamOverride {
        guard let equals = text.firstIndex(of: "=") else {
            throw SyntaxError(message: "expected NAME=VALUE, such as price=12 or price=10:12:15")
        }
        var name = String(text[..<equals])
        let valueText = text[text.index(after: equals)...]
        var tier: String?
        if let dot = name.lastIndex(of: ".") {
            tier = String(name[..<dot])
            name = String(name[name.index(after: dot)...])
        }
        guard NamePattern.identifier.matches(name), tier.map(NamePattern.id.matches) ?? true else {
            throw SyntaxError(message: "'\(text[..<equals])' is not a param name (or TIER.NAME)")
        }
        let parts = valueText.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.map { NumberSyntax.decimal($0) }
        guard parts.count == 1 || parts.count == 3, !numbers.contains(nil) else {
            throw SyntaxError(
                message: "'\(valueText)' is not a value: expected a number (12) or low:mode:high (10:12:15)")
        }
        let values = numbers.compactMap { $0 }
        guard values.count == 3 else { return ParamOverride(name: name, tier: tier, value: .fixed(values[0])) }
        guard values[0] <= values[1], values[1] <= values[2] else {
            throw SyntaxError(message: "'\(valueText)' needs low ≤ mode ≤ high")
        }
        return ParamOverride(
            name: name, tier: tier,
            value: Uncertain(distribution: .triangular, low: values[0], mode: values[1], high: values[2]))
    }
}

extension CompiledProfile {
    /// What is wrong with overrides for this profile: a name that is not a param (of the profile,
    /// or of the named tier), an unknown tier. Empty when they all apply.
    public func problems(with overrides: [ParamOverride]) -> [String] {
        overrides.compactMap { override in
            let global = profile.params.contains { $0.name == override.name }
            guard let tierID = override.tier else {
                let declaredByTiers = profile.tiers.contains { $0.params.contains { $0.name == override.name } }
                if global || declaredByTiers { return nil }
                let names = profile.params.map(\.name) + profile.tiers.flatMap { $0.params.map(\.name) }
                return "'\(override.name)' is not a param of profile '\(profile.id)'"
                    + (Suggestions.didYouMean(override.name, in: names).map { " (\($0))" } ?? "")
            }
            guard let tier = profile.tier(tierID) else {
                return "'\(tierID)' is not a tier of profile '\(profile.id)'"
                    + (Suggestions.didYouMean(tierID, in: profile.tiers.map(\.id)).map { " (\($0))" } ?? "")
            }
            if global || tier.params.contains(where: { $0.name == override.name }) { return nil }
            return "'\(override.name)' is not a param of tier '\(tierID)' or of profile '\(profile.id)'"
        }
    }

    /// The plan with `overrides` in place of the params' values (the profile compiled again;
    /// `problems(with:)` must be empty): a global override sets the global value and every
    /// tier's own; `TIER.NAME` sets (or adds) that tier's. Later overrides win. The result
    /// remembers them (`overrides`), for every report's header and for `forScenario`, which
    /// applies them after a scenario's params.
    public func withParams(_ overrides: [ParamOverride]) -> CompiledProfile {
        guard !overrides.isEmpty else { return self }
        var compiled = ProfileCompiler.compile(Self.applying(overrides, to: profile)).0 ?? self
        compiled.overrides = self.overrides + overrides
        return compiled
    }

    /// `profile` with the overrides' values in its params (names it lacks are ignored). A tier's
    /// options are ways of running it: a value set for the tier is set for them too.
    static func applying(_ overrides: [ParamOverride], to profile: Profile) -> Profile {
        var changed = profile
        for override in overrides {
            if override.tier == nil, let index = changed.params.firstIndex(where: { $0.name == override.name }) {
                changed.params[index].value = override.value
            }
            let global = changed.params.first { $0.name == override.name }
            func apply(to tier: inout Tier) {
                if let index = tier.params.firstIndex(where: { $0.name == override.name }) {
                    tier.params[index].value = override.value
                } else if override.tier != nil, var declaration = global {
                    declaration.value = override.value
                    tier.params.append(declaration)
                }
            }
            for tierIndex in changed.tiers.indices
            where override.tier == nil || override.tier == (changed.tiers[tierIndex].stageID ?? changed.tiers[tierIndex].id) {
                apply(to: &changed.tiers[tierIndex])
                for option in changed.tiers[tierIndex].alternatives.indices {
                    apply(to: &changed.tiers[tierIndex].alternatives[option])
                }
            }
        }
        return changed
    }
}

extension ParamOverride {
    /// The line every report's header carries when params are set from the command line; nil
    /// when none are: `Overrides (--set): price = 15; medium.nodes = 8`.
    public static func header(_ overrides: [ParamOverride]) -> String? {
        overrides.isEmpty ? nil : "Overrides (--set): " + overrides.map(\.description).joined(separator: "; ")
    }

    /// The `overrides` member of every JSON output: `[{name, tier, value, low, mode, high}]`.
    static func json(_ overrides: [ParamOverride]) -> JSONOutput {
        .array(
            overrides.map { override in
                .object([
                    ("name", .string(override.name)), ("tier", .string(override.tier)),
                    ("value", .number(override.value.expected)), ("low", .number(override.value.low)),
                    ("mode", .number(override.value.mode)), ("high", .number(override.value.high)),
                ])
            })
    }

    /// The JSON Schema of `json(_:)`, for every output schema.
    static let jsonSchema = #"""
        { "type": "array", "description": "Params set from the command line for this run (--set), in order; empty when none.", "items": { "type": "object", "required": ["name", "tier", "value", "low", "mode", "high"], "additionalProperties": false, "properties": { "name": { "type": "string", "description": "The param." }, "tier": { "type": ["string", "null"], "description": "The tier whose own param was set (TIER.NAME); null for the global value and every tier's." }, "value": { "type": "number", "description": "The value a deterministic run uses." }, "low": { "type": "number" }, "mode": { "type": ["number", "null"] }, "high": { "type": "number" } } } }
        """#
}
