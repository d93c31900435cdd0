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
        let names = [
            "%% comment", "%%{init: {'theme':'dark'}}%%", "section X", "title Owned", "dateFormat X", "excludes weekends",
            "todayMarker off", "axisFormat %d", "click t0 href http://x", "Plain: a;b #c \"q\" <b>",
        ]
        let tiers = names.enumerated().map { index, name -> String in
            let range =
                index < names.count - 1
                ? "{ \"min\": \(index * 100), \"max\": \((index + 1) * 100) }" : "{ \"min\": \(index * 100) }"
            return """
                { "id": "t\(index)", "name": \(JSONOutput.quote(name)), "range": \(range), "migration": { "lead_time_months": 1 },
                  "costs": [ { "item": "Server", "category": "compute", "amount": \(5 + index) } ] }
                """
        }
        let profile = """
            { "version": 1, "id": "hostile", "name": "Hostile: title X", "currency": "USD",
              "driver": { "name": "users", "unit": "user", "label": "Users %% x" },
              "tiers": [\(tiers.joined(separator: ", "))],
              "scenarios": [ { "id": "base", "default": true, "months": 30, "growth": { "kind": "linear", "start": 1, "step": 35 } } ] }
            """
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(profile.utf8), to: folder + "/hostile.json")
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
            html.contains("<footer>Generated by scaleplan \(ScalePlan.version) on 2026-12-01 from the profile “sayar”.</footer>"))
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
        var runs = bundledIDs.flatMap { [["roadmap", $0], ["roadmap", $0, "--trials", "200"]] }
        runs += [
            ["roadmap", "million", "--growth-fit", folder + "/history.csv"],
            ["fit", "growth", folder + "/history.csv", "--format", "markdown"],
            ["fit", "usl", folder + "/load.csv", "--format", "markdown", "--emit-limit", "peak_rps"],
        ]
        var files: [String] = []
        for (index, arguments) in runs.enumerated() {
            let result = runCLI(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let file = folder + "/\(index).md"
            try FileIO.writeAtomically(Array(result.stdout.utf8), to: file)
            files.append(file)
        }
        let lint = try runProcess(linter, ["--config", repositoryRoot + "/Tests/Tools/pymarkdown.json", "scan"] + files)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
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

    /// The HTML opened in a real headless browser: it renders to a PNG, logs no console error,
    /// and each chart's SVG has a non-zero rendered size. CI (CI=true) installs Chromium and
    /// requires it; elsewhere the test is reported skipped when no browser is installed.
    @Test(.requires(Tools.chromium), arguments: bundledIDs)
    func rendersInAHeadlessBrowser(id: String) throws {
        let browser = try Tools.chromium.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = runCLI(["roadmap", id, "--format", "html", "--trials", "200"]).stdout
        try FileIO.writeAtomically(Array(html.utf8), to: folder + "/roadmap.html")
        // A test-only copy that measures the charts after layout (the deliverable has no script).
        let probe = """
            <pre id="svg-sizes"></pre><script>
            window.addEventListener('load', () => {
              const sizes = [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); return s.id + ':' + Math.round(r.width) + 'x' + Math.round(r.height); });
              document.getElementById('svg-sizes').textContent = 'SVG' + '-SIZES=' + sizes.join(' ') + '=' + 'END';
            });
            </script></body>
            """
        try FileIO.writeAtomically(Array(html.replacingOccurrences(of: "</body>", with: probe).utf8), to: folder + "/probe.html")
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(folder)/profile", "--window-size=1000,2000",
        ]
        let shot = try runProcess(browser, common + ["--screenshot=\(folder)/roadmap.png", "file://\(folder)/roadmap.html"])
        #expect(shot.status == 0)
        let png = try FileIO.read(folder + "/roadmap.png", limit: 1 << 26)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let dom = try runProcess(
            browser,
            common + [
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
                "--dump-dom", "file://\(folder)/probe.html",
            ])
        let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(console)")
        // The script spells its markers in pieces, so only the result contains them whole.
        let sizes =
            dom.stdout.components(separatedBy: "SVG-SIZES=").dropFirst().first?.components(separatedBy: "=END").first ?? ""
        let charts = sizes.split(separator: " ")
        #expect(charts.count == 3, "\(sizes)")
        for chart in charts {
            let dimensions = chart.split(separator: ":").last?.split(separator: "x").compactMap { Int($0) } ?? []
            #expect(dimensions.count == 2 && dimensions.allSatisfy { $0 > 0 }, "\(chart)")
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
