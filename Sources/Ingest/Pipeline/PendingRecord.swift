import DataManagement
import Foundation

/// What an ingest will write to the catalogue and the receipt, saved in `staging/` just before the OCFL
/// commit and removed once both are written. If the process dies between the commit and the catalogue
/// (the only window where storage and catalogue can disagree), the next ingest of the same package finds
/// the version in storage and completes the catalogue from this file, so the events it records are the
/// ones the AIP's PREMIS holds.
struct PendingRecord: Codable, Sendable {
    /// The AIP version for `Catalogue.record(aip:transfer:)` (SHA-512s filled in from the inventory after the commit).
    var entry: AIPEntry
    /// The transfer, recorded in the same transaction as `entry`.
    var transfer: TransferEntry
    /// The receipt to issue.
    var receipt: IngestReceipt
    /// The package's content fingerprint (names this file).
    var fingerprint: String

    /// `staging/pending-<fingerprint>.json`.
    static func path(staging: String, fingerprint: String) -> String { staging + "/pending-" + fingerprint + ".json" }

    /// The record with its long lists emptied (the first line of the file), and how long each list was.
    private struct Header: Codable {
        var record: PendingRecord
        var documents: Int
        var files: Int
        var receiptDocuments: Int
        var receiptFiles: Int
    }

    /// Writes the record by temporary file and rename, fsynced first when `durable`. JSON Lines: a header,
    /// then one line per document, file, receipt document line and receipt file line, each encoded on
    /// its own, so the encoder never holds a tree of the whole AIP (20,000 files, the text of every
    /// document) in memory at once.
    func save(to path: String, durable: Bool) throws(IngestError) {
        let temporary = path + ".tmp"
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var header = self
            header.entry.documents = []
            header.entry.files = []
            header.receipt.documents = []
            header.receipt.files = []
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw IngestError("KHO-INGEST-PENDING", path: temporary, vi: "Không tạo được tệp", en: "Cannot create the file")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            var buffer = Data()
            func line<T: Encodable>(_ value: T) throws {
                buffer.append(try encoder.encode(value))
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try line(Header(record: header, documents: entry.documents.count, files: entry.files.count,
                            receiptDocuments: receipt.documents.count, receiptFiles: receipt.files.count))
            for document in entry.documents { try line(document) }
            for file in entry.files { try line(file) }
            for document in receipt.documents { try line(document) }
            for file in receipt.files { try line(file) }
            try handle.write(contentsOf: buffer)
            if durable { try handle.synchronize() }
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError("KHO-INGEST-PENDING", path: path, vi: "Không ghi được bản ghi chờ", en: "Cannot write the pending record", error: error)
        }
        if rename(temporary, path) != 0 {
            throw IngestError("KHO-INGEST-PENDING", path: path, vi: "Không đổi tên được tệp", en: "Cannot rename the file")
        }
    }

    /// The record at `path`, nil when there is none (or it is unreadable: it was never renamed into place).
    static func load(_ path: String) -> PendingRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        func next<T: Decodable>(_ type: T.Type) throws -> T {
            guard let line = lines.popFirst() else { throw CocoaError(.fileReadCorruptFile) }
            return try decoder.decode(type, from: line)
        }
        // A record written whole, as one JSON document (before JSON Lines).
        if let whole = try? decoder.decode(PendingRecord.self, from: data) { return whole }
        do {
            let header = try next(Header.self)
            var record = header.record
            record.entry.documents = try (0..<header.documents).map { _ in try next(DocumentEntry.self) }
            record.entry.files = try (0..<header.files).map { _ in try next(FileEntry.self) }
            record.receipt.documents = try (0..<header.receiptDocuments).map { _ in try next(IngestReceipt.DocumentLine.self) }
            record.receipt.files = try (0..<header.receiptFiles).map { _ in try next(IngestReceipt.FileLine.self) }
            return lines.isEmpty ? record : nil
        } catch {
            return nil
        }
    }

    /// Removes the record.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
