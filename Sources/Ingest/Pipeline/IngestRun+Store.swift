import ArchivalStorage
import DataManagement
import Foundation
import KhoCore

extension IngestRun {
    /// Builds the AIP metadata in the work area, commits one OCFL version (payload straight from the
    /// package, metadata from the builder), then records it in the catalogue and issues the receipt.
    mutating func store(_ assembled: AssembledAIP, package: ReceivedPackage, target: StorageTarget) throws(IngestError) -> IngestOutcome {
        let folder = work + "/aip"
        let built: AIPBuildResult
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IngestError("KHO-INGEST-STAGING", path: folder, vi: "Không tạo được thư mục AIP", en: "Cannot create the AIP folder", error: error)
        }
        do {
            // The builder's files are scratch: the OCFL writer copies them into the object and makes the copies durable.
            built = try AIPBuilder(durable: false).build(assembled.content, into: folder)
        } catch {
            throw IngestError("KHO-INGEST-BUILD", wrapping: error, path: target.objectID, vi: "Không tạo được gói AIP", en: "Cannot build the AIP")
        }
        options.crashIfRequested(.built)
        let writer = OCFLObjectWriter(root: storage, options: WriterOptions(crashAtStep: options.writerCrashStep))
        var changes: VersionChanges
        do {
            changes = target.status == .supplement ? try writer.changes(forObject: target.objectID) : VersionChanges()
            let finalPaths = Set(built.payload.map(\.path) + built.metadata.map(\.path))
            for path in changes.entries.keys where !finalPaths.contains(path.string) { try changes.remove(path) }
            for entry in built.payload where !assembled.keptPayload.contains(entry.path) {
                changes.put(try RelativePath(entry.path), .file(entry.source))
            }
            for file in built.metadata {
                changes.put(try RelativePath(file.path), .file(folder + "/" + file.path))
            }
        } catch {
            throw IngestError("KHO-INGEST-STORAGE", path: target.objectID, vi: "Không chuẩn bị được phiên bản mới", en: "Cannot prepare the new version", error: error)
        }
        let record = pendingRecord(assembled, built: built, package: package, target: target)
        let pending = PendingRecord.path(staging: home.staging, fingerprint: package.fingerprint)
        try record.save(to: pending, durable: options.durable)
        options.crashIfRequested(.pendingWritten)
        let message = "Kho \(options.softwareVersion) ingest \(target.status.rawValue) \(package.submissionObjectID ?? "-") "
            + "\(Self.fingerprintMarker(package.fingerprint)) transfer:\(transferID)"
        do {
            try writer.commit(objectID: target.objectID, changes: changes,
                              metadata: VersionMetadata(message: message, user: InventoryUser(name: "Kho \(options.softwareVersion)", address: "urn:kho:software:\(options.softwareVersion)"),
                                                        created: assembled.content.created))
        } catch {
            PendingRecord.remove(pending)
            throw IngestError("KHO-INGEST-STORAGE", wrapping: error, path: target.objectID, vi: "Không ghi được vào kho lưu trữ", en: "Cannot commit to storage")
        }
        options.crashIfRequested(.committed)
        let (receipt, paths) = try finish(record)
        replicateCommittedVersion(objectID: target.objectID)
        return .accepted(receipt, receiptPaths: paths)
    }

    /// Records the transfer and the AIP version in the catalogue and writes the receipt, from a pending
    /// record (this run's, or one an interrupted run left), then removes the pending record.
    mutating func finish(_ record: PendingRecord) throws(IngestError) -> (IngestReceipt, [String]) {
        var entry = record.entry
        if let reader = try openObject(entry.objectID) {
            let state = (try? reader.state(version: "v\(entry.version)")) ?? [:]
            let digests = Dictionary(state.map { ($0.key.string, $0.value) }, uniquingKeysWith: { a, _ in a })
            for index in entry.files.indices { entry.files[index].sha512 = digests[entry.files[index].path] }
        }
        do {
            // One transaction: a crash or a refused entry leaves neither the transfer nor the version.
            let options = self.options
            _ = try catalogue.record(aip: entry, transfer: record.transfer) { options.crashIfRequested(.catalogueTransactionOpen) }
        } catch {
            throw IngestError("KHO-INGEST-CATALOGUE", wrapping: error, path: home.cataloguePath, vi: "Không ghi được vào mục lục", en: "Cannot record in the catalogue")
        }
        options.crashIfRequested(.catalogued)
        let paths = try ReceiptWriter(folder: home.receipts).write(record.receipt)
        options.crashIfRequested(.receiptWritten)
        PendingRecord.remove(PendingRecord.path(staging: home.staging, fingerprint: record.fingerprint))
        return (record.receipt, paths)
    }
}
