import Foundation
import KhoCore
import Metadata

/// The checked input of one build with everything derived from it (codes, IDs, paths, times), so the
/// writers only write.
struct AIPPlan {
    /// A document ready to write.
    struct Document {
        /// The record as the AIP holds it: `arcDocCode` in place of `docCode`.
        var aipRecord: DocumentRecord
        /// Path of its `EAD_doc_….xml` in the AIP.
        var metadataPath: String
        /// Its href relative to the representation METS.
        var href: String
        /// METS `dmdSec/@ID`.
        var dmdID: String
        /// Label of its structMap div (docId or code).
        var label: String
        /// Indexes into `content.files`.
        var fileIndexes: [Int]
    }

    let content: AIPContent
    let arcFileCode: String
    let aipDossier: DossierRecord
    let documents: [Document]
    /// For each file, the index of the document holding it (nil when none does).
    let documentOfFile: [Int?]
    /// `content.created` as TT05 writes times.
    let created: String

    init(_ content: AIPContent) throws(AIPBuildError) {
        self.content = content
        try Self.checkObjectID(content.objectID)
        guard let arc = content.arcFileCode else {
            throw AIPBuildError("KHO-AIP-ARCFILECODE", path: AIPLayout.dossierEAD,
                                vi: "Không lập được mã hồ sơ lưu trữ (arcFileCode): thiếu mã lưu trữ hoặc mã hồ sơ (fileCode)",
                                en: "Cannot form arcFileCode: the archive code or the dossier's fileCode is missing")
        }
        let archive = content.archiveCode
        guard !archive.isEmpty, !archive.contains(where: { $0.isWhitespace }), arc.hasPrefix(archive + ".") else {
            throw AIPBuildError("KHO-AIP-ARCFILECODE", path: AIPLayout.dossierEAD,
                                vi: "Mã hồ sơ lưu trữ '\(arc)' phải bắt đầu bằng mã lưu trữ '\(archive)' và dấu chấm",
                                en: "arcFileCode '\(arc)' must start with the archive code '\(archive)' and a dot")
        }
        self.arcFileCode = arc
        var dossier = content.dossier
        dossier.arcFileCode = arc
        // fileCode stays beside arcFileCode: docId (`<fileCode>.<n>`) and data file names keep the producer's code.
        dossier.source = nil
        self.aipDossier = dossier
        self.created = AIPTimestamp.string(content.created)

        var indexOfPath: [String: Int] = [:]
        indexOfPath.reserveCapacity(content.files.count)
        for (index, file) in content.files.enumerated() {
            try Self.checkFile(file)
            let key = file.path.precomposedStringWithCanonicalMapping
            guard indexOfPath.updateValue(index, forKey: key) == nil else {
                throw AIPBuildError("KHO-AIP-DUPLICATE-PATH", path: file.path,
                                    vi: "Hai tệp trùng đường dẫn (so sánh theo NFC)", en: "Two files have the same path (compared under NFC)")
            }
        }

        var documentOfFile = [Int?](repeating: nil, count: content.files.count)
        var names = Set<String>()
        var documents: [Document] = []
        for (ordinal, document) in content.documents.enumerated() {
            guard let name = document.metadataFileName, !name.contains("/"), name != "EAD_doc_..xml",
                  names.insert(name.precomposedStringWithCanonicalMapping).inserted else {
                throw AIPBuildError("KHO-AIP-DOCUMENT-NAME", path: document.record.code,
                                    vi: "Tài liệu thứ \(ordinal + 1) không có docId/docCode dùng được làm tên tệp, hoặc trùng tên",
                                    en: "Document \(ordinal + 1) has no docId/docCode usable as a file name, or the name is taken")
            }
            var fileIndexes: [Int] = []
            for path in document.filePaths {
                guard let index = indexOfPath[path.precomposedStringWithCanonicalMapping] else {
                    throw AIPBuildError("KHO-AIP-DOCUMENT-FILE", path: path,
                                        vi: "Tài liệu '\(name)' trỏ tới tệp không có trong gói",
                                        en: "Document '\(name)' refers to a file that is not in the package")
                }
                documentOfFile[index] = ordinal
                fileIndexes.append(index)
            }
            var record = document.record
            if record.arcDocCode?.isEmpty ?? true, let code = record.docCode, !code.isEmpty {
                record.arcDocCode = "\(archive).\(code)"
            }
            if record.arcDocCode?.isEmpty == false { record.docCode = nil }
            record.source = nil
            documents.append(Document(aipRecord: record,
                                      metadataPath: "\(AIPLayout.documentFolder)/\(name)",
                                      href: "metadata/descriptive/\(name)",
                                      dmdID: "dmd-doc-\(ordinal + 1)",
                                      label: document.record.docId ?? document.record.code ?? name,
                                      fileIndexes: fileIndexes))
        }
        self.documents = documents
        self.documentOfFile = documentOfFile
        try Self.checkAgents(content)
    }

    /// METS `file/@ID` of file `index`.
    static func fileID(_ index: Int) -> String { "file-\(index + 1)" }

    /// The file's href relative to the representation METS (`data/…`).
    static func representationHref(_ file: AIPFile) -> String {
        String(file.path.dropFirst(AIPLayout.representation.count + 1))
    }

    private static func checkObjectID(_ id: String) throws(AIPBuildError) {
        let prefix = "urn:uuid:"
        let uuid = id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : ""
        guard UUID(uuidString: uuid) != nil, uuid == uuid.lowercased(), uuid.count == 36 else {
            throw AIPBuildError("KHO-AIP-OBJID", path: id,
                                vi: "OBJID của AIP phải có dạng urn:uuid:<UUID viết thường>",
                                en: "An AIP OBJID must be urn:uuid:<lower-case UUID>")
        }
    }

    private static func checkFile(_ file: AIPFile) throws(AIPBuildError) {
        do {
            _ = try RelativePath(file.path)
        } catch {
            throw AIPBuildError("KHO-AIP-PATH", path: file.path, vi: "Đường dẫn tệp không an toàn: \(error.message.vi)", en: "Unsafe file path: \(error.message.en)")
        }
        guard file.path.hasPrefix(AIPLayout.dataFolder), file.path.count > AIPLayout.dataFolder.count else {
            throw AIPBuildError("KHO-AIP-PATH", path: file.path,
                                vi: "Tệp dữ liệu phải nằm trong \(AIPLayout.dataFolder)", en: "Payload files must be under \(AIPLayout.dataFolder)")
        }
        guard file.size >= 0, isHex(file.sha256, length: 64), file.sha512.map({ isHex($0, length: 128) }) ?? true else {
            throw AIPBuildError("KHO-AIP-DIGEST", path: file.path,
                                vi: "Kích thước hoặc giá trị băm (SHA-256/SHA-512) không hợp lệ", en: "Invalid size or digest (SHA-256/SHA-512)")
        }
    }

    private static func isHex(_ text: String, length: Int) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
    }

    private static func checkAgents(_ content: AIPContent) throws(AIPBuildError) {
        var identifiers = Set<String>()
        for agent in [content.software] + content.approvers + content.agents {
            guard !agent.identifier.isEmpty, identifiers.insert(agent.identifier).inserted else {
                throw AIPBuildError("KHO-AIP-AGENT", path: agent.identifier,
                                    vi: "Định danh tác nhân rỗng hoặc trùng", en: "Empty or duplicate agent identifier")
            }
        }
        var events = Set<String>()
        for event in content.events {
            guard !event.identifier.isEmpty, events.insert(event.identifier).inserted else {
                throw AIPBuildError("KHO-AIP-EVENT", path: event.identifier, vi: "Định danh sự kiện rỗng hoặc trùng", en: "Empty or duplicate event identifier")
            }
            for link in event.linkingAgents where !identifiers.contains(link.identifier) {
                throw AIPBuildError("KHO-AIP-EVENT", path: event.identifier,
                                    vi: "Sự kiện trỏ tới tác nhân không có: \(link.identifier)", en: "The event links an unknown agent: \(link.identifier)")
            }
        }
    }
}
