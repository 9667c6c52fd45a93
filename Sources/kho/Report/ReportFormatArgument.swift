import ArgumentParser
import DataManagement

/// `--format html|csv|json`.
struct ReportFormatArgument: ExpressibleByArgument {
    var format: ReportFormat

    static let html = ReportFormatArgument(format: .html)

    init(format: ReportFormat) { self.format = format }

    init?(argument: String) {
        guard let format = ReportFormat(rawValue: argument.lowercased()) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { format.rawValue }
}
