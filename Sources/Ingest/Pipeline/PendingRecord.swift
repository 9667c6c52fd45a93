import DataManagement
import Foundation

/// What an ingest will write to the catalogue and the receipt, saved in `staging/` just before the OCFL
/// commit and removed once both are written. If the process dies between the commit and the catalogue
/// (the only window where storage and catalogue can disagree), the next ingest of the same package finds
/// the version in storage and completes the catalogue from this file, so the events it records are the
/// ones the AIP's PREMIS holds.
struct PendingRecord: Codable, Sendable {
    /// The AIP version for `Catalogue.record(aip:)` (SHA-512s filled in from the inventory after the commit).
    var entry: AIPEntry
    /// The transfer for `Catalogue.record(transfer:)`.
    var transfer: TransferEntry
    /// The receipt to issue.
    var receipt: IngestReceipt
    /// The package's content fingerprint (names this file).
    var fingerprint: String

    /// `staging/pending-<fingerprint>.json`.
    static func path(staging: String, fingerprint: String) -> String { staging + "/pending-" + fingerprint + ".json" }

    /// Writes the record durably (temporary file, fsync, rename).
    func save(to path: String) throws(IngestError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(self)
            let temporary = path + ".tmp"
            try data.write(to: URL(fileURLWithPath: temporary))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.synchronize()
            try handle.close()
            if rename(temporary, path) != 0 {
                throw IngestError("KHO-INGEST-PENDING", path: path, vi: "Không đổi tên được tệp", en: "Cannot rename the file")
            }
        } catch {
            throw IngestError("KHO-INGEST-PENDING", path: path, vi: "Không ghi được bản ghi chờ", en: "Cannot write the pending record", error: error)
        }
    }

    /// The record at `path`, nil when there is none (or it is unreadable: it was never renamed into place).
    static func load(_ path: String) -> PendingRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(PendingRecord.self, from: data)
    }

    /// Removes the record.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
