/// `list`: the bundled profiles — id, name, driver, number of tiers and the driver range.
public enum ListReport: Report {
    public static let schema = "scaleplan.list/1"

    public static func render(_ profiles: [Profile], format: ShowFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(profiles, width: layout.width)
        case .json: json(profiles).rendered() + "\n"
        }
    }

    /// `0 – 2M+` for plans whose last tier is open-ended, `0 – 50K` otherwise.
    static func span(_ tiers: [Tier]) -> String {
        let low = NumberFormatting.compact(tiers.first?.range.min ?? 0)
        guard let last = tiers.last else { return low }
        if let max = last.range.max { return "\(low) – \(NumberFormatting.compact(max))" }
        return "\(low) – \(NumberFormatting.compact(last.range.min))+"
    }

    static func table(_ profiles: [Profile], width: Int) -> String {
        let clean = { (text: String) in TextSafety.terminal(text) }
        return TextTable.render(
            [
                TableColumn("ID", shrinksTo: 8), TableColumn("NAME", shrinksTo: 12), TableColumn("DRIVER", shrinksTo: 8),
                TableColumn("TIERS", .right), TableColumn("RANGE", dropRank: 1),
            ],
            rows: profiles.map { [clean($0.id), clean($0.name), clean($0.driver.name), String($0.tiers.count), span($0.tiers)] },
            width: width)
    }

    static func json(_ profiles: [Profile]) -> JSONOutput {
        .object([
            ("schema", .string(schema)),
            (
                "profiles",
                .array(
                    profiles.map { profile in
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
                    })
            ),
        ])
    }
}
