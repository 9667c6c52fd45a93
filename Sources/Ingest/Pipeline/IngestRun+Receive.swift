import Foundation
import KhoCore
import Metadata
import Packaging

/// What reception gave: a validated package, or a rejection already written to quarantine.
enum ReceiveResult {
    case received(ReceivedPackage)
    case rejected(IngestOutcome)
}

extension IngestRun {
    /// Opens the package (a zip is unpacked into the work area; a folder is read in place), validates it and
    /// verifies every declared size and checksum, then reads its dossier and document records.
    mutating func receive() throws(IngestError) -> ReceiveResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw IngestError("KHO-INGEST-SOURCE", path: source, vi: "Không tìm thấy gói", en: "Package not found")
        }
        if isDirectory.boolValue, BagSubmission.isBag(source) {
            return try receiveBag()
        }
        return try receiveSIP(isDirectory: isDirectory.boolValue)
    }

    private mutating func receiveSIP(isDirectory: Bool) throws(IngestError) -> ReceiveResult {
        let zipSHA256 = isDirectory ? nil : try Self.sha256(of: source)
        let package: SubmissionPackage
        do {
            package = try SubmissionPackage.open(source, workArea: work)
        } catch {
            let finding = Finding(code: error.rule, severity: .error, message: error.message, path: error.path)
            return .rejected(try reject([finding], submissionObjectID: nil, packageSHA256: zipSHA256))
        }
        let report = SIPValidator(options: SIPValidationOptions(schemaCatalog: options.schemaCatalog)).validate(package)
        guard report.isValid else {
            event(.validation, outcome: .failure, outcomeDetail: "\(report.count(.error)) lỗi / errors")
            return .rejected(try reject(report.findings, submissionObjectID: report.objid, packageSHA256: zipSHA256))
        }
        let infected = virusCheck(package.root)
        guard infected.isEmpty else {
            return .rejected(try reject(infected + report.findings, submissionObjectID: report.objid, packageSHA256: zipSHA256))
        }
        let warnings = report.findings.filter { $0.severity == .warning }
        event(.validation, outcome: warnings.isEmpty ? .success : .warning,
              detail: "E-ARK CSIP 2.2 / SIP 2.2, TT05 SIP_hoso; METS XSD: \(report.schemaValidated ? "có / yes" : "không / no")",
              outcomeDetail: "0 lỗi / errors, \(warnings.count) cảnh báo / warnings")
        event(.fixityCheck, outcome: .success, detail: "SIZE, CHECKSUM (SHA-256) khai báo trong METS / declared in METS",
              outcomeDetail: "\(report.filesVerified) tệp / files, \(report.bytesVerified) byte khớp / match")
        let fingerprint = try Self.sha256(of: package.root + "/METS.xml")
        let mets: SubmissionMETS
        let dossier: DossierRecord
        var documents: [(key: String, record: DocumentRecord)] = []
        var submissionMETS = Data()
        do {
            mets = try SubmissionMETS.read(packageRoot: package.root)
            // A TT05 package describes its dossier in EAD.xml; another E-ARK SIP is accepted with what it has:
            // its METS LABEL as title, its SUBMISSIONAGREEMENT altRecordID or OBJID as the dossier code.
            var record = DossierRecord()
            if let dossierPath = mets.dossierRecordPath { record = try Self.readDossier(package.root, dossierPath) }
            if record.fileCode?.isEmpty != false, record.arcFileCode?.isEmpty != false {
                record.fileCode = mets.submissionAgreement ?? mets.objid
            }
            if record.title?.isEmpty != false { record.title = mets.label ?? mets.objid }
            dossier = record
            for (id, path) in mets.documentRecords {
                let document = try Self.readDocument(package.root, path)
                if document.docId?.isEmpty == false || document.code?.isEmpty == false { documents.append((id, document)) }
            }
            submissionMETS = try Data(contentsOf: URL(fileURLWithPath: package.root + "/METS.xml"))
        } catch let error as IngestError {
            return .rejected(try reject([Finding(code: error.rule, severity: .error, message: error.message, path: error.path)],
                                        submissionObjectID: report.objid, packageSHA256: zipSHA256 ?? fingerprint))
        } catch {
            throw IngestError("KHO-INGEST-READ", path: package.root, vi: "Không đọc được gói", en: "Cannot read the package", error: error)
        }
        var files: [ReceivedPackage.DataFile] = []
        for file in mets.dataFiles {
            let location = package.root + "/" + file.path
            let declared = file.checksumType?.uppercased().replacingOccurrences(of: "-", with: "") == "SHA256" ? file.checksum : nil
            // Verified by the validator; only a package declaring another algorithm is hashed again here.
            let sha256: String, size: Int64
            if let declared { sha256 = declared } else { sha256 = try Self.sha256(of: location) }
            if let declaredSize = file.size { size = declaredSize } else { size = try Self.size(of: location) }
            files.append(ReceivedPackage.DataFile(packagePath: file.path, location: location, size: size, sha256: sha256,
                                                  declaredMIMEType: file.mimeType, documentKeys: file.dmdIDs))
        }
        return .received(ReceivedPackage(
            kind: isDirectory ? "folder" : "zip", root: package.root, packageSHA256: zipSHA256 ?? fingerprint,
            fingerprint: fingerprint, submissionObjectID: mets.objid, recordStatus: mets.recordStatus,
            creatorOrganization: mets.creatorOrganization, identificationCode: mets.identificationCode,
            submissionMETS: submissionMETS, dossier: dossier, documents: documents, dataFiles: files, warnings: warnings))
    }

    /// Reads the dossier record (EAD.xml), turning an XML failure into a rejection reason.
    static func readDossier(_ root: String, _ path: String) throws(IngestError) -> DossierRecord {
        do {
            return try DossierRecord.read(fileAt: root + "/" + path)
        } catch {
            throw IngestError("TT05-PKG-004", wrapping: error, path: path, vi: "Không đọc được bản ghi hồ sơ", en: "Cannot read the dossier record")
        }
    }

    /// Reads a document record (EAD_doc), turning an XML failure into a rejection reason.
    static func readDocument(_ root: String, _ path: String) throws(IngestError) -> DocumentRecord {
        do {
            var record = try DocumentRecord.read(fileAt: root + "/" + path)
            // Where each field sat in the XML matters to validation only; 10,000 documents' locations are ~25 MB.
            record.source = nil
            return record
        } catch {
            throw IngestError("TT05-PKG-004", wrapping: error, path: path, vi: "Không đọc được bản ghi tài liệu", en: "Cannot read the document record")
        }
    }

    /// SHA-256 of a file, in one streaming read.
    static func sha256(of path: String) throws(IngestError) -> String {
        do {
            return try FileHasher().digest(fileAt: path, algorithms: [.sha256]).digests[.sha256] ?? ""
        } catch {
            throw IngestError("KHO-INGEST-READ", wrapping: error, path: path, vi: "Không đọc được tệp", en: "Cannot read the file")
        }
    }

    /// Size of a file on disk.
    static func size(of path: String) throws(IngestError) -> Int64 {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return (attributes[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw IngestError("KHO-INGEST-READ", path: path, vi: "Không đọc được tệp", en: "Cannot read the file", error: error)
        }
    }
}
