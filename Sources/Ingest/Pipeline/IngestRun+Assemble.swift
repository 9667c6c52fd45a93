import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import Metadata

extension IngestRun {
    /// Identifies every data file's format (in-process, bounded reads), extracts text, and assembles the AIP
    /// content; for a SUPPLEMENT, the documents and files of the current version are carried over.
    mutating func assemble(_ package: ReceivedPackage, target: StorageTarget) throws(IngestError) -> AssembledAIP {
        let identifier = FormatIdentifier()
        // This run's own workers (started lazily, ended with the step), so none outlives the ingest.
        let workers = PDFTextWorkerPool(arguments: options.pdfTextWorker ?? [PDFTextWorkerLocation.executable()])
        defer { workers.shutdown() }
        let extractor = TextExtractor(pdfText: options.extractText, pdfWorkers: workers)
        var files: [AIPFile] = []
        var texts: [String: String] = [:]
        var warnings = package.warnings.map(\.line)
        var unknown = 0, mismatched = 0, withText = 0, textFailed = 0, toolMissing = false
        let docIds = Dictionary(package.documents.map { ($0.key, $0.record.docId ?? $0.record.code ?? $0.key) }, uniquingKeysWith: { a, _ in a })
        var fileDocuments: [String: String] = [:]
        var examinations = try FileExaminer.examine(package.dataFiles, identifier: identifier, extractor: extractor, threads: 2)
        for (index, file) in package.dataFiles.enumerated() {
            let examination = examinations[index]
            // The text moves into `texts`; dropping it here keeps one copy of every document's text, not two.
            examinations[index].text = nil
            let identification = examination.identification
            warnings += examination.findings.map(\.line)
            mismatched += examination.findings.filter { $0.code == "KHO-FMT-MIME-MISMATCH" }.count
            if identification.isUnknown { unknown += 1 }
            let path = Self.aipPath(forPackagePath: file.packagePath)
            files.append(AIPFile(path: path, source: file.location, originalPath: file.packagePath, size: file.size,
                                 sha256: file.sha256, sha512: nil,
                                 mimeType: identification.isUnknown ? (file.declaredMIMEType ?? identification.mimeType) : identification.mimeType,
                                 format: AIPFileFormat(name: identification.formatName, version: identification.version, puid: identification.puid)))
            if let key = file.documentKeys.first(where: { docIds[$0] != nil }), let docId = docIds[key] { fileDocuments[path] = docId }
            switch examination.text {
            case .extracted(let extraction)?:
                withText += 1
                for key in file.documentKeys {
                    if let docId = docIds[key] { texts[docId, default: ""] += extraction.text + "\n" }
                }
            case .toolUnavailable?: toolMissing = true
            default: break
            }
            // A file whose text cannot be read is still archived; the receipt names it and the rule.
            if let error = examination.textError {
                textFailed += 1
                warnings.append(Finding(code: error.rule, severity: .warning, message: error.message, path: file.packagePath).line)
            }
        }
        event(.formatIdentification, outcome: unknown + mismatched == 0 ? .success : .warning,
              detail: "Kho FormatIdentifier \(options.softwareVersion) (PRONOM)",
              outcomeDetail: "\(files.count) tệp / files; không nhận dạng / unknown: \(unknown); MIME sai / mismatch: \(mismatched)")
        event(.metadataExtraction, outcome: toolMissing || textFailed > 0 ? .warning : .success,
              detail: toolMissing ? (extractor.notice?.message ?? TextExtractor.pdfLibrary) : "\(TextExtractor.pdfLibrary), văn bản thuần / plain text",
              outcomeDetail: "\(withText) tệp có văn bản / files with text"
                  + (textFailed > 0 ? "; không đọc được văn bản / text unreadable: \(textFailed)" : ""))
        if toolMissing, let notice = extractor.notice { warnings.append(notice.message) }
        // Document key → AIP paths of its files, in file order (one pass, no search per document).
        var pathsByDocument: [String: [String]] = [:]
        for (file, aipFile) in zip(package.dataFiles, files) {
            for key in file.documentKeys { pathsByDocument[key, default: []].append(aipFile.path) }
        }
        var documents = package.documents.map { document in
            AIPDocument(record: document.record, filePaths: pathsByDocument[document.key] ?? [])
        }
        var kept: Set<String> = []
        if target.status == .supplement {
            try carryOver(target: target, extractor: extractor, documents: &documents, files: &files, fileDocuments: &fileDocuments,
                          kept: &kept, texts: &texts)
        }
        var dossier = package.dossier
        if target.status == .supplement, dossier.totalDoc?.value != documents.count {
            dossier.totalDoc = TT05Value(text: String(documents.count))
        }
        let transferor = package.creatorOrganization ?? options.transferringUnit
        let agents = transferor.map { [AIPAgent(identifier: "org/" + (package.identificationCode ?? $0), name: $0, kind: .organization)] } ?? []
        let sip = AIPEvent.LinkedObject(identifierType: "SIP OBJID", identifierValue: package.submissionObjectID ?? package.fingerprint, role: "source")
        let aip = AIPEvent.LinkedObject(identifierType: AIPLayout.urnIdentifierType, identifierValue: target.objectID, role: "outcome")
        event(.informationPackageCreation, outcome: .success,
              detail: "SIP → AIP_hoso (\(target.status.rawValue), v\(target.version))", objects: [sip, aip])
        let content = AIPContent(objectID: target.objectID, recordStatus: target.status, created: Date(), archiveCode: options.archiveCode,
                                 software: software, approvers: [], agents: agents, dossier: dossier, documents: documents,
                                 files: files, events: events, submissionMETS: package.submissionMETS,
                                 submissionObjectID: package.submissionObjectID)
        return AssembledAIP(content: content, texts: texts, fileDocuments: fileDocuments, keptPayload: kept,
                            identified: files.count, unknownFormats: unknown, warnings: warnings)
    }

    /// The AIP path of a package data file: `representations/<rep>/data/<rest>` becomes
    /// `representations/rep1/data/<rest>` (other representations keep their name as a subfolder);
    /// a bag's `data/<rest>` becomes `representations/rep1/data/<rest>`.
    static func aipPath(forPackagePath path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.count >= 4, parts[0] == "representations", parts[2] == "data" {
            let rest = parts.dropFirst(3).joined(separator: "/")
            return AIPLayout.dataFolder + (parts[1] == "rep1" ? rest : parts[1] + "/" + rest)
        }
        if parts.first == "data", parts.count > 1 { return AIPLayout.dataFolder + parts.dropFirst().joined(separator: "/") }
        return AIPLayout.dataFolder + parts.joined(separator: "/")
    }

    /// A SUPPLEMENT keeps the current version's documents and payload that it does not replace (by docId and path).
    /// The catalogue replaces the AIP's descriptive rows with the new version's, so the text of every carried-over
    /// document is extracted again from its stored files, as `kho catalogue rebuild` does (`StoredAIPReader`).
    private func carryOver(target: StorageTarget, extractor: TextExtractor, documents: inout [AIPDocument], files: inout [AIPFile],
                           fileDocuments: inout [String: String], kept: inout Set<String>,
                           texts: inout [String: String]) throws(IngestError) {
        let previousDocuments: [Document], previousFiles: [CatalogueFile]
        do {
            previousDocuments = try catalogue.documents(aipObjectID: target.objectID)
            previousFiles = try catalogue.files(aipObjectID: target.objectID)
        } catch {
            throw IngestError("KHO-INGEST-CATALOGUE", wrapping: error, path: target.objectID, vi: "Không đọc được mục lục", en: "Cannot read the catalogue")
        }
        let newPaths = Set(files.map(\.path)), newDocIds = Set(documents.compactMap { $0.record.docId })
        var carried: [AIPFile] = []
        // The head state read once: looking each kept file up in it stays linear in the files kept.
        let headState = try? target.existing?.versionState()
        func storedCopy(_ path: String) -> String? { try? headState?.contentFile(logicalPath: path) }
        for file in previousFiles where file.path.hasPrefix(AIPLayout.dataFolder) && !newPaths.contains(file.path) {
            let source = storedCopy(file.path) ?? file.path
            carried.append(AIPFile(path: file.path, source: source, originalPath: file.path, size: file.size, sha256: file.sha256,
                                   sha512: file.sha512, mimeType: file.mimeType ?? "application/octet-stream",
                                   format: AIPFileFormat(name: file.puid ?? "unknown", puid: file.puid)))
            kept.insert(file.path)
            if let docId = file.docId { fileDocuments[file.path] = docId }
        }
        var carriedPaths: [String: [String]] = [:]  // docId → its kept files, in file order
        for file in carried {
            if let docId = fileDocuments[file.path] { carriedPaths[docId, default: []].append(file.path) }
        }
        let carriedDocuments = previousDocuments.filter { !newDocIds.contains($0.docId) }.map { document in
            AIPDocument(record: CatalogueProjection.record(document.entry), filePaths: carriedPaths[document.docId] ?? [])
        }
        let carriedDocIds = Set(carriedDocuments.compactMap { $0.record.docId })
        let reread: [(docId: String, file: AIPFile)] = target.existing == nil ? [] : carried.compactMap { file in
            guard let docId = fileDocuments[file.path], carriedDocIds.contains(docId) else { return nil }
            return (docId, file)
        }
        // On the same two threads (and so the same PDF workers) as the package's own files, in file order.
        let storedTexts = FileExaminer.inOrder(count: reread.count, threads: 2) { index in
            Self.storedText(reread[index].file, extractor: extractor)
        }
        for (item, text) in zip(reread, storedTexts) {
            guard let text else { continue }
            texts[item.docId, default: ""] += text + "\n"
        }
        files = carried + files
        documents = carriedDocuments + documents
    }

    /// The text of a kept file, read from its copy in the OCFL object; nil when it has none or cannot be read
    /// (the file was checked when it was archived; rebuild skips such a file the same way).
    private static func storedText(_ file: AIPFile, extractor: TextExtractor) -> String? {
        let url = URL(fileURLWithPath: file.source)
        guard let identification = try? FormatIdentifier().identify(fileAt: url, declaredMIMEType: file.mimeType, path: file.path).identification,
              case .extracted(let extraction)? = try? extractor.extract(fileAt: url, identification: identification) else { return nil }
        return extraction.text
    }
}
