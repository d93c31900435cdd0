/// Growth curves given on the command line or in a CSV file.
public enum GrowthInput {
    /// A problem in a `--growth` specification (a usage error).
    public struct SpecError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses `KIND:key=value,...` (`GrowthKind.commandLineExample` for each kind):
    /// `exponential:start=500,rate=0.15`, `points:0=500,12=5000,24=40000` (month=value).
    public static func parse(_ text: String) throws(SpecError) -> GrowthCurve {
        let parts = text.split(separator: ":", maxSplits: 1)
        let name = parts.first.map(String.init) ?? ""
        let names = GrowthKind.allCases.filter(\.isOnTheCommandLine).map(\.rawValue).sorted()
        guard let kind = GrowthKind(rawValue: name), kind.isOnTheCommandLine else {
            let suggestion = Suggestions.closest(to: name, in: names)
            throw SpecError(
                message: "Unknown growth kind '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                    + " Kinds: \(names.joined(separator: ", ")).")
        }
        var values: [(key: String, value: Double)] = []
        for pair in parts.count > 1 ? parts[1].split(separator: ",") : [] {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, let value = NumberSyntax.decimal(kv[1]) else {
                throw SpecError(message: "Expected key=number in '--growth \(text)', found '\(pair)'.")
            }
            values.append((String(kv[0]), value))
        }
        if kind == .points {
            var points: [GrowthPoint] = []
            for (key, value) in values {
                guard let month = NumberSyntax.decimal(key), month >= 0, value >= 0 else {
                    throw SpecError(
                        message: "points takes month=value pairs with month ≥ 0 and value ≥ 0, e.g. \(kind.commandLineExample).")
                }
                if let last = points.last, month <= last.month {
                    throw SpecError(message: "points months must increase: \(key) follows \(NumberFormatting.plain(last.month)).")
                }
                points.append(GrowthPoint(month: month, value: value))
            }
            guard !points.isEmpty else { throw SpecError(message: "points needs at least one month=value pair.") }
            return .points(points)
        }
        let required = kind.parameters.map(\.name)
        var found: [String: Double] = [:]
        for (key, value) in values {
            guard required.contains(key) else {
                let suggestion = Suggestions.closest(to: key, in: required)
                throw SpecError(
                    message: "\(kind.rawValue) has no parameter '\(key)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                        + " It takes: \(required.joined(separator: ", ")).")
            }
            found[key] = value
        }
        let missing = required.filter { found[$0] == nil }
        guard missing.isEmpty else {
            throw SpecError(
                message: "\(kind.rawValue) needs \(missing.joined(separator: " and ")): e.g. --growth \(kind.commandLineExample)."
            )
        }
        let ordered = required.map { found[$0] ?? 0 }
        if let problem = kind.problem(lowest: ordered, highest: ordered) { throw SpecError(message: problem.message + ".") }
        return kind.curve(ordered) ?? .constant(0)
    }

    /// Reads `month,value` rows (a header row allowed; blank lines and `#` comments skipped).
    /// Months must increase; values must be ≥ 0. Between rows the curve is interpolated as a
    /// `points` curve.
    /// - Returns: the points, or every problem found, each with its line and column.
    public static func csv(_ bytes: [UInt8]) -> Result<[GrowthPoint], CSVErrors> {
        if let problem = CSVRows.encodingProblem(bytes) { return .failure(CSVErrors(diagnostics: [problem])) }
        let text = String(decoding: bytes, as: UTF8.self)
        var bag = DiagnosticBag()
        var points: [GrowthPoint] = []
        for (number, row) in CSVRows.rows(in: text).enumerated() {
            let cells = row.cells
            let at = row.location
            // Only the first row can be a header (`month,users`).
            if number == 0 && cells.count >= 2 && NumberSyntax.decimal(cells[0]) == nil && NumberSyntax.decimal(cells[1]) == nil {
                continue
            }
            guard cells.count == 2 else {
                bag.error(
                    "expected 2 columns (month,value), found \(cells.count)", at: at,
                    hint: "write rows as month,value, e.g. 3,1200")
                continue
            }
            guard let month = NumberSyntax.decimal(cells[0]), month >= 0 else {
                bag.error("month '\(cells[0])' is not a number ≥ 0", at: at)
                continue
            }
            guard let value = NumberSyntax.decimal(cells[1]), value >= 0 else {
                bag.error(
                    "value '\(cells[1])' is not a number ≥ 0", at: SourceLocation(line: row.line, column: row.secondCellColumn))
                continue
            }
            if let last = points.last, month <= last.month {
                bag.error(
                    "months must increase: \(NumberFormatting.plain(month)) follows \(NumberFormatting.plain(last.month))", at: at
                )
                continue
            }
            points.append(GrowthPoint(month: month, value: value))
        }
        if points.isEmpty && !bag.hasErrors {
            bag.error("no month,value rows found", hint: "e.g. a line '0,500' means 500 at month 0")
        }
        return bag.hasErrors ? .failure(CSVErrors(diagnostics: bag.diagnostics)) : .success(points)
    }

    /// Every problem in a CSV file.
    public struct CSVErrors: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }
}
