import Foundation
import Testing

@testable import ScalePlanKit

/// The built binary on a real pseudo-terminal (script(1) from util-linux): colour only when it
/// should, the progress bar on a terminal's stderr only, and the terminal's width (or COLUMNS)
/// respected.
@Suite(.requires(Tools.script)) struct TerminalTests {
    /// What `command` (a shell command line) prints on a pseudo-terminal `columns` wide, with
    /// `environment` (TERM defaults to xterm-256color; NO_COLOR and COLUMNS are unset unless
    /// given). Carriage returns from the terminal's line discipline are removed.
    func onTerminal(_ command: String, columns: Int = 80, environment: [String: String] = [:]) throws -> (
        status: Int32, output: String
    ) {
        let binary = try Tools.scaleplan.required()
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["COLUMNS"] = nil
        env["TERM"] = "xterm-256color"
        env["SCALEPLAN_PROFILES"] = repositoryRoot + "/profiles"
        env["PATH"] = ProfileLibrary.parent(of: binary) + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env.merge(environment) { $1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Tools.script.required())
        // -q: no "Script started" lines; -e: the command's exit status; -c: the command.
        // script(1)'s shell exports COLUMNS from the terminal; unset, so the binary asks the
        // terminal itself, as in an interactive shell that does not export it.
        process.arguments = ["-qec", "stty cols \(columns) rows 40; unset COLUMNS LINES; " + command, "/dev/null"]
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
    }

    static let escape = "\u{1B}["
    /// A check whose warning trigger fires, so the output has coloured severities.
    static let check = "scaleplan check sayar --observed \(badInputFixtures)/observed/firing.json"

    @Test func colourOnATerminalOnly() throws {
        let coloured = try onTerminal(Self.check + " 2>/dev/null")
        #expect(coloured.status == 1)
        #expect(coloured.output.contains(Self.escape), "\(coloured.output)")
        let codes = coloured.output.matches(of: /\[[0-9;]+m/).count
        #expect(codes > 0 && coloured.output.matches(of: /\u{1B}\[[0-9;]+m/).count == codes, "every code starts with ESC")
        let piped = try onTerminal(Self.check + " 2>/dev/null | cat")
        #expect(!piped.output.contains(Self.escape), "a pipe gets no colour")
        #expect(piped.output.contains("warning"))
        let forced = try onTerminal(Self.check + " --color always 2>/dev/null | cat")
        #expect(forced.output.contains(Self.escape), "--color always colours a pipe")
    }

    @Test(arguments: [
        (["NO_COLOR": "1"], [String]()), (["TERM": "dumb"], []), ([:], ["--color", "never"]), ([:], ["--no-color"]),
        (["NO_COLOR": "1"], ["--color", "auto"]),
    ])
    func noColour(_ environment: [String: String], _ options: [String]) throws {
        let result = try onTerminal(([Self.check] + options).joined(separator: " ") + " 2>&1", environment: environment)
        #expect(result.status == 1)
        #expect(result.output.contains("warning"))
        #expect(!result.output.contains("\u{1B}"), "\(environment) \(options): \(result.output)")
    }

    /// `NO_COLOR` loses to an explicit `--color always`.
    @Test func alwaysBeatsNoColor() throws {
        let result = try onTerminal(Self.check + " --color always 2>/dev/null", environment: ["NO_COLOR": "1"])
        #expect(result.output.contains(Self.escape))
    }

    /// The progress bar is drawn on a terminal's stderr, then erased; never into a pipe or a
    /// file, never with --quiet or TERM=dumb, and never on stdout.
    @Test func progressBarOnATerminalOnly() throws {
        let simulate = "scaleplan simulate musician --trials 20000 --months 120 --format csv"
        let drawn = try onTerminal(simulate + " >/dev/null")
        #expect(drawn.status == 0)
        #expect(drawn.output.contains("\r[#") && drawn.output.contains("%\r["), "redrawn in place: \(drawn.output.prefix(300))")
        #expect(drawn.output.hasSuffix("\r\u{1B}[K"), "the bar's line is erased at the end")
        for (command, environment) in [
            (simulate + " 2>&1 >/dev/null | cat", [String: String]()),
            (simulate + " --quiet >/dev/null", [:]),
            (simulate + " >/dev/null", ["TERM": "dumb"]),
        ] {
            let result = try onTerminal(command, environment: environment)
            #expect(result.status == 0)
            #expect(result.output.isEmpty, "\(command) \(environment): \(result.output.prefix(200))")
        }
        let stdout = try onTerminal(simulate + " 2>/dev/null")
        #expect(!stdout.output.contains("%]") && !stdout.output.contains("\r["), "no bar on stdout")
    }

    /// A terminal's width is used; COLUMNS, when set, wins over it.
    @Test func theTerminalsWidthAndColumns() throws {
        let wide = try onTerminal("scaleplan simulate sayar 2>&1", columns: 132)
        let widest = wide.output.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest > 80 && widest <= 132, "widest line \(widest)")
        let narrow = try onTerminal("COLUMNS=60 scaleplan simulate sayar 2>&1", columns: 132)
        let narrowest = narrow.output.split(separator: "\n").map(\.count).max() ?? 0
        #expect(narrowest <= 60, "COLUMNS=60 on a 132-column terminal: widest line \(narrowest)")
    }
}
