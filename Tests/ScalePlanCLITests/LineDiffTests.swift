import Foundation
import Testing

@testable import ScalePlanKit

/// The line diff golden failures print: correct on insertions and deletions, shortest, and
/// compact.
@Suite struct LineDiffTests {
    /// The lines an edit script keeps or removes (the expected text) and keeps or adds (the
    /// actual text).
    func sides(_ script: [LineDiff.Line]) -> (expected: [String], actual: [String]) {
        var expected: [String] = [], actual: [String] = []
        for line in script {
            switch line {
            case .same(let text, _, _):
                expected.append(text)
                actual.append(text)
            case .removed(let text, _): expected.append(text)
            case .added(let text, _): actual.append(text)
            }
        }
        return (expected, actual)
    }

    /// The length of a longest common subsequence, by the textbook dynamic programme.
    func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    @Test func anInsertedLineIsOneAdditionNotAShiftOfEverythingAfterIt() {
        let script = LineDiff.edits(["a", "b", "c", "d"], ["a", "x", "b", "c", "d"])
        #expect(
            script == [
                .same("a", expected: 1, actual: 1), .added("x", actual: 2), .same("b", expected: 2, actual: 3),
                .same("c", expected: 3, actual: 4), .same("d", expected: 4, actual: 5),
            ])
    }

    @Test func aDeletedLineIsOneRemoval() {
        let script = LineDiff.edits(["a", "b", "c", "d"], ["a", "c", "d"])
        #expect(script.filter(\.isChange) == [.removed("b", expected: 2)])
    }

    @Test func aChangedLineIsARemovalAndAnAddition() {
        let script = LineDiff.edits(["a", "b", "c"], ["a", "B", "c"])
        #expect(script.filter(\.isChange) == [.removed("b", expected: 2), .added("B", actual: 2)])
    }

    /// Random pairs of short texts over a small alphabet (so lines repeat): the script rebuilds
    /// both texts and is as short as a diff can be, n + m − 2·LCS changes.
    @Test func scriptsRebuildBothTextsAndAreShortest() {
        var random = Xoshiro256StarStar(seed: 7)
        func text() -> [String] { (0..<Int(random.next() % 12)).map { _ in ["a", "b", "c", "d"][Int(random.next() % 4)] } }
        for _ in 0..<500 {
            let (old, new) = (text(), text())
            let script = LineDiff.edits(old, new)
            #expect(sides(script).expected == old && sides(script).actual == new, "\(old) → \(new)")
            #expect(script.count(where: \.isChange) == old.count + new.count - 2 * lcsLength(old, new), "\(old) → \(new)")
        }
    }

    /// Past the edit budget the script is no longer the shortest, but still correct.
    @Test func aDiffOverTheBudgetIsStillCorrect() {
        let old = (0..<50).map { "line \($0)" }, new = (0..<50).map { $0 % 3 == 0 ? "line \($0)" : "other \($0)" }
        let script = LineDiff.edits(old, new, maximumEdits: 5)
        #expect(sides(script).expected == old && sides(script).actual == new)
    }

    @Test func reportShowsNumberedLinesWithContextAndTheCount() throws {
        let expected = (1...20).map { "line \($0)\n" }.joined()
        let actual = expected.replacingOccurrences(of: "line 10\n", with: "line ten\n")
        let report = try #require(LineDiff.report(expected: expected, actual: actual))
        #expect(
            report == """
                2 differing lines (1 removed, 1 added):
                --- expected
                +++ actual
                @@ -7,7 +7,7 @@
                   7 | line 7
                   8 | line 8
                   9 | line 9
                - 10 | line 10
                + 10 | line ten
                  11 | line 11
                  12 | line 12
                  13 | line 13
                """)
        #expect(LineDiff.report(expected: expected, actual: expected) == nil)
    }

    @Test func reportIsCutAfterFortyLinesButCountsEveryDifference() throws {
        let expected = (1...200).map { "\($0)\n" }.joined()
        let actual = (1...200).map { "\($0 % 2 == 0 ? "even" : String($0))\n" }.joined()
        let report = try #require(LineDiff.report(expected: expected, actual: actual))
        let lines = report.split(separator: "\n")
        #expect(lines.first == "200 differing lines (100 removed, 100 added):")
        #expect(lines.count == 3 + 40 + 1)
        #expect(lines.last?.hasPrefix("… ") == true && lines.last?.hasSuffix(" more lines of diff not shown") == true)
    }

    @Test func reportNamesAMissingFinalNewlineAndShowsControlCharacters() throws {
        #expect(
            LineDiff.report(expected: "a\nb\n", actual: "a\nb")
                == "the lines are equal, but expected ends with a newline and actual does not end with a newline")
        let report = try #require(LineDiff.report(expected: "a\n", actual: "a\r\n"))
        #expect(report.contains("+ 1 | a\\u{D}"))
    }
}
