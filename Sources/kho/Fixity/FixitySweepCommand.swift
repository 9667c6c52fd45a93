import ArchivalStorage
import ArgumentParser
import Foundation
import Preservation

/// `kho fixity sweep` — re-reads every object of every root and checks it against its inventory.
struct FixitySweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Quét kiểm tra toàn vẹn mọi bản — sweep every object of every root (primary and replicas).",
        discussion: """
            Đọc lại mọi tệp nội dung của mọi đối tượng trong kho chính và mọi bản sao (kho.toml), so với inventory: \
            mặc định giá trị fixity SHA-256; --full: digest SHA-512 và kiểm tra OCFL đầy đủ. Tìm tệp bị sửa, bị cắt \
            ngắn, bị mất, tệp lạ, inventory/sidecar hỏng. Mỗi (bản, đối tượng) được ghi một dòng fixity_check và một \
            sự kiện PREMIS "fixity check" trong cùng một giao dịch. Lượt bị ngắt (kể cả kill -9) được tiếp tục ở lần \
            chạy sau với cùng chế độ và phạm vi, không kiểm tra lại những gì đã xong.
            Re-reads every content file of every object in the primary root and every replica (kho.toml) and checks \
            it against the inventory: sha256 fixity values by default; --full: sha512 digests and complete OCFL \
            validation. Finds altered, truncated, missing and unexpected files and damaged inventories and sidecars. \
            Each (root, object) gets a fixity_check row and a PREMIS "fixity check" event in one transaction. An \
            interrupted sweep (even kill -9) is resumed by the next run with the same mode and scope.

            Ví dụ / examples:
              kho fixity sweep --home /srv/kho
              kho fixity sweep --stale-first --max-duration 2h --max-rate 100
              kho fixity sweep --object urn:uuid:6f2a… --full --json

            Exit status: 0 everything intact, 1 damage found (or a replica unreachable), 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Option(help: "Chỉ kiểm tra một đối tượng — check one object only.")
    var object: String?

    @Flag(help: "Kiểm tra bản lâu chưa kiểm nhất trước — least recently checked first.")
    var staleFirst = false

    @Option(help: "Dừng gọn sau khoảng thời gian này (30m, 2h) — stop cleanly after this long; the next run resumes.")
    var maxDuration: String?

    @Option(help: "Số luồng băm — hashing threads (default: kho.toml [fixity] parallel, else 2).")
    var parallel: Int?

    @Flag(help: "SHA-512 và kiểm tra OCFL đầy đủ trong một lượt (giá trị fixity sha256 do chế độ mặc định kiểm tra) — sha512 content digests and complete OCFL validation in one pass (the sha256 fixity values are what the default mode checks).")
    var full = false

    @Option(help: "Giới hạn tốc độ đọc MB/s — throttle reads to this many MB/s.")
    var maxRate: Double?

    @Flag(help: "In kết quả dạng JSON — print the result as JSON.")
    var json = false

    func validate() throws {
        if let maxDuration, DurationText.seconds(maxDuration) == nil {
            throw ValidationError("--max-duration: \(maxDuration) không phải khoảng thời gian (vd 30m, 2h) / is not a duration (e.g. 30m, 2h)")
        }
        if let parallel, !(1...64).contains(parallel) { throw ValidationError("--parallel: 1…64") }
        if let maxRate, !(maxRate > 0) { throw ValidationError("--max-rate > 0") }
    }

    func run() async throws {
        let context = try PreservationContext(home)
        let options = SweepOptions(
            mode: full ? .full : .fixity, objectID: object, staleFirst: staleFirst,
            maxDuration: maxDuration.flatMap(DurationText.seconds), parallel: parallel ?? context.configuration.fixity.parallel,
            maxRateMB: maxRate, softwareVersion: KhoVersion.current)
        let stop = StopFlag()
        stop.raiseOnTerminationSignals()
        let summary = try FixitySweeper(catalogue: context.catalogue, roots: context.roots, options: options).run(stop: stop)
        if json {
            try printJSON(summary)
        } else {
            print(Self.text(summary))
        }
        if !summary.isClean { throw ExitCode(1) }
    }

    static func text(_ s: SweepSummary) -> String {
        var lines: [String] = []
        let verdict = s.damage.isEmpty ? "NGUYÊN VẸN / INTACT" : "PHÁT HIỆN HƯ HỎNG / DAMAGE FOUND"
        lines.append("Lượt kiểm tra / sweep #\(s.sweepID) (\(s.mode), \(s.scope))\(s.resumed ? " — tiếp tục / resumed" : ""): \(verdict)")
        lines.append("  Đã kiểm lần này / checked this run: \(s.checkedThisRun) (tệp / files \(s.filesChecked), \(s.bytesChecked) byte, \(String(format: "%.1f", s.seconds)) s)")
        if s.checkedEarlier > 0 { lines.append("  Đã kiểm trước khi ngắt / checked before the interruption: \(s.checkedEarlier)") }
        if s.status == "stopped" {
            lines.append("  DỪNG / STOPPED: còn / remaining \(s.remaining) — chạy lại để tiếp tục / run again to resume")
        }
        lines.append("  Bản × đối tượng / copies checked in scope: \(s.pairsInScope), hỏng / damaged: \(s.damagedObjects)")
        for finding in s.damage { lines.append(damageLine(finding)) }
        for root in s.unreachableRoots { lines.append("  ⚠ Không tới được bản sao / replica unreachable: \(root)") }
        if !s.damage.isEmpty { lines.append("  → Sửa từ bản sao đã kiểm chứng / repair from verified copies: kho repair") }
        lines += auditLines(s.audit)
        return lines.joined(separator: "\n")
    }
}
