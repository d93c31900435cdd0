/// `simulate`'s deterministic projection in every format: the month table and the events.
public enum ProjectionReport: Report {
    public static func render(_ projection: Projection, format: ReportFormat, layout: TerminalLayout) -> String {
        switch format {
        case .table: ProjectionTableRenderer.render(projection, layout: layout)
        case .json: ProjectionJSONRenderer.render(projection)
        case .csv: ProjectionCSVRenderer.render(projection)
        case .markdown: ProjectionMarkdownRenderer.render(projection)
        }
    }
}
