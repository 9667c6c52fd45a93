import Foundation
import KhoCore
import Metadata

/// What Ingest reads from a SIP's METS documents (root and representation): identity, status, the
/// dossier and document records they reference, and every data file with what it declares.
///
/// The validator has already checked these documents; this reader only collects, tolerantly.
struct SubmissionMETS: Sendable {
    /// A data file (tệp dữ liệu) declared by a representation METS.
    struct DataFile: Sendable, Hashable {
        /// Path inside the package, e.g. `representations/rep1/data/H49.1.pdf`.
        var path: String
        /// Declared SIZE.
        var size: Int64?
        /// Declared checksum (lower-case hex) and its algorithm.
        var checksum: String?
        var checksumType: String?
        /// Declared MIMETYPE.
        var mimeType: String?
        /// DMDIDs of the document records the file belongs to.
        var dmdIDs: [String]
    }

    /// Root `@OBJID` (`uuid-…`).
    var objid: String?
    /// Root `@LABEL`.
    var label: String?
    /// `metsHdr/altRecordID TYPE=SUBMISSIONAGREEMENT` (TT05 software puts the fileCode there).
    var submissionAgreement: String?
    /// `metsHdr/@RECORDSTATUS` (NEW when absent).
    var recordStatus: String
    /// The transferring body's name (`agent ROLE=CREATOR TYPE=ORGANIZATION`).
    var creatorOrganization: String?
    /// The fonds code from `note csip:NOTETYPE=IDENTIFICATIONCODE`.
    var identificationCode: String?
    /// Package path of the dossier record (`EAD.xml`), from the root dmdSec.
    var dossierRecordPath: String?
    /// DMDID → package path of a document record (`EAD_doc_…`), in document order.
    var documentRecords: [(id: String, path: String)]
    /// Data files of every representation, in METS order.
    var dataFiles: [DataFile]
    /// Representation METS paths.
    var representationMETS: [String]

    /// Reads `METS.xml` under `root` and the representation METS its structMap points to.
    static func read(packageRoot root: String) throws(IngestError) -> SubmissionMETS {
        let rootDocument = try parse(root, "METS.xml")
        let mets = rootDocument.root
        var result = SubmissionMETS(objid: mets.attribute("OBJID"), label: mets.attribute("LABEL"), submissionAgreement: nil, recordStatus: "NEW", creatorOrganization: nil,
                                    identificationCode: nil, dossierRecordPath: nil, documentRecords: [],
                                    dataFiles: [], representationMETS: [])
        if let header = mets.firstChild(named: "metsHdr", namespace: XMLNamespace.mets) {
            if let status = header.attribute("RECORDSTATUS"), !status.isEmpty { result.recordStatus = status.uppercased() }
            for alt in header.children(named: "altRecordID", namespace: XMLNamespace.mets) where alt.attribute("TYPE") == "SUBMISSIONAGREEMENT" {
                result.submissionAgreement = result.submissionAgreement ?? alt.text.trimmed
            }
            for agent in header.children(named: "agent", namespace: XMLNamespace.mets) {
                let name = agent.firstChild(named: "name", namespace: XMLNamespace.mets)?.text
                for note in agent.children(named: "note", namespace: XMLNamespace.mets)
                where note.attribute("NOTETYPE", namespace: XMLNamespace.csip) == "IDENTIFICATIONCODE" {
                    result.identificationCode = result.identificationCode ?? note.text.trimmed
                }
                if agent.attribute("ROLE") == "CREATOR", agent.attribute("TYPE") == "ORGANIZATION", result.creatorOrganization == nil {
                    result.creatorOrganization = name?.trimmed
                }
            }
        }
        result.dossierRecordPath = mdRefs(in: mets, base: "").first?.path
        for href in descendants(of: mets, named: "mptr").compactMap({ $0.attribute("href", namespace: XMLNamespace.xlink) }) {
            guard let path = resolve(href, base: ""), !result.representationMETS.contains(path) else { continue }
            result.representationMETS.append(path)
        }
        for repPath in result.representationMETS {
            let base = repPath.split(separator: "/").dropLast().joined(separator: "/")
            let rep = try parse(root, repPath).root
            result.documentRecords += mdRefs(in: rep, base: base)
            for file in descendants(of: rep, named: "file") {
                guard let href = file.firstChild(named: "FLocat", namespace: XMLNamespace.mets)?.attribute("href", namespace: XMLNamespace.xlink),
                      let path = resolve(href, base: base) else { continue }
                result.dataFiles.append(DataFile(
                    path: path, size: file.attribute("SIZE").flatMap { Int64($0) },
                    checksum: file.attribute("CHECKSUM")?.lowercased(), checksumType: file.attribute("CHECKSUMTYPE"),
                    mimeType: file.attribute("MIMETYPE"),
                    dmdIDs: (file.attribute("DMDID") ?? "").split(separator: " ").map(String.init)))
            }
        }
        return result
    }

    /// The `dmdSec` records of a METS document: (dmdSec ID, package path).
    private static func mdRefs(in mets: XMLElement, base: String) -> [(id: String, path: String)] {
        mets.children(named: "dmdSec", namespace: XMLNamespace.mets).compactMap { section in
            guard let id = section.attribute("ID"),
                  let href = section.firstChild(named: "mdRef", namespace: XMLNamespace.mets)?.attribute("href", namespace: XMLNamespace.xlink),
                  let path = resolve(href, base: base) else { return nil }
            return (id, path)
        }
    }

    private static func descendants(of element: XMLElement, named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.children {
            if child.name == name, child.namespaceURI == XMLNamespace.mets { found.append(child) }
            found += descendants(of: child, named: name)
        }
        return found
    }

    /// A relative href against the folder of the METS that holds it; nil for anything that leaves the package.
    static func resolve(_ href: String, base: String) -> String? {
        let decoded = href.removingPercentEncoding ?? href
        var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": guard !parts.isEmpty else { return nil }; parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        guard !decoded.hasPrefix("/"), !decoded.contains("://"), !parts.isEmpty else { return nil }
        return parts.joined(separator: "/")
    }

    private static func parse(_ root: String, _ path: String) throws(IngestError) -> XMLDocument {
        do {
            return try XMLDocument.parse(fileAt: root + "/" + path)
        } catch {
            throw IngestError("KHO-INGEST-METS", path: path,
                              vi: "Không đọc được METS của gói (\(error.rule)): \(error.message.vi)",
                              en: "Cannot read the package METS (\(error.rule)): \(error.message.en)")
        }
    }
}

extension String {
    /// Trimmed of white space and new lines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
