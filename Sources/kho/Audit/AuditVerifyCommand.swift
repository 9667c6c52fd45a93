import ArgumentParser
import DataManagement
import Foundation

/// `kho audit verify` — walks the whole audit chain and prints its length and head digest.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kiểm tra chuỗi nhật ký kiểm toán — verify the audit chain.",
        discussion: """
            Mỗi mục nhật ký chứa SHA-256 của mục trước, nên sửa, xóa, chèn hay đảo thứ tự một mục đều \
            làm đứt chuỗi. Lệnh in độ dài chuỗi và mã băm đầu chuỗi (head digest): hãy ghi lại cặp này \
            vào biên bản kiểm tra; lần sau dùng --anchor-length và --anchor-head để phát hiện cả việc \
            cắt bỏ phần cuối.
            Each entry holds the SHA-256 of the one before, so editing, deleting, inserting or reordering \
            any entry breaks the chain. Prints the chain length and head digest: write them in your signed \
            report; next time pass them as --anchor-length/--anchor-head to detect a removed tail too.

            Ví dụ / examples:
              kho audit verify --home /srv/kho
              kho audit verify --json
              kho audit verify --anchor-length 1532 --anchor-head 9f2c…

            Cũng so từng sự kiện PREMIS trong mục lục với nội dung nhật ký đã niêm phong: sự kiện bị sửa \
            sau đó, hoặc không qua nhật ký, đều được nêu tên.
            Also compares every PREMIS event in the catalogue with what the chain sealed: events edited \
            afterwards, or written around the chain, are named.

            Exit status: 0 intact, 1 broken (names the first bad entry and why), an event differs, or \
            unreadable; 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Flag(help: "In kết quả dạng JSON — print the result as JSON.")
    var json = false

    @Option(help: "Độ dài chuỗi đã ghi lần trước — chain length from an earlier verification.")
    var anchorLength: Int64?

    @Option(help: "Mã băm đầu chuỗi đã ghi lần trước — head digest from an earlier verification.")
    var anchorHead: String?

    func validate() throws {
        if (anchorLength == nil) != (anchorHead == nil) {
            throw ValidationError("--anchor-length và --anchor-head đi cùng nhau / are given together")
        }
    }

    func run() async throws {
        let catalogue = try home.existingCatalogue()
        let anchor = anchorLength.flatMap { length in anchorHead.map { AuditAnchor(length: length, headDigest: $0.lowercased()) } }
        let result = try AuditChain.verify(catalogue, anchor: anchor)
        let edited = try AuditChain.verifyEvents(catalogue)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Output: Encodable {
                var intact: Bool
                var verification: AuditVerification
                var eventDiscrepancies: [EventDiscrepancy]
            }
            let output = Output(intact: result.isIntact && edited.isEmpty, verification: result, eventDiscrepancies: edited)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else if let failure = result.failure {
            print("NHẬT KÝ BỊ HỎNG / AUDIT CHAIN BROKEN")
            print("Mục hỏng đầu tiên / first bad entry: \(failure.sequence) (\(failure.reason.rawValue))")
            print(failure.explanation)
            print("Phần còn nguyên vẹn / sound prefix: \(result.length) mục / entries, head \(result.headDigest)")
        } else {
            print("NHẬT KÝ NGUYÊN VẸN / AUDIT CHAIN INTACT")
            print("Độ dài / length: \(result.length)")
            print("Mã băm đầu chuỗi / head digest (SHA-256): \(result.headDigest)")
        }
        if !json, !edited.isEmpty {
            print("SỰ KIỆN KHÁC VỚI NHẬT KÝ / EVENTS DIFFER FROM THE AUDIT CHAIN: \(edited.count)")
            for discrepancy in edited {
                let sealed = discrepancy.auditSequence.map { " (mục / entry \($0))" } ?? ""
                print("  \(discrepancy.eventIdentifier)\(sealed): \(discrepancy.reason.rawValue)")
            }
        }
        if !result.isIntact || !edited.isEmpty { throw ExitCode(1) }
    }
}
