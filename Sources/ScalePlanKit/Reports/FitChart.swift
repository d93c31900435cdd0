/// A chart of measurements and the curves fitted to them, with a shaded band: the picture
/// `fit growth` and `fit usl` draw in HTML, by the project's own SVG code like the roadmap's.
struct FitChart {
    struct Curve {
        var name: String
        var points: [(x: Double, y: Double)]
        /// The best fit is drawn solid and thick; the other kinds thin and dashed.
        var emphasised: Bool
    }

    struct Band {
        var name: String
        var points: [(x: Double, low: Double, high: Double)]
    }

    var title: String
    var xTitle: String
    var data: [(x: Double, y: Double)]
    var dataName: String
    var curves: [Curve]
    var band: Band?
    /// A vertical line with its label (the USL's peak N*).
    var marker: (x: Double, label: String)?
    /// The label of an x-axis tick.
    var xLabel: (Double) -> String
    /// The tick spacings to choose from (the first that gives at most 7 ticks); nil for 1-2-5.
    var xSteps: [Double]? = nil

    /// Month axes tick at months, quarters, half-years and years.
    static let monthSteps: [Double] = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 600]

    /// The chart as inline SVG with a legend under the plot.
    func svg(id: String) -> String {
        let width = SVGChart.width, height = SVGChart.height + 16
        let left = SVGChart.left, right = SVGChart.right, top = SVGChart.top, bottom = SVGChart.bottom + 16
        let xs = data.map(\.x) + curves.flatMap { $0.points.map(\.x) } + (band?.points.map(\.x) ?? [])
        // The axis is sized to the data, the best curve and the band; the other curves are
        // clipped to the plot (an exponential run past a levelling history would flatten it).
        let ys =
            data.map(\.y) + curves.filter(\.emphasised).flatMap { $0.points.map(\.y) } + (band?.points.map(\.high) ?? [])
        let xMin = Swift.min(xs.min() ?? 0, 0), xMax = Swift.max(xs.max() ?? 1, xMin + 1)
        let yTicks = SVGChart.ticks(upTo: ys.filter(\.isFinite).max() ?? 1)
        let yMax = yTicks.last ?? 1
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ value: Double) -> Double { left + plotWidth * (value - xMin) / (xMax - xMin) }
        func y(_ value: Double) -> Double {
            top + plotHeight * (1 - Swift.min(Swift.max(value.isFinite ? value : 0, 0), yMax * 1.05) / yMax)
        }
        func f(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 1) }
        let e = HTMLText.escape
        var svg =
            "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(e(title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<text x=\"\(f(left))\" y=\"20\" class=\"title\">\(e(title))</text>\n"
        for value in yTicks {
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(value)))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(y(value) + 4))\" class=\"axis\" text-anchor=\"end\">\(e(NumberFormatting.compact(value)))</text>\n"
        }
        let step = xSteps?.first { (xMax - xMin) / $0 <= 6 } ?? SVGChart.niceStep((xMax - xMin) / 6)
        var tick = (xMin / step).rounded(.up) * step
        while tick <= xMax + 1e-9 {
            svg +=
                "<text x=\"\(f(x(tick)))\" y=\"\(f(top + plotHeight + 18))\" class=\"axis\" text-anchor=\"middle\">\(e(xLabel(tick)))</text>\n"
            tick += step
        }
        svg +=
            "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 36))\" class=\"axis\" text-anchor=\"middle\">\(e(xTitle))</text>\n"
        if let band, !band.points.isEmpty {
            let upper = band.points.map { "\(f(x($0.x))),\(f(y($0.high)))" }
            let lower = band.points.reversed().map { "\(f(x($0.x))),\(f(y($0.low)))" }
            svg += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\"/>\n"
        }
        svg +=
            "<clipPath id=\"\(id)-plot\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\"/></clipPath>\n"
        for curve in curves.sorted(by: { !$0.emphasised && $1.emphasised }) {
            let points = curve.points.map { "\(f(x($0.x))),\(f(y($0.y)))" }.joined(separator: " ")
            svg +=
                "<polyline class=\"\(curve.emphasised ? "series" : "alternative")\" clip-path=\"url(#\(id)-plot)\" points=\"\(points)\"/>\n"
        }
        for point in data {
            svg += "<circle class=\"datum\" cx=\"\(f(x(point.x)))\" cy=\"\(f(y(point.y)))\" r=\"3\"/>\n"
        }
        if let marker {
            svg +=
                "<line x1=\"\(f(x(marker.x)))\" y1=\"\(f(top))\" x2=\"\(f(x(marker.x)))\" y2=\"\(f(top + plotHeight))\" class=\"marker\"/>"
            // At the foot of the line: the curve is highest at the peak, so the top is taken.
            svg +=
                "<text x=\"\(f(x(marker.x) + 4))\" y=\"\(f(top + plotHeight - 6))\" class=\"axis\">\(e(marker.label))</text>\n"
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotHeight))\" class=\"axisline\"/>\n"
        return svg + "</svg>\n<p class=\"legend\">" + e(legend) + "</p>\n"
    }

    /// What each mark is, under the chart.
    var legend: String {
        var parts = ["Dots: \(dataName)"]
        if let best = curves.first(where: \.emphasised) { parts.append("solid line: \(best.name)") }
        let others = curves.filter { !$0.emphasised }.map(\.name)
        if !others.isEmpty { parts.append("dashed: " + others.joined(separator: ", ")) }
        if let band { parts.append("shaded: \(band.name)") }
        if let marker { parts.append("vertical line: \(marker.label)") }
        return parts.joined(separator: "; ") + "."
    }

    /// Extra CSS for the fit pages, on top of the roadmap's.
    static let style = """
        svg .alternative { fill: none; stroke: #8c959f; stroke-width: 1.5; stroke-dasharray: 5 4; }
        svg .datum { fill: #1b1f24; } svg .marker { stroke: #cf222e; stroke-width: 1; stroke-dasharray: 3 3; }
        pre { background: #f6f8fa; padding: 12px; font-size: 13px; white-space: pre-wrap; overflow-wrap: anywhere; }
        """

    /// A self-contained HTML page around `body`, styled like the roadmap.
    static func page(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n<style>\n\(RoadmapHTML.style)\n\(style)\n</style>\n</head>\n<body>\n"
            + body + "</body>\n</html>\n"
    }

    /// The Mermaid init line a fit chart starts with: its series' colours in order, chosen to
    /// read on light and dark backgrounds (GitHub's blue and amber, a mid grey).
    static func mermaidInit(_ colours: [String]) -> String {
        #"%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": ""# + colours.joined(separator: ", ") + #""}}}}%%"#
    }

    static let blue = "#0969da", amber = "#bf8700", grey = "#8c959f", purple = "#8250df", green = "#1a7f37"
}
