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

    /// `plain(value)`'s bytes appended to a buffer: a whole number's digits are written without
    /// making a String (JSON output writes thousands of numbers).
    static func appendPlain(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite, value == value.rounded(), Swift.abs(value) < 1e15 else {
            out.append(utf8Of: plain(value))
            return
        }
        var magnitude = UInt64(Swift.abs(value))
        if value < 0 && magnitude > 0 { out.append(UInt8(ascii: "-")) }
        // At most 15 digits (below 10¹⁵), written backwards into a fixed buffer.
        var digits: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = 16
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    /// A number from the profile in prose: `plain` (every digit it has, 0.25 stays 0.25), but
    /// from 10^15 on in `scientific` form ("1e308", never "1e+308").
    public static func prose(_ value: Double) -> String {
        value.isFinite && Swift.abs(value) >= scientificFrom ? scientific(value) : plain(value)
    }

    /// Significant digits of a number read in a report rather than pasted back: every digit a
    /// person writes in a profile, not the sixteen of a fitted value (0.1582499674681114 reads
    /// 0.15825).
    public static let readableDigits = 6

    /// A low–high range at `readableDigits`; one value when the ends read the same.
    public static func readableRange(_ low: Double, _ high: Double) -> String {
        let a = significant(low, digits: readableDigits), b = significant(high, digits: readableDigits)
        return a == b ? a : "\(a)–\(b)"
    }

    /// A low–high range of profile numbers in prose (`prose` each end); one value when the
    /// ends are equal (`12.6`, never `12.6–12.6`).
    public static func proseRange(_ low: Double, _ high: Double) -> String {
        low == high ? prose(low) : "\(prose(low))–\(prose(high))"
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

    /// Where text switches to scientific notation: a double has under 16 significant digits,
    /// so grouping 16 or more would show digits it does not have (and widen every column).
    public static let scientificFrom = 1e15

    /// Thousands separators on the integer part: `grouped(1234567.5, 2) == "1,234,567.50"`.
    /// Numbers from `scientificFrom` on read in scientific notation with three significant
    /// digits (`1.35e19`).
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        if value.isFinite && Swift.abs(value) >= scientificFrom { return scientific(value) }
        let text = fixed(value, decimals: decimals)
        guard value.isFinite else { return text }
        var sign = "", body = Substring(text)
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        // `fixed` always returns digits here (|value| < 1e15), never an empty string or a bare
        // sign, so `parts` has at least one element.
        let parts = body.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `1.35e19`, `-2e20`: three significant digits, trailing zeros dropped.
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return plain(value) }
        var exponent = Int((Swift.abs(value)).log10Floor)
        var mantissa = value / pow10(exponent)
        if Swift.abs(Double(fixed(mantissa, decimals: 2)) ?? 0) >= 10 {  // 9.999e18 rounds up to 1e19
            exponent += 1
            mantissa = value / pow10(exponent)
        }
        var text = fixed(mantissa, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "e\(exponent)"
    }

    /// `digits` significant digits, trailing zeros dropped: `significant(0.000104365, 4)` is
    /// `0.0001044`, `significant(89.99523, 4)` is `90`; in `1.044e-7` form when fixed decimals
    /// would need more than 9, and from 10¹⁵ on. Text an expression and a JSON reader both read back.
    /// `keepingZeros` keeps trailing zeros, for a table that shows the precision (`90.00`).
    public static func significant(_ value: Double, digits: Int, keepingZeros: Bool = false) -> String {
        guard value.isFinite, value != 0 else { return plain(value) }
        let digits = Swift.max(1, Swift.min(digits, 15))
        var exponent = Int(Swift.abs(value).log10Floor)
        // Rounding can carry into the next power of ten (9.9996 to 4 digits is 10.00).
        let scaled = (Swift.abs(value) / pow10(exponent - digits + 1)).rounded(.toNearestOrAwayFromZero)
        if scaled >= pow10(digits) { exponent += 1 }
        func trimmed(_ text: String) -> String {
            guard text.contains("."), !keepingZeros else { return text }
            var text = text
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        if digits - 1 - exponent > 9 || Swift.abs(value) >= scientificFrom {
            let mantissa = value / pow10(exponent)
            return trimmed(fixed(mantissa, decimals: digits - 1)) + "e\(exponent)"
        }
        let decimals = digits - 1 - exponent
        // Digits left of the point beyond `digits` are rounded away too (111.6 to 2 is 110).
        let unit = pow10(-decimals)
        let value = decimals < 0 ? (value / unit).rounded(.toNearestOrAwayFromZero) * unit : value
        return trimmed(fixed(value, decimals: Swift.max(0, decimals)))
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// The decimals a column of quantities shows, the same on every row: none when every value
    /// is whole or the smallest non-zero one is at least 10, else enough for two significant
    /// digits of the smallest (at most 4).
    public static func columnDecimals(_ values: [Double]) -> Int {
        let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map { Swift.abs($0) }
        guard let smallest = magnitudes.min(), magnitudes.contains(where: { $0 != $0.rounded() }), smallest < 10 else {
            return 0
        }
        return Swift.min(4, Swift.max(1, 1 - Int(smallest.log10Floor)))
    }

    /// A column of money amounts with the same decimals on every row: whole units when every
    /// amount is whole or the smallest non-zero one is at least 100, else cents, or more for
    /// amounts below a cent's worth of precision (per-user costs: `$0.0016`).
    ///
    /// `wholeWhenLarge`: whole units as soon as the largest amount is 100 or more — a document's
    /// column of revenue reads `$60 … $65,000`, not `$60.00 … $65,000.00`; a column of small
    /// amounts (per-user costs) keeps its decimals. The terminal tables keep cents.
    public static func moneyColumn(_ values: [Double?], currency: String, wholeWhenLarge: Bool = false) -> [String] {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        let large = wholeWhenLarge && (finite.map { Swift.abs($0) }.max() ?? 0) >= 100
        let decimals = large ? 0 : moneyDecimals(values.compactMap { $0 })
        return values.map { value in
            guard let value else { return "–" }
            guard value.isFinite else { return value.isNaN ? "n/a" : (value < 0 ? "-∞" : "∞") }
            return money(value, currency: currency, decimals: decimals)
        }
    }

    /// The decimals a column of money amounts shows (`moneyColumn`).
    public static func moneyDecimals(_ values: [Double]) -> Int {
        let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map { Swift.abs($0) }
        guard let smallest = magnitudes.min(), magnitudes.contains(where: { $0 != $0.rounded() }), smallest < 100 else {
            return 0
        }
        return Swift.min(4, Swift.max(2, 1 - Int(smallest.log10Floor)))
    }

    /// A money amount with fixed decimals: `$1,340`, `-$12.50`, `12 CHF`.
    public static func money(_ value: Double, currency: String, decimals: Int) -> String {
        let number = grouped(Swift.abs(value), decimals: decimals)
        let sign = value < 0 && number.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : ""
        if let symbol = currencySymbols[currency] { return sign + symbol + number }
        return sign + number + " " + currency
    }

    /// A money amount: whole units when the amount is whole or large (`$5`, `$1,340`), cents
    /// below 100 (`$12.50`), three decimals below one unit (`$0.025`, per-user costs).
    public static func money(_ value: Double, currency: String) -> String {
        let magnitude = Swift.abs(value)
        let whole = magnitude == magnitude.rounded() || magnitude >= 100
        return money(value, currency: currency, decimals: whole ? 0 : magnitude >= 1 ? 2 : 3)
    }

    /// A quantity in a sentence: grouped, with two decimals when small and fractional (`1,200`,
    /// `0.25`, `3.14`); `NaN`, `∞`, `-∞` for the non-finite.
    public static func quantity(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        return grouped(value, decimals: Swift.abs(value) < 10 && value != value.rounded() ? 2 : 0)
    }

    /// A fraction as a whole percentage (`0.834` → `83%`); `n/a` for NaN, `∞` for infinity.
    /// Rounding never hides which side of a boundary a value is on: a small non-zero share is
    /// `<1%` (never `0%`), and a value that would round to 100% without being exactly 1 keeps
    /// a decimal (`99.7%`, `100.2%`).
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return fraction.isNaN ? "n/a" : (fraction < 0 ? "-∞" : "∞") }
        let value = fraction * 100
        if value > 0 && value < 0.5 { return "<1%" }
        if value != 100 && value.rounded() == 100 {
            let text = fixed(value, decimals: 1)
            guard text == "100.0" else { return text + "%" }
            // Closer to 100 than a decimal shows: say which side.
            if value > 100 { return ">100%" }
            let finer = fixed(value, decimals: 2)
            return finer == "100.00" ? "<100%" : finer + "%"
        }
        return grouped(value) + "%"
    }

    /// Milliseconds for a latency cell: `240 ms`, `2.3 s`; `n/a` for NaN, `∞` when unbounded.
    public static func milliseconds(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "∞" }
        return value >= 1000 ? fixed(value / 1000, decimals: 1) + " s" : grouped(value) + " ms"
    }

    /// Compact driver values: `500`, `50K`, `2.5M`.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return plain(value) }
        if Swift.abs(value) >= scientificFrom { return scientific(value) }
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

extension Double {
    /// ⌊log₁₀ x⌋ for a positive finite x, by comparison (no Foundation `log10`).
    var log10Floor: Double {
        guard isFinite && self > 0 else { return 0 }
        var exponent = 0
        var scaled = self
        while scaled >= 10 {
            scaled /= 10
            exponent += 1
        }
        while scaled < 1 {
            scaled *= 10
            exponent -= 1
        }
        return Double(exponent)
    }
}
