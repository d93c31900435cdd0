/// A monthly history to fit a growth curve to: `month,value` or `YYYY-MM,value` rows.
public struct GrowthHistory: Sendable, Equatable {
    /// Month numbers, increasing; for calendar rows, months since the first row.
    public var months: [Double]
    public var values: [Double]
    /// The calendar month of the first row, when rows are `YYYY-MM`.
    public var firstMonth: YearMonth?
    /// Each row's line in the file, for messages about a point.
    public var lines: [Int]
    /// What the values are, from the header row (`month,signups` → `signups`), else nil.
    public var valueName: String? = nil

    public init(months: [Double], values: [Double], firstMonth: YearMonth?, lines: [Int], valueName: String? = nil) {
        self.months = months
        self.values = values
        self.firstMonth = firstMonth
        self.lines = lines
        self.valueName = valueName
    }

    public var count: Int { values.count }
    /// The last month of the history: month 0 of a projection that continues it.
    public var lastMonth: Double { months.last ?? 0 }

    /// The label of a month number of this history: `2026-03` for calendar rows, else `M3`.
    public func label(_ month: Double) -> String {
        if let firstMonth, month == month.rounded() { return firstMonth.adding(months: Int(month)).description }
        return "M" + NumberFormatting.plain(month)
    }

    /// Reads the rows (a header row allowed; blank lines and `#` comments skipped, as for growth
    /// CSVs). Months must increase and be all numbers or all `YYYY-MM`; values must be finite
    /// and positive (the multiplicative curves are fitted on the log scale).
    /// - Returns: the history, or every problem found, each with its line and column.
    public static func read(_ bytes: [UInt8]) -> Result<GrowthHistory, FitDataErrors> {
        if let problem = CSVRows.encodingProblem(bytes) { return .failure(FitDataErrors(diagnostics: [problem])) }
        var bag = DiagnosticBag()
        var history = GrowthHistory(months: [], values: [], firstMonth: nil, lines: [])
        var calendar: Bool?
        for (number, row) in CSVRows.rows(in: String(decoding: bytes, as: UTF8.self)).enumerated() {
            let cells = row.cells
            if number == 0 && cells.count >= 2 && NumberSyntax.decimal(cells[1]) == nil && YearMonth(cells[0]) == nil
                && NumberSyntax.decimal(cells[0]) == nil
            {
                // A header: `month,signups`.
                history.valueName = cells[1].isEmpty ? nil : cells[1]
                continue
            }
            guard cells.count == 2 else {
                bag.error(
                    "expected 2 columns (month,value), found \(cells.count)", at: row.location,
                    hint: "write rows as month,value or YYYY-MM,value, e.g. 2026-03,1200")
                continue
            }
            let month: Double
            if let calendarMonth = YearMonth(cells[0]) {
                if calendar == false {
                    bag.error("'\(cells[0])' is a calendar month but earlier rows give month numbers", at: row.location)
                    continue
                }
                calendar = true
                let first = history.firstMonth ?? calendarMonth
                history.firstMonth = first
                month = Double(calendarMonth.months(since: first))
            } else if let number = NumberSyntax.decimal(cells[0]), number >= 0 {
                if calendar == true {
                    bag.error("'\(cells[0])' is a month number but earlier rows give calendar months", at: row.location)
                    continue
                }
                calendar = false
                month = number
            } else {
                bag.error(
                    "month '\(cells[0])' is neither a number ≥ 0 nor a calendar month", at: row.location,
                    hint: "write 3 or 2026-03")
                continue
            }
            let valueAt = SourceLocation(line: row.line, column: row.secondCellColumn)
            guard let value = NumberSyntax.decimal(cells[1]) else {
                bag.error("value '\(cells[1])' is not a finite number", at: valueAt)
                continue
            }
            guard value > 0 else {
                bag.error(
                    "value \(NumberFormatting.plain(value)) is not positive", at: valueAt,
                    hint: "growth curves are fitted to positive values; drop the months before the first one")
                continue
            }
            if let last = history.months.last, month <= last {
                bag.error(
                    "months must increase: \(cells[0]) follows \(history.label(last))", at: row.location)
                continue
            }
            history.months.append(month)
            history.values.append(value)
            history.lines.append(row.line)
        }
        if history.values.isEmpty && !bag.hasErrors {
            bag.error("no month,value rows found", hint: "e.g. a line '2026-01,500' means 500 in January 2026")
        }
        return bag.hasErrors ? .failure(FitDataErrors(diagnostics: bag.diagnostics)) : .success(history)
    }
}

/// Load-test measurements to fit the Universal Scalability Law to: `concurrency,throughput`
/// rows, with an optional third column of latency.
public struct LoadTest: Sendable, Equatable {
    public var concurrency: [Double]
    public var throughput: [Double]
    /// The latency column when given, in the file's own unit.
    public var latency: [Double]?
    public var lines: [Int]

    public init(concurrency: [Double], throughput: [Double], latency: [Double]?, lines: [Int]) {
        self.concurrency = concurrency
        self.throughput = throughput
        self.latency = latency
        self.lines = lines
    }

    public var count: Int { throughput.count }

    /// Reads the rows (a header row allowed; blank lines and `#` comments skipped). Concurrency
    /// and throughput must be finite and positive; rows may come in any order and repeat a
    /// concurrency (several runs at one load).
    public static func read(_ bytes: [UInt8]) -> Result<LoadTest, FitDataErrors> {
        if let problem = CSVRows.encodingProblem(bytes) { return .failure(FitDataErrors(diagnostics: [problem])) }
        var bag = DiagnosticBag()
        var test = LoadTest(concurrency: [], throughput: [], latency: nil, lines: [])
        var latencies: [Double] = []
        var columns: Int?
        for (number, row) in CSVRows.rows(in: String(decoding: bytes, as: UTF8.self)).enumerated() {
            let cells = row.cells
            if number == 0 && cells.count >= 2 && cells.allSatisfy({ NumberSyntax.decimal($0) == nil }) {
                continue  // a header: `clients,requests_per_second`
            }
            guard cells.count == 2 || cells.count == 3 else {
                bag.error(
                    "expected 2 or 3 columns (concurrency,throughput[,latency]), found \(cells.count)", at: row.location,
                    hint: "e.g. 16,1250 or 16,1250,0.0128")
                continue
            }
            if let columns, columns != cells.count {
                bag.error("expected \(columns) columns like the rows before, found \(cells.count)", at: row.location)
                continue
            }
            columns = cells.count
            let names = ["concurrency", "throughput", "latency"]
            var numbers: [Double] = []
            var column = 1
            for (index, cell) in cells.enumerated() {
                let at = SourceLocation(line: row.line, column: index == 0 ? 1 : column)
                if let value = NumberSyntax.decimal(cell), value > 0 {
                    numbers.append(value)
                } else {
                    bag.error(
                        "\(names[index]) '\(cell)' is not a finite number > 0", at: at,
                        hint: index == 0 ? "concurrency is the number of users, clients or threads of the run" : nil)
                }
                column = index == 0 ? row.secondCellColumn : column + cell.count + 1
            }
            guard numbers.count == cells.count else { continue }
            test.concurrency.append(numbers[0])
            test.throughput.append(numbers[1])
            if numbers.count == 3 { latencies.append(numbers[2]) }
            test.lines.append(row.line)
        }
        if test.throughput.isEmpty && !bag.hasErrors {
            bag.error("no concurrency,throughput rows found", hint: "e.g. a line '8,640' means 640 per second at 8 clients")
        }
        if columns == 3 { test.latency = latencies }
        return bag.hasErrors ? .failure(FitDataErrors(diagnostics: bag.diagnostics)) : .success(test)
    }
}

/// Every problem in a fit's data file.
public struct FitDataErrors: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
