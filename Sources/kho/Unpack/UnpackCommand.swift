import ArgumentParser
import Foundation
import Packaging

/// `kho unpack ARCHIVE DEST` — unpacks a transfer archive with every safety check Ingest applies.
struct UnpackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpack",
        abstract: "Giải nén an toàn gói nộp lưu — safely unpack a zip or tar transfer.",
        discussion: """
            Refuses path traversal, absolute paths, links, device files, duplicate or NFC-equal names,
            encrypted entries, truncated archives and decompression bombs; on refusal nothing is left in DEST.
            The archive itself is never modified. Example: kho unpack 01uuid-….zip /tmp/kiem-tra
            """
    )

    @Argument(help: "Tệp nén zip/tar/tar.gz — the archive.")
    var archive: String

    @Argument(help: "Thư mục đích (rỗng hoặc chưa có) — destination folder (empty or new).")
    var destination: String

    @Option(help: "Tỷ lệ nén tối đa — largest compression ratio accepted (default 200).")
    var maxRatio: Int64?

    func run() async throws {
        var limits = ExtractionLimits()
        if let maxRatio { limits.maxCompressionRatio = maxRatio }
        do {
            let report = try ArchiveExtractor(limits: limits)
                .extract(archive: URL(fileURLWithPath: archive), into: URL(fileURLWithPath: destination))
            print("\(report.fileCount) tệp, \(report.totalBytes) byte đã giải nén / files, bytes unpacked")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
