import ArgumentParser
import DataManagement
import Foundation

/// `kho report fixity` — what an auditor signs: coverage, last checks, damage and repairs, replicas, audit head.
struct ReportFixityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixity",
        abstract: "Báo cáo kiểm tra toàn vẹn, sửa chữa, bản sao và nhật ký kiểm toán — fixity and audit report.",
        discussion: """
            Phạm vi kiểm tra của từng kho lưu (số đối tượng đã kiểm tra trong chu kỳ / tổng số), lần kiểm tra \
            cuối của từng đối tượng, hư hỏng phát hiện và đã sửa, tình trạng bản sao, và độ dài cùng mã băm \
            đầu chuỗi nhật ký kiểm toán (đúng như kho audit verify in ra) để neo báo cáo.
            Coverage per storage root (objects checked within the interval / total), the last check of every \
            object, damage found and repaired, replica status, and the audit chain length and head digest (as \
            kho audit verify prints them) to anchor the report.

            Ví dụ / examples:
              kho report fixity --output kiem-tra-toan-ven.html
              kho report fixity --format csv --output kiem-tra-toan-ven.csv
              kho report fixity --format json --interval-days 30

            Exit status: 0 written, 1 the catalogue cannot be read or the file written, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Option(help: "Chu kỳ kiểm tra (ngày; mặc định theo kho.toml [fixity] interval_days, hoặc 90) — check interval in days.")
    var intervalDays: Int?

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        if let intervalDays, intervalDays < 1 {
            throw ValidationError("--interval-days phải ≥ 1 / must be at least 1")
        }
    }

    func run() async throws {
        let catalogue = try home.existingCatalogue()
        let settings = try ReportFixitySettings(home: home.repositoryHome)
        let report = try catalogue.fixityReport(intervalDays: intervalDays ?? settings.intervalDays, rootNames: settings.replicaNames)
        try ReportWriter.write(try report.rendered(as: output.format.format), to: output.output)
    }
}
