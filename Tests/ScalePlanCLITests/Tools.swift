import Foundation
import Testing

@testable import ScalePlanKit

/// A program some tests run: a browser, a shell, the built `scaleplan` binary.
struct Tool: Sendable, CustomStringConvertible {
    /// What the tool is called in messages (`chromium`).
    let name: String
    /// Where it was found, nil when it is not installed.
    let path: String?

    var description: String { name }

    /// The tool's path, or — when it is missing — a recorded issue and a thrown error that
    /// ends the test. Tests that need a tool carry `.requires(tool)`, so they only get here
    /// without it in CI, where that is a failure.
    func required(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        try #require(path, "\(name) is not installed, and this test needs it", sourceLocation: sourceLocation)
    }
}

/// Every external tool the tests use, looked up once, in one place.
enum Tools {
    /// Whether this is a CI run (`CI=true`): a missing tool then fails the tests that need it
    /// instead of skipping them.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Headless Chromium, which renders the HTML roadmap.
    static let chromium = Tool(name: "chromium", path: find("chromium", "chromium-browser", "google-chrome"))
    static let bash = Tool(name: "bash", path: find("bash"))
    static let zsh = Tool(name: "zsh", path: find("zsh"))
    static let fish = Tool(name: "fish", path: find("fish"))
    /// clang (from the Swift toolchain), which builds the LD_PRELOAD shim of the signal tests.
    static let clang = Tool(name: "clang", path: find("clang"))
    /// mandoc, which lints and renders the man page.
    static let mandoc = Tool(name: "mandoc", path: find("mandoc"))
    /// python3 with the jsonschema package, which validates JSON outputs against their schemas.
    static let jsonschema: Tool = {
        let python = find("python3")
        let works = python.flatMap { try? runProcess($0, ["-c", "import jsonschema"]).status } == 0
        return Tool(name: "python3 with jsonschema", path: works ? python : nil)
    }()
    /// The official Mermaid library, as PyPI's `mmdc` package ships it (`mmdc/assets/mermaid.js`,
    /// Mermaid 11), loaded into a page in headless Chromium to parse and render our charts.
    static let mermaid: Tool = {
        let python = find("python3")
        let located = python.flatMap {
            try? runProcess(
                $0, ["-c", "import mmdc, os; print(os.path.join(os.path.dirname(mmdc.__file__), 'assets', 'mermaid.js'))"])
        }
        let path = located.flatMap { $0.status == 0 ? $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        return Tool(
            name: "mermaid.js (pip install mmdc)", path: path.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil })
    }()
    /// PyPI's pymarkdownlnt, the markdown linter the roadmap and fit documents must pass (with
    /// `Tests/Tools/pymarkdown.json`).
    static let pymarkdown = Tool(name: "pymarkdown (pip install pymarkdownlnt)", path: find("pymarkdown"))
    /// poppler's pdfinfo and pdftotext, which read back the roadmap printed to PDF.
    static let pdfinfo = Tool(name: "pdfinfo (poppler-utils)", path: find("pdfinfo"))
    static let pdftotext = Tool(name: "pdftotext (poppler-utils)", path: find("pdftotext"))
    /// Debian's Prometheus server and its promtool, for the live `check --prometheus` tests and
    /// for checking `rules` output.
    static let prometheus = Tool(name: "prometheus", path: find("prometheus"))
    static let promtool = Tool(name: "promtool (prometheus)", path: find("promtool"))
    /// python3, which serves the live tests' scrape target.
    static let python = Tool(name: "python3", path: find("python3"))
    /// binutils' nm, which lists the built binary's symbols.
    static let nm = Tool(name: "nm (binutils)", path: find("nm"))
    /// script(1) from util-linux, which runs a command on a pseudo-terminal.
    static let script = Tool(name: "script", path: find("script"))

    /// The `scaleplan` binary of this build: beside the test bundle (`swift test`), else in the
    /// checkout's debug build folder.
    static let scaleplan: Tool = {
        let bundle =
            CommandLine.arguments.first.map {
                $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0
            } ?? ""
        let candidates = [ProfileLibrary.parent(of: bundle) + "/scaleplan", repositoryRoot + "/.build/debug/scaleplan"]
        return Tool(name: "scaleplan", path: candidates.first { FileManager.default.isExecutableFile(atPath: $0) })
    }()

    /// The optimised `scaleplan` (`make test` builds it): what time and memory bounds are about.
    static let releaseScaleplan: Tool = {
        let path = repositoryRoot + "/.build/release/scaleplan"
        return Tool(name: "scaleplan (release build)", path: FileManager.default.isExecutableFile(atPath: path) ? path : nil)
    }()

    /// The first of `names` found as an executable on `PATH` or in the usual folders.
    static func find(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin", "/snap/bin"]
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `tool` is installed, or in CI whether or not it is (so a missing
    /// tool fails there); elsewhere the test is reported as skipped, not passed.
    static func requires(_ tool: Tool) -> Self {
        .enabled(if: tool.path != nil || Tools.isCI, "needs \(tool.name), which is not installed")
    }
}
