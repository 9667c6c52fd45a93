import ArgumentParser
import Foundation
import Preservation

/// `kho repair` — heals damaged copies from verified ones.
struct RepairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Sửa bản hỏng từ bản sao đã kiểm chứng — repair damaged copies from verified ones.",
        discussion: """
            Lấy hư hỏng do lần kiểm tra gần nhất của mỗi (bản, đối tượng) tìm ra (kho fixity sweep), thay từng tệp \
            hỏng hay mất, inventory hay sidecar hỏng bằng bản của một gốc khác mà bản đó KIỂM CHỨNG ĐƯỢC — không bao \
            giờ từ bản chưa kiểm chứng. Bản hỏng và tệp lạ được chuyển vào quarantine/repair/<thời điểm>/, không xóa. \
            Ghi repair_action và sự kiện PREMIS "recovery", rồi kiểm tra lại. Khi mọi bản của một thứ đều hỏng: báo \
            to, không thay đổi gì, mã thoát 1.
            Takes the damage the latest check of each (root, object) found (kho fixity sweep) and replaces each \
            damaged or missing file, damaged inventory or sidecar with another root's copy that VERIFIES — never an \
            unverified one. Bad copies and unexpected files go to quarantine/repair/<time>/, never deleted. Records \
            repair_action rows and a PREMIS "recovery" event, then re-checks. When every copy of something is \
            damaged it says so loudly, changes nothing there, and exits 1.

            Ví dụ / examples:
              kho fixity sweep && kho repair
              kho repair --object urn:uuid:6f2a… --json

            Exit status: 0 everything repaired (or nothing to repair), 1 something unrecoverable, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Option(help: "Chỉ sửa một đối tượng — repair one object only.")
    var object: String?

    @Flag(help: "In kết quả dạng JSON — print the result as JSON.")
    var json = false

    func run() async throws {
        let context = try PreservationContext(home)
        let stop = StopFlag()
        stop.raiseOnTerminationSignals()
        let summary = try RepairRun(home: context.home, catalogue: context.catalogue, roots: context.roots,
                                    softwareVersion: KhoVersion.current, parallel: context.configuration.fixity.parallel)
            .run(objectID: object, stop: stop)
        if json {
            try printJSON(summary)
        } else {
            print(Self.text(summary))
        }
        if !summary.unrecoverable.isEmpty {
            FileHandle.standardError.write(Data("""
                ✘✘ KHÔNG SỬA ĐƯỢC: mọi bản của \(summary.unrecoverable.count) thứ đều hỏng; không thay đổi gì ở đó. \
                Cần khôi phục từ bản sao lưu ngoại tuyến.
                ✘✘ UNRECOVERABLE: every copy of \(summary.unrecoverable.count) thing(s) is damaged; nothing was changed there. \
                Restore from an offline backup.

                """.utf8))
        }
        if !summary.isComplete { throw ExitCode(1) }
    }

    static func text(_ s: RepairSummary) -> String {
        var lines: [String] = []
        if s.repaired.isEmpty && s.unrecoverable.isEmpty {
            lines.append("Không có gì cần sửa / nothing to repair (theo lần kiểm tra gần nhất / per the latest checks)")
        }
        if !s.repaired.isEmpty { lines.append("ĐÃ SỬA / REPAIRED: \(s.repaired.count)") }
        for line in s.repaired {
            lines.append("  ✔ [\(line.root)] \(line.objectID) \(line.path.isEmpty ? "(object)" : line.path): \(line.kind) → \(line.action) ← \(line.source ?? "")")
        }
        if !s.unrecoverable.isEmpty { lines.append("KHÔNG SỬA ĐƯỢC / UNRECOVERABLE: \(s.unrecoverable.count)") }
        for line in s.unrecoverable {
            lines.append("  ✘ [\(line.root)] \(line.objectID) \(line.path.isEmpty ? "(object)" : line.path): \(line.kind) — không bản nào kiểm chứng được / no copy verifies")
        }
        if let folder = s.evidenceFolder { lines.append("Bằng chứng / evidence: \(folder)") }
        if let recheck = s.recheck {
            lines.append("Kiểm tra lại / re-check: \(recheck.damage.isEmpty ? "nguyên vẹn / intact" : "\(recheck.damage.count) hư hỏng còn lại / damage left")")
            for finding in recheck.damage { lines.append(damageLine(finding)) }
        }
        lines += auditLines(s.audit)
        return lines.joined(separator: "\n")
    }
}
