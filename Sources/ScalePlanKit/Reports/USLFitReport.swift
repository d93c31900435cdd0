/// `fit usl` in every format: σ, κ, λ with their intervals, the peak, the limiting term, each
/// measured point against the fit, and the capacity limit to paste into a profile.
public enum USLFitReport: Report {
    public static let schema = "scaleplan.fit.usl/1"

    /// What `--emit-limit NAME --units PARAM` asks for, nil without it.
    public struct LimitRequest: Sendable {
        public var name: String
        public var units: String

        public init(name: String, units: String) {
            self.name = name
            self.units = units
        }

        /// Why `name` cannot name a limit or a param, nil when it can.
        public static func problem(with name: String) -> String? {
            NamePattern.identifier.matches(name) ? nil : NamePattern.identifier.description
        }
    }

    public struct Subject: Sendable {
        public var fit: USLFit.Result
        public var limit: LimitRequest?

        public init(_ fit: USLFit.Result, limit: LimitRequest?) {
            self.fit = fit
            self.limit = limit
        }
    }

    public static func render(_ subject: Subject, format: FitFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(subject, width: layout.width)
        case .json: json(subject).rendered() + "\n"
        case .markdown: MarkdownDocument.tidy(markdown(subject))
        case .html: html(subject)
        }
    }

    static let number = GrowthFitReport.number

    /// `0.02773 (0.02411–0.03135)`, or `64.9 (fixed: the measured X(1))`.
    static func parameter(_ parameter: USLFit.Parameter) -> String {
        guard let low = parameter.low, let high = parameter.high else {
            return "\(number(parameter.estimate)) (fixed: the measured X(1))"
        }
        return "\(number(parameter.estimate)) (\(number(low))–\(number(high)))"
    }

    /// The findings, one sentence each.
    static func findings(_ fit: USLFit.Result) -> [String] {
        let peak = fit.peakConcurrency
        let measured = fit.data.concurrency.max() ?? 0
        var lines = [
            "σ (contention) \(parameter(fit.sigma)), κ (coherency) \(parameter(fit.kappa)), λ (throughput of one) \(parameter(fit.lambda)); 80% intervals.",
            "Throughput peaks at N* = √((1 − σ)/κ) = \(number(peak)) with X(N*) = \(number(fit.peakThroughput)) per second"
                + (peak > measured
                    ? ", beyond the largest concurrency measured (\(NumberFormatting.plain(measured))): an extrapolation."
                    : "; past it, adding concurrency lowers throughput."),
            fit.limit == .contention
                ? "Contention-limited: at the peak, queueing for shared resources (σ) costs more than keeping data coherent (κN* < σ)."
                : "Coherency-limited: at the peak, keeping shared data consistent (κN*) costs more than contention (σ).",
        ]
        let r2 = NumberFormatting.fixed(fit.rSquared, decimals: 3)
        switch fit.quality {
        case .good: lines.append("The law fits well: R² \(r2), RMSE \(number(fit.rmse)).")
        case .fair: lines.append("The law fits fairly: R² \(r2), RMSE \(number(fit.rmse)).")
        case .poor:
            lines.append(
                "The law fits poorly: R² \(r2), RMSE \(number(fit.rmse)) — the measurements do not follow the USL; check them before using these numbers."
            )
        }
        return lines
    }

    static func limitJSON(_ subject: Subject) -> JSONOutput? {
        guard let limit = subject.limit else { return nil }
        let fit = subject.fit
        return .object([
            (
                limit.name,
                .object([
                    ("limit", .string(fit.limitExpression(units: limit.units))),
                    ("label", .string("Throughput of \(limit.units) (USL fit)")),
                    (
                        "source",
                        .string(
                            "scaleplan fit usl \(fit.source) (\(fit.method.rawValue)): σ \(number(fit.sigma.estimate)), κ \(number(fit.kappa.estimate)), λ \(number(fit.lambda.estimate)); peak at \(number(fit.peakConcurrency)) \(limit.units)"
                        )
                    ),
                ])
            )
        ])
    }

    /// The limit as text to paste inside a tier's `capacity` object.
    static func limitText(_ subject: Subject) -> String? {
        guard let json = limitJSON(subject) else { return nil }
        let rendered = json.rendered()
        // Without the outer braces, so it pastes as a member of `capacity`.
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
        return lines.map { String($0.dropFirst(2)) }.joined(separator: "\n")
    }

    /// Each measurement against the fit, by concurrency; the numbers in the measurements' own
    /// decimals, latency in its own.
    static func rows(_ fit: USLFit.Result) -> [[String]] {
        let data = fit.data
        let numbers = GrowthFitReport.dataColumns(data.throughput, [fit.fitted, fit.residuals])
        let latency = data.latency.map { latency in
            GrowthFitReport.dataColumns(latency, [data.concurrency.indices.map { data.concurrency[$0] / fit.fitted[$0] }])
        }
        return data.concurrency.indices.sorted { data.concurrency[$0] < data.concurrency[$1] }.map { index in
            [NumberFormatting.plain(data.concurrency[index]), numbers[0][index], numbers[1][index], numbers[2][index]]
                + (latency.map { [$0[0][index], $0[1][index]] } ?? [])
        }
    }

    static func table(_ subject: Subject, width: Int) -> String {
        let fit = subject.fit
        var out =
            TextWrap.wrap(
                "Load test: \(TextSafety.terminal(fit.source)) · \(fit.data.count) measurements · \(fit.method.rawValue): \(fit.method.summary)",
                width: width, indent: 0) + "\n\n"
        for line in findings(fit) { out += TextWrap.wrap(line, width: width, indent: 2) + "\n" }
        out += "\n"
        var columns = [
            TableColumn("N", .right), TableColumn("MEASURED", .right), TableColumn("FITTED", .right),
            TableColumn("RESIDUAL", .right),
        ]
        if fit.data.latency != nil {
            columns += [TableColumn("LATENCY", .right, dropRank: 2), TableColumn("N ÷ X (s)", .right, dropRank: 1)]
        }
        out += TextTable.render(columns, rows: rows(fit), width: width)
        if fit.data.latency != nil {
            out +=
                TextWrap.wrap(
                    "N ÷ X is the response time Little's law gives the fit, in seconds when throughput is per second: beside the measured latency it shows whether the test's concurrency was all in flight.",
                    width: width, indent: 0) + "\n"
        }
        if let text = limitText(subject) { out += "\nCapacity limit for a tier (paste into \"capacity\"):\n\(text)\n" }
        return out
    }

    static func json(_ subject: Subject) -> JSONOutput {
        let fit = subject.fit
        func parameter(_ p: USLFit.Parameter) -> JSONOutput {
            .object([("estimate", .number(p.estimate)), ("low", .number(p.low)), ("high", .number(p.high))])
        }
        let points = fit.data.concurrency.indices.map { index -> JSONOutput in
            .object([
                ("concurrency", .number(fit.data.concurrency[index])), ("throughput", .number(fit.data.throughput[index])),
                ("latency", .number(fit.data.latency?[index])), ("fitted", .number(fit.fitted[index])),
                ("residual", .number(fit.residuals[index])),
            ])
        }
        return .object([
            ("schema", .string(schema)), ("source", .string(fit.source)),
            ("method", .string(fit.method.rawValue)), ("confidence", .number(GrowthFit.confidence)),
            ("sigma", parameter(fit.sigma)), ("kappa", parameter(fit.kappa)), ("lambda", parameter(fit.lambda)),
            ("peak_concurrency", .number(fit.peakConcurrency)), ("peak_throughput", .number(fit.peakThroughput)),
            ("limited_by", .string(fit.limit.rawValue)), ("rmse", .number(fit.rmse)), ("r_squared", .number(fit.rSquared)),
            ("quality", .string(fit.quality.rawValue)), ("iterations", .number(Double(fit.iterations))),
            ("points", .array(points)), ("limit", limitJSON(subject) ?? .null),
        ])
    }

    static func chart(_ fit: USLFit.Result) -> FitChart {
        let largest = Swift.max(
            fit.data.concurrency.max() ?? 1, Swift.min(fit.peakConcurrency * 1.25, 4 * (fit.data.concurrency.max() ?? 1)))
        let grid = (0...200).map { 1 + (largest - 1) * Double($0) / 200 }
        let band = fit.band(at: 1).map { _ in
            FitChart.Band(
                name: "80% confidence band of the fit",
                points: grid.compactMap { n in fit.band(at: n).map { (n, $0.low, $0.high) } })
        }
        return FitChart(
            title: "Throughput by concurrency", xTitle: "concurrency N",
            data: zip(fit.data.concurrency, fit.data.throughput).map { ($0, $1) }, dataName: "the measurements",
            curves: [FitChart.Curve(name: "the USL fit", points: grid.map { ($0, fit.throughput(at: $0)) }, emphasised: true)],
            band: band,
            marker: fit.peakConcurrency <= largest ? (fit.peakConcurrency, "peak N* \(number(fit.peakConcurrency))") : nil,
            xLabel: { NumberFormatting.plain($0) })
    }

    static func mermaid(_ fit: USLFit.Result) -> String {
        let order = fit.data.concurrency.indices.sorted { fit.data.concurrency[$0] < fit.data.concurrency[$1] }
        let top = SVGChart.niceStep((fit.data.throughput + fit.fitted).max() ?? 1)
        func values(_ list: [Double]) -> String {
            order.map { NumberFormatting.significant(list[$0], digits: 6) }.joined(separator: ", ")
        }
        var out =
            "```mermaid\n\(FitChart.mermaidInit([FitChart.grey, FitChart.blue]))\nxychart-beta\n    title \"Throughput by concurrency\"\n"
        out +=
            "    x-axis \"concurrency N\" [\(order.map { "\"\(NumberFormatting.plain(fit.data.concurrency[$0]))\"" }.joined(separator: ", "))]\n"
        out += "    y-axis \"throughput\" 0 --> \(NumberFormatting.plain(top))\n"
        out += "    bar [\(values(fit.data.throughput))]\n    line [\(values(fit.fitted))]\n```\n\n"
        return out + "Bars (grey): the measurements. Line (blue): the USL fit at each measured concurrency.\n"
    }

    static func markdown(_ subject: Subject) -> String {
        let fit = subject.fit
        let md = TextSafety.markdown
        var out =
            "# USL fit: \(md(fit.source))\n\n\(fit.data.count) measurements; method \(fit.method.rawValue): \(fit.method.summary).\n\n"
        for line in findings(fit) { out += "- \(md(line))\n" }
        out += "\n" + mermaid(fit)
        var header = "| N | Measured | Fitted | Residual |", rule = "|---:|---:|---:|---:|"
        if fit.data.latency != nil {
            header += " Latency | N ÷ X (s) |"
            rule += "---:|---:|"
        }
        out += "\n\(header)\n\(rule)\n"
        for row in rows(fit) { out += "| " + row.joined(separator: " | ") + " |\n" }
        if let text = limitText(subject) { out += "\n## Capacity limit for a tier\n\n```json\n\(text)\n```\n" }
        return out
    }

    static func html(_ subject: Subject) -> String {
        let fit = subject.fit
        let e = HTMLText.text
        var body = "<h1>USL fit: \(e(fit.source))</h1>\n"
        body +=
            "<p class=\"lead\">\(fit.data.count) measurements; method \(e(fit.method.rawValue)): \(e(fit.method.summary)).</p>\n<ul>\n"
        for line in findings(fit) { body += "<li>\(e(line))</li>\n" }
        body += "</ul>\n" + chart(fit).svg(id: "chart-usl")
        var header =
            "<thead><tr><th class=\"n\">N</th><th class=\"n\">Measured</th><th class=\"n\">Fitted</th><th class=\"n\">Residual</th>"
        if fit.data.latency != nil { header += "<th class=\"n\">Latency</th><th class=\"n\">N ÷ X (s)</th>" }
        body += "<h2>Measurements</h2>\n<table>\n\(header)</tr></thead>\n"
        for row in rows(fit) { body += "<tr>" + row.map { "<td class=\"n\">\(e($0))</td>" }.joined() + "</tr>\n" }
        body += "</table>\n"
        if let text = limitText(subject) {
            body += "<h2>Capacity limit for a tier</h2>\n<pre>\(HTMLText.preformatted(text))</pre>\n"
        }
        body += "<footer>Generated by scaleplan fit usl.</footer>\n"
        return FitChart.page(title: "USL fit: \(fit.source)", body: body)
    }
}
