/// The roadmap as one self-contained HTML page: inline CSS and SVG charts, no scripts, nothing
/// fetched from the network, readable printed to PDF. Everything from the profile is escaped.
public enum RoadmapHTML {
    /// The printed page's margins in millimetres (top and bottom, left and right): narrow enough
    /// that a table keeps its columns on A4 and Letter, wide enough for any printer.
    static let printMargins = (vertical: 14, horizontal: 12)

    static let style = """
        :root { color-scheme: light; }
        body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 900px; padding: 32px 24px; }
        h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #d8dee4; padding-bottom: 4px; }
        p.lead { color: #57606a; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
        th, td { border-bottom: 1px solid #e5e8eb; padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; } td.n, th.n { text-align: right; white-space: nowrap; }
        .headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0; }
        .fact { background: #f6f8fa; border-radius: 8px; padding: 12px; } .fact .v { font-size: 20px; font-weight: 600; } .fact .k { color: #57606a; font-size: 13px; }
        svg.chart { width: 100%; height: auto; display: block; margin: 8px 0 16px; }
        svg .title { font-size: 14px; font-weight: 600; fill: #1b1f24; } svg .axis { font-size: 11px; fill: #57606a; }
        svg .grid { stroke: #e5e8eb; stroke-width: 1; } svg .axisline { stroke: #8c959f; stroke-width: 1; }
        svg .series { fill: none; stroke: #0969da; stroke-width: 2.5; } svg .band { fill: #0969da; fill-opacity: 0.15; stroke: none; }
        svg .tier { fill: #0969da; fill-opacity: 0.8; } svg .migration { fill: #bf8700; fill-opacity: 0.6; }
        svg .warning { fill: #bf8700; } svg .critical { fill: #cf222e; }
        .sev-critical { color: #cf222e; font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; }
        td.bar { color: #0969da; white-space: nowrap; letter-spacing: -1px; } .nb { white-space: nowrap; }
        .legend { color: #57606a; font-size: 13px; } footer { color: #57606a; font-size: 12px; margin-top: 40px; }
        @page { margin: \(printMargins.vertical)mm \(printMargins.horizontal)mm; }
        @media print { body { padding: 0; max-width: none; print-color-adjust: exact; -webkit-print-color-adjust: exact; } h2 { break-after: avoid; } svg.chart, .fact, li { break-inside: avoid; } }
        """

    public static func render(_ roadmap: Roadmap) -> String {
        let text = RoadmapText(roadmap: roadmap)
        let e = HTMLText.text
        let profile = roadmap.profile
        let labels = roadmap.months.map { text.month($0.month) }
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html +=
            "<title>\(HTMLText.escape(profile.name)) — scaling roadmap</title>\n<style>\n\(style)\n\(roadmap.growthFit != nil ? FitChart.style + "\n" : "")</style>\n</head>\n<body>\n"
        html += "<h1>\(e(profile.name)): scaling roadmap</h1>\n"
        html += "<p class=\"lead\">\(e(text.lead))</p>\n"
        if let description = profile.description { html += "<p>\(e(description))</p>\n" }

        html += "<h2>Headline</h2>\n<div class=\"headline\">\n"
        for (label, value) in text.headline {
            html += "<div class=\"fact\"><div class=\"v\">\(e(value))</div><div class=\"k\">\(e(label))</div></div>\n"
        }
        html += "</div>\n"

        html +=
            "<h2>Tiers</h2>\n<table>\n<thead><tr><th>Tier</th><th>\(e(profile.driver.label))</th><th>Planned</th><th>Projected entry</th><th class=\"n\">Monthly cost at entry</th></tr></thead>\n"
        for row in roadmap.tiers {
            html +=
                "<tr><td>\(e(row.tier.name))</td><td>\(e(text.range(row.tier)))</td><td>\(e(text.planned(row.tier.timeline)))</td>"
                + "<td>\(e(text.month(row.entry)))</td><td class=\"n\">\(e(text.moneyRange(row.cost.low, row.cost.high)))</td></tr>\n"
        }
        html += "</table>\n"

        html += "<h2>Growth and cost</h2>\n"
        html +=
            SVGChart.line(roadmap.driverSeries, labels: labels, id: "chart-driver", money: false, currency: profile.currency)
            + "\n"
        html +=
            SVGChart.line(roadmap.costSeries, labels: labels, id: "chart-cost", money: true, currency: profile.currency) + "\n"
        if let monteCarlo = roadmap.monteCarlo {
            html +=
                "<p class=\"legend\">Line: the deterministic projection. Shaded: the 10th–90th percentile band of \(NumberFormatting.grouped(Double(monteCarlo.trials))) trials.</p>\n"
        }

        if let fit = roadmap.growthFit {
            html += "<h2>Fitted growth</h2>\n<p>\(e(GrowthFitReport.fitSummary(fit)))</p>\n"
            html += GrowthFitReport.chart(fit).svg(id: "chart-growth-fit")
        }

        html += "<h2>Milestones</h2>\n" + SVGChart.timeline(roadmap, text: text) + "\n"
        html +=
            "<p class=\"legend\">Blue: projected months in each tier. Amber: the migration lead time before it. Dots: the first month a warning (amber) or critical (red) trigger fires.</p>\n"

        if !text.moves.isEmpty {
            html += "<h2>When to start each move</h2>\n<ul>\n"
            for move in text.moves { html += "<li><strong>\(e(move.advice))</strong> \(e(move.facts)).</li>\n" }
            html += "</ul>\n"
        }
        html +=
            "<h2>Trigger calendar</h2>\n<table>\n<thead><tr><th>Month</th><th>Severity</th><th>What happens</th><th>Action</th></tr></thead>\n"
        if roadmap.calendar.isEmpty { html += "<tr><td colspan=\"4\">No trigger fires within the horizon.</td></tr>\n" }
        for event in roadmap.calendar {
            html +=
                "<tr><td>\(e(text.month(event.month)))</td><td class=\"sev-\(event.severity.rawValue)\">\(event.severity.rawValue)</td>"
                + "<td>\(e(event.message))</td><td>\(e(event.action ?? ""))</td></tr>\n"
        }
        html += "</table>\n"

        html +=
            "<h2>Unit economics</h2>\n<table>\n<thead><tr><th>Month</th><th class=\"n\">\(e(profile.driver.label))</th><th class=\"n\">Monthly cost</th><th class=\"n\">Per \(e(profile.driver.unit))</th>"
        html += roadmap.hasRevenue ? "<th class=\"n\">Revenue</th><th class=\"n\">Margin</th></tr></thead>\n" : "</tr></thead>\n"
        for row in text.unitEconomics {
            html += "<tr><td>\(e(row[0]))</td>" + row.dropFirst().map { "<td class=\"n\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"

        html += "<h2>Team and hiring</h2>\n"
        let teams = profile.tiers.filter { $0.team != nil }
        if teams.isEmpty && roadmap.hires.isEmpty { html += "<p>The plan does not model the team.</p>\n" }
        if !teams.isEmpty {
            html +=
                "<table>\n<thead><tr><th>Tier</th><th class=\"n\">Headcount</th><th class=\"n\">Monthly burn</th></tr></thead>\n"
            for tier in teams {
                let team = text.team(tier)
                html +=
                    "<tr><td>\(e(tier.name))</td><td class=\"n\">\(e(team.headcount))</td><td class=\"n\">\(e(team.burn))</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !roadmap.hires.isEmpty {
            html +=
                "<table>\n<thead><tr><th>Hire</th><th class=\"n\">Due at</th><th>Projected month</th><th class=\"n\">Monthly salary</th></tr></thead>\n"
            for row in roadmap.hires {
                let hire = text.hire(row)
                html +=
                    "<tr><td>\(e(hire.role))</td><td class=\"n\">\(e(text.driver(row.hire.at))) \(e(profile.driver.name))</td><td>\(e(text.month(row.month)))</td><td class=\"n\">\(e(hire.salary))</td></tr>\n"
            }
            html += "</table>\n"
        }

        let drivers = text.drivers
        if !drivers.isEmpty {
            let shares = drivers.contains { $0.share != nil }
            html += "<h2>What drives the plan</h2>\n<p>\(e(text.driversIntro))</p>\n<table>\n"
            html +=
                "<thead><tr><th>Assumption</th><th>Range</th><th class=\"n\">Spend at low → high</th><th class=\"n\">Swing</th><th></th>"
                + (shares ? "<th class=\"n\">Share of variance</th>" : "") + "</tr></thead>\n"
            for row in drivers {
                html +=
                    "<tr><td>\(e(row.assumption))</td><td>\(e(row.range))</td><td class=\"n\">\(e(row.lowToHigh))</td><td class=\"n\">\(e(row.swing))</td><td class=\"bar\">\(row.bar)</td>"
                    + (shares ? "<td class=\"n\">\(e(row.share ?? "–"))</td>" : "") + "</tr>\n"
            }
            html += "</table>\n"
        }

        if let options = roadmap.options {
            html += "<h2>Options considered</h2>\n<p>\(e(roadmap.optionsIntro))</p>\n"
            html += "<p><strong>\(e(OptimizeReport.summary(options)))</strong></p>\n"
            if let gaps = OptimizeReport.gapText(options) { html += "<p>\(e(gaps))</p>\n" }
            html += "<ul>\n" + OptimizeReport.advice(options).map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            html += OptimizeReport.htmlTables(options, escape: e)
        }

        html += "<h2>Risks</h2>\n"
        if let advice = roadmap.drivers?.advice { html += "<p>What to measure first: <strong>\(e(advice))</strong></p>\n" }
        if !roadmap.bottlenecks.isEmpty {
            html +=
                "<table>\n<thead><tr><th>Bottleneck</th><th>Tier</th><th class=\"n\">Peak utilisation</th><th>At</th><th>First above 80%</th></tr></thead>\n"
            for item in roadmap.bottlenecks {
                html +=
                    "<tr><td>\(e(item.limit))</td><td>\(e(item.tier))</td><td class=\"n\">\(NumberFormatting.percent(item.peak))</td><td>\(e(text.month(item.month)))</td><td>\(e(item.firstOver80.map { text.month($0) } ?? "–"))</td></tr>\n"
            }
            html += "</table>\n"
        }
        if roadmap.gaps.isEmpty {
            html += "<p>Plan gaps: none — every month has a tier whose limits carry the load.</p>\n"
        } else {
            html += "<p>Plan gaps:</p>\n<ul>\n"
            for gap in roadmap.gaps { html += "<li><strong>\(e(text.month(gap.month)))</strong> \(e(gap.message))</li>\n" }
            html += "</ul>\n"
        }
        let early = roadmap.earlyTriggers
        if !early.isEmpty {
            html += "<p>\(text.earlyTriggersHeading)</p>\n<ul>\n"
            for trigger in early {
                let line = text.early(trigger)
                html += "<li>\(e(line.summary)) — \(e(line.action))</li>\n"
            }
            html += "</ul>\n"
        }

        html +=
            "<h2>Assumptions</h2>\n<table>\n<thead><tr><th>Of</th><th>Assumption</th><th>Value</th><th>Why</th></tr></thead>\n"
        for assumption in roadmap.assumptions {
            html += "<tr>" + text.assumption(assumption).map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"
        if !profile.notes.isEmpty {
            html += "<p>Where the source contradicts itself, the choices made:</p>\n<ul>\n"
            for note in profile.notes { html += "<li>\(e(note))</li>\n" }
            html += "</ul>\n"
        }
        html += "<h2>Method</h2>\n<p>\(e(text.method))</p>\n"
        if let monteCarlo = roadmap.monteCarlo {
            html += "<p>Bands: \(NumberFormatting.grouped(Double(monteCarlo.trials))) trials, seed \(monteCarlo.seed).</p>\n"
        }
        html +=
            "<footer>Generated by \(e(roadmap.provenance?.summary ?? "scaleplan")) from the profile “\(e(profile.id))”.</footer>\n</body>\n</html>\n"
        return html
    }
}
