import ArchivalStorage
import DataManagement
import Foundation
import KhoCore

extension IngestRun {
    /// The marker written into each OCFL version message: the package's content fingerprint.
    static func fingerprintMarker(_ fingerprint: String) -> String { "sip-sha256:" + fingerprint }

    /// Finds the AIP the package belongs to (by the OBJID derived from `arcFileCode`) and decides: a new
    /// object, a new version (SUPPLEMENT / REPLACEMENT), already archived (same fingerprint), or refused.
    mutating func locateTarget(for package: ReceivedPackage) throws(IngestError) -> TargetResult {
        guard let fileCode = (package.dossier.fileCode ?? package.dossier.arcFileCode)?.trimmed, !fileCode.isEmpty else {
            return .rejected([Self.finding("TT05-DOS-REQUIRED-FILECODE", "Hồ sơ không có mã hồ sơ (fileCode)", "The dossier has no fileCode", "metadata/descriptive/EAD.xml")])
        }
        guard let status = AIPRecordStatus(rawValue: package.recordStatus) else {
            return .rejected([Self.finding("KHO-INGEST-RECORDSTATUS",
                                           "RECORDSTATUS \(package.recordStatus) không được lưu trữ (chỉ NEW, SUPPLEMENT, REPLACEMENT)",
                                           "RECORDSTATUS \(package.recordStatus) is not archived (only NEW, SUPPLEMENT, REPLACEMENT)", "METS.xml")])
        }
        let arcFileCode = package.dossier.arcFileCode.flatMap { $0.isEmpty ? nil : $0 } ?? "\(options.archiveCode).\(fileCode)"
        let objectID = ArchivalObjectID.forDossier(arcFileCode: arcFileCode)
        let existing = try openObject(objectID)
        if let existing {
            let marker = Self.fingerprintMarker(package.fingerprint)
            for name in existing.versions where existing.inventory.versions[name]?.message?.contains(marker) == true {
                return .done(try alreadyArchived(objectID: objectID, version: name, package: package))
            }
            if status == .new {
                return .rejected([Self.finding("KHO-INGEST-EXISTS",
                                               "Hồ sơ \(arcFileCode) đã được lưu trữ (\(objectID)); gửi gói bổ sung (SUPPLEMENT) hoặc thay thế (REPLACEMENT)",
                                               "Dossier \(arcFileCode) is already archived (\(objectID)); send a SUPPLEMENT or REPLACEMENT package", "METS.xml")])
            }
        } else if status != .new {
            return .rejected([Self.finding("KHO-INGEST-NO-AIP",
                                           "Gói \(status.rawValue) cho hồ sơ \(arcFileCode) chưa được lưu trữ",
                                           "\(status.rawValue) package for dossier \(arcFileCode), which is not archived", "METS.xml")])
        }
        return .target(StorageTarget(objectID: objectID, fileCode: fileCode, arcFileCode: arcFileCode, status: status,
                                     existing: existing, version: (existing?.versions.count ?? 0) + 1))
    }

    /// The object's reader, nil when it does not exist.
    func openObject(_ objectID: String) throws(IngestError) -> OCFLObjectReader? {
        do {
            let folder = try storage.objectPath(for: objectID)
            guard FileManager.default.fileExists(atPath: folder + "/inventory.json") else { return nil }
            return try OCFLObjectReader(objectRoot: folder)
        } catch {
            throw IngestError("KHO-INGEST-STORAGE", wrapping: error, path: objectID, vi: "Không đọc được đối tượng lưu trữ", en: "Cannot read the stored object")
        }
    }

    /// The package is in storage already. If an earlier run was interrupted after the commit, its pending
    /// catalogue record is completed now; otherwise nothing happens.
    mutating func alreadyArchived(objectID: String, version: String, package: ReceivedPackage) throws(IngestError) -> IngestOutcome {
        let number = Int(version.dropFirst()) ?? 0
        let recorded: Bool
        do {
            recorded = try catalogue.versions(objectID: objectID).contains { $0.version == number }
        } catch {
            throw IngestError("KHO-INGEST-CATALOGUE", wrapping: error, path: home.cataloguePath, vi: "Không đọc được mục lục", en: "Cannot read the catalogue")
        }
        let pending = PendingRecord.path(staging: home.staging, fingerprint: package.fingerprint)
        if recorded {
            // A crash after the catalogue write: issue the receipt if it was not, then clean up.
            guard let record = PendingRecord.load(pending) else {
                return .alreadyArchived(objectID: objectID, version: version, recovered: false)
            }
            _ = try ReceiptWriter(folder: home.receipts).write(record.receipt)
            PendingRecord.remove(pending)
            replicateCommittedVersion(objectID: objectID)
            return .alreadyArchived(objectID: objectID, version: version, recovered: true)
        }
        guard let record = PendingRecord.load(pending) else {
            throw IngestError("KHO-INGEST-CATALOGUE-MISSING", path: objectID,
                              vi: "Gói đã có trong kho lưu trữ (\(version)) nhưng chưa có trong mục lục: chạy kho catalogue rebuild",
                              en: "The package is in storage (\(version)) but not in the catalogue: run kho catalogue rebuild")
        }
        _ = try finish(record)
        replicateCommittedVersion(objectID: objectID)
        return .alreadyArchived(objectID: objectID, version: version, recovered: true)
    }

    static func finding(_ code: String, _ vi: String, _ en: String, _ path: String?) -> Finding {
        Finding(code: code, severity: .error, message: BilingualMessage(vi: vi, en: en), path: path)
    }
}
