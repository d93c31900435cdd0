import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Issue 13, item 1: `simulate --trials` says by which month to start each move, at
/// `--confidence` (default 90%) and at 50%, in every format. The dates themselves are checked
/// against a direct count over the trials in `OneEngineTests.safeStartDatesMatchADirectCountOverTheTrials`.
@Suite struct SafeStartTests {
    static func moves(_ arguments: [String]) throws -> [[String: Any]] {
        let result = runCLI(["simulate", "musician", "--trials", "2000", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return document["moves"] as? [[String: Any]] ?? []
    }

    static func startBy(_ move: [String: Any]) -> Int? { (move["start_by"] as? [String: Any])?["month"] as? Int }

    @Test func everyFormatSaysWhenToStartEachMove() throws {
        let moves = try Self.moves([])
        #expect(moves.map { $0["tier"] as? String } == ["phase2", "phase3"])
        let table = runCLI(["simulate", "musician", "--trials", "2000"]).stdout
        let markdown = runCLI(["simulate", "musician", "--trials", "2000", "--format", "markdown"]).stdout
        let csv = runCLI(["simulate", "musician", "--trials", "2000", "--format", "csv"]).stdout
        for move in moves {
            let advice = try #require(move["advice"] as? String)
            #expect(advice.contains("(90% sure to be ready in time; 50%: "), "\(advice)")
            let month = try #require(Self.startBy(move))
            #expect(advice.contains("by M\(month) "), "\(advice)")
            #expect(table.replacingOccurrences(of: "\n    ", with: " ").contains(advice), "table lacks: \(advice)")
            #expect(markdown.contains(TextSafety.markdown(advice)), "markdown lacks: \(advice)")
            #expect(csv.split(separator: "\n").first?.contains("tier.\(move["tier"] as? String ?? "").ready_if_started") == true)
            // Starting at the safe date, at least 90% of trials are ready in time; a month later, fewer.
            let ready = try #require(move["ready_if_started_in"] as? [Double])
            #expect(ready[month] >= 0.9 && (month + 1 >= ready.count || ready[month + 1] < 0.9), "\(ready)")
        }
    }

    @Test func confidenceMovesTheDateAndIsChecked() throws {
        let half = try Self.moves(["--confidence", "0.5"]), sure = try Self.moves(["--confidence", "0.99"])
        for (a, b) in zip(half, sure) {
            #expect(Self.startBy(a) == a["start_by_p50"] as? Int, "at 50% the date is the median")
            #expect((Self.startBy(b) ?? .max) <= (Self.startBy(a) ?? .max), "surer means earlier")
        }
        for bad in ["0.4", "1", "abc", "0.9995"] {
            let result = runCLI(["simulate", "musician", "--trials", "10", "--confidence", bad])
            let unwrapped = result.stderr.replacingOccurrences(of: "\n       ", with: " ")
            #expect(result.status == 64 && unwrapped.contains("expected a number from 0.5 to 0.999"), "\(bad): \(result.stderr)")
        }
        let alone = runCLI(["simulate", "musician", "--confidence", "0.8"])
        #expect(alone.status == 64 && alone.stderr.contains("--confidence needs --trials"))
    }

    /// `check --trials` dates the moves above the active tier from a Monte Carlo of the default
    /// scenario, and counts the months left from the check's month.
    @Test func checkSaysHowManyMonthsAreLeft() throws {
        let result = runCLI(
            ["check", "musician", "--observed", "-", "--trials", "2000", "--format", "json", "--fail-on", "critical"],
            stdin: Array("users,600\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let month = try #require(document["month"] as? Int)
        let moves = document["moves"] as? [[String: Any]] ?? []
        #expect(moves.map { $0["tier"] as? String } == ["phase3"], "phase2 is active: only the move above it")
        let move = try #require(moves.first)
        let startBy = try #require(move["start_by"] as? Int)
        #expect(move["months_left"] as? Int == startBy - month)
        #expect((move["advice"] as? String)?.contains("start within \(startBy - month) months (by M\(startBy); 90% sure") == true)
        let plain = runCLI(["check", "musician", "--observed", "-", "--format", "json"], stdin: Array("users,600\n".utf8))
        #expect(plain.stdout.contains("\"moves\": []"), "no moves without --trials")
    }

    /// The safe date is the latest month by which at least the share c is ready: of ten trials
    /// whose latest starts are 0…9, 90% are ready if the move starts by month 1 (nine of ten have
    /// a latest start ≥ 1), not only by month 0; 50% by month 5; a never-late trial ranks last.
    @Test func theDateIsTheLatestMonthAtTheConfidence() {
        var counts = MonthCounts()
        for month in 0..<10 { counts.add(month) }
        #expect(counts.latestMonth(withShareAtOrAbove: 0.9, trials: 10) == 1)
        #expect(counts.latestMonth(withShareAtOrAbove: 0.5, trials: 10) == 5)
        #expect(counts.latestMonth(withShareAtOrAbove: 0.999, trials: 10) == 0)
        var sparse = MonthCounts()
        sparse.add(3)
        sparse.addNever(9)
        #expect(sparse.latestMonth(withShareAtOrAbove: 0.9, trials: 10) == nil, "nine of ten never need it: no date")
        #expect(sparse.latestMonth(withShareAtOrAbove: 0.95, trials: 10) == 3)
    }
}
