import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

@Suite struct CommandOutputTests {
    @Test(arguments: bundledIDs)
    func showIsGolden(id: String) throws {
        let result = runCLI(["show", id])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try expectGolden(result.stdout, "show-\(id).txt")
        for line in result.stdout.split(separator: "\n") {
            #expect(line.count <= 100, "line longer than 100 columns: \(line)")
        }
    }

    @Test func showSayarHasAllFourTiersWithRealPricesAndTriggers() {
        let output = runCLI(["show", "sayar"]).stdout
        for tier in ["Starter (starter)", "Growth (growth)", "Scale (scale)", "Enterprise (enterprise)"] {
            #expect(output.contains(tier))
        }
        for price in ["Railway Hobby", "$99", "CloudFlare Pro", "$10,000"] { #expect(output.contains(price)) }
        #expect(output.contains("businesses >= 50"))
    }

    @Test(arguments: bundledIDs)
    func showJSONParsesAndCarriesTheTiers(id: String) throws {
        let result = runCLI(["show", id, "--format", "json"])
        #expect(result.status == 0)
        let parsed = expectValidJSON(result.stdout) as? [String: Any]
        let profile = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").profile
        #expect((parsed?["tiers"] as? [Any])?.count == profile.tiers.count)
        let root = try JSONParser.parse(result.stdout)
        guard case .object(let members) = root.value,
            case .array(let tiers) = members.first(where: { $0.key == "tiers" })?.value.value
        else {
            Issue.record("no tiers array")
            return
        }
        #expect(tiers.count == profile.tiers.count)
    }

    @Test func listIsGolden() throws {
        let result = runCLI(["list"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "list.txt")
        let json = runCLI(["list", "--format=json"])
        #expect(json.status == 0)
        _ = try JSONParser.parse(json.stdout)
        expectValidJSON(json.stdout)
    }

    @Test func schemaPrintsTheCommittedSchema() throws {
        let result = runCLI(["schema"])
        expectValidJSON(result.stdout)
        let file = try FileIO.read(repositoryRoot + "/profiles/schema/profile.schema.json", limit: 1 << 22)
        #expect(result.stdout == String(decoding: file, as: UTF8.self))
    }
}

@Suite struct HelpTests {
    /// Every command, so a new one needs its golden help.
    static let commands = ScalePlan.commands.map { $0.spec.name }

    @Test func rootHelpIsGolden() throws {
        let result = runCLI(["--help"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "help-root.txt")
        #expect(runCLI([]).stdout == result.stdout)
        #expect(runCLI(["help"]).stdout == result.stdout)
        #expect(runCLI(["-h"]).stdout == result.stdout)
    }

    @Test(arguments: commands)
    func commandHelpIsGoldenAndTheSameEveryWay(command: String) throws {
        let result = runCLI([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try expectGolden(result.stdout, "help-\(command).txt")
        #expect(runCLI(["help", command]).stdout == result.stdout)
        #expect(runCLI([command, "-h"]).stdout == result.stdout)
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80) }
        let examples = try #require(result.stdout.range(of: "\nEXAMPLES:\n"), "help ends with EXAMPLES")
        let commands = result.stdout[examples.upperBound...].split(separator: "\n").filter {
            $0.hasPrefix("  ") && !$0.hasPrefix("   ")
        }
        #expect((2...3).contains(commands.count), "\(commands)")
        #expect(!result.stdout[examples.upperBound...].contains(":\n"), "EXAMPLES is the last section")
        let spec = try #require(ScalePlan.commands.first { $0.spec.name == command }?.spec)
        let unwrapped = result.stdout.replacing(/\n +/, with: " ")
        for option in spec.options {
            if case .choices(let words) = option.completion {
                #expect(unwrapped.contains("(values: " + words.joined(separator: ", ")), "--\(option.name)")
            }
        }
    }

    @Test func versionPrintsTheVersionAlone() {
        #expect(runCLI(["--version"]).stdout == ScalePlan.version + "\n")
    }

    @Test func usageErrorsFollowArgumentParsersShape() {
        let typo = runCLI(["shwo", "sayar"])
        #expect(typo.status == 64)
        #expect(typo.stdout.isEmpty)
        #expect(
            typo.stderr == """
                Error: Unknown command 'shwo'. Did you mean 'show'?
                Usage: scaleplan <subcommand>
                  See 'scaleplan --help' for more information.

                """)
        let option = runCLI(["show", "sayar", "--formt", "json"])
        #expect(option.status == 64)
        #expect(
            option.stderr.hasPrefix(
                "Error: Unknown option '--formt'. Did you mean '--format'?\n"
                    + "Usage: scaleplan show <profile> [--format <format>] [-o <file>] [--color <when>]\n"
                    + "  See 'scaleplan show --help' for more information.\n"))
        let value = runCLI(["show", "sayar", "--format", "yaml"])
        #expect(value.status == 64)
        #expect(value.stderr.hasPrefix("Error: The value 'yaml' is invalid for '--format <format>'."))
        let extra = runCLI(["show", "sayar", "oviya"])
        #expect(extra.status == 64)
        #expect(extra.stderr.hasPrefix("Error: Unexpected argument 'oviya'"))
        let missing = runCLI(["show", "--format"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Error: Missing value for '--format <format>'\n"))
    }

    @Test func equalsFormAndDoubleDashWork() {
        #expect(runCLI(["show", "sayar", "--format=json"]).stdout == runCLI(["show", "sayar", "--format", "json"]).stdout)
        #expect(runCLI(["show", "--", "sayar"]).status == 0)
    }
}

@Suite struct ReadmeTests {
    /// The README's example profile is a real, valid profile.
    @Test func readmeExampleProfileValidates() throws {
        let readme = String(decoding: try FileIO.read(repositoryRoot + "/README.md", limit: 1 << 22), as: UTF8.self)
        let start = try #require(readme.range(of: "```json\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let example = String(readme[start.upperBound..<end.lowerBound])
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(example.utf8))
        #expect(compiled != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
