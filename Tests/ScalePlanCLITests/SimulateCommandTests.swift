import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

@Suite struct SimulateCommandTests {
    static let goldenProfiles = ["sayar", "musician"]

    @Test(arguments: goldenProfiles, ReportFormat.allCases)
    func simulateIsGoldenInEveryFormat(id: String, format: ReportFormat) throws {
        let result = runCLI(["simulate", id, "--format", format.rawValue])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let suffix = format == .markdown ? "md" : format == .table ? "txt" : format.rawValue
        try expectGolden(result.stdout, "simulate-\(id).\(suffix)")
        if format == .table {
            for line in result.stdout.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        }
        if format == .json {
            _ = try JSONParser.parse(result.stdout)
            expectValidJSON(result.stdout)
        }
    }

    @Test(arguments: goldenProfiles, ReportFormat.allCases)
    func capacityIsGoldenInEveryFormat(id: String, format: ReportFormat) throws {
        let result = runCLI(["capacity", id, "--format", format.rawValue])
        #expect(result.status == 0)
        let suffix = format == .markdown ? "md" : format == .table ? "txt" : format.rawValue
        try expectGolden(result.stdout, "capacity-\(id).\(suffix)")
        if format == .json {
            _ = try JSONParser.parse(result.stdout)
            expectValidJSON(result.stdout)
        }
    }

    @Test(arguments: bundledIDs)
    func everyBundledProfileSimulatesOverItsDefaultScenario(id: String) throws {
        for format in ReportFormat.allCases {
            let result = runCLI(["simulate", id, "--format", format.rawValue])
            #expect(result.status == 0, "\(id) \(format): \(result.stderr)")
        }
        let text = runCLI(["simulate", id, "--format", "json", "--months", "120"]).stdout
        let parsed = expectValidJSON(text) as? [String: Any]
        #expect((parsed?["months"] as? [Any])?.count == 120)
        let json = try JSONParser.parse(text)
        guard case .object(let members) = json.value,
            case .array(let months) = members.first(where: { $0.key == "months" })?.value.value
        else {
            Issue.record("no months")
            return
        }
        #expect(months.count == 120)
    }

    @Test func csvHasAStableHeaderAndOneRowPerMonth() {
        let output = runCLI(["simulate", "sayar", "--format", "csv", "--months", "24"]).stdout
        let lines = output.split(separator: "\n")
        #expect(lines.count == 25)
        #expect(lines[0].hasPrefix(ProjectionCSVRenderer.fixedColumns.joined(separator: ",")))
        let columns = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        for line in lines.dropFirst() { #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == columns) }
    }

    @Test func growthOptions() {
        let constant = runCLI(["simulate", "sayar", "--growth", "constant:value=100", "--months", "3", "--format", "csv"])
        #expect(constant.status == 0)
        #expect(constant.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: ",")[2] == "100" })
        let labelled = runCLI([
            "simulate", "sayar", "--growth=exponential:start=20,rate=0.1", "--start", "2027-11", "--months", "3",
        ])
        #expect(labelled.stdout.contains("2027-11") && labelled.stdout.contains("2028-01"))
        let scenario = runCLI(["simulate", "sayar", "--scenario", "fast", "--months", "2"])
        #expect(scenario.status == 0 && scenario.stdout.contains("scenario fast"))
    }

    @Test func usageErrors() {
        let scenario = runCLI(["simulate", "sayar", "--scenario", "fsat"])
        #expect(scenario.status == 64)
        #expect(scenario.stderr.hasPrefix("Error: Unknown scenario 'fsat' in profile 'sayar'. Did you mean 'fast'?"))
        #expect(runCLI(["simulate", "sayar", "--months", "0"]).status == 64)
        #expect(runCLI(["simulate", "sayar", "--months", "x"]).status == 64)
        #expect(runCLI(["simulate", "sayar", "--start", "2026-13"]).status == 64)
        let both = runCLI(["simulate", "sayar", "--growth", "constant:value=1", "--scenario", "fast"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: Use only one of --scenario, --growth, --growth-csv and --growth-fit"))
        let growth = runCLI(["simulate", "sayar", "--growth", "exponentail:start=1,rate=0.1"])
        #expect(growth.stderr.hasPrefix("Error: Unknown growth kind 'exponentail'. Did you mean 'exponential'?"))
        let tier = runCLI(["capacity", "sayar", "--tier", "grwoth"])
        #expect(tier.status == 64)
        #expect(tier.stderr.hasPrefix("Error: Unknown tier 'grwoth' in profile 'sayar'. Did you mean 'growth'?"))
    }

    @Test func growthCSVFromAFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("month,value\n0,20\n2,60\n".utf8), to: folder + "/good.csv")
        let good = runCLI(["simulate", "sayar", "--growth-csv", folder + "/good.csv", "--months", "3", "--format", "csv"])
        #expect(good.status == 0)
        #expect(good.stdout.split(separator: "\n")[3].split(separator: ",")[2] == "60")
        try FileIO.writeAtomically(Array("month,value\n0,20\n1,lots\n".utf8), to: folder + "/bad.csv")
        let bad = runCLI(["simulate", "sayar", "--growth-csv", folder + "/bad.csv"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("\(folder)/bad.csv:3:3: error: value 'lots' is not a number ≥ 0"), "\(bad.stderr)")
        #expect(runCLI(["simulate", "sayar", "--growth-csv", folder + "/none.csv"]).status == 66)
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan.json"
        let result = runCLI(["simulate", "sayar", "--format", "json", "-o", path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let written = String(decoding: try FileIO.read(path, limit: 1 << 24), as: UTF8.self)
        #expect(written == runCLI(["simulate", "sayar", "--format", "json"]).stdout)
        expectValidJSON(written)
        // A failing run leaves the existing file untouched.
        let failed = runCLI(["simulate", "sayar", "--months", "0", "-o", path])
        #expect(failed.status == 64)
        #expect(String(decoding: try FileIO.read(path, limit: 1 << 24), as: UTF8.self) == written)
        #expect(runCLI(["simulate", "sayar", "-o", folder + "/missing/out.txt"]).status == 73)
        #expect(runCLI(["simulate", "sayar", "-o", "/dev/full"]).status == 74)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.json"])
    }

    @Test func sameInputsGiveByteIdenticalOutput() {
        for format in ReportFormat.allCases {
            let first = runCLI(["simulate", "musician", "--format", format.rawValue]).stdout
            #expect(runCLI(["simulate", "musician", "--format", format.rawValue]).stdout == first)
        }
    }
}
