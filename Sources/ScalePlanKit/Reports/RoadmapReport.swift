/// `roadmap`: the investor document, as markdown (Mermaid charts, for GitHub) or one
/// self-contained HTML page (inline SVG charts, for a browser and for print).
public enum RoadmapReport: Report {
    public static func render(_ roadmap: Roadmap, format: DocumentFormat, layout: TerminalLayout) -> String {
        switch format {
        case .markdown: RoadmapMarkdown.render(roadmap)
        case .html: RoadmapHTML.render(roadmap)
        }
    }
}
