/// A line diff of two texts, for the message of a failing golden test: the few lines that
/// differ, with their line numbers and some context, instead of two whole outputs.
///
/// The edit script is the shortest one, found with Myers' greedy O(ND) algorithm (E. W. Myers,
/// "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1:251–266, 1986), after the
/// common first and last lines are set aside. Past `maximumEdits` edits it gives up on the
/// shortest script and reports the differing middle as removed then added: still a correct
/// script, and a diff that long is read for its first hunk only.
enum LineDiff {
    /// One line of an edit script, with its 1-based line number in the text(s) it belongs to.
    enum Line: Equatable {
        case same(String, expected: Int, actual: Int)
        case removed(String, expected: Int)
        case added(String, actual: Int)

        var isChange: Bool {
            if case .same = self { false } else { true }
        }
    }

    /// The lines of a text, split at "\n" only (a "\r" stays part of its line); a final
    /// newline ends the last line rather than starting an empty one.
    static func lines(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The edit script turning `expected` into `actual`: every line of both, in order, each
    /// marked same, removed or added.
    /// - Complexity: O((*n* + *m*) · *d*) time and O(*d*²) memory for *d* ≤ `maximumEdits`
    ///   differing lines.
    static func edits(_ expected: [String], _ actual: [String], maximumEdits: Int = 1_000) -> [Line] {
        var prefix = 0
        while prefix < expected.count, prefix < actual.count, expected[prefix] == actual[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < expected.count - prefix, suffix < actual.count - prefix,
            expected[expected.count - 1 - suffix] == actual[actual.count - 1 - suffix]
        {
            suffix += 1
        }
        let old = Array(expected[prefix..<(expected.count - suffix)])
        let new = Array(actual[prefix..<(actual.count - suffix)])
        let middle =
            shortestScript(old, new, maximumEdits: maximumEdits)
            ?? Array(repeating: Step.remove, count: old.count) + Array(repeating: Step.add, count: new.count)
        let steps = Array(repeating: Step.keep, count: prefix) + middle + Array(repeating: Step.keep, count: suffix)
        return number(steps, expected, actual)
    }

    private enum Step { case keep, remove, add }

    /// Myers' forward search: `frontier[k]` is the furthest x reached on diagonal k = x − y
    /// with d edits; the frontier of every round is kept to walk the path back.
    private static func shortestScript(_ a: [String], _ b: [String], maximumEdits: Int) -> [Step]? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 {
            return Array(repeating: .remove, count: n) + Array(repeating: .add, count: m)
        }
        let offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        // rounds[d][k + d] is frontier[k] before round d, for k in -d...d.
        var rounds: [[Int]] = []
        for d in 0...min(n + m, maximumEdits) {
            rounds.append(Array(frontier[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
                    ? frontier[offset + k + 1]  // down: an added line
                    : frontier[offset + k - 1] + 1  // right: a removed line
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m { return backtrack(rounds, n: n, m: m, edits: d) }
            }
        }
        return nil
    }

    /// Walks from the end back to the start through each round's frontier.
    private static func backtrack(_ rounds: [[Int]], n: Int, m: Int, edits: Int) -> [Step] {
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: edits, to: 0, by: -1) {
            let before = rounds[d]
            func at(_ k: Int) -> Int { before[k + d] }
            let k = x - y
            let previousK = k == -d || (k != d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                steps.append(.keep)
                x -= 1
                y -= 1
            }
            if x == previousX {
                steps.append(.add)
                y -= 1
            } else {
                steps.append(.remove)
                x -= 1
            }
        }
        steps.append(contentsOf: repeatElement(.keep, count: x))  // the snake of round 0
        return steps.reversed()
    }

    private static func number(_ steps: [Step], _ expected: [String], _ actual: [String]) -> [Line] {
        var lines: [Line] = []
        var i = 0, j = 0
        for step in steps {
            switch step {
            case .keep:
                lines.append(.same(expected[i], expected: i + 1, actual: j + 1))
                i += 1
                j += 1
            case .remove:
                lines.append(.removed(expected[i], expected: i + 1))
                i += 1
            case .add:
                lines.append(.added(actual[j], actual: j + 1))
                j += 1
            }
        }
        return lines
    }

    // MARK: The report

    /// A compact report of how `actual` differs from `expected`: a summary line with the number
    /// of differing lines, then unified-diff hunks (`-expected`, `+actual`, `context` lines
    /// around each change, every line with its number), cut after `maximumLines` lines.
    /// - Returns: nil when the texts are equal.
    static func report(expected: String, actual: String, context: Int = 3, maximumLines: Int = 40) -> String? {
        guard expected != actual else { return nil }
        let script = edits(lines(expected), lines(actual))
        let removed = script.count { if case .removed = $0 { true } else { false } }
        let added = script.count { if case .added = $0 { true } else { false } }
        guard removed + added > 0 else {
            let ending = { (text: String) in text.hasSuffix("\n") ? "ends with a newline" : "does not end with a newline" }
            return "the lines are equal, but expected \(ending(expected)) and actual \(ending(actual))"
        }
        var out = [
            "\(removed + added) differing line\(removed + added == 1 ? "" : "s") (\(removed) removed, \(added) added):",
            "--- expected", "+++ actual",
        ]
        let body = hunks(script, context: context).flatMap { render($0, script) }
        out += body.prefix(maximumLines)
        if body.count > maximumLines { out.append("… \(body.count - maximumLines) more lines of diff not shown") }
        return out.joined(separator: "\n")
    }

    /// Index ranges of `script` to show: each change with `context` lines either side, ranges
    /// that touch merged.
    private static func hunks(_ script: [Line], context: Int) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for (index, line) in script.enumerated() where line.isChange {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...range.upperBound
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    /// A hunk: its `@@ -start,count +start,count @@` header, then one line per script line.
    private static func render(_ range: ClosedRange<Int>, _ script: [Line]) -> [String] {
        let slice = script[range]
        let width = String(slice.map(\.number).max() ?? 1).count
        func header(_ numbers: [Int], _ sign: String) -> String {
            "\(sign)\(numbers.first ?? 0),\(numbers.count)"
        }
        let old = slice.compactMap { line -> Int? in
            switch line {
            case .same(_, let e, _), .removed(_, let e): e
            case .added: nil
            }
        }
        let new = slice.compactMap { line -> Int? in
            switch line {
            case .same(_, _, let a), .added(_, let a): a
            case .removed: nil
            }
        }
        var out = ["@@ \(header(old, "-")) \(header(new, "+")) @@"]
        for line in slice {
            let number = String(line.number)
            let padded = String(repeating: " ", count: width - number.count) + number
            switch line {
            case .same(let text, _, _): out.append("  \(padded) | \(visible(text))")
            case .removed(let text, _): out.append("- \(padded) | \(visible(text))")
            case .added(let text, _): out.append("+ \(padded) | \(visible(text))")
            }
        }
        return out
    }

    /// Control characters spelled out, so a stray "\r" or escape is seen rather than obeyed.
    private static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension LineDiff.Line {
    /// The number shown beside the line: in the expected text for kept and removed lines, in
    /// the actual text for added ones.
    var number: Int {
        switch self {
        case .same(_, let expected, _), .removed(_, let expected): expected
        case .added(_, let actual): actual
        }
    }
}
