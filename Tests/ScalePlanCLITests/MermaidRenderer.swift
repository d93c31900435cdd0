import Foundation
import Testing

@testable import ScalePlanKit

/// Mermaid blocks parsed and rendered by the official library (Mermaid 11, `Tools.mermaid`) in
/// headless Chromium: `mermaid.parse` then `mermaid.render` for each block, in a test-only page.
/// `MermaidLint` is the fast check of our own; this is the real one.
enum MermaidRenderer {
    /// What the library made of one block.
    struct Rendered {
        /// Mermaid's error, nil when the block parsed and rendered.
        var problem: String?
        /// The bars of a gantt chart (`rect.task…` in the SVG).
        var tasks: Int
        /// The chart's title as drawn.
        var title: String
    }

    /// For each block, nil when it rendered, else Mermaid's error message.
    static func problems(_ blocks: [[String]]) throws -> [String?] { try render(blocks).map(\.problem) }

    /// Each block parsed and rendered.
    static func render(_ blocks: [[String]]) throws -> [Rendered] {
        let browser = try Tools.chromium.required()
        let library = try Tools.mermaid.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sources = blocks.map { $0.joined(separator: "\n") }
        let data = try JSONSerialization.data(withJSONObject: sources)
        // The result is spelled in pieces so only the script's output contains the markers whole.
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><script src="file://\(library)"></script></head>
            <body><pre id="result"></pre><script>
            const blocks = \(String(decoding: data, as: UTF8.self));
            (async () => {
              mermaid.initialize({ startOnLoad: false });
              const results = [];
              for (let i = 0; i < blocks.length; i++) {
                try {
                  await mermaid.parse(blocks[i]);
                  const { svg } = await mermaid.render('chart' + i, blocks[i]);
                  const page = new DOMParser().parseFromString(svg, 'image/svg+xml');
                  const title = page.querySelector('.titleText') || page.querySelector('text');
                  results.push({ problem: svg.includes('<svg') ? null : 'no svg',
                    tasks: page.querySelectorAll('rect[class^="task"]').length, title: title ? title.textContent : '' });
                } catch (error) {
                  results.push({ problem: String(error && error.message || error).replace(/\\s+/g, ' '), tasks: 0, title: '' });
                }
              }
              document.getElementById('result').textContent = 'MERMAID' + '-RESULTS=' + JSON.stringify(results) + '=' + 'END';
            })();
            </script></body></html>
            """
        try FileIO.writeAtomically(Array(page.utf8), to: folder + "/mermaid.html")
        let dom = try runProcess(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--allow-file-access-from-files",
                "--user-data-dir=\(folder)/profile", "--virtual-time-budget=30000", "--dump-dom",
                "file://\(folder)/mermaid.html",
            ])
        let text = dom.stdout.components(separatedBy: "MERMAID-RESULTS=").dropFirst().first?.components(separatedBy: "=END").first
        let decoded = text.map(BrowserLayout.unescapeHTML)
        guard let decoded, let results = try JSONSerialization.jsonObject(with: Data(decoded.utf8)) as? [[String: Any]]
        else {
            Issue.record("the Mermaid page gave no result: \(dom.stdout.prefix(300)) \(dom.stderr.prefix(300))")
            return blocks.map { _ in Rendered(problem: "no result", tasks: 0, title: "") }
        }
        return results.map {
            Rendered(problem: $0["problem"] as? String, tasks: $0["tasks"] as? Int ?? 0, title: $0["title"] as? String ?? "")
        }
    }
}
