import ScalePlanKit

/// `scaleplan list`: the bundled profiles.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list",
        abstract: "List the bundled profiles.",
        discussion:
            "Shows each bundled profile's id, name, growth driver, number of tiers and driver range. Use an id wherever a command takes <profile>.",
        options: [
            .format(["table", "json"])
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let ids = context.library.ids
        guard !ids.isEmpty else {
            throw .noInput(
                path: context.library.directory ?? "profiles",
                reason: "no bundled profiles found; set \(ProfileLibrary.environmentKey) to the folder holding them")
        }
        var profiles: [Profile] = []
        for id in ids {
            guard let path = context.library.path(of: id) else { continue }
            profiles.append(try context.loadProfile(path, for: spec).profile)
        }
        if arguments.value("format", in: spec) == "json" {
            let entries = profiles.map { profile -> JSONOutput in
                .object([
                    ("id", .string(profile.id)), ("name", .string(profile.name)),
                    ("driver", .string(profile.driver.name)), ("tiers", .number(Double(profile.tiers.count))),
                    (
                        "range",
                        .object([
                            ("min", .number(profile.tiers.first?.range.min ?? 0)),
                            ("max", .number(profile.tiers.last?.range.max)),
                        ])
                    ),
                ])
            }
            context.stdout.write(JSONOutput.array(entries).rendered() + "\n")
            return .success
        }
        var rows: [[String]] = []
        for profile in profiles {
            rows.append([
                profile.id, Terminal.sanitize(profile.name), profile.driver.name, String(profile.tiers.count),
                describeSpan(profile.tiers),
            ])
        }
        context.stdout.write(
            TextTable.render(
                headers: ["ID", "NAME", "DRIVER", "TIERS", "RANGE"], rows: rows,
                rightAligned: [3]))
        return .success
    }

    /// `0 – 2M+` for plans whose last tier is open-ended, `0 – 50K` otherwise.
    static func describeSpan(_ tiers: [Tier]) -> String {
        let low = NumberFormatting.compact(tiers.first?.range.min ?? 0)
        guard let last = tiers.last else { return low }
        if let max = last.range.max { return "\(low) – \(NumberFormatting.compact(max))" }
        return "\(low) – \(NumberFormatting.compact(last.range.min))+"
    }
}
