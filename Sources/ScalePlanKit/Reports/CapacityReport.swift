/// `capacity` output in every format.
public enum CapacityReport: Report {
    public static let schema = "scaleplan.capacity/1"

    /// Each tier's answer, and the profile they are of.
    public typealias Subject = (results: [CapacitySearch.Result], compiled: CompiledProfile)

    public static func render(_ subject: Subject, format: ReportFormat, layout: TerminalLayout) -> String {
        let (results, compiled) = subject
        return switch format {
        case .table: table(results, compiled, width: layout.width)
        case .json: json(results, compiled).rendered() + "\n"
        case .csv: csv(results, compiled)
        case .markdown: markdown(results, compiled)
        }
    }

    struct Row {
        var tier: String
        var range: String
        var carries: String
        var binding: String
        var atMax: String
        var headroom: String
    }

    static func rows(_ results: [CapacitySearch.Result], _ compiled: CompiledProfile) -> [Row] {
        let text = ReportText(profile: compiled.profile)
        return results.map { result in
            let tier = compiled.tiers[result.tier].tier
            let range =
                tier.range.max.map { "\(NumberFormatting.compact(tier.range.min)) – \(NumberFormatting.compact($0))" }
                ?? "\(NumberFormatting.compact(tier.range.min))+"
            let carries: String
            if result.unbounded {
                carries = tier.capacity.isEmpty ? "no limits" : "unbounded"
            } else if let maximum = result.maximum {
                carries = NumberFormatting.grouped(maximum)
            } else {
                carries = "none (fails at its minimum)"
            }
            let binding = result.binding.map { "\($0.name) (\(text.percent($0.utilization)) at +1)" } ?? "–"
            let atMax = result.atDeclaredMaximum.map { "\($0.name) \(text.percent($0.utilization))" } ?? "–"
            let headroom = result.headroom.map { ($0 >= 0 ? "+" : "") + text.percent($0) } ?? "–"
            return Row(tier: tier.id, range: range, carries: carries, binding: binding, atMax: atMax, headroom: headroom)
        }
    }

    static func table(_ results: [CapacitySearch.Result], _ compiled: CompiledProfile, width: Int) -> String {
        let profile = compiled.profile
        let clean = { (text: String) in TextSafety.terminal(text) }
        var out =
            TextWrap.wrap(
                clean("\(profile.name) (\(profile.id)): how many \(profile.driver.name) each tier's limits carry"), width: width,
                indent: 2) + "\n"
        if let line = ParamOverride.header(compiled.overrides) {
            out += TextWrap.wrap(clean(line), width: width, indent: 2) + "\n"
        }
        out += "\n"
        let rows = rows(results, compiled).map { row in
            [clean(row.tier), row.range, row.carries, clean(row.binding), clean(row.atMax), row.headroom]
        }
        out += TextTable.render(
            [
                TableColumn("TIER", shrinksTo: 6), TableColumn("RANGE"), TableColumn("CARRIES UP TO", .right),
                TableColumn("BINDING LIMIT", shrinksTo: 12), TableColumn("AT DECLARED MAX", shrinksTo: 10, dropRank: 1),
                TableColumn("HEADROOM", .right),
            ], rows: rows, width: width)
        out +=
            "\n"
            + TextWrap.wrap(
                clean(
                    "CARRIES UP TO: the largest whole number of \(profile.driver.name) at which every limit "
                        + "holds, exact to one \(profile.driver.unit); the binding limit fails one above it. HEADROOM: how far that is "
                        + "above (+) or below (−) the tier's declared maximum."
                        + (profile.tiers.contains(where: \.rangeDerived)
                            ? " RANGE is derived from the limits (tier_selection capacity): the \(profile.driver.name) each tier is the lowest to carry."
                            : "")), width: width, indent: 0) + "\n"
        for result in results {
            if let note = result.nonMonotone {
                out +=
                    TextWrap.wrap(
                        clean(
                            "Note: \(compiled.tiers[result.tier].tier.id): the limits are not monotone in \(profile.driver.name): \(note); the answer is the first failure."
                        ), width: width, indent: 6) + "\n"
            }
        }
        return out
    }

    static func json(_ results: [CapacitySearch.Result], _ compiled: CompiledProfile) -> JSONOutput {
        func limit(_ use: LimitUse?) -> JSONOutput {
            use.map {
                .object([
                    ("name", .string($0.name)), ("value", .number($0.value)), ("limit", .number($0.limit)),
                    ("utilization", .number($0.utilization)),
                ])
            } ?? .null
        }
        return .object([
            ("schema", .string(schema)), ("overrides", ParamOverride.json(compiled.overrides)),
            ("profile", .string(compiled.profile.id)),
            ("driver", .string(compiled.profile.driver.name)),
            (
                "tiers",
                .array(
                    results.map { result in
                        let tier = compiled.tiers[result.tier].tier
                        return .object([
                            ("id", .string(tier.id)), ("min", .number(tier.range.min)), ("max", .number(tier.range.max)),
                            ("range_derived", .bool(tier.rangeDerived)), ("carries_up_to", .number(result.maximum)),
                            ("unbounded", .bool(result.unbounded)),
                            ("binding", limit(result.binding)), ("at_declared_max", limit(result.atDeclaredMaximum)),
                            ("headroom", .number(result.headroom)), ("non_monotone", .string(result.nonMonotone)),
                        ])
                    })
            ),
        ])
    }

    static func csv(_ results: [CapacitySearch.Result], _ compiled: CompiledProfile) -> String {
        var out =
            "tier,min,max,carries_up_to,unbounded,binding_limit,binding_utilization,at_max_limit,at_max_utilization,headroom\n"
        let number = { (value: Double?) -> String in value.map { $0.isFinite ? NumberFormatting.plain($0) : "" } ?? "" }
        for result in results {
            let tier = compiled.tiers[result.tier].tier
            out +=
                [
                    TextSafety.csvText(tier.id), number(tier.range.min), number(tier.range.max), number(result.maximum),
                    result.unbounded ? "true" : "false", TextSafety.csvText(result.binding?.name ?? ""),
                    number(result.binding?.utilization), TextSafety.csvText(result.atDeclaredMaximum?.name ?? ""),
                    number(result.atDeclaredMaximum?.utilization), number(result.headroom),
                ].joined(separator: ",") + "\n"
        }
        return out
    }

    static func markdown(_ results: [CapacitySearch.Result], _ compiled: CompiledProfile) -> String {
        let md = TextSafety.markdown
        var out = "# \(md(compiled.profile.name)): capacity per tier\n\n"
        if let line = ParamOverride.header(compiled.overrides) { out += md(line) + "\n\n" }
        out += "| Tier | Range | Carries up to | Binding limit | At declared max | Headroom |\n|---|---|---:|---|---|---:|\n"
        for row in rows(results, compiled) {
            out +=
                "| \(md(row.tier)) | \(row.range) | \(row.carries) | \(md(row.binding)) | \(md(row.atMax)) | \(row.headroom) |\n"
        }
        return out
    }
}
