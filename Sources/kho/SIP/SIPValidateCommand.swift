import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho sip validate PATH` — checks a submission package against E-ARK CSIP/SIP 2.2 and TT05.
struct SIPValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra gói tin nộp lưu — validate a submission package (folder or zip).",
        discussion: """
            Kiểm tra gói SIP theo E-ARK CSIP 2.2 / SIP 2.2, cấu trúc thư mục CSIP, quy định TT05 (SIP_hoso) \
            và mã kiểm tra SHA-256 của từng tệp. Gói nguồn không bị thay đổi.
            Checks a SIP against E-ARK CSIP 2.2 / SIP 2.2, the CSIP folder structure, the TT05 SIP_hoso rules and \
            the declared size and checksum of every file. The source is never modified.

            One finding per line, starting with the requirement ID (CSIP59, SIP4, CSIPSTR4, TT05-PKG-005, …).
            Exit status: 0 no error, 1 errors found, 2 usage error.

            Examples:
              kho sip validate 001uuid-6F2A….zip
              kho sip validate --json transfers/uuid-6F2A…/
            """
    )

    @Argument(help: "Gói cần kiểm tra (thư mục hoặc zip) — the package, a folder or a zip.")
    var path: String

    @Flag(help: "In kết quả dạng JSON — print the report as JSON.")
    var json = false

    @Flag(help: "Bỏ qua kiểm tra mã băm — skip size/checksum verification (metadata only).")
    var skipFixity = false

    @Flag(help: "Bỏ qua kiểm tra lược đồ XSD — skip METS schema validation.")
    var skipSchema = false

    @Option(help: "Danh mục XML ánh xạ lược đồ METS về tệp cục bộ — XML catalog for the METS schemas (default: $XML_CATALOG_FILES).")
    var catalog: String?

    @Option(help: "Số luồng đọc tệp — files hashed in parallel.")
    var threads = 2

    @Option(help: "Thư mục làm việc để giải nén zip — work area for unpacking zips.")
    var workArea: String?

    func run() async throws {
        let options = SIPValidationOptions(verifyFixity: !skipFixity, threads: threads, schemaValidation: !skipSchema, schemaCatalog: catalog)
        let report: SIPValidationReport
        do {
            report = try SIPValidator(options: options).validate(path: path, workArea: workArea)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Output: Encodable {
                var report: SIPValidationReport
                var valid: Bool
                var summary: BilingualMessage
            }
            let data = try encoder.encode(Output(report: report, valid: report.isValid, summary: report.summary))
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            var text = ""
            for finding in report.findings {
                text += "\(finding.line) [\(finding.severity.rawValue)]\n"
            }
            text += report.summary.vi + "\n" + report.summary.en + "\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if !report.isValid { throw ExitCode(1) }
    }
}
