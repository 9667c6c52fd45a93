import KhoCore

/// TT05 SIP_hoso rules on top of E-ARK (IDs `TT05-PKG-…`, documented in README.md), plus the dossier and
/// document record rules of the `Metadata` module (`TT05-DOS-…`, `TT05-DOC-…`) run on every record.
///
/// They apply when the package METS references `metadata/descriptive/EAD.xml` or the file exists: a plain
/// E-ARK SIP without TT05 records gets only the E-ARK checks.
struct TT05PackageRules {
    var tree: PackageTree
    var rootName: String

    static let eadPath = "metadata/descriptive/EAD.xml"

    /// Whether the package is a TT05 package at all.
    func applies(_ root: METSSummary) -> Bool {
        tree.file(at: Self.eadPath) != nil || root.descriptive.contains { $0.path.map(UnicodeNames.nfcKey) == Self.eadPath }
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
        let dossierReferenced = root.descriptive.contains { $0.path.map(UnicodeNames.nfcKey) == Self.eadPath }
        guard tree.file(at: Self.eadPath) != nil, dossierReferenced else {
            out.report("TT05-PKG-003", "Thiếu hồ sơ \(Self.eadPath) hoặc không có <dmdSec> nào tham chiếu tới nó",
                       "\(Self.eadPath) is missing or no <dmdSec> references it", path: Self.eadPath)
            return
        }
        guard let dossier = loadRecord(Self.eadPath, &out) else { return }
        out.findings += TT05RecordRules.checkDossier(dossier, path: Self.eadPath)
        // Document records: dmdSecs of the representation METS documents.
        var documents: [(path: String, record: SimpleDCRecord, dmdID: String, summary: METSSummary)] = []
        for summary in summaries.dropFirst() {
            for section in summary.descriptive {
                guard let path = section.path, tree.file(at: path) != nil else { continue }
                if let record = loadRecord(path, &out) {
                    out.findings += TT05RecordRules.checkDocument(record, path: path)
                    documents.append((path, record, section.id, summary))
                }
            }
        }
        let fileCode = dossier["fileCode"] ?? ""
        if let total = dossier["totalDoc"], let count = Int(total), count != documents.count {
            out.report("TT05-PKG-005", "totalDoc = \(count) nhưng gói có \(documents.count) hồ sơ tài liệu (EAD_doc)",
                       "totalDoc = \(count) but the package holds \(documents.count) document records (EAD_doc)", path: Self.eadPath)
        }
        var linkedFiles = Set<String>()
        for document in documents {
            let docId = document.record["docId"] ?? ""
            let docCode = document.record["docCode"] ?? document.record["arcDocCode"] ?? ""
            if !fileCode.isEmpty {
                for (name, value) in [("docId", docId), ("docCode", docCode)] where !value.isEmpty && !value.hasPrefix(fileCode + ".") {
                    out.report("TT05-PKG-010", "\(name) \"\(value)\" không bắt đầu bằng mã hồ sơ \"\(fileCode).\"",
                               "\(name) \"\(value)\" does not start with the dossier code \"\(fileCode).\"", path: document.path)
                }
            }
            let dataFiles = Self.dataFiles(of: document.dmdID, docId: docId, in: document.summary)
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
    static func dataFiles(of dmdID: String, docId: String, in summary: METSSummary) -> [METSSummary.FileEntry] {
        var linked = summary.files.filter { $0.dmdIDs.contains(dmdID) }
        let divFileIDs = Set(summary.divLinks.filter { $0.dmdIDs.contains(dmdID) }.flatMap(\.fileIDs))
        linked += summary.files.filter { divFileIDs.contains($0.id) && !linked.contains($0) }
        if linked.isEmpty, !docId.isEmpty {
            linked = summary.files.filter { file in
                let name = file.path?.split(separator: "/").last.map(String.init) ?? ""
                return name.hasPrefix(docId + ".") && name.split(separator: ".").count == docId.split(separator: ".").count + 1
            }
        }
        return linked
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

    private func loadRecord(_ path: String, _ out: inout FindingCollector) -> SimpleDCRecord? {
        switch XMLLoader.load(tree.fullPath(path), relativePath: path) {
        case .failure(let failure):
            out.findings.append(Finding(code: "TT05-PKG-004", severity: .error, message: failure.finding.message, path: path, location: failure.finding.location))
            return nil
        case .success(let element):
            guard element.name == "simpledc" else {
                out.report("TT05-PKG-004", "Phần tử gốc phải là <simpledc>, gặp <\(element.name)>",
                           "The root element must be <simpledc>, found <\(element.name)>", path: path)
                return nil
            }
            return SimpleDCRecord(element)
        }
    }
}

/// A flat TT05 `<simpledc>` record: field name → value (the first occurrence), as real packages write it.
struct SimpleDCRecord: Sendable {
    var element: METSElement
    var fields: [String: String] = [:]

    init(_ element: METSElement) {
        self.element = element
        for child in element.children where fields[child.name] == nil {
            fields[child.name] = child.text
        }
    }

    subscript(_ name: String) -> String? { fields[name] }
}
