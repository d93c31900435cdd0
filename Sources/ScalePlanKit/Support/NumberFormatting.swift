/// Number formatting without Foundation's `String(format:)` (absent from
/// FoundationEssentials), deterministic across platforms.
public enum NumberFormatting {
    /// The shortest text that reads back as the same double, without a trailing `.0`
    /// (`25`, `0.00325`, `1e+21`).
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), Swift.abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    /// Fixed decimals, rounded half away from zero: `fixed(1234.5, 1) == "1234.5"`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if !value.isFinite { return plain(value) }
        let digits = Swift.max(0, Swift.min(decimals, 9))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (Swift.abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return plain(value) }
        let integer = UInt64(scaled)
        let divisor = UInt64(scale)
        var text = String(integer / divisor)
        if digits > 0 {
            let fraction = String(integer % divisor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }

    /// Thousands separators on the integer part: `grouped(1234567.5, 2) == "1,234,567.50"`.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        let text = fixed(value, decimals: decimals)
        guard value.isFinite else { return text }
        var sign = "", body = Substring(text)
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        // `fixed` always returns digits (or `plain`'s text for |value| ≥ 9e18), never an empty
        // string or a bare sign, so `parts` has at least one element.
        let parts = body.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A money amount: whole units when the amount is whole or large (`$5`, `$1,340`), cents
    /// below 100 (`$12.50`), three decimals below one unit (`$0.025`, per-user costs).
    public static func money(_ value: Double, currency: String) -> String {
        let symbol = currencySymbols[currency]
        let magnitude = Swift.abs(value)
        let whole = magnitude == magnitude.rounded() || magnitude >= 100
        let decimals = whole ? 0 : magnitude >= 1 ? 2 : 3
        let number = grouped(magnitude, decimals: decimals)
        let sign = value < 0 && number != "0" ? "-" : ""
        if let symbol { return sign + symbol + number }
        return sign + number + " " + currency
    }

    /// A quantity in a sentence: grouped, with two decimals when small and fractional (`1,200`,
    /// `0.25`, `3.14`); `NaN`, `∞`, `-∞` for the non-finite.
    public static func quantity(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        return grouped(value, decimals: Swift.abs(value) < 10 && value != value.rounded() ? 2 : 0)
    }

    /// A fraction as a whole percentage (`0.834` → `83%`); `n/a` for NaN, `∞` for infinity.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return fraction.isNaN ? "n/a" : (fraction < 0 ? "-∞" : "∞") }
        return grouped(fraction * 100) + "%"
    }

    /// Milliseconds for a latency cell: `240 ms`, `2.3 s`; `n/a` for NaN, `∞` when unbounded.
    public static func milliseconds(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "∞" }
        return value >= 1000 ? fixed(value / 1000, decimals: 1) + " s" : grouped(value) + " ms"
    }

    /// Compact driver values: `500`, `50K`, `2.5M`.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return plain(value) }
        let magnitude = Swift.abs(value)
        let (divisor, suffix): (Double, String) =
            magnitude >= 1e9 ? (1e9, "B") : magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e3 ? (1e3, "K") : (1, "")
        let scaled = value / divisor
        var text = fixed(scaled, decimals: scaled == scaled.rounded() ? 0 : (Swift.abs(scaled) < 10 ? 2 : 1))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + suffix
    }

    static let currencySymbols: [String: String] = ["USD": "$", "EUR": "€", "GBP": "£", "INR": "₹", "JPY": "¥"]
}
