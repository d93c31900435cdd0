import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// `scaleplan __manpage` (installed as scaleplan.1) is mdoc that mandoc accepts without a
/// single warning, and covers every command, every exit status and examples.
@Suite struct ManPageTests {
    static let page = runCLI(["__manpage"]).stdout

    @Test func coversEveryCommandExitStatusAndExamples() {
        let page = Self.page
        #expect(page.contains("\n.Dd "), "a date")
        #expect(page.contains("\n.Dt SCALEPLAN 1\n"))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            #expect(page.contains("\n.Sh \(section)\n"), "\(section)")
        }
        for command in ScalePlan.commands where !command.spec.name.hasPrefix("__") {
            #expect(page.contains("\n.Ss \(command.spec.name)\n"), "\(command.spec.name)")
        }
        let exitStatus = page.components(separatedBy: "\n.Sh EXIT STATUS\n").last?.components(separatedBy: "\n.Sh ").first ?? ""
        for code in ExitCode.allCases { #expect(exitStatus.contains("\n.It \(code.rawValue)\n"), "exit \(code.rawValue)") }
        for variable in ["NO_COLOR", "COLUMNS", "TERM", "SCALEPLAN_PROFILES"] { #expect(page.contains(variable), "\(variable)") }
        #expect(page.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII is written as \\[uXXXX]")
    }

    /// `mandoc -Tlint` prints nothing: no error, warning or style message.
    @Test(.requires(Tools.mandoc)) func mandocLintIsClean() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(Self.page.utf8), to: folder + "/scaleplan.1")
        let lint = try runProcess(try Tools.mandoc.required(), ["-Tlint", "-Wall", folder + "/scaleplan.1"])
        #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "\(lint.stdout)\(lint.stderr)")
        let rendered = try runProcess(try Tools.mandoc.required(), ["-Tutf8", "-Owidth=80", folder + "/scaleplan.1"])
        #expect(rendered.status == 0)
        let text = rendered.stdout.replacing(/.\u{8}/, with: "")  // bold and underline overstrikes
        #expect(text.contains("EXAMPLES") && text.contains("scaleplan simulate sayar"))
    }
}
