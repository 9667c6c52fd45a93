import ArgumentParser
import DataManagement
import Foundation
import Ingest

/// `kho report monthly --month YYYY-MM` — the monthly transfer progress report, per transferring unit.
struct ReportMonthlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "Báo cáo tiến độ nộp lưu hằng tháng — monthly transfer progress report.",
        discussion: """
            Theo từng đơn vị nộp lưu: số lượt nộp lưu, hồ sơ, tài liệu, trang, dung lượng, tài liệu số hóa \
            và gốc điện tử (theo trường Mức độ tin cậy của TT05), gói bị từ chối; có dòng tổng cộng. Tháng tính \
            theo giờ Việt Nam.
            Per transferring unit: transfers, dossiers, documents, pages, bytes, digitized and born-digital \
            documents (by TT05 confidenceLevel), rejected packages; with a totals row. Months are Vietnam time.

            Ví dụ / examples:
              kho report monthly --month 2026-11 --output bao-cao-2026-11.html
              kho report monthly --month 2026-11 --format csv --output bao-cao-2026-11.csv
              kho report monthly --month 2026-11 --format json

            Exit status: 0 written, 1 the catalogue cannot be read or the file written, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Option(help: "Tháng báo cáo, dạng YYYY-MM — the month, e.g. 2026-11.")
    var month: String

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        do {
            _ = try ReportMonth(parsing: month)
        } catch {
            throw ValidationError(error.message.combined)
        }
    }

    func run() async throws {
        let month = try ReportMonth(parsing: month)
        let catalogue = try home.existingCatalogue()
        let rejected = QuarantineListing(folder: home.repositoryHome.quarantine).rejectedPackages()
        let report = try catalogue.monthlyReport(month: month, rejected: rejected)
        try ReportWriter.write(try report.rendered(as: output.format.format), to: output.output)
    }
}
