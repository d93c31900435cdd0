import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

@Suite struct RoadmapCommandTests {
    @Test(arguments: ["sayar", "oviya"], ["markdown", "html"])
    func roadmapIsGolden(id: String, format: String) throws {
        let result = runCLI(["roadmap", id, "--format", format])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try expectGolden(result.stdout, "roadmap-\(id).\(format == "html" ? "html" : "md")")
        let banded = runCLI(["roadmap", id, "--format", format, "--trials", "300", "--months", "24"])
        #expect(banded.status == 0)
        try expectGolden(banded.stdout, "roadmap-\(id)-trials.\(format == "html" ? "html" : "md")")
    }

    /// Every Mermaid block of every bundled plan's roadmap passes the project's own check.
    @Test(arguments: bundledIDs)
    func mermaidBlocksAreWellFormed(id: String) {
        for extra in [[], ["--trials", "200"]] {
            let markdown = runCLI(["roadmap", id] + extra).stdout
            let blocks = MermaidLint.blocks(markdown)
            #expect(blocks.count == 3, "\(id): two charts and a gantt")
            for block in blocks { #expect(MermaidLint.problems(block).isEmpty, "\(id): \(MermaidLint.problems(block))") }
        }
    }

    /// Every Mermaid block of every bundled roadmap, with and without trials, parses and
    /// renders with the official Mermaid 11 library in headless Chromium.
    @Test(.requires(Tools.chromium), .requires(Tools.mermaid))
    func everyBundledRoadmapRendersWithTheOfficialMermaid() throws {
        var blocks: [(String, [String])] = []
        for id in bundledIDs {
            for extra in [[], ["--trials", "200"]] {
                blocks += MermaidLint.blocks(runCLI(["roadmap", id] + extra).stdout).map { ("\(id) \(extra)", $0) }
            }
        }
        #expect(blocks.count == bundledIDs.count * 2 * 3)
        let rendered = try MermaidRenderer.render(blocks.map(\.1))
        for ((name, block), result) in zip(blocks, rendered) {
            #expect(result.problem == nil, "\(name): \(result.problem ?? "") in \(block.prefix(3))")
        }
    }

    /// Tier and profile names that are Mermaid syntax (a comment, an init directive, gantt
    /// keywords, a click, separators) leave every chart intact: each renders, the gantt keeps a
    /// bar for every tier and move, and its title stays the profile's.
    @Test(.requires(Tools.chromium), .requires(Tools.mermaid))
    func hostileNamesLeaveEveryChartIntact() throws {
        let names = Self.hostileNames
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(Self.hostileProfile.utf8), to: folder + "/hostile.json")
        let markdown = runCLI(["roadmap", folder + "/hostile.json"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let blocks = MermaidLint.blocks(markdown.stdout)
        #expect(blocks.count == 3)
        for block in blocks { #expect(MermaidLint.problems(block).isEmpty, "\(MermaidLint.problems(block))") }
        let rendered = try MermaidRenderer.render(blocks)
        for result in rendered { #expect(result.problem == nil, "\(result.problem ?? "")") }
        let gantt = try #require(rendered.last)
        #expect(gantt.tasks == names.count + (names.count - 1), "a bar for every tier and every move")
        #expect(gantt.title == "Hostile꞉ title X — projected tiers")
    }

    /// Tier names that are Mermaid syntax or too long for any column, label or chart.
    static let hostileNames = [
        "%% comment", "%%{init: {'theme':'dark'}}%%", "section X", "title Owned", "dateFormat X", "excludes weekends",
        "todayMarker off", "axisFormat %d", "click t0 href http://x", "Plain: a;b #c \"q\" <b>",
        "A tier name long enough to run past every column and every chart label the roadmap draws for it",
        "unbroken_identifier_with_no_spaces_for_the_browser_to_break_at_anywhere",
    ]

    /// A profile whose tiers carry `hostileNames`, one after another, each with a move.
    static var hostileProfile: String {
        let names = hostileNames
        let tiers = names.enumerated().map { index, name -> String in
            let range =
                index < names.count - 1
                ? "{ \"min\": \(index * 100), \"max\": \((index + 1) * 100) }" : "{ \"min\": \(index * 100) }"
            return """
                { "id": "t\(index)", "name": \(JSONOutput.quote(name)), "range": \(range), "migration": { "lead_time_months": 1 },
                  "costs": [ { "item": "Server", "category": "compute", "amount": \(5 + index) } ] }
                """
        }
        return """
            { "version": 1, "id": "hostile", "name": "Hostile: title X", "currency": "USD",
              "driver": { "name": "users", "unit": "user", "label": "Users %% x" },
              "tiers": [\(tiers.joined(separator: ", "))],
              "scenarios": [ { "id": "base", "default": true, "months": 36, "growth": { "kind": "linear", "start": 1, "step": 35 } } ] }
            """
    }

    /// A limit at 99.7% is shown as 99.7% in Risks, never rounded up to 100% (`NumberFormatting.percent`).
    @Test func risksNeverRoundUpToAHundredPercent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(tinyProfile.utf8), to: folder + "/tiny.json")
        // peak_rps = users × 0.01 against a limit of 5: 498.5 users is 99.7%.
        for format in ["markdown", "html"] {
            let result = runCLI(
                ["roadmap", folder + "/tiny.json", "--growth", "constant:value=498.5", "--months", "3", "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            // The Risks section (the options table's "Carries 100%" is a true 100%).
            let risks = result.stdout.components(separatedBy: format == "html" ? "<h2>Risks</h2>" : "## Risks").last ?? ""
            #expect(risks.contains("99.7%") && !risks.contains("100%"), "\(format)")
        }
    }

    /// No range reads "$2,472 – $2,472", the headline gives the deterministic cost as one number
    /// (its spread is a fact of its own), and amounts in another currency are converted with
    /// `fx`, the original in parentheses.
    @Test(arguments: bundledIDs)
    func moneyReadsOnce(id: String) throws {
        for extra in [[], ["--trials", "200"]] {
            for format in ["markdown", "html"] {
                let document = runCLI(["roadmap", id, "--format", format] + extra).stdout
                let collapsed = document.matches(of: /(-?[$€£₹][0-9][0-9,.]*) – (-?[$€£₹][0-9][0-9,.]*)/).filter {
                    $0.output.1 == $0.output.2
                }
                #expect(collapsed.isEmpty, "\(id) \(format) \(extra): \(collapsed.map(\.output.0))")
                #expect(!document.contains(/Monthly cost at [^|<]*[|>][^|<]*\(\$/), "\(id): a headline with two numbers")
            }
        }
        if id == "inphrone" {
            #expect(runCLI(["roadmap", id]).stdout.contains("$1,440 – $2,160 (₹120,000 – ₹180,000)"))
        }
    }

    /// The footer names the version, the day (SOURCE_DATE_EPOCH when set, so the document is
    /// reproducible), and with trials the seed and their count.
    @Test func footerSaysWhereTheDocumentCameFrom() {
        let markdown = runCLI(
            ["roadmap", "sayar", "--trials", "200", "--seed", "7"], environment: ["SOURCE_DATE_EPOCH": "951782400"])
        #expect(
            markdown.stdout.contains(
                "Generated by scaleplan \(ScalePlan.version) on 2000-02-29 (seed 7, 200 trials) from the profile `sayar`."))
        let html = runCLI(["roadmap", "sayar", "--format", "html"]).stdout
        #expect(
            html.contains(
                "<footer>Generated by scaleplan \(ScalePlan.version) on <span class=\"nb\">2026-12-01</span> from the profile “sayar”.</footer>"
            ))
        let bad = runCLI(["roadmap", "sayar"], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(bad.status == 64 && bad.stderr.contains("SOURCE_DATE_EPOCH is 'yesterday'"))
    }

    /// Days from Unix times (Hinnant's civil-from-days), against the dates Python's
    /// `datetime.utcfromtimestamp` gives for the same seconds.
    @Test(arguments: [
        (Int64(0), "1970-01-01"), (86_399, "1970-01-01"), (951_782_400, "2000-02-29"), (1_796_083_200, "2026-12-01"),
        (4_102_444_799, "2099-12-31"), (253_402_300_799, "9999-12-31"),
    ])
    func provenanceDays(seconds: Int64, day: String) {
        #expect(Provenance.day(secondsSince1970: seconds) == day)
    }

    /// The Assumptions section lists every assumption the profile states, each with its reason:
    /// params with a range or an assumption, metrics with an assumption, cost items with a note or
    /// a range, tier notes, migrations and scenarios — checked against the profile itself.
    @Test(arguments: bundledIDs)
    func assumptionsAreComplete(id: String) throws {
        let profile = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").profile
        let markdown = runCLI(["roadmap", id]).stdout
        let section = try #require(
            markdown.components(separatedBy: "## Assumptions").last?.components(separatedBy: "## Method").first)
        let md = TextSafety.markdown
        for param in profile.params where param.value.isUncertain || param.assumption != nil {
            #expect(section.contains("| param | \(md(param.label ?? param.name)) |"), "\(id): param \(param.name)")
            if let why = param.assumption { #expect(section.contains(md(why)), "\(id): why of \(param.name)") }
        }
        for metric in profile.metrics {
            guard let why = metric.assumption else { continue }
            #expect(
                section.contains("| metric | \(md(metric.label ?? metric.name)) |") && section.contains(md(why)),
                "\(id): \(metric.name)")
        }
        for tier in profile.tiers {
            for cost in tier.costs {
                let ranged: Bool
                if case .range = cost.amount { ranged = true } else { ranged = false }
                guard ranged || cost.note != nil else { continue }
                #expect(section.contains("| cost | \(md(tier.name + " / " + cost.displayName)) |"), "\(id): \(cost.item)")
                if let note = cost.note { #expect(section.contains(md(note)), "\(id): note of \(cost.item)") }
            }
            for note in tier.notes { #expect(section.contains(md(note)), "\(id): a note of \(tier.id)") }
            if let migration = tier.migration, migration.leadTimeMonths != nil || migration.note != nil {
                #expect(section.contains("| migration | \(md("Move to " + tier.name)) |"), "\(id): move to \(tier.id)")
                if let note = migration.note { #expect(section.contains(md(note)), "\(id): migration note of \(tier.id)") }
            }
        }
        for scenario in profile.scenarios {
            #expect(
                section.contains("| scenario | \(md("Scenario " + (scenario.name ?? scenario.id))) |"), "\(id): \(scenario.id)")
        }
    }

    /// Every bundled roadmap (with and without trials, and with a fitted growth) and the fit
    /// documents pass a real markdown linter, pymarkdownlnt, with the committed configuration
    /// (`Tests/Tools/pymarkdown.json`: all rules but the line length, which tables cannot keep).
    @Test(.requires(Tools.pymarkdown))
    func markdownPassesTheLinter() throws {
        let linter = try Tools.pymarkdown.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var history = "month,users\n"
        for t in 0..<18 {
            history +=
                "\(t),\(NumberFormatting.fixed(5000 * Math.exponential(0.15 * Double(t)) * (1 + 0.03 * Math.sine(Double(t))), decimals: 0))\n"
        }
        try FileIO.writeAtomically(Array(history.utf8), to: folder + "/history.csv")
        try FileIO.writeAtomically(
            Array("1,100,0.010\n2,190,0.0105\n4,340,0.012\n8,560,0.0145\n16,700,0.023\n32,720,0.044\n".utf8),
            to: folder + "/load.csv")
        var runs = bundledIDs.flatMap { id in
            [["roadmap", id], ["roadmap", id, "--trials", "200"]]
                + [["simulate"], ["simulate", "--trials", "200"], ["capacity"], ["sensitivity"], ["optimize"]].map {
                    [$0[0], id, "--format", "markdown"] + $0.dropFirst()
                }
        }
        runs += [
            ["roadmap", "million", "--growth-fit", folder + "/history.csv"],
            ["fit", "growth", folder + "/history.csv", "--format", "markdown"],
            ["fit", "usl", folder + "/load.csv", "--format", "markdown", "--emit-limit", "peak_rps"],
        ]
        // A diff is a pull-request comment: it opens with a level-3 heading under the pull
        // request's own title, so only the first-line-is-a-title rule (MD041) is off for it.
        let comments = [
            ["diff", "million", "phase-1", "phase-2", "--format", "markdown"],
            ["diff", "million", "phase-3", "phase-3/railway", "--format", "markdown"],
            ["diff", "sayar", "starter", "growth", "--format", "markdown"],
            ["diff", "sayar", folder + "/sayar-next.json", "--format", "markdown"],
        ]
        let sayar = try String(contentsOfFile: repositoryRoot + "/profiles/sayar.json", encoding: .utf8)
        try FileIO.writeAtomically(
            Array(sayar.replacingOccurrences(of: "\"amount\": 5,", with: "\"amount\": 9,").utf8), to: folder + "/sayar-next.json")
        func written(_ runs: [[String]], _ name: String) throws -> [String] {
            try runs.enumerated().map { index, arguments in
                let result = runCLI(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                let file = folder + "/\(name)-\(index).md"
                try FileIO.writeAtomically(Array(result.stdout.utf8), to: file)
                return file
            }
        }
        let config = ["--config", repositoryRoot + "/Tests/Tools/pymarkdown.json"]
        let lint = try runProcess(linter, config + ["scan"] + written(runs, "document"))
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let commentLint = try runProcess(linter, config + ["--disable-rules", "md041", "scan"] + written(comments, "comment"))
        #expect(commentLint.status == 0, "\(commentLint.stdout)\(commentLint.stderr)")
        // The linter is real: a document with a trailing space and two blank lines fails it.
        try FileIO.writeAtomically(Array("# Title \n\n\ntext\n".utf8), to: folder + "/bad.md")
        let bad = try runProcess(
            linter, ["--config", repositoryRoot + "/Tests/Tools/pymarkdown.json", "scan", folder + "/bad.md"])
        #expect(bad.status != 0 && bad.stdout.contains("MD012"), "\(bad.stdout)")
    }

    @Test func mermaidLintCatchesMistakes() {
        #expect(!MermaidLint.problems(["xychart-beta", "x-axis [\"a\", \"b\"]", "y-axis \"t\" 0 --> 5", "line [1]"]).isEmpty)
        #expect(
            !MermaidLint.problems(["gantt", "dateFormat YYYY-MM-DD", "section s", "a: b :t0, 2026-01-01, 2026-02-01"]).isEmpty)
        #expect(!MermaidLint.problems(["gantt", "dateFormat YYYY-MM-DD", "section s", "a :t0, 2026-03-01, 2026-02-01"]).isEmpty)
        #expect(MermaidLint.problems(["gantt", "dateFormat YYYY-MM-DD", "section s", "a :t0, 2026-01-01, 2026-02-01"]).isEmpty)
        #expect(!MermaidLint.problems(["pie"]).isEmpty)
    }

    /// A profile whose names carry HTML, markdown and terminal escapes cannot inject any of them.
    @Test func profileTextIsEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text =
            tinyProfile
            .replacingOccurrences(of: "\"name\": \"Tiny\"", with: "\"name\": \"<script>alert(1)</script> | *x* \\u001b[31m\"")
            .replacingOccurrences(of: "\"name\": \"Small\"", with: "\"name\": \"a|b <img src=x> :;#\"")
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/evil.json")
        let html = runCLI(["roadmap", folder + "/evil.json", "--format", "html"]).stdout
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("\u{1B}"))
        let markdown = runCLI(["roadmap", folder + "/evil.json"]).stdout
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("a\\|b"))
        #expect(!markdown.contains("\u{1B}"))
        for block in MermaidLint.blocks(markdown) {
            #expect(MermaidLint.problems(block).isEmpty, "\(MermaidLint.problems(block))")
        }
    }

    @Test func htmlIsSelfContained() {
        let html = runCLI(["roadmap", "oviya", "--format", "html", "--trials", "200"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").count - 1 == html.components(
                    separatedBy: "xmlns=\"http://www.w3.org/2000/svg\""
                ).count - 1)
        #expect(!html.contains("https://"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(html.contains("class=\"band\""))
    }

    /// The HTML read as a person would read it, in headless Chromium: a screenshot at 1280 px;
    /// no console error; three charts with a size; and from the page's geometry after layout
    /// (`BrowserLayout`) no two text boxes overlapping, no text outside its chart or the page,
    /// no word broken where it should not be, no sideways scrolling — at 1280 px, and at the
    /// width A4 and Letter leave inside the margins with the print rules on. Then printed to
    /// PDF on both papers: that page size, and every section and the footer in the PDF's text.
    @Test(.requires(Tools.chromium), .requires(Tools.pdfinfo), .requires(Tools.pdftotext), arguments: bundledIDs)
    func readsRightInABrowserAndInPrint(id: String) throws {
        let html = runCLI(["roadmap", id, "--format", "html", "--trials", "200"]).stdout
        let png = try BrowserLayout.screenshot(html, width: 1280, height: 2000)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let screen = try BrowserLayout.layout(html, width: 1280)
        #expect(screen.width == 1280 && screen.textBoxes > 500, "\(screen.width) \(screen.textBoxes)")
        #expect(screen.console.isEmpty, "\(screen.console)")
        #expect(screen.charts.map(\.id) == ["chart-driver", "chart-cost", "timeline"])
        for chart in screen.charts { #expect(chart.width > 300 && chart.height > 100, "\(chart)") }
        #expect(screen.problems.isEmpty, "\(id) at 1280 px: \(screen.problems.prefix(10))")
        let sections = html.components(separatedBy: "<h2>").dropFirst().compactMap { $0.components(separatedBy: "</h2>").first }
        #expect(sections.count >= 10)
        for paper in BrowserLayout.Paper.allCases {
            let printed = try BrowserLayout.layout(html, width: paper.contentWidth, asPrinted: true)
            #expect(printed.problems.isEmpty, "\(id) printed on \(paper): \(printed.problems.prefix(10))")
            let pdf = try BrowserLayout.print(html, on: paper)
            #expect(pdf.pages >= 3 && pdf.pages <= 40, "\(pdf.pages) pages")
            #expect(
                abs(pdf.size.width - paper.points.width) < 1.5 && abs(pdf.size.height - paper.points.height) < 1.5,
                "\(paper): \(pdf.size)")
            let words = pdf.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for section in sections {
                #expect(words.contains(section.split(separator: " ").joined(separator: " ")), "\(paper): no “\(section)”")
            }
            #expect(words.contains("Generated by scaleplan \(ScalePlan.version)"), "\(paper): no footer")
        }
    }

    /// The layout check catches what it is for: on a page built to be wrong, each kind of
    /// problem is reported, so an empty list from the roadmap means something.
    @Test(.requires(Tools.chromium))
    func layoutCheckCatchesABrokenPage() throws {
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>body { margin: 0 auto; max-width: 600px; }</style></head><body>
            <p style="position: relative">First line<span style="position: absolute; left: 0; top: 0">Covered line</span></p>
            <svg id="chart" width="200" height="100" viewBox="0 0 200 100"><text x="150" y="50">Axis label past the edge</text></svg>
            <table><tr><td style="width: 1px; overflow-wrap: anywhere">Month</td><td style="width: 1px; overflow-wrap: anywhere">2026-09</td></tr></table>
            <p style="white-space: nowrap">A line far too long to fit on the page, which the reader has to scroll sideways to read to the end of it, at least in a narrow window.</p>
            </body></html>
            """
        let layout = try BrowserLayout.layout(page, width: 640)
        let problems = layout.problems.joined(separator: "\n")
        #expect(problems.contains("\"First line\" overlaps \"Covered line\""), "\(problems)")
        #expect(problems.contains("\"Axis label past the edge\" runs outside its chart chart"), "\(problems)")
        #expect(problems.contains("\"Month\" is broken across lines"), "\(problems)")
        #expect(problems.contains("\"2026-09\" is broken across lines"), "\(problems)")
        #expect(problems.contains("the page scrolls sideways"), "\(problems)")
        #expect(problems.contains("runs outside the page"), "\(problems)")
    }

    /// Profile text chosen to break layouts (very long names, markup, unbroken identifiers)
    /// leaves the HTML readable on screen and on paper.
    @Test(.requires(Tools.chromium))
    func hostileNamesLeaveTheHTMLReadable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(Self.hostileProfile.utf8), to: folder + "/hostile.json")
        let html = runCLI(["roadmap", folder + "/hostile.json", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        for (width, printed) in [(1280, false), (BrowserLayout.Paper.a4.contentWidth, true)] {
            let layout = try BrowserLayout.layout(html.stdout, width: width, asPrinted: printed)
            #expect(layout.textBoxes > 100 && layout.problems.isEmpty, "\(width) px: \(layout.problems.prefix(10))")
        }
    }

    @Test func roadmapWritesFilesAndTakesGrowthOptions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI([
            "roadmap", "million", "--growth", "exponential:start=5000,rate=0.3", "--months", "18",
            "--start", "2026-03", "-o", folder + "/roadmap.md",
        ])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let written = String(decoding: try FileIO.read(folder + "/roadmap.md", limit: 1 << 24), as: UTF8.self)
        #expect(written.contains("2027-08"))
        #expect(runCLI(["roadmap", "million", "--format", "pdf"]).status == 64)
    }
}

/// Runs a program and returns its status and output; `environment` is added to this process's
/// environment, `directory` is the working folder.
func runProcess(
    _ path: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
