import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Command lines shaped like swift-argument-parser's own test cases, each checked for its exit
/// status, standard output and standard error separately. The messages are swift-argument-
/// parser 1.8's (`Usage/UsageGenerator.swift`, `Usage/MessageInfo.swift`): `Error: …`, then
/// `Usage: …` and `  See 'scaleplan <command> --help' for more information.`
struct ArgumentCase: Sendable, CustomTestStringConvertible {
    enum Output: Sendable {
        /// Exactly this text.
        case exactly(String)
        /// The same bytes as this other command line prints.
        case sameAs([String])
        /// Text containing each fragment (wrapped lines joined).
        case contains([String])
        case empty
    }

    let name: String
    let arguments: [String]
    var stdin: String = ""
    let status: Int32
    let stdout: Output
    let stderr: Output

    var testDescription: String { name }
}

let sayarJSON = String(decoding: (try? FileIO.read(repositoryRoot + "/profiles/sayar.json", limit: 1 << 22)) ?? [], as: UTF8.self)

let argumentCases: [ArgumentCase] = [
    // A value-taking option followed by an option, or by nothing.
    ArgumentCase(
        name: "missing value at the end", arguments: ["simulate", "sayar", "--months"], status: 64, stdout: .empty,
        stderr: .contains([
            "Error: Missing value for '--months <n>'\nUsage: scaleplan simulate <profile>",
            "See 'scaleplan simulate --help' for more information.\n",
        ])),
    ArgumentCase(
        name: "missing value before an option", arguments: ["simulate", "sayar", "--months", "--format", "json"], status: 64,
        stdout: .empty, stderr: .contains(["Error: Missing value for '--months <n>'\n"])),
    ArgumentCase(
        name: "-o never takes --quiet as its file", arguments: ["simulate", "oviya", "--format", "csv", "-o", "--quiet"],
        status: 64, stdout: .empty, stderr: .contains(["Error: Missing value for '-o <file>'\n"])),
    ArgumentCase(
        name: "-- is not a value", arguments: ["simulate", "sayar", "--months", "--"], status: 64, stdout: .empty,
        stderr: .contains(["Error: Missing value for '--months <n>'\n"])),
    // Unknown options and values.
    ArgumentCase(
        name: "unknown option", arguments: ["simulate", "sayar", "--nonsense"], status: 64, stdout: .empty,
        stderr: .contains(["Error: Unknown option '--nonsense'\nUsage: scaleplan simulate"])),
    ArgumentCase(
        name: "misspelt option", arguments: ["capacity", "sayar", "--formt", "json"], status: 64, stdout: .empty,
        stderr: .contains(["Error: Unknown option '--formt'. Did you mean '--format'?\n"])),
    ArgumentCase(
        name: "unknown letter among combined flags", arguments: ["simulate", "sayar", "-qx"], status: 64, stdout: .empty,
        stderr: .contains(["Error: Unknown option '-x' in '-qx'\n"])),
    ArgumentCase(
        name: "bad enum value", arguments: ["capacity", "sayar", "--format", "xml"], status: 64, stdout: .empty,
        stderr: .contains(["Error: The value 'xml' is invalid for '--format <format>'. Choose from: table, json, csv, markdown."])
    ),
    ArgumentCase(
        name: "bad enum value with =", arguments: ["capacity", "sayar", "--color=sometimes"], status: 64, stdout: .empty,
        stderr: .contains(["Error: The value 'sometimes' is invalid for '--color <when>'. Choose from: auto, always, never."])),
    ArgumentCase(
        name: "a flag given a value", arguments: ["simulate", "sayar", "--quiet=yes"], status: 64, stdout: .empty,
        stderr: .contains(["Error: The option '--quiet' does not take any value, but 'yes' was specified."])),
    ArgumentCase(
        name: "an extra argument", arguments: ["show", "sayar", "oviya"], status: 64, stdout: .empty,
        stderr: .contains(["Error: Unexpected argument 'oviya'"])),
    ArgumentCase(
        name: "a missing argument", arguments: ["capacity"], status: 64, stdout: .empty,
        stderr: .contains(["Error: Missing expected argument '<profile>'"])),
    // Values written other ways.
    ArgumentCase(
        name: "--opt=value", arguments: ["simulate", "sayar", "--months=6", "--format=csv"], status: 0,
        stdout: .sameAs(["simulate", "sayar", "--months", "6", "--format", "csv"]), stderr: .empty),
    ArgumentCase(
        name: "a repeated option: the last wins",
        arguments: ["simulate", "sayar", "--months", "3", "--months", "6", "--format", "csv"],
        status: 0, stdout: .sameAs(["simulate", "sayar", "--months", "6", "--format", "csv"]), stderr: .empty),
    ArgumentCase(
        name: "-o - is standard output", arguments: ["capacity", "sayar", "-o", "-"], status: 0,
        stdout: .sameAs(["capacity", "sayar"]),
        stderr: .empty),
    ArgumentCase(
        name: "-o=- is standard output", arguments: ["capacity", "sayar", "-o=-"], status: 0,
        stdout: .sameAs(["capacity", "sayar"]),
        stderr: .empty),
    ArgumentCase(
        name: "combined flags with a value", arguments: ["simulate", "sayar", "--trials", "50", "-qo", "-", "--format", "csv"],
        status: 0, stdout: .sameAs(["simulate", "sayar", "--trials", "50", "--quiet", "--format", "csv"]), stderr: .empty),
    ArgumentCase(
        name: "a negative number is a value", arguments: ["simulate", "sayar", "--months", "-3"], status: 64, stdout: .empty,
        stderr: .contains(["Error: The value '-3' is invalid for '--months <n>': expected a whole number from 1 to 1200."])),
    // -- ends the options.
    ArgumentCase(
        name: "-- before the profile", arguments: ["show", "--", "sayar"], status: 0, stdout: .sameAs(["show", "sayar"]),
        stderr: .empty),
    ArgumentCase(
        name: "after --, an option-like word is a profile", arguments: ["show", "--", "--format"], status: 64, stdout: .empty,
        stderr: .contains(["'--format'"])),
    // Help anywhere wins.
    ArgumentCase(
        name: "help after an unknown option", arguments: ["simulate", "--nonsense", "--help"], status: 0,
        stdout: .sameAs(["help", "simulate"]), stderr: .empty),
    ArgumentCase(
        name: "help after a missing value", arguments: ["simulate", "--months", "-h"], status: 0,
        stdout: .sameAs(["help", "simulate"]), stderr: .empty),
    ArgumentCase(
        name: "help among combined flags", arguments: ["simulate", "-qh"], status: 0, stdout: .sameAs(["help", "simulate"]),
        stderr: .empty),
    ArgumentCase(
        name: "help before the command's arguments", arguments: ["diff", "--help", "sayar"], status: 0,
        stdout: .sameAs(["help", "diff"]), stderr: .empty),
    ArgumentCase(
        name: "help as a value is still a value", arguments: ["show", "--", "--help"], status: 64, stdout: .empty,
        stderr: .contains(["'--help'"])),
    // - reads standard input.
    ArgumentCase(
        name: "- as the profile", arguments: ["show", "-"], stdin: sayarJSON, status: 0, stdout: .sameAs(["show", "sayar"]),
        stderr: .empty),
    ArgumentCase(
        name: "- as the observed file", arguments: ["check", "sayar", "--observed", "-", "--format", "json"],
        stdin: "businesses,48\napi_requests_month,520000\n", status: 1, stdout: .contains(["\"failed\": true"]),
        stderr: .contains(["check failed (--fail-on warning): 2 triggers at or above warning fire:", "starter-upgrade (warning)"])
    ),
    ArgumentCase(
        name: "- as the growth CSV", arguments: ["simulate", "sayar", "--growth-csv", "-", "--format", "csv"],
        stdin: "0,20\n1,30\n2,45\n",
        status: 0, stdout: .sameAs(["simulate", "sayar", "--growth", "points:0=20,1=30,2=45", "--format", "csv"]), stderr: .empty),
    ArgumentCase(
        name: "- twice", arguments: ["check", "-", "--observed", "-"], stdin: sayarJSON, status: 64, stdout: .empty,
        stderr: .contains([
            "Error: Standard input ('-') can be read only once: the profile already takes it; give --observed as a file."
        ])),
    ArgumentCase(
        name: "an empty standard input", arguments: ["show", "-"], status: 65, stdout: .empty, stderr: .contains(["<stdin>"])),
    // diff's options belong to one of its two forms.
    ArgumentCase(
        name: "a negative percentage is a value, and refused",
        arguments: ["diff", "a.json", "b.json", "--fail-on-increase", "-10%"],
        status: 64, stdout: .empty,
        stderr: .contains([
            "Error: The value '-10%' is invalid for '--fail-on-increase <amount>': expected an amount or a percentage of at least 0"
        ])),
    ArgumentCase(
        name: "--fail-on-increase on a tier diff", arguments: ["diff", "sayar", "starter", "growth", "--fail-on-increase", "5"],
        status: 64, stdout: .empty, stderr: .contains(["--fail-on-increase applies to a plan diff (two profile files)"])),
    ArgumentCase(
        name: "--at on a plan diff", arguments: ["diff", "sayar", "oviya", "--at", "3"], status: 64, stdout: .empty,
        stderr: .contains(["--at applies to a diff of two tiers"])),
    ArgumentCase(
        name: "a tier diff missing its second tier", arguments: ["diff", "sayar", "starter"], status: 64, stdout: .empty,
        stderr: .contains(["Missing expected argument '<tier-b>': 'starter' is a tier of 'sayar'"])),
    ArgumentCase(
        name: "a long argument with spaces is shortened",
        arguments: ["simulate", "sayar", "--months", String(repeating: "x ", count: 5000)],
        status: 64, stdout: .empty, stderr: .contains(["Error: The value 'x x x", "x…' is invalid for '--months <n>'"])),
]

@Suite struct ArgumentParsingTests {
    @Test(arguments: argumentCases)
    func statusStdoutAndStderr(_ item: ArgumentCase) {
        let result = runCLI(item.arguments, stdin: Array(item.stdin.utf8))
        #expect(result.stderr.count < 2000, "echoed text is shortened")
        #expect(result.status == item.status, "\(item.arguments): \(result.stderr)")
        check(result.stdout, item.stdout, "stdout of \(item.arguments)")
        check(result.stderr, item.stderr, "stderr of \(item.arguments)")
    }

    func check(
        _ text: String, _ expected: ArgumentCase.Output, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        switch expected {
        case .empty: #expect(text.isEmpty, "\(what): \(text)", sourceLocation: sourceLocation)
        case .exactly(let wanted): #expect(text == wanted, "\(what)", sourceLocation: sourceLocation)
        case .sameAs(let other):
            let reference = runCLI(other)
            #expect(!reference.stdout.isEmpty && text == reference.stdout, "\(what) vs \(other)", sourceLocation: sourceLocation)
        case .contains(let fragments):
            let unwrapped = text.replacingOccurrences(of: "\n       ", with: " ")
            for fragment in fragments {
                #expect(unwrapped.contains(fragment), "\(what): expected \(fragment) in\n\(text)", sourceLocation: sourceLocation)
            }
        }
    }

    /// `-o=FILE` and `-oFILE` write FILE (not `=FILE`), and the equals form of a long option too.
    @Test func shortOptionValueForms() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = runCLI(["capacity", "sayar"]).stdout
        for (index, form) in [
            ["-o=\(folder)/a.txt"], ["-o\(folder)/b.txt"], ["--output=\(folder)/c.txt"], ["-o", "\(folder)/d.txt"],
        ].enumerated() {
            let result = runCLI(["capacity", "sayar"] + form)
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(form): \(result.stderr)")
            let name = folder + "/" + ["a", "b", "c", "d"][index] + ".txt"
            #expect(String(decoding: try FileIO.read(name, limit: 1 << 20), as: UTF8.self) == expected, "\(form)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.txt", "b.txt", "c.txt", "d.txt"])
    }
}
