public import ArchivalStorage
import DataManagement
import Foundation

/// Recreates the catalogue (mục lục) from the OCFL storage root alone (DESIGN.md invariant 1):
/// every version of every object is read back with `StoredAIPReader` and recorded into a fresh
/// catalogue file, which then replaces the old one by rename. The old file is kept as
/// `kho.sqlite.before-rebuild` until the new one is in place, and removed only after success.
///
/// What storage cannot give back, and is carried over from the old catalogue when it can be read:
/// the audit log (`audit_log`, the auditor's evidence: it is copied entry for entry before anything
/// is recorded, so re-recorded events are not appended twice) and the transfers (`transfers`, and
/// the transfer row each version's `transferID` names: a transfer is a catalogue decision, rejected ones
/// never reach storage; the id itself is read from the OCFL version message).
/// Without an old catalogue the rebuilt one starts a new audit chain holding every event found in storage.
public struct CatalogueRebuilder: Sendable {
    /// What a rebuild did.
    public struct Report: Sendable, Hashable, Codable {
        /// OCFL objects read.
        public var objects = 0
        /// Versions recorded.
        public var versions = 0
        /// Documents (tài liệu) in the head versions.
        public var documents = 0
        /// PREMIS events recorded from storage.
        public var events = 0
        /// Audit entries carried over from the old catalogue.
        public var auditEntriesKept: Int64 = 0
        /// Transfers carried over from the old catalogue.
        public var transfersKept = 0
        /// PREMIS events carried over from the old catalogue because no AIP version holds them yet.
        public var eventsKept = 0
    }

    /// The storage root to read.
    public let storage: OCFLStorageRoot
    /// The catalogue file to replace (need not exist).
    public let cataloguePath: String
    /// Extract the documents' text again for search, as ingest did (PDF text layers through poppler-glib).
    public let extractText: Bool

    /// A rebuilder of `cataloguePath` from `storage`.
    public init(storage: OCFLStorageRoot, cataloguePath: String, extractText: Bool = true) {
        self.storage = storage
        self.cataloguePath = cataloguePath
        self.extractText = extractText
    }

    /// Where the previous catalogue waits while the new one is moved in.
    public var backupPath: String { cataloguePath + ".before-rebuild" }

    /// Rebuilds into `<catalogue>.rebuild-<uuid>`, then swaps it in. On any error the old catalogue
    /// stays as it was and the partial file is removed.
    @discardableResult
    public func rebuild() throws(RebuildError) -> Report {
        let fm = FileManager.default
        try recoverInterruptedRebuild()
        let fresh = cataloguePath + ".rebuild-" + UUID().uuidString
        defer { Self.remove(fresh) }
        let report = try build(into: fresh)
        // The fresh catalogue is closed (its WAL checkpointed and removed) once `build` returns.
        let hadOld = fm.fileExists(atPath: cataloguePath)
        do {
            Self.remove(backupPath)
            if hadOld { try Self.move(cataloguePath, to: backupPath) }
            try Self.move(fresh, to: cataloguePath)
        } catch {
            if hadOld, !fm.fileExists(atPath: cataloguePath) { try? Self.move(backupPath, to: cataloguePath) }
            throw RebuildError("KHO-REBUILD-SWAP", path: cataloguePath,
                               vi: "Không thay được mục lục cũ: \(error)", en: "Cannot swap in the rebuilt catalogue: \(error)")
        }
        Self.remove(backupPath)
        return report
    }

    /// Puts back the state a crashed rebuild left: a backup with no catalogue beside it is the old
    /// catalogue (renamed away just before the new one was moved in), so it is renamed back, keeping its
    /// audit log; partial `…rebuild-<uuid>` files are removed.
    public func recoverInterruptedRebuild() throws(RebuildError) {
        let fm = FileManager.default
        if fm.fileExists(atPath: backupPath) {
            if fm.fileExists(atPath: cataloguePath) {
                Self.remove(backupPath)  // the swap completed; only the clean-up was interrupted
            } else {
                do { try Self.move(backupPath, to: cataloguePath) } catch {
                    throw RebuildError("KHO-REBUILD-SWAP", path: backupPath,
                                       vi: "Không khôi phục được mục lục cũ: \(error)", en: "Cannot restore the previous catalogue: \(error)")
                }
            }
        }
        let folder = (cataloguePath as NSString).deletingLastPathComponent
        let prefix = (cataloguePath as NSString).lastPathComponent + ".rebuild-"
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            try? fm.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Records everything into a new catalogue at `path` and closes it.
    func build(into path: String) throws(RebuildError) -> Report {
        var report = Report()
        do {
            let catalogue = try Catalogue(path: path)
            let old = FileManager.default.fileExists(atPath: cataloguePath) ? try? Catalogue(path: cataloguePath) : nil
            if let old { report.auditEntriesKept = try Self.copyAuditLog(from: old, to: catalogue) }
            let ids: [String]
            do { ids = try storage.objectIDs().sorted() } catch {
                throw RebuildError("KHO-REBUILD-OBJECT", path: storage.path, vi: "Không liệt kê được đối tượng: \(error.description)",
                                   en: "Cannot list the objects: \(error.description)")
            }
            var transfersKept = Set<String>()
            for id in ids {
                let object: OCFLObjectReader
                do { object = try storage.object(id) } catch {
                    throw RebuildError("KHO-REBUILD-OBJECT", path: id, vi: "Không đọc được đối tượng: \(error.description)",
                                       en: "Cannot read the object: \(error.description)")
                }
                let reader = StoredAIPReader(object: object, extractor: extractText ? TextExtractor() : nil) { id in
                    (try? old?.transfer(id: id))??.transferringUnit
                }
                var recorded = Set<String>()
                for name in object.versions {
                    var entry = try reader.entry(version: name)
                    recorded.formUnion(entry.events.map(\.identifier))
                    // The transfer id is in storage (the version message); the transfer row is not.
                    if let transferID = entry.transferID {
                        if let transfer = try old?.transfer(id: transferID) {
                            if transfersKept.insert(transferID).inserted { try catalogue.record(transfer: Self.entry(transfer)) }
                        } else {
                            entry.transferID = nil
                        }
                    }
                    try catalogue.record(aip: entry)
                    report.versions += 1
                    report.events += entry.events.count
                    if name == object.inventory.head { report.documents += entry.documents.count }
                }
                // Events recorded after ingest (fixity sweeps, access) that no AIP version holds yet.
                for event in (try old?.events(aipObjectID: id)) ?? [] where !recorded.contains(event.identifier) {
                    if try catalogue.record(event: event, aipObjectID: id) { report.eventsKept += 1 }
                }
                report.objects += 1
            }
            report.transfersKept = transfersKept.count
        } catch let error as RebuildError {
            throw error
        } catch let error as CatalogueError {
            throw RebuildError("KHO-REBUILD-CATALOGUE", path: error.path ?? path, vi: error.message.vi, en: error.message.en)
        } catch {
            throw RebuildError("KHO-REBUILD-CATALOGUE", path: path, vi: "\(error)", en: "\(error)")
        }
        return report
    }

    /// Copies every audit entry, as is, into the empty new catalogue; returns how many.
    static func copyAuditLog(from old: Catalogue, to new: Catalogue) throws -> Int64 {
        let export = FileManager.default.temporaryDirectory.appendingPathComponent("kho-rebuild-audit-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: export) }
        let count = try AuditChain.export(old, to: export)
        guard count > 0 else { return 0 }
        let handle = try FileHandle(forReadingFrom: export)
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        var pending = Data()
        var batch: [AuditEntry] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            let rows = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: batch.count).joined(separator: ", ")
            var arguments: [String?] = []
            for entry in batch {
                arguments += [String(entry.sequence), entry.kind, entry.eventIdentifier, entry.content, entry.previousHash, entry.hash]
            }
            try new.unsafeExecute(
                sql: "INSERT INTO audit_log (sequence, kind, eventIdentifier, content, previousHash, hash) VALUES \(rows)",
                arguments: arguments)
            batch.removeAll(keepingCapacity: true)
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                batch.append(try decoder.decode(AuditEntry.self, from: Data(line)))
                pending.removeSubrange(pending.startIndex...newline)
                if batch.count == 100 { try flush() }
            }
        }
        try flush()
        return count
    }

    static func entry(_ transfer: Transfer) -> TransferEntry {
        TransferEntry(id: transfer.id, transferringUnit: transfer.transferringUnit, receivedAt: transfer.receivedAt,
                      packageSHA256: transfer.packageSHA256, packageName: transfer.packageName,
                      status: transfer.status, report: transfer.report)
    }

    static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: from + suffix) {
            _ = rename(from + suffix, to + suffix)
        }
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
