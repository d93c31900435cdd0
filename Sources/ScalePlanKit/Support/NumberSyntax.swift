/// The one way a number typed by a user is read — in a CSV cell, a `--growth` spec, an option
/// value: plain decimal notation (`12`, `-0.5`, `.25`, `1e6`, `2.5E-3`), finite. Swift's
/// `Double(_:)` alone would also take `0x10`, `inf` and `nan`, which no spreadsheet or
/// monitoring export means.
public enum NumberSyntax {
    /// A fraction written as a decimal or a percentage: `0.08` and `8%` are both 0.08.
    public static func fraction<Text: StringProtocol>(_ text: Text) -> Double? {
        guard text.hasSuffix("%") else { return decimal(text) }
        return decimal(text.dropLast()).map { $0 / 100 }
    }

    public static func decimal<Text: StringProtocol>(_ text: Text) -> Double? {
        var digits = 0
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
        func skipDigits() -> Int {
            let run = scalars.prefix { $0 >= "0" && $0 <= "9" }.count
            scalars = scalars.dropFirst(run)
            return run
        }
        digits += skipDigits()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            digits += skipDigits()
        }
        guard digits > 0 else { return nil }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
            guard skipDigits() > 0 else { return nil }
        }
        guard scalars.isEmpty, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}
