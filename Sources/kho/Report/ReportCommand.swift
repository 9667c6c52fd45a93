import ArgumentParser

/// `kho report` — reports for the Standing Committee and for auditors.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Lập báo cáo — reports: monthly transfer progress, fixity and audit.",
        discussion: """
            Báo cáo ghi dạng HTML (một tệp tự chứa, có biểu đồ SVG, in được), CSV (UTF-8 có BOM, mở bằng Excel) \
            hoặc JSON. Nhãn tiếng Việt trước, tiếng Anh sau.
            Reports are written as HTML (one self-contained printable file with SVG charts), CSV (UTF-8 with BOM, \
            opens in Excel) or JSON. Vietnamese labels first, English second.
            """,
        subcommands: [ReportMonthlyCommand.self, ReportFixityCommand.self]
    )
}

/// `--format` and `--output`, shared by every report.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Dạng báo cáo: html, csv, json — report format.")
    var format: ReportFormatArgument = .html

    @Option(help: "Tệp ghi báo cáo (mặc định: in ra màn hình) — output file (default: standard output).")
    var output: String?
}
