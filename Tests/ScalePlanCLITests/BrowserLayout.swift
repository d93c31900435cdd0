import Foundation
import Testing

@testable import ScalePlanKit

/// An HTML report laid out by headless Chromium and checked the way a reader would look at it:
/// `Tests/Tools/layout-probe.js` (test-only, never shipped) runs in a copy of the page after
/// layout and reports text boxes that overlap, text outside its chart or the page, words broken
/// where they should not be, and sideways overflow; printing goes through Chromium's own PDF
/// printer, read back with poppler's `pdfinfo` and `pdftotext`.
enum BrowserLayout {
    /// What the probe found at one window width.
    struct Layout {
        /// The width of the window the page was laid out in, in CSS pixels.
        var width: Int
        /// How many text boxes were compared (so an empty page cannot pass).
        var textBoxes: Int
        /// Each chart (`svg`) by id, with its rendered width and height.
        var charts: [(id: String, width: Int, height: Int)]
        /// Each problem, in words.
        var problems: [String]
        /// What the page logged to the console (errors, uncaught exceptions).
        var console: [String]
    }

    /// A sheet of paper the page is printed on.
    enum Paper: String, CaseIterable, Sendable {
        case a4 = "A4"
        case letter = "letter"

        /// Width and height in millimetres.
        var millimetres: (width: Double, height: Double) {
            switch self {
            case .a4: (210, 297)
            case .letter: (215.9, 279.4)
            }
        }

        /// Width and height in PostScript points, as `pdfinfo` prints them.
        var points: (width: Double, height: Double) {
            (millimetres.width / 25.4 * 72, millimetres.height / 25.4 * 72)
        }

        /// The width, in CSS pixels, that the page's content gets inside the roadmap's margins.
        var contentWidth: Int {
            Int(((millimetres.width - 2 * Double(RoadmapHTML.printMargins.horizontal)) / 25.4 * 96).rounded(.down))
        }
    }

    /// `html` laid out in a `width`-pixel window. With `asPrinted`, the page's `@media print`
    /// rules apply on screen too, so the layout is the one the printer gets at that width.
    static func layout(_ html: String, width: Int, asPrinted: Bool = false) throws -> Layout {
        let browser = try Tools.chromium.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let probe = try String(contentsOfFile: repositoryRoot + "/Tests/Tools/layout-probe.js", encoding: .utf8)
        var page = html.replacingOccurrences(of: "</body>", with: "<script>\n\(probe)\n</script>\n</body>")
        if asPrinted { page = page.replacingOccurrences(of: "@media print", with: "@media all") }
        try FileIO.writeAtomically(Array(page.utf8), to: folder + "/probe.html")
        let dom = try runProcess(
            browser,
            chromiumArguments(folder: folder) + [
                "--window-size=\(width),2000", "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
                "--dump-dom", "file://\(folder)/probe.html",
            ])
        let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        let text = dom.stdout.components(separatedBy: "LAYOUT-PROBE=").dropFirst().first?.components(separatedBy: "=END").first
        guard let json = text.map(unescapeHTML),
            let result = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else {
            Issue.record("the layout probe gave no result: \(dom.stdout.prefix(300)) \(dom.stderr.prefix(300))")
            return Layout(width: width, textBoxes: 0, charts: [], problems: ["no result"], console: console.map(String.init))
        }
        let charts = (result["charts"] as? [[String: Any]] ?? []).map {
            (id: $0["id"] as? String ?? "", width: $0["width"] as? Int ?? 0, height: $0["height"] as? Int ?? 0)
        }
        return Layout(
            width: result["width"] as? Int ?? 0, textBoxes: result["textBoxes"] as? Int ?? 0, charts: charts,
            problems: result["problems"] as? [String] ?? ["no problem list"], console: console.map(String.init))
    }

    /// A printed copy of `html` on `paper`.
    struct Printed {
        /// Pages in the PDF.
        var pages: Int
        /// The page size in points, from `pdfinfo`.
        var size: (width: Double, height: Double)
        /// The PDF's text, from `pdftotext`.
        var text: String
    }

    /// `html` printed to PDF by Chromium on `paper`, as a reader choosing that paper in the
    /// print dialog would get it, then read back.
    static func print(_ html: String, on paper: Paper) throws -> Printed {
        let browser = try Tools.chromium.required()
        let pdfinfo = try Tools.pdfinfo.required()
        let pdftotext = try Tools.pdftotext.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Chromium's command line has no paper option; the page's own @page rule gains a size.
        let page = html.replacingOccurrences(of: "<style>\n", with: "<style>\n@page { size: \(paper.rawValue); }\n")
        try FileIO.writeAtomically(Array(page.utf8), to: folder + "/page.html")
        let printing = try runProcess(
            browser,
            chromiumArguments(folder: folder) + [
                "--no-pdf-header-footer", "--print-to-pdf=\(folder)/page.pdf", "file://\(folder)/page.html",
            ])
        #expect(printing.status == 0, "\(printing.stderr.suffix(300))")
        let info = try runProcess(pdfinfo, [folder + "/page.pdf"])
        let fields = Dictionary(
            info.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
        // "Page size:      595.92 x 842.88 pts (A4)"
        let size = (fields["Page size"] ?? "").split(separator: " ").compactMap { Double($0) }
        let text = try runProcess(pdftotext, ["-enc", "UTF-8", folder + "/page.pdf", "-"])
        return Printed(
            pages: Int(fields["Pages"] ?? "") ?? 0, size: size.count >= 2 ? (size[0], size[1]) : (0, 0), text: text.stdout)
    }

    /// `html` as a PNG screenshot of a `width`-pixel window.
    static func screenshot(_ html: String, width: Int, height: Int) throws -> [UInt8] {
        let browser = try Tools.chromium.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(html.utf8), to: folder + "/page.html")
        let shot = try runProcess(
            browser,
            chromiumArguments(folder: folder) + [
                "--window-size=\(width),\(height)", "--screenshot=\(folder)/page.png", "file://\(folder)/page.html",
            ])
        #expect(shot.status == 0, "\(shot.stderr.suffix(300))")
        return try FileIO.read(folder + "/page.png", limit: 1 << 26)
    }

    private static func chromiumArguments(folder: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(folder)/profile",
        ]
    }

    /// Text from `--dump-dom` with the entities a `<pre>` gets turned back into characters.
    static func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
