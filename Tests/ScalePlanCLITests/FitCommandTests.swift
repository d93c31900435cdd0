import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// Issue 15: `fit growth` and `fit usl` from the command line in every format, `--growth-fit`
/// in simulate and roadmap (equal to the pasted scenario), `--emit-limit` pasted into a profile,
/// and every bad input with its message and exit status. The numbers themselves are checked
/// against the literature in `ScalePlanKitTests/USLFitTests` and `GrowthFitTests`.
@Suite struct FitCommandTests {
    /// SPEC SDM91 (R `usl` data `specsdm91`), as a user would save it.
    static let specsdm91 = "users,throughput\n1,64.9\n18,995.9\n36,1652.4\n72,1853.2\n108,1828.9\n144,1775\n216,1702.2\n"
    static let raytracer = "1,20\n4,78\n8,130\n12,170\n16,190\n20,200\n24,210\n28,230\n32,260\n48,280\n64,310\n"

    /// 24 months of sign-ups from a Gompertz curve with a little deterministic wobble.
    static let history: String = {
        var text = "# monthly active users\nmonth,users\n"
        for t in 0..<24 {
            let curve = GrowthCurve.gompertz(start: 2000, cap: 400_000, rate: 0.09).value(at: Double(t))
            let wobble = 1 + 0.03 * Math.sine(Double(t) * 2.1)
            let month = YearMonth("2025-01")!.adding(months: t)
            text += "\(month),\(NumberFormatting.fixed(curve * wobble, decimals: 0))\n"
        }
        return text
    }()

    static func folder() throws -> String {
        let folder = try temporaryFolder()
        try FileIO.writeAtomically(Array(specsdm91.utf8), to: folder + "/specsdm91.csv")
        try FileIO.writeAtomically(Array(raytracer.utf8), to: folder + "/raytracer.csv")
        try FileIO.writeAtomically(Array(history.utf8), to: folder + "/users.csv")
        return folder
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func uslReproducesSpecsdm91InEveryFormat() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/specsdm91.csv"
        let table = runCLI(["fit", "usl", file])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("σ (contention) 0.02773") && table.stdout.contains("κ (coherency) 0.0001044"))
        #expect(table.stdout.contains("N* = √((1 − σ)/κ) = 96.52") && table.stdout.contains("Contention-limited"))
        let json = try Self.object(runCLI(["fit", "usl", file, "--format", "json"]).stdout)
        #expect(json["schema"] as? String == "scaleplan.fit.usl/1" && json["method"] as? String == "nls")
        let lambda = try #require((json["lambda"] as? [String: Any])?["estimate"] as? Double)
        #expect(abs(lambda - 89.99523) < 1e-3)
        #expect(json["limit"] is NSNull)
        let markdown = runCLI(["fit", "usl", file, "--format", "markdown"]).stdout
        let blocks = MermaidLint.blocks(markdown)
        #expect(blocks.count == 1)
        for block in blocks { #expect(MermaidLint.problems(block).isEmpty, "\(MermaidLint.problems(block))") }
        let html = runCLI(["fit", "usl", file, "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg id=\"chart-usl\"") && html.contains("peak N* 96.52"))
        let gcap = runCLI(["fit", "usl", file, "--method", "gcap"]).stdout
        #expect(gcap.contains("σ (contention) 0.01705") && gcap.contains("64.90 (fixed: the measured"))
    }

    /// The emitted limit pasted into a tier: `capacity` then says the tier carries what the fit's
    /// throughput at its node count allows.
    @Test func emittedLimitWorksInAProfile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["fit", "usl", folder + "/specsdm91.csv", "--emit-limit", "peak_rps", "--units", "api_nodes"])
        #expect(result.status == 0)
        let member = try #require(
            result.stdout.components(separatedBy: "Capacity limit for a tier (paste into \"capacity\"):\n").last)
        let profile =
            tinyProfile
            .replacingOccurrences(
                of: "\"params\": { \"rps_per_user\": 0.01 }", with: "\"params\": { \"rps_per_user\": 0.01, \"api_nodes\": 1 }"
            )
            .replacingOccurrences(
                of: "\"capacity\": { \"peak_rps\": 5 },",
                with: "\"params\": { \"api_nodes\": 36 }, \"capacity\": { \(member) },")
        try FileIO.writeAtomically(Array(profile.utf8), to: folder + "/tiny.json")
        #expect(runCLI(["validate", folder + "/tiny.json"]).status == 0)
        guard case .success(let data) = LoadTest.read(Array(Self.specsdm91.utf8)) else {
            Issue.record("the data did not read")
            return
        }
        let fit = try USLFit.fit(data, source: "specsdm91")
        let carried = try Self.object(runCLI(["capacity", folder + "/tiny.json", "--format", "json"]).stdout)
        let tiers = try #require(carried["tiers"] as? [[String: Any]])
        let users = try #require(tiers[0]["carries_up_to"] as? Double)
        // peak_rps = users × 0.01 must stay within X(36), to the limit tolerance.
        #expect(abs(users - fit.throughput(at: 36) / 0.01) <= 1, "\(users) vs \(fit.throughput(at: 36) / 0.01)")
        #expect(runCLI(["fit", "usl", folder + "/specsdm91.csv", "--emit-limit", "peak rps"]).status == 64)
    }

    @Test func uslBadDataIsAnErrorWithTheReason() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bound = runCLI(["fit", "usl", folder + "/raytracer.csv"])
        #expect(bound.status == 65)
        #expect(bound.stderr.contains("raytracer.csv: κ (coherency) fits at its bound 0"), "\(bound.stderr)")
        #expect(bound.stderr.contains("Amdahl") && bound.stdout.isEmpty)
        #expect(runCLI(["fit", "usl", folder + "/raytracer.csv", "--method", "gcap"]).status == 0)
        try FileIO.writeAtomically(Array("1,10\n2,19\n4,-3\n8,50\n".utf8), to: folder + "/negative.csv")
        let negative = runCLI(["fit", "usl", folder + "/negative.csv"])
        #expect(negative.status == 65 && negative.stderr.contains("negative.csv:3:3"), "\(negative.stderr)")
        try FileIO.writeAtomically(Array("1,10\n2,19\n4,30\n".utf8), to: folder + "/short.csv")
        let short = runCLI(["fit", "usl", folder + "/short.csv"])
        #expect(short.status == 65 && short.stderr.contains("4 or more concurrencies"), "\(short.stderr)")
        try FileIO.writeAtomically(Array("2,19\n4,30\n8,50\n16,70\n".utf8), to: folder + "/no-one.csv")
        let gcap = runCLI(["fit", "usl", folder + "/no-one.csv", "--method", "gcap"])
        #expect(gcap.status == 65 && gcap.stderr.contains("no N = 1 row"), "\(gcap.stderr)")
        #expect(runCLI(["fit", "usl", folder + "/missing.csv"]).status == 66)
    }

    @Test func growthInEveryFormat() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/users.csv"
        let table = runCLI(["fit", "growth", file])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Best: gompertz") && table.stdout.contains("Forecast (gompertz, 80% prediction band)"))
        let wide = table.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(wide)")
        let json = try Self.object(runCLI(["fit", "growth", file, "--format", "json"]).stdout)
        #expect(json["schema"] as? String == "scaleplan.fit.growth/1" && json["best"] as? String == "gompertz")
        let forecast = try #require(json["forecast"] as? [[String: Any]])
        #expect(forecast.count == 12 && forecast[0]["label"] as? String == "2027-01")
        let scenario = try #require(json["scenario"] as? [String: Any])
        #expect(scenario["start"] as? String == "2026-12")
        let markdown = runCLI(["fit", "growth", file, "--format", "markdown"]).stdout
        let blocks = MermaidLint.blocks(markdown)
        #expect(blocks.count == 2)
        for block in blocks { #expect(MermaidLint.problems(block).isEmpty, "\(MermaidLint.problems(block))") }
        let html = runCLI(["fit", "growth", file, "--format", "html"]).stdout
        #expect(html.contains("<svg id=\"chart-fit\"") && html.contains("gompertz (best)"))
        let only = try Self.object(runCLI(["fit", "growth", file, "--kinds", "linear", "--format", "json"]).stdout)
        #expect((only["kinds"] as? [Any])?.count == 1 && only["best"] as? String == "linear")
        let piped = runCLI(["fit", "growth", "-"], stdin: Array(Self.history.utf8))
        #expect(piped.status == 0 && piped.stdout.contains("History: <stdin> ·"), "\(piped.stderr)")
    }

    @Test func growthBadDataAndUsage() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("2026-01,10\n2026-02,12\n2026-02,13\n".utf8), to: folder + "/order.csv")
        let order = runCLI(["fit", "growth", folder + "/order.csv"])
        #expect(order.status == 65 && order.stderr.contains("order.csv:3:1") && order.stderr.contains("months must increase"))
        try FileIO.writeAtomically(Array("0,10\n1,12\n2,15\n".utf8), to: folder + "/short.csv")
        let short = runCLI(["fit", "growth", folder + "/short.csv"])
        #expect(short.status == 65 && short.stderr.contains("needs at least 5 months"), "\(short.stderr)")
        try FileIO.writeAtomically(Array("0,10\n1,0\n".utf8), to: folder + "/zero.csv")
        #expect(runCLI(["fit", "growth", folder + "/zero.csv"]).stderr.contains("zero.csv:2:3"))
        let unknown = runCLI(["fit", "grwoth", folder + "/users.csv"])
        #expect(unknown.status == 64 && unknown.stderr.contains("Did you mean 'growth'?"))
        let kind = runCLI(["fit", "growth", folder + "/users.csv", "--kinds", "logistc"])
        #expect(kind.status == 64 && kind.stderr.contains("Did you mean 'logistic'?"), "\(kind.stderr)")
        let points = runCLI(["fit", "growth", folder + "/users.csv", "--kinds", "points"])
        #expect(points.status == 64)
        let misplaced = runCLI(["fit", "growth", folder + "/users.csv", "--method", "gcap"])
        #expect(misplaced.status == 64 && misplaced.stderr.contains("--method is for fit usl"))
        #expect(runCLI(["fit", "usl", folder + "/specsdm91.csv", "--kinds", "linear"]).status == 64)
        #expect(runCLI(["simulate", "oviya", "--growth-fit", folder + "/short.csv"]).status == 65)
        #expect(runCLI(["simulate", "oviya", "--growth-fit", folder + "/users.csv", "--growth-csv", "x"]).status == 64)
    }

    /// `--growth-fit` runs the fit's scenario: the deterministic months are the forecast, and the
    /// scenario pasted into the profile gives the same months and the same Monte Carlo bands.
    @Test(arguments: bundledIDs)
    func growthFitIsThePastedScenario(id: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A history on the profile's own scale: its default scenario's first 18 months, wobbled.
        let compiled = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").compiled
        let curve = try #require(compiled.profile.defaultScenario?.growth.expectedCurve)
        var text = "month,\(compiled.profile.driver.name)\n"
        for t in 0..<18 {
            let value = Swift.max(curve.value(at: Double(t)), 1) * (1 + 0.02 * Math.sine(Double(t) * 1.7))
            text += "\(t),\(NumberFormatting.fixed(value, decimals: 2))\n"
        }
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/history.csv")
        let fit = try Self.object(runCLI(["fit", "growth", folder + "/history.csv", "--format", "json"]).stdout)
        let forecast = try #require(fit["forecast"] as? [[String: Any]]).compactMap { $0["value"] as? Double }
        let viaFit = runCLI(["simulate", id, "--growth-fit", folder + "/history.csv", "--months", "13", "--format", "json"])
        #expect(viaFit.status == 0, "\(viaFit.stderr)")
        let months = try #require(try Self.object(viaFit.stdout)["months"] as? [[String: Any]])
        let drivers = months.compactMap { $0["driver"] as? Double }
        #expect(drivers.count == 13)
        for k in 1..<13 { #expect(abs(drivers[k] / forecast[k - 1] - 1) < 1e-9, "\(id) month \(k)") }

        // Paste the scenario into the profile (its text, so nothing else moves) and run it by name.
        let original = String(decoding: try FileIO.read(repositoryRoot + "/profiles/\(id).json", limit: 1 << 22), as: UTF8.self)
        let scenario = try #require(fit["scenario"] as? [String: Any])
        let scenarioText = String(decoding: try JSONSerialization.data(withJSONObject: scenario), as: UTF8.self)
        let pastedText = original.replacingOccurrences(of: "\"scenarios\": [", with: "\"scenarios\": [\(scenarioText), ")
        #expect(pastedText != original)
        try FileIO.writeAtomically(Array(pastedText.utf8), to: folder + "/\(id).json")
        #expect(runCLI(["validate", folder + "/\(id).json"]).status == 0)
        for extra in [[], ["--trials", "500", "--seed", "3"]] {
            let pasted = runCLI(
                ["simulate", folder + "/\(id).json", "--scenario", "fitted", "--months", "13", "--format", "csv"] + extra)
            let direct = runCLI(
                ["simulate", id, "--growth-fit", folder + "/history.csv", "--months", "13", "--format", "csv"] + extra)
            #expect(pasted.status == 0 && direct.status == 0, "\(pasted.stderr)\(direct.stderr)")
            #expect(pasted.stdout == direct.stdout, "\(id) \(extra)")
        }
        // The done-when: ten thousand trials on the fit.
        let trials = runCLI(["simulate", id, "--growth-fit", folder + "/history.csv", "--trials", "10000", "--quiet"])
        #expect(trials.status == 0 || trials.status == 1, "\(trials.stderr)")
    }

    /// Every Mermaid block `fit` writes, and the roadmap's "Fitted growth" blocks, render with
    /// the official Mermaid library.
    @Test(.requires(Tools.chromium), .requires(Tools.mermaid))
    func chartsRenderWithTheOfficialMermaid() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(
            Array("1,100,0.010\n2,190,0.0105\n4,340,0.012\n8,560,0.0145\n16,700,0.023\n32,720,0.044\n".utf8),
            to: folder + "/latency.csv")
        let outputs = [
            ["fit", "growth", folder + "/users.csv"], ["fit", "growth", folder + "/users.csv", "--kinds", "linear"],
            ["fit", "usl", folder + "/specsdm91.csv"], ["fit", "usl", folder + "/latency.csv", "--method", "gcap"],
        ].map { runCLI($0 + ["--format", "markdown"]).stdout }
        let roadmap = runCLI(["roadmap", "million", "--growth-fit", folder + "/users.csv"]).stdout
        let fitted = try #require(
            roadmap.components(separatedBy: "## Fitted growth").last?.components(separatedBy: "## Milestones").first)
        let blocks = (outputs + [fitted]).flatMap(MermaidLint.blocks)
        #expect(blocks.count == 2 + 2 + 1 + 1 + 2)
        // A broken block first: the renderer must catch it, or passing proves nothing.
        let broken = ["xychart-beta", "    x-axis [\"a\", \"b\"]", "    line [1, oops]"]
        let problems = try MermaidRenderer.problems([broken] + blocks)
        #expect(problems.first.map { $0 != nil } == true, "a broken block rendered")
        for (block, problem) in zip(blocks, problems.dropFirst()) {
            #expect(problem == nil, "\(problem ?? ""): \(block.prefix(3))")
        }
    }

    /// The fit pages and the roadmap's "Fitted growth" read right in a browser, on screen and
    /// as printed (`BrowserLayout`): no overlapping or cut-off text, the scenario's JSON wrapped
    /// inside the page, fitted numbers at readable precision.
    @Test(.requires(Tools.chromium))
    func htmlPagesReadRight() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pages = [
            ["fit", "growth", folder + "/users.csv"], ["fit", "usl", folder + "/specsdm91.csv", "--emit-limit", "peak_rps"],
            ["roadmap", "million", "--growth-fit", folder + "/users.csv"],
        ]
        for arguments in pages {
            let html = runCLI(arguments + ["--format", "html"])
            #expect(html.status == 0, "\(html.stderr)")
            for (width, printed) in [(1280, false), (BrowserLayout.Paper.a4.contentWidth, true)] {
                let layout = try BrowserLayout.layout(html.stdout, width: width, asPrinted: printed)
                #expect(
                    layout.textBoxes > 50 && layout.problems.isEmpty, "\(arguments) at \(width) px: \(layout.problems.prefix(8))")
            }
        }
    }

    @Test func roadmapShowsTheFittedGrowth() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let markdown = runCLI(["roadmap", "million", "--growth-fit", folder + "/users.csv"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("## Fitted growth\n\nThe growth is fitted to"))
        let blocks = MermaidLint.blocks(markdown.stdout)
        #expect(blocks.count == 5)
        for block in blocks { #expect(MermaidLint.problems(block).isEmpty, "\(MermaidLint.problems(block))") }
        let html = runCLI(["roadmap", "million", "--growth-fit", folder + "/users.csv", "--format", "html"]).stdout
        #expect(html.contains("<h2>Fitted growth</h2>") && html.contains("<svg id=\"chart-growth-fit\""))
        #expect(!runCLI(["roadmap", "million"]).stdout.contains("Fitted growth"))
    }
}
