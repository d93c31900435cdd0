import Foundation

@testable import ScalePlanKit

/// A well-formedness check of the project's own for the Mermaid blocks the roadmap writes
/// (`xychart-beta` and `gantt`): the subset of the grammar we emit, checked strictly.
enum MermaidLint {
    /// The ```mermaid blocks of a markdown document.
    static func blocks(_ markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line == "```mermaid" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current ?? [])
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        if let current { blocks.append(current + ["<unterminated block>"]) }
        return blocks
    }

    /// Problems in one block; empty when well formed.
    static func problems(_ block: [String]) -> [String] {
        // An `%%{init: {…}}%%` directive may come first; it must be one line of JSON.
        var block = block
        if let first = block.first, first.hasPrefix("%%{init:") {
            guard first.hasSuffix("}%%"),
                (try? JSONSerialization.jsonObject(with: Data(first.dropFirst(8).dropLast(3).utf8))) != nil
            else { return ["the init directive is not %%{init: <JSON>}%%: \(first)"] }
            block.removeFirst()
        }
        guard let kind = block.first?.trimmed else { return ["empty block"] }
        switch kind {
        case "xychart-beta": return xychart(Array(block.dropFirst()))
        case "gantt": return gantt(Array(block.dropFirst()))
        default: return ["unknown diagram type '\(kind)'"]
        }
    }

    static func xychart(_ lines: [String]) -> [String] {
        var problems: [String] = []
        var labels: Int?
        var series: [Int] = []
        for raw in lines {
            let line = raw.trimmed
            if line.hasPrefix("title ") {
                if !(line.dropFirst(6).hasPrefix("\"") && line.hasSuffix("\"")) {
                    problems.append("title must be quoted: \(line)")
                }
            } else if line.hasPrefix("x-axis ") {
                // `x-axis "title" [labels]`: a quoted title may come before the labels.
                var rest = String(line.dropFirst(7)).trimmed
                if rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") {
                    rest = String(rest[rest.index(after: close)...]).trimmed
                }
                guard let items = bracketed(rest) else {
                    problems.append("x-axis needs [labels]: \(line)")
                    continue
                }
                if !items.allSatisfy({ $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count >= 2 }) {
                    problems.append("x-axis labels must be quoted")
                }
                labels = items.count
            } else if line.hasPrefix("y-axis ") {
                let parts = line.components(separatedBy: "-->")
                guard parts.count == 2, let high = Double(parts[1].trimmed),
                    let low = parts[0].split(separator: " ").last.flatMap({ Double($0) }), low < high
                else {
                    problems.append("y-axis needs \"title\" min --> max with min < max: \(line)")
                    continue
                }
            } else if line.hasPrefix("line ") || line.hasPrefix("bar ") {
                guard let items = bracketed(String(line.drop { $0 != " " }.dropFirst())),
                    items.allSatisfy({ Double($0).map { $0.isFinite } ?? false })
                else {
                    problems.append("series needs [numbers]: \(line.prefix(60))")
                    continue
                }
                series.append(items.count)
            } else if !line.isEmpty {
                problems.append("unexpected line: \(line.prefix(60))")
            }
        }
        guard let labels else { return problems + ["no x-axis"] }
        if series.isEmpty { problems.append("no series") }
        for count in series where count != labels { problems.append("series has \(count) values for \(labels) labels") }
        return problems
    }

    static func gantt(_ lines: [String]) -> [String] {
        var problems: [String] = []
        var sawDateFormat = false, sawSection = false, tasks = 0
        // `dateFormat YYYY-MM-DD` (calendar plans) or `dateFormat x` (milliseconds: month m is
        // m × 1000, for plans without a start month).
        var isDate: (String) -> Bool = Self.isDate
        for raw in lines {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("title ") || line.hasPrefix("axisFormat ") || line == "todayMarker off" {
                continue
            }
            if line.hasPrefix("tickInterval ") {
                let value = line.dropFirst(13)
                let unit = value.drop { $0.isNumber }
                if !["second", "month"].contains(unit) || Int(value.prefix { $0.isNumber }) == nil {
                    problems.append("unsupported tickInterval: \(line)")
                }
                continue
            }
            if line == "dateFormat YYYY-MM-DD" {
                sawDateFormat = true
                continue
            }
            if line == "dateFormat x" {
                sawDateFormat = true
                isDate = { Int($0).map { $0 >= 0 && $0 % 1000 == 0 } ?? false }
                continue
            }
            if line.hasPrefix("dateFormat ") {
                problems.append("unsupported dateFormat")
                continue
            }
            if line.hasPrefix("section ") {
                sawSection = true
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !String(parts[0]).trimmed.isEmpty, sawSection else {
                problems.append("a task is 'name : metadata' inside a section: \(line)")
                continue
            }
            if parts[1].contains(":") { problems.append("a task name may not contain ':': \(line)") }
            if let first = parts[0].split(separator: " ").first, MermaidText.keywords.contains(first.lowercased()) {
                problems.append("a task name may not start with a keyword: \(line)")
            }
            let fields = parts[1].split(separator: ",").map { String($0).trimmed }
            let dates = fields.filter(isDate)
            let durations = fields.filter { $0.hasSuffix("d") && Int($0.dropLast()) != nil }
            let tags = fields.filter { ["done", "active", "crit", "milestone"].contains($0) }
            let ids = fields.filter { !isDate($0) && !durations.contains($0) && !tags.contains($0) }
            if dates.isEmpty || dates.count + durations.count != 2 || ids.count > 1 {
                problems.append("task needs a start date and an end date or duration: \(line)")
            }
            // Milliseconds compare as numbers, calendar dates as text (YYYY-MM-DD sorts).
            let backwards =
                dates.count == 2 && (Int(dates[0]).flatMap { a in Int(dates[1]).map { a >= $0 } } ?? (dates[0] >= dates[1]))
            if backwards {
                problems.append("task ends before it starts: \(line)")
            }
            tasks += 1
        }
        if !sawDateFormat { problems.append("no dateFormat") }
        if tasks == 0 { problems.append("no tasks") }
        return problems
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func bracketed(_ text: String) -> [String]? {
        let trimmed = text.trimmed
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let body = trimmed.dropFirst().dropLast()
        return body.split(separator: ",").map { String($0).trimmed }
    }
}

extension String {
    var trimmed: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
