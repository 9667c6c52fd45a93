/// The forms a report is written in.
public enum ReportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched).
    case html
    /// CSV, UTF-8 with a byte order mark so spreadsheet programs read Vietnamese right.
    case csv
    /// JSON, the report's own structure.
    case json
}
