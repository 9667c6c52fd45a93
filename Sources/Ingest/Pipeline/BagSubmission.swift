import Foundation
import KhoCore
import Metadata
import Packaging

/// BagIt bags (RFC 8493) as transfers: validated by `BagValidator` (every manifest digest verified), the
/// dossier record taken from `bag-info.txt` (see the README's "BagIt mapping"), every payload file a data file.
enum BagSubmission {
    /// A folder with `bagit.txt` at its top is a bag.
    static func isBag(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/bagit.txt")
    }

    /// The TT05 dossier fields a `TT05-<field>` bag-info label may carry.
    static let dossierFields = ["fileCode", "title", "maintenance", "mode", "language", "startDate", "endDate", "keyword",
                                "totalDoc", "numberOfPaper", "numberOfPage", "format", "inforSign", "confidenceLevel",
                                "paperFileCode", "riskRecovery", "riskRecoveryStatus", "description"]

    /// Standard bag-info labels used when the `TT05-` one is absent.
    static let fallbacks: [String: [String]] = [
        "fileCode": ["Internal-Sender-Identifier", "External-Identifier"],
        "title": ["Title", "External-Description"],
        "description": ["Internal-Sender-Description"],
        "keyword": ["Keywords"],
    ]

    /// The dossier record from bag-info elements, read by Metadata's tolerant `<simpledc>` reader.
    static func dossier(from info: BagInfo) throws(IngestError) -> DossierRecord {
        var xml = "<simpledc>"
        for field in dossierFields {
            let values = info.values("TT05-" + field)
            let chosen = values.isEmpty ? (fallbacks[field] ?? []).lazy.map { info.values($0) }.first { !$0.isEmpty } ?? [] : values
            guard let value = chosen.first else { continue }
            xml += "<\(field)>\(escape(field == "keyword" || field == "language" ? chosen.joined(separator: "; ") : value))</\(field)>"
        }
        xml += "</simpledc>"
        do {
            return DossierRecord(reading: try XMLDocument.parse(data: Data(xml.utf8), sourceName: "bag-info.txt"))
        } catch {
            throw IngestError("KHO-INGEST-BAG-INFO", wrapping: error, path: "bag-info.txt", vi: "Không đọc được bag-info.txt", en: "Cannot read bag-info.txt")
        }
    }

    /// A METS document describing the bag as received, kept in the AIP as provenance in place of a SIP METS:
    /// `bag-info.txt` and every manifest are embedded byte for byte (base64) in `mdWrap`s.
    static func provenanceMETS(objid: String, created: String, tagFiles: [(name: String, bytes: Data)]) -> Data {
        var sections = ""
        for (index, file) in tagFiles.enumerated() {
            sections += """
                  <mets:amdSec ID="bag-\(index + 1)"><mets:sourceMD ID="bag-file-\(index + 1)"><mets:mdWrap MDTYPE="OTHER" OTHERMDTYPE="BagIt" LABEL="\(escape(file.name))" MIMETYPE="text/plain"><mets:binData>\(file.bytes.base64EncodedString())</mets:binData></mets:mdWrap></mets:sourceMD></mets:amdSec>

                """
        }
        return Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets xmlns:mets="http://www.loc.gov/METS/" OBJID="\(escape(objid))" TYPE="BagIt" LABEL="BagIt bag as received">
              <mets:metsHdr CREATEDATE="\(created)" RECORDSTATUS="NEW"/>
            \(sections)  <mets:structMap LABEL="BagIt"><mets:div LABEL="bag"/></mets:structMap>
            </mets:mets>

            """.utf8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension IngestRun {
    /// Receives a bag: validates it (digests of every manifest verified), maps bag-info to the dossier and
    /// takes the SHA-256 of each payload file from `manifest-sha256.txt` (verified), hashing only when the
    /// bag has no SHA-256 manifest.
    mutating func receiveBag() throws(IngestError) -> ReceiveResult {
        let report = BagValidator().validate(bagAt: source)
        guard report.isValid else {
            event(.validation, outcome: .failure, outcomeDetail: "\(report.errors.count) lỗi / errors")
            return .rejected(try reject(report.findings, submissionObjectID: nil, packageSHA256: nil))
        }
        event(.validation, outcome: report.warnings.isEmpty ? .success : .warning, detail: "BagIt \(report.version ?? "?") (RFC 8493)",
              outcomeDetail: "0 lỗi / errors, \(report.warnings.count) cảnh báo / warnings")
        event(.fixityCheck, outcome: .success, detail: "manifest-\(report.algorithms.joined(separator: ", "))",
              outcomeDetail: "\(report.payloadFileCount) tệp / files, \(report.payloadByteCount) byte khớp / match")
        var findings = BagFindings()
        let infoBytes = (FileManager.default.contents(atPath: source + "/bag-info.txt")).map { [UInt8]($0) } ?? []
        let info = BagInfo.parse(infoBytes, declaration: .current, findings: &findings)
        var dossier = try BagSubmission.dossier(from: info)
        if dossier.title == nil { dossier.title = dossier.fileCode }
        guard dossier.fileCode?.isEmpty == false else {
            return .rejected(try reject([Self.finding("KHO-INGEST-BAG-FILECODE",
                                                      "bag-info.txt không có mã hồ sơ (TT05-fileCode, Internal-Sender-Identifier hoặc External-Identifier)",
                                                      "bag-info.txt names no dossier code (TT05-fileCode, Internal-Sender-Identifier or External-Identifier)",
                                                      "bag-info.txt")], submissionObjectID: nil, packageSHA256: nil))
        }
        let tagNames = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        let tagFiles = tagNames.compactMap { name in FileManager.default.contents(atPath: source + "/" + name).map { (name, $0) } }
        let fingerprintFile = ["tagmanifest-sha256.txt", "manifest-sha256.txt", "tagmanifest-sha512.txt", "manifest-sha512.txt"]
            .first { tagNames.contains($0) } ?? "bag-info.txt"
        let fingerprint = try Self.sha256(of: source + "/" + fingerprintFile)
        var declared: [String: String] = [:]
        if let manifest = FileManager.default.contents(atPath: source + "/manifest-sha256.txt") {
            let parsed = BagManifest.parse([UInt8](manifest), kind: .payload, algorithm: .sha256, fileName: "manifest-sha256.txt",
                                           declaration: .current, findings: &findings)
            for entry in parsed.entries {
                declared[String(decoding: entry.path, as: UTF8.self).precomposedStringWithCanonicalMapping] = entry.checksum.lowercased()
            }
        }
        var files: [ReceivedPackage.DataFile] = []
        let payload = ((try? FileManager.default.subpathsOfDirectory(atPath: source + "/data")) ?? []).sorted()
        for relative in payload {
            let location = source + "/data/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let packagePath = "data/" + relative
            let sha256: String
            if let known = declared[packagePath.precomposedStringWithCanonicalMapping] { sha256 = known } else { sha256 = try Self.sha256(of: location) }
            files.append(ReceivedPackage.DataFile(packagePath: packagePath, location: location, size: try Self.size(of: location),
                                                  sha256: sha256, declaredMIMEType: nil, documentKeys: []))
        }
        let objid = info.values("External-Identifier").first ?? "bag-" + fingerprint.prefix(16)
        let status = info.values("TT05-recordStatus").first?.uppercased() ?? "NEW"
        return .received(ReceivedPackage(
            kind: "bagit", root: source, packageSHA256: fingerprint, fingerprint: fingerprint, submissionObjectID: objid,
            recordStatus: status, creatorOrganization: info.values("Source-Organization").first,
            identificationCode: info.values("TT05-identificationCode").first ?? info.values("Bag-Group-Identifier").first,
            submissionMETS: BagSubmission.provenanceMETS(objid: objid, created: vietnamTime(received), tagFiles: tagFiles),
            dossier: dossier, documents: [], dataFiles: files, warnings: report.warnings))
    }
}
