import ArgumentParser
import DataManagement
import Foundation

/// `kho audit export` — writes the audit chain as JSON Lines for an auditor to keep and re-check.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất nhật ký kiểm toán (JSON Lines) — export the audit chain as JSON Lines.",
        discussion: """
            Mỗi dòng một mục: sequence, kind, eventIdentifier, content, previousHash, hash. Có thể tự \
            kiểm tra lại: hash = SHA-256(previousHash + content).
            One entry per line: sequence, kind, eventIdentifier, content, previousHash, hash. Anyone can \
            re-check it: hash = SHA-256(previousHash + content).

            Ví dụ / examples:
              kho audit export --out nhat-ky-2026-06.jsonl
              kho audit export --home /srv/kho          (to standard output)

            Exit status: 0 written, 1 the catalogue or the output file cannot be used, 2 usage error.
            """
    )

    @OptionGroup var home: HomeOptions

    @Option(help: "Tệp đích (mặc định: màn hình) — output file (default: standard output).")
    var out: String?

    func run() async throws {
        let catalogue = try home.existingCatalogue()
        if let out {
            let count = try AuditChain.export(catalogue, to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(Data("Đã xuất \(count) mục vào \(out) / exported \(count) entries\n".utf8))
            return
        }
        // Standard output: export into a private temporary file, then copy it through.
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("kho-audit-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try AuditChain.export(catalogue, to: temporary)
        let input = try FileHandle(forReadingFrom: temporary)
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            FileHandle.standardOutput.write(chunk)
        }
    }
}
