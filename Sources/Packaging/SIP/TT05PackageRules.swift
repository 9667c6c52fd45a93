import Foundation
import KhoCore
import Metadata
import Synchronization

/// TT05 SIP_hoso rules on top of E-ARK (IDs `TT05-PKG-…`, documented in README.md), plus the dossier and
/// document record rules of the `Metadata` module (`TT05-DOS-…`, `TT05-DOC-…`, including the totalDoc count
/// and the docId/docCode prefix) run on every record the METS documents reference.
///
/// They apply when the package METS references `metadata/descriptive/EAD.xml` or the file exists: a plain
/// E-ARK SIP without TT05 records gets only the E-ARK checks.
struct TT05PackageRules {
    var tree: PackageTree
    var rootName: String

    static let eadPath = "metadata/descriptive/EAD.xml"

    /// Whether the package is a TT05 package at all.
    func applies(_ root: METSSummary) -> Bool {
        tree.file(at: Self.eadPath) != nil || root.descriptive.contains { $0.path.map(PackageTree.key) == Self.eadPath }
    }

    func check(summaries: [METSSummary], _ out: inout FindingCollector) {
        guard let root = summaries.first, applies(root) else { return }
        let objid = root.objid ?? ""
        if !Self.isSIPObjid(objid) {
            out.report("TT05-PKG-001", "@OBJID của SIP phải có dạng uuid-<UUID>, gặp \"\(objid)\"",
                       "A SIP's @OBJID must look like uuid-<UUID>, found \"\(objid)\"", path: root.path)
        }
        if !objid.isEmpty, rootName != objid {
            out.report("TT05-PKG-002", "Thư mục gói \"\(rootName)\" nên mang tên @OBJID \"\(objid)\"",
                       "The package folder \"\(rootName)\" should be named after @OBJID \"\(objid)\"", path: "")
        }
        if let type = root.packageType, type != "SIP" {
            out.report("TT05-PKG-008", "Gói nộp lưu phải có @csip:OAISPACKAGETYPE=\"SIP\", gặp \"\(type)\"",
                       "A transfer package must have @csip:OAISPACKAGETYPE=\"SIP\", found \"\(type)\"", path: root.path)
        }
        for summary in summaries {
            for (type, location) in summary.checksumTypes where type != "SHA-256" {
                out.findings.append(Finding(code: "TT05-PKG-007", severity: .warning,
                    message: BilingualMessage(vi: "TT05 quy định mã kiểm tra SHA-256, gặp \(type)", en: "TT05 prescribes SHA-256 checksums, found \(type)"),
                    path: summary.path, location: location))
            }
        }
        // The dossier record.
        let dossierReferenced = root.descriptive.contains { $0.path.map(PackageTree.key) == Self.eadPath }
        guard tree.file(at: Self.eadPath) != nil, dossierReferenced else {
            out.report("TT05-PKG-003", "Thiếu hồ sơ \(Self.eadPath) hoặc không có <dmdSec> nào tham chiếu tới nó",
                       "\(Self.eadPath) is missing or no <dmdSec> references it", path: Self.eadPath)
            return
        }
        guard let dossierDocument = Self.loadRecord(Self.eadPath, tree: tree, &out) else { return }
        let dossier = DossierRecord(reading: dossierDocument)
        out.findings += dossier.check()
        // Document records: the dmdSecs of the representation METS documents.
        var references: [(path: String, dmdID: String, representation: Int)] = []
        let links = summaries.dropFirst().map(DocumentLinks.init)
        for (representation, summary) in summaries.dropFirst().enumerated() {
            for section in summary.descriptive {
                guard let path = section.path, tree.file(at: path) != nil else { continue }
                references.append((path, section.id, representation))
            }
        }
        // Records are independent: read and check them on two threads, keep the results in order.
        let results = Self.checkDocuments(references.map(\.path), dossier: dossier, tree: tree)
        var documents: [(path: String, docId: String?, dmdID: String, representation: Int)] = []
        for (reference, result) in zip(references, results) {
            out.findings += result.findings
            if let docId = result.docId { documents.append((reference.path, docId, reference.dmdID, reference.representation)) }
        }
        if let count = dossier.checkDocumentCount(documents.count) { out.findings.append(count) }
        var linkedFiles = Set<String>()
        for document in documents {
            let docId = document.docId ?? ""
            let dataFiles = Self.dataFiles(of: document.dmdID, docId: docId, in: links[document.representation])
            linkedFiles.formUnion(dataFiles.map(\.id))
            if dataFiles.isEmpty {
                out.report("TT05-PKG-006", "Tài liệu \"\(docId)\" không có tệp dữ liệu nào được METS tham chiếu",
                           "Document \"\(docId)\" has no data file referenced in METS", path: document.path)
            }
        }
        for summary in summaries.dropFirst() {
            for file in summary.files where !linkedFiles.contains(file.id) {
                out.report("TT05-PKG-009", "Tệp dữ liệu \(file.path ?? file.id) không thuộc tài liệu nào (không có EAD_doc)",
                           "Data file \(file.path ?? file.id) belongs to no document record (no EAD_doc)", path: file.path ?? summary.path)
            }
        }
    }

    /// Files of a representation linked to a document: by `file/@DMDID`, by a structMap div carrying the
    /// document's DMDID and pointing at files, or (for producers that link nothing) by the docId in the name.
    static func dataFiles(of dmdID: String, docId: String, in links: DocumentLinks) -> [METSSummary.FileEntry] {
        var linked = links.filesByDMDID[dmdID] ?? []
        for fileID in links.fileIDsByDivDMDID[dmdID] ?? [] {
            if let file = links.filesByID[fileID], !linked.contains(file) { linked.append(file) }
        }
        if linked.isEmpty, !docId.isEmpty {
            linked = links.summary.files.filter { file in
                let name = file.path?.split(separator: "/").last.map(String.init) ?? ""
                return name.hasPrefix(docId + ".") && name.split(separator: ".").count == docId.split(separator: ".").count + 1
            }
        }
        return linked
    }

    /// Indexes of one representation METS for linking documents to files in constant time per document.
    struct DocumentLinks {
        var summary: METSSummary
        var filesByDMDID: [String: [METSSummary.FileEntry]] = [:]
        var filesByID: [String: METSSummary.FileEntry] = [:]
        var fileIDsByDivDMDID: [String: [String]] = [:]

        init(_ summary: METSSummary) {
            self.summary = summary
            for file in summary.files {
                filesByID[file.id] = file
                for id in file.dmdIDs { filesByDMDID[id, default: []].append(file) }
            }
            for link in summary.divLinks where !link.fileIDs.isEmpty {
                for id in link.dmdIDs { fileIDsByDivDMDID[id, default: []] += link.fileIDs }
            }
        }
    }

    /// `uuid-` followed by a UUID in either case.
    static func isSIPObjid(_ objid: String) -> Bool {
        guard objid.hasPrefix("uuid-") else { return false }
        let uuid = Array(objid.dropFirst(5).utf8)
        guard uuid.count == 36 else { return false }
        for (index, byte) in uuid.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !Character(UnicodeScalar(byte)).isHexDigit {
                return false
            }
        }
        return true
    }

    /// Reads and checks document records on two threads; results in input order. Only what the package rules
    /// need afterwards is kept of each record (`docId`: `.some(nil)` for a record read without one, nil for a
    /// record that could not be read), so 10,000 records are not all held in memory at once.
    static func checkDocuments(_ paths: [String], dossier: DossierRecord, tree: PackageTree) -> [(docId: String??, findings: [Finding])] {
        let slots = Mutex<[(docId: String??, findings: [Finding])]>(Array(repeating: (nil, []), count: paths.count))
        let next = Atomic<Int>(0)
        DispatchShim.concurrentPerform(iterations: min(2, max(1, paths.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < paths.count else { return }
                var out = FindingCollector(path: paths[index])
                var result: (docId: String??, findings: [Finding]) = (nil, [])
                if let document = loadRecord(paths[index], tree: tree, &out) {
                    let record = DocumentRecord(reading: document)
                    result.docId = .some(record.docId)
                    out.findings += record.check(dossier: dossier)
                }
                result.findings = out.findings
                slots.withLock { $0[index] = result }
            }
        }
        return slots.withLock { $0 }
    }

    /// Parses a record file through the safe XML layer; an unreadable or malformed record is `TT05-PKG-004`.
    static func loadRecord(_ path: String, tree: PackageTree, _ out: inout FindingCollector) -> XMLDocument? {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: tree.fullPath(path)), options: .mappedIfSafe)
            return try XMLDocument.parse(data: data, sourceName: path)
        } catch let error as XMLError {
            out.report("TT05-PKG-004", error.message.vi, error.message.en, path: path)
        } catch {
            out.report("TT05-PKG-004", "Không đọc được tệp: \(error.localizedDescription)", "Cannot read the file: \(error.localizedDescription)", path: path)
        }
        return nil
    }
}
