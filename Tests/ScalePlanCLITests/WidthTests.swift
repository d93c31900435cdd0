import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Every command's terminal output (table format, help, errors) fits `COLUMNS` for every
/// bundled profile: at 80 columns no line is longer than 80 characters, at 120 none longer than
/// 120, and the wider terminal shows at least as much.
@Suite struct WidthTests {
    static let widths = [80, 120]

    /// The command lines to measure for one bundled profile; `folder` holds its observed files
    /// and an edited copy for the plan diff.
    static func commands(_ id: String, folder: String) throws -> [[String]] {
        let compiled = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").compiled
        let profile = compiled.profile
        let tiers = profile.tiers.map(\.id)
        let driver = profile.driver.name
        try FileIO.writeAtomically(
            Array("\(driver),\(NumberFormatting.plain(profile.tiers[0].range.min + 1))\n".utf8), to: folder + "/first.csv")
        let busy = NumberFormatting.plain((profile.tiers.last?.range.min ?? 0) * 10 + 1e6)
        try FileIO.writeAtomically(Array("\(driver),\(busy)\n".utf8), to: folder + "/busy.csv")
        let (original, edited) = try bundledPlanChange(
            id, action: "Review the bill, and the long tail of usage-priced items, before the board meeting")
        try FileIO.writeAtomically(Array(original.utf8), to: folder + "/old.json")
        try FileIO.writeAtomically(Array(edited.utf8), to: folder + "/new.json")
        return [
            ["list"], ["show", id], ["validate", repositoryRoot + "/profiles/\(id).json"],
            ["simulate", id], ["simulate", id, "--months", "120"],
            ["simulate", id, "--trials", "300", "--seed", "3"],
            ["capacity", id],
            ["check", id, "--observed", folder + "/first.csv"], ["check", id, "--observed", folder + "/busy.csv"],
            ["diff", id, tiers[0], tiers[1]], ["diff", id, tiers[tiers.count - 1], tiers[0]],
            ["diff", folder + "/old.json", folder + "/new.json", "--fail-on-increase", "1%"],
        ]
    }

    /// The longest line of `text`, in characters (what a terminal shows), not bytes.
    static func widest(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

    @Test(arguments: bundledIDs)
    func everyCommandFitsEightyAndOneHundredTwentyColumns(id: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for command in try Self.commands(id, folder: folder) {
            for width in Self.widths {
                let result = runCLI(command, environment: ["COLUMNS": String(width)])
                #expect([0, 1].contains(result.status), "\(command): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(command)")
                #expect(Self.widest(result.stdout) <= width, "\(command) at \(width): \(Self.widest(result.stdout))")
                #expect(Self.widest(result.stderr) <= width, "\(command) at \(width): stderr")
            }
        }
    }

    /// Every ordered pair of tiers of every bundled profile: the tier diff fits 80 columns
    /// (labelled deltas are the widest cells).
    @Test(arguments: bundledIDs)
    func everyTierDiffFitsEightyColumns(id: String) throws {
        let tiers = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").profile.tiers.map(\.id)
        for from in tiers {
            for to in tiers where to != from {
                let result = runCLI(["diff", id, from, to], environment: ["COLUMNS": "80"])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(Self.widest(result.stdout) <= 80, "diff \(id) \(from) \(to): \(Self.widest(result.stdout))")
            }
        }
    }

    /// Help and usage errors wrap to the width too.
    @Test(arguments: widths)
    func helpAndErrorsFit(width: Int) {
        let environment = ["COLUMNS": String(width)]
        for command in ScalePlan.commands where !command.spec.name.hasPrefix("__") {
            let help = runCLI([command.spec.name, "--help"], environment: environment)
            #expect(Self.widest(help.stdout) <= width, "\(command.spec.name) --help at \(width)")
            let error = runCLI([command.spec.name, "--nonsense-option-that-does-not-exist"], environment: environment)
            #expect(error.status == 64)
            #expect(Self.widest(error.stderr) <= width, "\(command.spec.name) usage error at \(width)")
        }
        #expect(Self.widest(runCLI(["--help"], environment: environment).stdout) <= width)
    }

    /// A column left out says so, once, under the table; at 120 columns the projection shows
    /// the columns 80 leaves out.
    @Test func droppedColumnsAreNamed() {
        let narrow = runCLI(["simulate", "musician"], environment: ["COLUMNS": "80"]).stdout
        let wide = runCLI(["simulate", "musician"], environment: ["COLUMNS": "160"]).stdout
        let note = narrow.split(separator: "\n").filter { $0.contains("Not shown at 80 columns") }
        #expect(note.count == 1, "\(narrow)")
        #expect(!wide.contains("Not shown at"), "\(wide)")
        #expect(wide.contains("PER UNIT") && wide.contains("P95"))
    }

    /// The table renderer itself, at every width from 1 to 200: nothing traps, and from the
    /// narrowest width the columns that cannot go can take (indent 2 + NAME shortened to 4 +
    /// gap 2 + VALUE 10 = 18) no line is longer than the width.
    @Test func textTableNeverOverflowsAnyWidth() {
        let columns = [
            TableColumn("NAME", shrinksTo: 4), TableColumn("VALUE", .right),
            TableColumn("NOTE", shrinksTo: 6, dropRank: 1), TableColumn("EXTRA", .right, dropRank: 2),
        ]
        let rows = [
            ["a very long name indeed, one that never fits", "$1,234,567", "assumed from the seed's §4 table", "12%"],
            ["short", "$0", "", "–"],
        ]
        for width in 1...200 {
            let text = TextTable.render(columns, rows: rows, width: width, indent: 2)
            #expect(text.contains("$1,234,567") && text.contains("$0"))
            if width >= 18 { #expect(WidthTests.widest(text) <= width, "width \(width):\n\(text)") }
        }
    }
}
