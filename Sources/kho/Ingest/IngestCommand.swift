import ArgumentParser
import Foundation
import Ingest
import KhoCore

/// `kho ingest PATH…` — archives transfers: each package becomes an AIP in storage, recorded in the catalogue.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Tiếp nhận gói nộp lưu vào kho — ingest transfers (TT05/E-ARK SIP zip or folder, BagIt bag).",
        discussion: """
            Mỗi gói: kiểm tra (E-ARK, TT05), đối chiếu kích thước và SHA-256, nhận dạng định dạng, trích văn bản, \
            tạo gói AIP (METS, EAD, PREMIS), ghi vào kho OCFL, ghi mục lục, lập biên bản giao nhận (receipts/). \
            Gói lỗi được đưa vào quarantine/ kèm báo cáo; gói nguồn không bao giờ bị thay đổi. \
            Gói đã lưu trữ được nhận ra và bỏ qua; gói SUPPLEMENT/REPLACEMENT tạo phiên bản mới của AIP.
            Each package is validated (E-ARK, TT05), every declared size and SHA-256 verified, formats identified, \
            text extracted, the AIP built (METS, EAD, PREMIS), committed to OCFL storage, catalogued, and a receipt \
            written to receipts/. A rejected package goes to quarantine/ with its report; the source is never \
            modified. A package already archived is recognised and skipped; SUPPLEMENT/REPLACEMENT makes a new version.

            Exit status: 0 every package archived (or already archived), 1 a package rejected or failed, 2 usage error.

            Examples:
              kho ingest transfers/001uuid-6F2A….zip --transfer-unit "Đảng ủy xã Tân Lập"
              kho ingest --home /srv/kho transfers/*.zip transfers/uuid-81C3…/
            """
    )

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "Gói nộp lưu (zip, thư mục, túi BagIt) — packages: zip, folder or BagIt bag.")
    var paths: [String]

    @Option(help: "Đơn vị nộp lưu — transferring unit (default: the package's creator organization).")
    var transferUnit: String?

    @Option(help: "Mã lưu trữ của kho nhận — the archive's code, prefixed to fileCode in arcFileCode.")
    var archiveCode = IngestOptions.defaultArchiveCode

    @Option(help: "Danh mục XML cho lược đồ METS — XML catalog for METS schemas (default: $XML_CATALOG_FILES).")
    var catalog: String?

    @Flag(help: "In kết quả dạng JSON — print the outcomes as JSON.")
    var json = false

    func run() async throws {
        // PDFs are read by `kho-pdf-text` workers found beside this executable (or at $KHO_PDF_TEXT_WORKER).
        let options = IngestOptions(transferringUnit: transferUnit, archiveCode: archiveCode, softwareVersion: KhoVersion.current,
                                    schemaCatalog: catalog)
        let pipeline = IngestPipeline(home: homeOptions.repositoryHome, options: options)
        var failed = false
        var reports: [IngestCommandOutput] = []
        for path in paths {
            do {
                let outcome = try pipeline.ingest(path)
                failed = failed || !outcome.isSuccess
                reports.append(IngestCommandOutput(path: path, outcome: outcome))
                if !json { print(IngestCommandOutput.text(path: path, outcome: outcome)) }
            } catch {
                failed = true
                reports.append(IngestCommandOutput(path: path, error: error))
                FileHandle.standardError.write(Data("\(path): \(error.description)\n".utf8))
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        }
        if failed { throw ExitCode(1) }
    }
}

/// One package's outcome as `kho ingest` prints it.
struct IngestCommandOutput: Encodable {
    var path: String
    var status: String
    var objectID: String?
    var version: String?
    var receipt: IngestReceipt?
    var receiptFiles: [String]?
    var quarantine: String?
    var findings: [Finding]?
    var error: String?

    init(path: String, outcome: IngestOutcome) {
        self.path = path
        switch outcome {
        case .accepted(let receipt, let files):
            status = "accepted"; objectID = receipt.aipObjectID; version = receipt.version
            self.receipt = receipt; receiptFiles = files
        case .alreadyArchived(let id, let version, let recovered):
            status = recovered ? "recovered" : "already-archived"; objectID = id; self.version = version
        case .rejected(let folder, let report):
            status = "rejected"; quarantine = folder; findings = report.findings
        }
    }

    init(path: String, error: IngestError) {
        self.path = path
        status = "failed"
        self.error = error.description
    }

    /// Human-readable lines, Vietnamese / English.
    static func text(path: String, outcome: IngestOutcome) -> String {
        switch outcome {
        case .accepted(let r, let files):
            var text = """
                ✔ \(path)
                  Đã lưu trữ / archived: \(r.arcFileCode) → \(r.aipObjectID) \(r.version) (\(r.recordStatus))
                  \(r.documents.count) tài liệu / documents, \(r.files.count) tệp / files, \(r.totalBytes) byte; SHA-256 \(r.packageSHA256)
                  Biên bản giao nhận / receipt: \(files.last ?? "")
                """
            // Files archived without their text (a crashed or damaged PDF reader run) are named here, not only on the receipt.
            let textFailures = r.warnings.filter { $0.hasPrefix("KHO-TEXT-") && $0.contains("[") }
            for line in textFailures.prefix(10) { text += "\n  ⚠ " + line }
            if textFailures.count > 10 { text += "\n  ⚠ … (+\(textFailures.count - 10))" }
            return text
        case .alreadyArchived(let id, let version, let recovered):
            return recovered
                ? "✔ \(path)\n  Hoàn tất lần tiếp nhận bị gián đoạn / completed an interrupted ingest: \(id) \(version)"
                : "= \(path)\n  Gói này đã được lưu trữ, không ghi lại / already archived, nothing written: \(id) \(version)"
        case .rejected(let folder, let report):
            var lines = ["✘ \(path)", "  Từ chối / rejected: \(report.errors.count) lỗi / errors — báo cáo / report: \(folder)"]
            lines += report.errors.prefix(10).map { "  " + $0.line }
            if report.errors.count > 10 { lines.append("  … (+\(report.errors.count - 10))") }
            return lines.joined(separator: "\n")
        }
    }
}
