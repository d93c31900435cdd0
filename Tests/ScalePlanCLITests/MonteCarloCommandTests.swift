import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

@Suite struct MonteCarloCommandTests {
    @Test(arguments: ["sayar", "oviya"], ReportFormat.allCases)
    func monteCarloIsGoldenInEveryFormat(id: String, format: ReportFormat) throws {
        let result = runCLI(["simulate", id, "--trials", "600", "--months", "24", "--format", format.rawValue])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let suffix = format == .markdown ? "md" : format == .table ? "txt" : format.rawValue
        try expectGolden(result.stdout, "montecarlo-\(id).\(suffix)")
        if format == .json {
            _ = try JSONParser.parse(result.stdout)
            expectValidJSON(result.stdout)
        }
        if format == .table { for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") } }
    }

    /// Every money amount in one column of the Monte Carlo table has the same number of
    /// decimals (compact `$11.6K` cells aside), on every bundled profile.
    @Test(arguments: bundledIDs)
    func eachColumnKeepsOneNumberOfDecimals(id: String) throws {
        let table = runCLI(["simulate", id, "--trials", "2000", "--months", "36"], environment: ["COLUMNS": "200"]).stdout
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rule = try #require(lines.firstIndex { $0.hasPrefix("-----") })
        // Column spans from the rule under the header: runs of dashes.
        var spans: [Range<Int>] = []
        var start: Int?
        for (offset, character) in Array(lines[rule] + " ").enumerated() {
            if character == "-", start == nil { start = offset }
            if character != "-", let begin = start {
                spans.append(begin..<offset)
                start = nil
            }
        }
        for span in spans.dropFirst() {
            var decimals: Set<Int> = []
            for line in lines[(rule + 1)...].prefix(while: { !$0.isEmpty }) {
                let characters = Array(line)
                guard span.upperBound <= characters.count else { continue }
                let cell = String(characters[span])
                for match in cell.matches(of: /\$[0-9,]+(\.[0-9]+)?(K|M|B)?/) where match.output.2 == nil {
                    decimals.insert(match.output.1.map { $0.count - 1 } ?? 0)
                }
            }
            #expect(decimals.count <= 1, "\(id) column at \(span): decimals \(decimals)")
        }
    }

    @Test(arguments: bundledIDs)
    func byteIdenticalAcrossThreadCountsInEveryFormat(id: String) {
        for format in ReportFormat.allCases {
            let base = ["simulate", id, "--trials", "1100", "--months", "30", "--format", format.rawValue]
            let one = runCLI(base + ["--threads", "1"])
            #expect(one.status == 0)
            #expect(runCLI(base + ["--threads", "2"]).stdout == one.stdout)
            #expect(runCLI(base + ["--threads", "5"]).stdout == one.stdout)
            #expect(runCLI(base).stdout == one.stdout, "the default seed is fixed")
        }
    }

    @Test func csvCarriesEveryPercentileAndTheOdds() {
        let output = runCLI(["simulate", "sayar", "--trials", "200", "--months", "12", "--format", "csv"]).stdout
        let header = output.split(separator: "\n")[0]
        for column in [
            "businesses.p10", "businesses.p50", "businesses.p90", "businesses.mean", "cost.p50", "revenue.p90",
            "margin.mean", "tier.growth.needed_by", "tier.growth.in_plan", "utilization.p90", "p95_ms.p50", "ram_gb.p50",
        ] {
            #expect(header.contains(column), "\(column)")
        }
        #expect(output.split(separator: "\n").count == 13)
        // Per-trigger odds are not per-month columns (that would be months × triggers cells).
        #expect(!header.contains("trigger."))
    }

    @Test func usageErrors() {
        #expect(runCLI(["simulate", "sayar", "--trials", "0"]).status == 64)
        #expect(runCLI(["simulate", "sayar", "--trials", "many"]).status == 64)
        #expect(runCLI(["simulate", "sayar", "--trials", "10", "--seed", "-1"]).status == 64)
        #expect(runCLI(["simulate", "sayar", "--trials", "10", "--threads", "0"]).status == 64)
        let threads = runCLI(["simulate", "sayar", "--threads", "2"])
        #expect(threads.status == 64)
        #expect(threads.stderr.hasPrefix("Error: --threads needs --trials."))
    }

    @Test func growthFromTheCommandLineIsFixedAcrossTrials() {
        let output = runCLI([
            "simulate", "sayar", "--trials", "300", "--growth", "constant:value=120", "--months", "3",
            "--format", "csv",
        ]).stdout
        for row in output.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells[2] == cells[4], "P10 = P90 for a fixed driver: \(row)")
        }
    }
}

@Suite struct ProgressBarTests {
    @Test func drawsOnlyAfterHalfASecondAndClearsItself() async throws {
        let output = OutputBuffer()
        let bar = ProgressBar(output: output)
        bar.update(0.2)
        #expect(output.text.isEmpty)
        try await Task.sleep(for: .milliseconds(600))
        bar.update(0.5)
        #expect(output.text.contains("] 50%"))
        bar.finish()
        #expect(output.text.hasSuffix("\r\u{1B}[K"))
    }
}
