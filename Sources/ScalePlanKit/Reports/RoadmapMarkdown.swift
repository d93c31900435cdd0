/// The roadmap as GitHub-flavoured markdown: plain tables and Mermaid `xychart-beta` and `gantt`
/// blocks, which GitHub renders. Everything from the profile is escaped.
public enum RoadmapMarkdown {
    public static func render(_ roadmap: Roadmap) -> String {
        let text = RoadmapText(roadmap: roadmap)
        let md = TextSafety.markdown
        let profile = roadmap.profile
        var out = "# \(md(profile.name)): scaling roadmap\n\n"
        if let description = profile.description { out += md(description) + "\n\n" }
        out += md(text.lead) + "\n\n"

        out += "## Headline\n\n| | |\n|---|---:|\n"
        for (label, value) in text.headline { out += "| \(md(label)) | \(md(value)) |\n" }

        out +=
            "\n## Tiers\n\n| Tier | \(md(profile.driver.label)) | Planned | Projected entry | Monthly cost at entry |\n|---|---|---|---|---:|\n"
        for row in roadmap.tiers {
            out +=
                "| \(md(row.tier.name)) | \(text.range(row.tier)) | \(md(text.planned(row.tier.timeline))) | "
                + "\(text.month(row.entry)) | \(text.moneyRange(row.cost.low, row.cost.high)) |\n"
        }

        out += "\n## Growth and cost\n\n"
        out += chart(roadmap, roadmap.driverSeries, text: text) + "\n" + chart(roadmap, roadmap.costSeries, text: text)

        if let fit = roadmap.growthFit {
            out += "\n## Fitted growth\n\n\(md(GrowthFitReport.fitSummary(fit)))\n\n" + GrowthFitReport.mermaid(fit)
        }

        out += "\n## Milestones\n\n" + gantt(roadmap, text: text)
        if !text.moves.isEmpty {
            out += "\n## When to start each move\n\n"
            for move in text.moves { out += "- **\(md(move.advice))** \(md(move.facts)).\n" }
        }

        out += "\n## Trigger calendar\n\n| Month | Severity | What happens | Action |\n|---|---|---|---|\n"
        let calendar = roadmap.calendar
        if calendar.isEmpty { out += "| – | – | No trigger fires within the horizon. | – |\n" }
        for event in calendar {
            out +=
                "| \(text.month(event.month)) | \(event.severity.rawValue) | \(md(event.message)) | \(md(event.action ?? "")) |\n"
        }
        let leads = roadmap.tiers.compactMap { row -> String? in
            guard let lead = row.tier.migration?.leadTimeMonths else { return nil }
            return "\(md(row.tier.name)): \(NumberFormatting.proseRange(lead.low, lead.high)) months"
        }
        if !leads.isEmpty { out += "\nMigration lead times: " + leads.joined(separator: "; ") + ".\n" }

        out += "\n## Unit economics\n\n| Month | \(md(profile.driver.label)) | Monthly cost | Per \(md(profile.driver.unit))"
        out += roadmap.hasRevenue ? " | Revenue | Margin |\n|---|---:|---:|---:|---:|---:|\n" : " |\n|---|---:|---:|---:|\n"
        for row in text.unitEconomics { out += "| " + row.joined(separator: " | ") + " |\n" }

        out += "\n## Team and hiring\n\n"
        let teams = profile.tiers.filter { $0.team != nil }
        if teams.isEmpty && roadmap.hires.isEmpty { out += "The plan does not model the team.\n" }
        if !teams.isEmpty {
            out += "| Tier | Headcount | Monthly burn |\n|---|---:|---:|\n"
            for tier in teams {
                let team = text.team(tier)
                out += "| \(md(tier.name)) | \(team.headcount) | \(team.burn) |\n"
            }
        }
        if !roadmap.hires.isEmpty {
            out += "\n| Hire | Due at | Projected month | Monthly salary |\n|---|---:|---|---:|\n"
            for row in roadmap.hires {
                let hire = text.hire(row)
                out +=
                    "| \(md(hire.role)) | \(text.driver(row.hire.at)) \(md(profile.driver.name)) | \(text.month(row.month)) | \(hire.salary) |\n"
            }
        }

        let drivers = text.drivers
        if !drivers.isEmpty {
            let shares = drivers.contains { $0.share != nil }
            out += "\n## What drives the plan\n\n\(md(text.driversIntro))\n\n"
            out += "| Assumption | Range | Spend at low → high | Swing | |" + (shares ? " Share of variance |" : "") + "\n"
            out += "|---|---|---:|---:|---|" + (shares ? "---:|" : "") + "\n"
            for row in drivers {
                out +=
                    "| \(md(row.assumption)) | \(md(row.range)) | \(md(row.lowToHigh)) | \(md(row.swing)) | \(row.bar) |"
                    + (shares ? " \(row.share ?? "–") |" : "") + "\n"
            }
        }

        if let options = roadmap.options {
            out += "\n## Options considered\n\n\(md(roadmap.optionsIntro))\n\n**\(md(OptimizeReport.summary(options)))**\n\n"
            if let gaps = OptimizeReport.gapText(options) { out += md(gaps) + "\n\n" }
            for line in OptimizeReport.advice(options) { out += "- \(md(line))\n" }
            out += "\n" + OptimizeReport.pathTables(options)
        }

        out += "\n## Risks\n\n"
        if let advice = roadmap.drivers?.advice { out += "What to measure first: **\(md(advice))**\n\n" }
        let bottlenecks = roadmap.bottlenecks
        if !bottlenecks.isEmpty {
            out +=
                "Bottlenecks (highest utilisation of each limit over the horizon):\n\n| Limit | Tier | Peak | At | First above 80% |\n|---|---|---:|---|---|\n"
            for item in bottlenecks {
                out +=
                    "| \(md(item.limit)) | \(md(item.tier)) | \(NumberFormatting.percent(item.peak)) | \(text.month(item.month)) | \(item.firstOver80.map { text.month($0) } ?? "–") |\n"
            }
        }
        let gaps = roadmap.gaps
        out += "\nPlan gaps: " + (gaps.isEmpty ? "none — every month has a tier whose limits carry the load.\n" : "\n\n")
        for gap in gaps { out += "- **\(text.month(gap.month))** \(md(gap.message))\n" }
        let early = roadmap.earlyTriggers
        if !early.isEmpty {
            out += "\n\(text.earlyTriggersHeading)\n\n"
            for trigger in early {
                let line = text.early(trigger)
                out += "- \(md(line.summary)) — \(md(line.action))\n"
            }
        }

        out += "\n## Assumptions\n\n| Of | Assumption | Value | Why |\n|---|---|---|---|\n"
        for assumption in roadmap.assumptions {
            out += "| " + text.assumption(assumption).map(md).joined(separator: " | ") + " |\n"
        }
        if !profile.notes.isEmpty {
            out += "\nWhere the source contradicts itself, the choices made:\n\n"
            for note in profile.notes { out += "- \(md(note))\n" }
        }
        out += "\n## Method\n\n\(text.method)\n"
        if let monteCarlo = roadmap.monteCarlo {
            out += "\nBands: \(NumberFormatting.grouped(Double(monteCarlo.trials))) trials, seed \(monteCarlo.seed).\n"
        }
        out +=
            "\nGenerated by " + (roadmap.provenance.map { md($0.summary) } ?? "scaleplan")
            + " from the profile `\(md(profile.id))`.\n"
        return MarkdownDocument.tidy(out)
    }

    /// The months a chart labels: at most `Self.maximumLabels`, evenly spaced from month 0, so
    /// the x axis stays readable (48–60 monthly labels run into each other), and always the last
    /// month, so the chart ends where the headline's figures are (after a shorter last step
    /// when the horizon is not a multiple of the spacing).
    static func shownMonths(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var months = Array(stride(from: 0, to: count, by: labelSpacing(count)))
        if months.last != count - 1 {
            if months.count == maximumLabels { months.removeLast() }
            months.append(count - 1)
        }
        return months
    }

    /// Months between labels for a chart of `count` months: the fewest that keep the labels
    /// within `maximumLabels`.
    static func labelSpacing(_ count: Int) -> Int {
        Swift.max(1, (count - 1 + maximumLabels - 2) / (maximumLabels - 1))
    }

    static let maximumLabels = 12

    /// An `xychart-beta` line chart (three lines when a band is known), at most 12 months shown,
    /// its colours set to read on light and dark pages, and a caption naming each line (the
    /// chart type has no legend).
    static func chart(_ roadmap: Roadmap, _ series: Roadmap.Series, text: RoadmapText) -> String {
        let shown = shownMonths(series.values.count)
        let labels = shown.map { "\"\(text.month($0))\"" }.joined(separator: ", ")
        func pick(_ values: [Double]) -> [Double] { shown.map { values[$0] } }
        let all = [series.values, series.low, series.high].compactMap { $0 }.flatMap(pick)
        let top = SVGChart.niceStep(all.filter(\.isFinite).max() ?? 1)
        func numbers(_ values: [Double]) -> String {
            pick(values).map { NumberFormatting.plain(($0.isFinite ? $0 : 0).rounded()) }.joined(separator: ", ")
        }
        // A band that never leaves the line (an input the trials do not vary) is not drawn; the
        // percentiles come from histograms of 0.1% resolution, so "leaves" means by more.
        func leaves(_ band: [Double]?) -> Bool {
            guard let band, band.count == series.values.count else { return false }
            return zip(band, series.values).contains { abs($0 - $1) > 1e-3 * Swift.max(abs($1), 1) }
        }
        let banded = leaves(series.low) || leaves(series.high)
        let palette = banded ? [FitChart.grey, FitChart.blue, FitChart.grey] : [FitChart.blue]
        var out = "```mermaid\n\(FitChart.mermaidInit(palette))\nxychart-beta\n"
        out += "    title \"\(MermaidText.label(series.name))\"\n    x-axis [\(labels)]\n"
        out += "    y-axis \"\(MermaidText.label(series.name))\" 0 --> \(NumberFormatting.plain(top))\n"
        if banded, let low = series.low { out += "    line [\(numbers(low))]\n" }
        out += "    line [\(numbers(series.values))]\n"
        if banded, let high = series.high { out += "    line [\(numbers(high))]\n" }
        out += "```\n\n"
        let every = labelSpacing(series.values.count)
        let uneven = shown.count > 1 && shown[shown.count - 1] - shown[shown.count - 2] != every
        let step = every == 1 ? "each month" : "every \(every) months" + (uneven ? " and the last month" : "")
        let name = TextSafety.markdown(series.name)
        out +=
            banded
            ? "\(name), \(step): the deterministic projection (blue) between the 10th and 90th percentiles of the trials (grey).\n"
            : "\(name), \(step): the deterministic projection.\n"
        return out
    }

    /// A `gantt` chart: the projected months in each tier, each migration's lead time before its
    /// tier, and the month each warning or critical trigger first fires.
    static func gantt(_ roadmap: Roadmap, text: RoadmapText) -> String {
        // No "today" line (a plan's months are not the reader's calendar); moves are routine, so
        // grey (`done` is the tag Mermaid draws grey); only plan gaps are drawn critical (red).
        var out = "```mermaid\ngantt\n    title \(MermaidText.label(roadmap.profile.name + " — projected tiers"))\n"
        out += text.ganttAxis(months: roadmap.months.count) + "    todayMarker off\n"
        out += "    section Tiers\n"
        var any = false
        for row in roadmap.tiers {
            guard let entry = row.entry, let exit = row.exit else { continue }
            any = true
            out += "    \(MermaidText.label(row.tier.name)) :t\(row.index), \(text.date(entry)), \(text.date(exit + 1))\n"
        }
        if !any { out += "    No tier reached :t0, \(text.date(0)), \(text.date(1))\n" }
        let migrations = roadmap.tiers.filter {
            $0.entry != nil && ($0.tier.migration?.leadTimeMonths?.high ?? 0) > 0 && $0.index > 0
        }
        if !migrations.isEmpty {
            out += "    section Migrations\n"
            for row in migrations {
                guard let entry = row.entry, let lead = row.tier.migration?.leadTimeMonths else { continue }
                let start = Swift.max(0, entry - Int(Swift.min(lead.high, 1200).rounded(.up)))
                out +=
                    "    \(MermaidText.label("Move to " + row.tier.name)) :done, \(text.date(start)), \(text.date(Swift.max(entry, start + 1)))\n"
            }
        }
        // Each kind of gap once per tier, at its first month.
        var seen: Set<String> = []
        let gaps = roadmap.gaps.filter { seen.insert("\($0.kind.rawValue)/\($0.tierID ?? "")").inserted }
        if !gaps.isEmpty {
            out += "    section Plan gaps\n"
            for event in gaps.prefix(10) {
                out +=
                    "    \(MermaidText.label(gapName(event))) :crit, \(text.date(event.month)), \(text.date(event.month + 1))\n"
            }
        }
        let triggers = roadmap.calendar.filter { $0.kind == .trigger && $0.severity != .info }
        if !triggers.isEmpty {
            out += "    section Triggers\n"
            for event in triggers.prefix(20) {
                out += "    \(MermaidText.label(event.triggerID ?? "trigger")) :milestone, \(text.date(event.month)), 0d\n"
            }
        }
        out += "```\n\n"
        return out
            + "Bars: the projected months in each tier (blue), each migration's lead time before it (grey)"
            + (gaps.isEmpty ? "" : ", the plan's gaps (red)")
            + (triggers.isEmpty ? "" : "; diamonds: the first month a warning or critical trigger fires") + ".\n"
    }

    /// A plan gap's bar: what is missing.
    static func gapName(_ event: PlanEvent) -> String {
        let tier = event.tierID.map { " (\($0))" } ?? ""
        switch event.kind {
        case .noTierCarries: return "No tier carries the load"
        case .tierOverCapacity: return "Over its limits" + tier
        case .sloMissed: return "Latency target missed" + tier
        case .invalidValue: return "Invalid value" + tier
        default: return event.kind.rawValue + tier
        }
    }
}
