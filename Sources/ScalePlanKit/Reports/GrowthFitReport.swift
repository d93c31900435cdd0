/// `fit growth` in every format: each kind's fit, the best by AICc, the forecast with its band,
/// and the scenario to paste into a profile.
public enum GrowthFitReport: Report {
    public static let schema = "scaleplan.fit.growth/1"

    public static func render(_ result: GrowthFit.Result, format: FitFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: table(result, width: layout.width)
        case .json: json(result).rendered() + "\n"
        case .markdown: MarkdownDocument.tidy(markdown(result))
        case .html: html(result)
        }
    }

    /// A fitted number: 4 significant digits, grouped from 1,000 on (`0.1183`, `310.2`, `90.00`,
    /// `51,230`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return NumberFormatting.plain(value) }
        if Swift.abs(value) >= 1000 && Swift.abs(value) < NumberFormatting.scientificFrom {
            return NumberFormatting.grouped(Double(NumberFormatting.significant(value, digits: 4)) ?? value)
        }
        return NumberFormatting.significant(value, digits: 4, keepingZeros: true)
    }

    /// A column of values, the same decimals on every row (`NumberFormatting.columnDecimals`),
    /// grouped.
    static func column(_ values: [Double]) -> [String] {
        let decimals = NumberFormatting.columnDecimals(values)
        return values.map { NumberFormatting.grouped($0, decimals: decimals) }
    }

    /// A column of measurements and what is computed beside them: as many decimals as the
    /// most precise measurement has (at most 4), so the data read as given.
    static func dataColumns(_ data: [Double], _ others: [[Double]]) -> [[String]] {
        let decimals = Swift.min(
            4,
            data.map { value -> Int in
                let text = NumberFormatting.plain(value)
                return text.contains("e") ? 4 : text.split(separator: ".").dropFirst().first?.count ?? 0
            }.max() ?? 0)
        return ([data] + others).map { $0.map { NumberFormatting.grouped($0, decimals: decimals) } }
    }

    /// `24 months, 2025-01 – 2026-12`.
    static func span(_ history: GrowthHistory) -> String {
        "\(history.count) months, \(history.label(history.months[0])) – \(history.label(history.lastMonth))"
    }

    /// How the fit was made, for the top of every format.
    static var method: String {
        "Least squares by Levenberg–Marquardt (exponential, logistic and Gompertz on ln(value), linear on the value); "
            + "80% intervals from the Jacobian's covariance with Student's t; kinds compared by AICc."
    }

    /// `fits well (R² 0.998)`.
    static func quality(_ fit: GrowthFit.Fitted) -> String {
        let r2 = NumberFormatting.fixed(fit.rSquared, decimals: 3)
        switch fit.quality {
        case .good: return "fits well (R² \(r2))"
        case .fair: return "fits fairly (R² \(r2))"
        case .poor:
            return
                "fits poorly (R² \(r2)): the curve explains only \(NumberFormatting.percent(Swift.max(fit.rSquared, 0))) of the variation — read its numbers with care"
        }
    }

    /// The verdict: which kind, how sure, what it says.
    static func verdict(_ result: GrowthFit.Result) -> String {
        let best = result.best
        let others = result.kinds.compactMap(\.fitted).filter { $0.kind != best.kind }
        var text = "Best: \(best.kind.rawValue) (AICc weight \(NumberFormatting.percent(best.weight))), \(quality(best))."
        if let next = others.min(by: { $0.aicc < $1.aicc }) {
            text +=
                next.deltaAICc < 2
                ? " \(next.kind.rawValue) is nearly as good (ΔAICc \(NumberFormatting.fixed(next.deltaAICc, decimals: 1))): the history cannot yet tell them apart."
                : " Next: \(next.kind.rawValue), ΔAICc \(NumberFormatting.fixed(next.deltaAICc, decimals: 1))."
        }
        return text
    }

    /// One paragraph for the roadmap: what was fitted, what was chosen, how sure, and where the
    /// projection starts.
    public static func fitSummary(_ result: GrowthFit.Result) -> String {
        "The growth is fitted to \(result.source) (\(span(result.history))): \(verdict(result)) "
            + "Parameters (80% intervals): \(parameters(result.best)). The projection continues the curve from "
            + "\(result.history.label(result.history.lastMonth)), the history's last month."
    }

    /// `start 310.2 (295.1–326.0)`.
    static func parameters(_ fit: GrowthFit.Fitted) -> String {
        fit.parameters.map { "\($0.name) \(number($0.estimate)) (\(number($0.low))–\(number($0.high)))" }
            .joined(separator: ", ")
    }

    static func failures(_ result: GrowthFit.Result) -> [(kind: GrowthKind, reason: String)] {
        result.kinds.compactMap { kind in
            if case .failed(let reason) = kind.outcome { return (kind.kind, reason) }
            return nil
        }
    }

    static func table(_ result: GrowthFit.Result, width: Int) -> String {
        let source = TextSafety.terminal(result.source)
        var out = TextWrap.wrap("History: \(source) · \(span(result.history))", width: width, indent: 0) + "\n"
        out += TextWrap.wrap(method, width: width, indent: 0) + "\n\n"
        out += TextWrap.wrap(verdict(result), width: width, indent: 0) + "\n\n"
        let fitted = result.kinds.compactMap(\.fitted)
        let rows = fitted.map { fit -> [String] in
            [
                fit.kind.rawValue + (fit.kind == result.best.kind ? " *" : ""), number(fit.rmse),
                NumberFormatting.fixed(fit.rSquared, decimals: 3), NumberFormatting.fixed(fit.aicc, decimals: 1),
                NumberFormatting.fixed(fit.deltaAICc, decimals: 1), NumberFormatting.percent(fit.weight), fit.quality.rawValue,
            ]
        }
        out += TextTable.render(
            [
                TableColumn("KIND"), TableColumn("RMSE", .right), TableColumn("R²", .right),
                TableColumn("AICc", .right, dropRank: 2), TableColumn("ΔAICc", .right), TableColumn("WEIGHT", .right),
                TableColumn("FIT", dropRank: 1),
            ], rows: rows, width: width)
        for failure in failures(result) {
            out += TextWrap.wrap("\(failure.kind.rawValue): not fitted — \(failure.reason).", width: width, indent: 0) + "\n"
        }
        out += "\nParameters (80% intervals):\n"
        var parameterRows: [[String]] = []
        for fit in fitted {
            for (index, parameter) in fit.parameters.enumerated() {
                parameterRows.append([
                    index == 0 ? fit.kind.rawValue : "", parameter.name, number(parameter.estimate), number(parameter.low),
                    number(parameter.high),
                ])
            }
        }
        out += TextTable.render(
            [
                TableColumn("KIND"), TableColumn("PARAMETER"), TableColumn("ESTIMATE", .right), TableColumn("LOW", .right),
                TableColumn("HIGH", .right),
            ], rows: parameterRows, width: width)
        out += "\nForecast (\(result.best.kind.rawValue), 80% prediction band):\n"
        let forecastRows = forecastRows(result)
        out += TextTable.render(
            [TableColumn("MONTH"), TableColumn("FORECAST", .right), TableColumn("LOW", .right), TableColumn("HIGH", .right)],
            rows: forecastRows, width: width)
        out +=
            "\n"
            + TextWrap.wrap(
                "Use it: scaleplan simulate <profile> --growth-fit \(source) [--trials 10000], or paste the scenario from --format json into the profile.",
                width: width, indent: 0) + "\n"
        return out
    }

    /// The forecast as rows of month, value, low, high, each number column in one format.
    static func forecastRows(_ result: GrowthFit.Result) -> [[String]] {
        let forecast = result.forecast
        let columns = [forecast.map(\.value), forecast.map(\.low), forecast.map(\.high)].map(column)
        return forecast.indices.map { index in
            [result.history.label(forecast[index].month), columns[0][index], columns[1][index], columns[2][index]]
        }
    }

    static func json(_ result: GrowthFit.Result) -> JSONOutput {
        let history = result.history
        func band(_ point: GrowthFit.BandPoint) -> JSONOutput {
            .object([
                ("month", .number(point.month)), ("label", .string(history.label(point.month))), ("value", .number(point.value)),
                ("low", .number(point.low)), ("high", .number(point.high)),
            ])
        }
        let kinds = result.kinds.map { kind -> JSONOutput in
            switch kind.outcome {
            case .failed(let reason):
                return .object([("kind", .string(kind.kind.rawValue)), ("fitted", .bool(false)), ("reason", .string(reason))])
            case .fitted(let fit):
                return .object([
                    ("kind", .string(fit.kind.rawValue)), ("fitted", .bool(true)),
                    ("scale", .string(fit.logScale ? "log" : "linear")),
                    (
                        "parameters",
                        .array(
                            fit.parameters.map {
                                .object([
                                    ("name", .string($0.name)), ("estimate", .number($0.estimate)), ("low", .number($0.low)),
                                    ("high", .number($0.high)),
                                ])
                            })
                    ),
                    ("rmse", .number(fit.rmse)), ("r_squared", .number(fit.rSquared)), ("quality", .string(fit.quality.rawValue)),
                    ("aicc", .number(fit.aicc)), ("delta_aicc", .number(fit.deltaAICc)), ("weight", .number(fit.weight)),
                    ("iterations", .number(Double(fit.iterations))),
                    ("fitted_values", .array(fit.fittedValues.map { .number($0) })),
                ])
            }
        }
        return .object([
            ("schema", .string(schema)),
            (
                "history",
                .object([
                    ("source", .string(result.source)), ("start", .string(history.firstMonth?.description)),
                    ("months", .array(history.months.map { .number($0) })),
                    ("values", .array(history.values.map { .number($0) })),
                ])
            ),
            (
                "method",
                .object([
                    ("solver", .string("levenberg-marquardt")), ("intervals", .string("jacobian-covariance-t")),
                    ("confidence", .number(GrowthFit.confidence)), ("criterion", .string("aicc")),
                ])
            ),
            ("kinds", .array(kinds)),
            ("best", .string(result.best.kind.rawValue)),
            ("forecast", .array(result.forecast.map(band))),
            ("scenario", result.scenario.json),
        ])
    }

    /// The history's months and the forecast's, as the chart's x axis.
    static func chart(_ result: GrowthFit.Result) -> FitChart {
        let history = result.history
        let last = history.lastMonth
        // Monthly points, or at most about 400 over a long history.
        let end = last + Double(GrowthFit.forecastMonths)
        let step = Swift.max(1, (end - history.months[0]) / 400)
        let months = Array(stride(from: history.months[0], through: end, by: step))
        let curves = result.kinds.compactMap(\.fitted).map { fit in
            FitChart.Curve(
                name: fit.kind.rawValue + (fit.kind == result.best.kind ? " (best)" : ""),
                points: months.map { ($0, fit.curve.value(at: $0)) }, emphasised: fit.kind == result.best.kind)
        }
        let band = FitChart.Band(
            name: "80% prediction band of the forecast",
            points: [(last, history.values.last ?? 0, history.values.last ?? 0)]
                + result.forecast.map { ($0.month, $0.low, $0.high) })
        return FitChart(
            title: "History and fitted growth", xTitle: history.firstMonth.map { "month (0 = \($0))" } ?? "month",
            data: zip(history.months, history.values).map { ($0, $1) },
            dataName: "the history",
            curves: curves, band: band, marker: nil, xLabel: { history.label($0) }, xSteps: FitChart.monthSteps)
    }

    /// Two Mermaid charts: the history with the best fit, and the forecast with its band.
    static func mermaid(_ result: GrowthFit.Result) -> String {
        let history = result.history
        func values(_ list: [Double]) -> String {
            list.map { NumberFormatting.significant($0, digits: 6) }.joined(separator: ", ")
        }
        let name = MermaidText.label(history.valueName ?? "value")
        // The best fit first, then the others, each a line over the bars of the history; a long
        // history is thinned to at most 60 points (Mermaid draws every label).
        let fits = [result.best] + result.kinds.compactMap(\.fitted).filter { $0.kind != result.best.kind }
        let shown = Array(stride(from: 0, to: history.count, by: Swift.max(1, (history.count + 59) / 60)))
        let historyTop = SVGChart.niceStep(
            (shown.map { history.values[$0] } + fits.flatMap { fit in shown.map { fit.fittedValues[$0] } }).max() ?? 1)
        let forecastTop = SVGChart.niceStep(result.forecast.map(\.high).max() ?? 1)
        let colours = [FitChart.blue, FitChart.amber, FitChart.purple, FitChart.green]
        var out =
            "```mermaid\n\(FitChart.mermaidInit([FitChart.grey] + colours.prefix(fits.count)))\nxychart-beta\n"
        out += "    title \"History and the fitted curves\"\n"
        out +=
            "    x-axis \"\(history.firstMonth.map { "month since \($0)" } ?? "month")\" [\(shown.map { "\"\(NumberFormatting.plain(history.months[$0]))\"" }.joined(separator: ", "))]\n"
        out += "    y-axis \"\(name)\" 0 --> \(NumberFormatting.plain(historyTop))\n"
        out += "    bar [\(values(shown.map { history.values[$0] }))]\n"
        for fit in fits { out += "    line [\(values(shown.map { fit.fittedValues[$0] }))]\n" }
        out += "```\n\n"
        let names = zip(fits, ["blue", "amber", "purple", "green"]).map { fit, colour in
            "\(fit.kind.rawValue) (\(colour)\(fit.kind == result.best.kind ? ", the best" : ""))"
        }
        out += "Bars (grey): the history. Lines: " + names.joined(separator: ", ") + ".\n\n"
        out += "```mermaid\n\(FitChart.mermaidInit([FitChart.blue, FitChart.grey, FitChart.grey]))\nxychart-beta\n"
        out += "    title \"Forecast, next \(GrowthFit.forecastMonths) months\"\n"
        // Short labels (months after the last), so twelve fit the chart's width.
        out +=
            "    x-axis \"months after \(history.label(history.lastMonth))\" [\(result.forecast.map { "\"\(NumberFormatting.plain($0.month - history.lastMonth))\"" }.joined(separator: ", "))]\n"
        out += "    y-axis \"\(name)\" 0 --> \(NumberFormatting.plain(forecastTop))\n"
        out += "    line [\(values(result.forecast.map(\.value)))]\n"
        out += "    line [\(values(result.forecast.map(\.high)))]\n    line [\(values(result.forecast.map(\.low)))]\n```\n\n"
        out += "Lines: the forecast (blue) and the top and bottom of its 80% prediction band (grey).\n"
        return out
    }

    static func markdown(_ result: GrowthFit.Result) -> String {
        let md = TextSafety.markdown
        var out = "# Growth fit: \(md(result.source))\n\n"
        out += "\(span(result.history)). \(method)\n\n**\(md(verdict(result)))**\n\n"
        out += "| Kind | Parameters (80% intervals) | RMSE | R² | ΔAICc | Weight |\n|---|---|---:|---:|---:|---:|\n"
        for fit in result.kinds.compactMap(\.fitted) {
            out +=
                "| \(fit.kind.rawValue)\(fit.kind == result.best.kind ? " (best)" : "") | \(md(parameters(fit))) | \(number(fit.rmse)) | \(NumberFormatting.fixed(fit.rSquared, decimals: 3)) | \(NumberFormatting.fixed(fit.deltaAICc, decimals: 1)) | \(NumberFormatting.percent(fit.weight)) |\n"
        }
        let failed = failures(result)
        if !failed.isEmpty {
            out += "\n" + failed.map { "- \($0.kind.rawValue): not fitted — \(md($0.reason))." }.joined(separator: "\n") + "\n"
        }
        out += "\n## Forecast (\(result.best.kind.rawValue), 80% prediction band)\n\n"
        out += "| Month | Forecast | Low | High |\n|---|---:|---:|---:|\n"
        for row in forecastRows(result) { out += "| " + row.joined(separator: " | ") + " |\n" }
        out += "\n## Charts\n\n" + mermaid(result)
        out += "\n## Scenario for a profile\n\n```json\n\(result.scenario.json.rendered())\n```\n"
        return out
    }

    static func html(_ result: GrowthFit.Result) -> String {
        let e = HTMLText.text
        var body =
            "<h1>Growth fit: \(e(result.source))</h1>\n<p class=\"lead\">\(e(span(result.history))). \(e(method))</p>\n"
        body += "<p><strong>\(e(verdict(result)))</strong></p>\n"
        body += chart(result).svg(id: "chart-fit")
        body +=
            "<h2>Kinds</h2>\n<table>\n<thead><tr><th>Kind</th><th>Parameters (80% intervals)</th><th class=\"n\">RMSE</th><th class=\"n\">R²</th><th class=\"n\">ΔAICc</th><th class=\"n\">Weight</th></tr></thead>\n"
        for fit in result.kinds.compactMap(\.fitted) {
            body +=
                "<tr><td>\(fit.kind.rawValue)\(fit.kind == result.best.kind ? " (best)" : "")</td><td>\(e(parameters(fit)))</td><td class=\"n\">\(number(fit.rmse))</td><td class=\"n\">\(NumberFormatting.fixed(fit.rSquared, decimals: 3))</td><td class=\"n\">\(NumberFormatting.fixed(fit.deltaAICc, decimals: 1))</td><td class=\"n\">\(NumberFormatting.percent(fit.weight))</td></tr>\n"
        }
        body += "</table>\n"
        for failure in failures(result) {
            body += "<p>\(e(failure.kind.rawValue)): not fitted — \(e(failure.reason)).</p>\n"
        }
        body +=
            "<h2>Forecast (\(e(result.best.kind.rawValue)), 80% prediction band)</h2>\n<table>\n<thead><tr><th>Month</th><th class=\"n\">Forecast</th><th class=\"n\">Low</th><th class=\"n\">High</th></tr></thead>\n"
        for row in forecastRows(result) {
            body += "<tr><td>\(e(row[0]))</td>" + row.dropFirst().map { "<td class=\"n\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        body +=
            "</table>\n<h2>Scenario for a profile</h2>\n<pre>\(HTMLText.preformatted(result.scenario.json.rendered()))</pre>\n"
        body += "<footer>Generated by scaleplan fit growth.</footer>\n"
        return FitChart.page(title: "Growth fit: \(result.source)", body: body)
    }
}
