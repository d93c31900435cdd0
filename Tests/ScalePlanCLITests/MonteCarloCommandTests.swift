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
        if format == .table { for line in result.stdout.split(separator: "\n") { #expect(line.count <= 100, "\(line)") } }
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
