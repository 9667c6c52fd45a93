import DataManagement
import Foundation
import Metadata

extension IngestRun {
    /// The catalogue entries and the receipt of this ingest, prepared before the commit.
    func pendingRecord(_ assembled: AssembledAIP, built: AIPBuildResult, package: ReceivedPackage, target: StorageTarget) -> PendingRecord {
        let content = assembled.content
        let unit = options.transferringUnit ?? package.creatorOrganization ?? "Không rõ / unknown"
        let fondsCode = package.identificationCode ?? String(target.fileCode.split(separator: ".").first ?? Substring(target.fileCode))
        let documents = content.documents.enumerated().map { index, document in
            CatalogueProjection.document(document.record, fallbackID: "\(target.fileCode).\(index + 1)",
                                         fullText: document.record.docId.flatMap { assembled.texts[$0] })
        }
        let mimeByPath = Dictionary(content.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var files = built.payload.map { entry in
            FileEntry(path: entry.path, size: entry.size, sha256: entry.sha256, sha512: entry.sha512,
                      puid: mimeByPath[entry.path]?.format.puid, mimeType: mimeByPath[entry.path]?.mimeType,
                      docId: assembled.fileDocuments[entry.path])
        }
        files += built.metadata.map { file in
            FileEntry(path: file.path, size: file.size, sha256: file.sha256, sha512: file.sha512, puid: "fmt/101", mimeType: "application/xml")
        }
        let created = vietnamTime(content.created)
        let entry = AIPEntry(
            objectID: target.objectID, version: target.version, created: created,
            message: "\(target.status.rawValue) \(package.submissionObjectID ?? "-")",
            fonds: FondsEntry(code: fondsCode, name: package.creatorOrganization ?? unit), transferID: transferID,
            recordStatus: target.status.rawValue,
            dossier: CatalogueProjection.dossier(content.dossier, fileCode: target.fileCode, arcFileCode: target.arcFileCode),
            documents: documents, files: files,
            events: content.events.map { CatalogueProjection.event($0, agent: software) })
        let transfer = TransferEntry(id: transferID, transferringUnit: unit, receivedAt: vietnamTime(received),
                                     packageSHA256: package.packageSHA256, packageName: packageName, status: .accepted,
                                     report: "\(target.status.rawValue) → \(target.objectID) v\(target.version); "
                                         + "\(documents.count) tài liệu / documents, \(built.payload.count) tệp / files")
        let receipt = IngestReceipt(
            transferID: transferID, transferringUnit: unit, archiveCode: options.archiveCode, receivedAt: vietnamTime(received),
            issuedAt: created, packageName: packageName, packageKind: package.kind, packageSHA256: package.packageSHA256,
            submissionObjectID: package.submissionObjectID, recordStatus: target.status.rawValue, aipObjectID: target.objectID,
            version: "v\(target.version)", fileCode: target.fileCode, arcFileCode: target.arcFileCode,
            title: content.dossier.title ?? "",
            documents: content.documents.map { document in
                IngestReceipt.DocumentLine(docId: document.record.docId ?? document.record.code ?? "", number: document.record.documentNumber,
                                           issuedDate: document.record.issuedDate?.text, subject: document.record.subject ?? "",
                                           files: document.filePaths.count)
            },
            files: content.files.map { file in
                IngestReceipt.FileLine(path: file.path, size: file.size, sha256: file.sha256, puid: file.format.puid, mimeType: file.mimeType)
            },
            totalBytes: content.files.reduce(0) { $0 + $1.size }, warnings: assembled.warnings,
            software: "Kho \(options.softwareVersion)")
        return PendingRecord(entry: entry, transfer: transfer, receipt: receipt, fingerprint: package.fingerprint)
    }
}
