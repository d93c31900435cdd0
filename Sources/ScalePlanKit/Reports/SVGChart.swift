/// Small SVG charts drawn by the project's own code for the HTML roadmap: no scripts, no fonts
/// fetched, sized in the viewBox so they scale and print.
enum SVGChart {
    static let width = 760.0
    static let height = 280.0
    static let left = 70.0, right = 20.0, top = 36.0, bottom = 40.0

    /// A line chart of `series` by month, with its P10–P90 band shaded when present.
    static func line(_ series: Roadmap.Series, labels: [String], id: String, money: Bool, currency: String) -> String {
        let values = series.values
        let count = Swift.max(values.count, 2)
        let all = (values + (series.low ?? []) + (series.high ?? [])).filter(\.isFinite)
        let ticks = Self.ticks(upTo: all.max() ?? 1)
        let maximum = ticks.last ?? 1
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(count - 1) }
        func y(_ value: Double) -> Double {
            let clamped = value.isFinite ? Swift.min(Swift.max(value, 0), maximum) : 0
            return top + plotHeight * (1 - clamped / maximum)
        }
        func f(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 1) }
        var svg =
            "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(series.name))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<text x=\"\(f(left))\" y=\"20\" class=\"title\">\(HTMLText.escape(series.name))</text>\n"
        // Grid and y labels.
        for value in ticks {
            let label = money ? NumberFormatting.money(value, currency: currency) : NumberFormatting.compact(value)
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(value)))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(y(value) + 4))\" class=\"axis\" text-anchor=\"end\">\(HTMLText.escape(label))</text>\n"
        }
        // X labels: about six, evenly spaced.
        let stride = Swift.max(1, (labels.count + 5) / 6)
        for index in Swift.stride(from: 0, to: labels.count, by: stride) {
            svg +=
                "<text x=\"\(f(x(index)))\" y=\"\(f(height - bottom + 18))\" class=\"axis\" text-anchor=\"middle\">\(HTMLText.escape(labels[index]))</text>\n"
        }
        if let low = series.low, let high = series.high, !low.isEmpty {
            let upper = high.indices.map { "\(f(x($0))),\(f(y(high[$0])))" }
            let lower = low.indices.reversed().map { "\(f(x($0))),\(f(y(low[$0])))" }
            svg += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\"/>\n"
        }
        let points = values.indices.map { "\(f(x($0))),\(f(y(values[$0])))" }.joined(separator: " ")
        svg += "<polyline class=\"series\" points=\"\(points)\"/>\n"
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotHeight))\" class=\"axisline\"/>\n"
        return svg + "</svg>"
    }

    /// A timeline: one row per tier with its projected months, the migration lead time before
    /// it, and a marker where each warning or critical trigger first fires.
    static func timeline(_ roadmap: Roadmap, text: RoadmapText) -> String {
        let months = Swift.max(roadmap.months.count, 1)
        let rows = roadmap.tiers
        let rowHeight = 26.0
        let labelWidth = 190.0
        let chartHeight = top + Double(rows.count + 1) * rowHeight + 20
        let plotWidth = width - labelWidth - right
        func x(_ month: Double) -> Double { labelWidth + plotWidth * month / Double(months) }
        func f(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 1) }
        var svg =
            "<svg id=\"timeline\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(chartHeight))\" role=\"img\" aria-label=\"Projected tiers\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<text x=\"\(f(labelWidth))\" y=\"20\" class=\"title\">Projected tiers, migrations and triggers</text>\n"
        for (row, tier) in rows.enumerated() {
            let y = top + Double(row) * rowHeight
            svg +=
                "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 16))\" class=\"axis\" text-anchor=\"end\">\(Self.label(tier.tier.name, 28))</text>\n"
            guard let entry = tier.entry, let exit = tier.exit else { continue }
            if let lead = tier.tier.migration?.leadTimeMonths, lead.high > 0, tier.index > 0 {
                let start = Swift.max(0, Double(entry) - Swift.min(lead.high, 1200))
                svg +=
                    "<rect x=\"\(f(x(start)))\" y=\"\(f(y + 6))\" width=\"\(f(Swift.max(1, x(Double(entry)) - x(start))))\" height=\"12\" class=\"migration\"/>\n"
            }
            svg +=
                "<rect x=\"\(f(x(Double(entry))))\" y=\"\(f(y + 2))\" width=\"\(f(Swift.max(2, x(Double(exit + 1)) - x(Double(entry)))))\" height=\"20\" class=\"tier\"/>\n"
        }
        let markerY = top + Double(rows.count) * rowHeight
        for event in roadmap.calendar where event.kind == .trigger && event.severity != .info {
            let cx = x(Double(event.month) + 0.5)
            svg +=
                "<circle cx=\"\(f(cx))\" cy=\"\(f(markerY + 10))\" r=\"4\" class=\"\(event.severity == .critical ? "critical" : "warning")\"><title>\(HTMLText.escape(event.message))</title></circle>\n"
        }
        let stride = Swift.max(1, (months + 5) / 6)
        for month in Swift.stride(from: 0, to: months, by: stride) {
            svg +=
                "<text x=\"\(f(x(Double(month))))\" y=\"\(f(chartHeight - 4))\" class=\"axis\" text-anchor=\"middle\">\(HTMLText.escape(text.month(month)))</text>\n"
        }
        return svg + "</svg>"
    }
}

extension SVGChart {
    /// The y-axis ticks for values up to `maximum`: 0 and steps of 1, 2 or 5 × a power of ten,
    /// four to six of them, the last at or above the maximum (never 12,500-wide steps).
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let step = niceStep(maximum / 5)
        let count = Int((maximum / step).rounded(.up))
        return (0...Swift.max(count, 1)).map { Double($0) * step }
    }

    /// A round step at or above `value`: 1, 2 or 5 × a power of ten.
    static func niceStep(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for step in [1.0, 2, 5] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// A label cut to `limit` characters, the whole text kept as its tooltip when cut.
    static func label(_ text: String, _ limit: Int) -> String {
        let short = TextTable.truncate(text, limit)
        return short == text ? HTMLText.escape(text) : HTMLText.escape(short) + "<title>\(HTMLText.escape(text))</title>"
    }
}
