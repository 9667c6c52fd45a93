import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import Metadata

/// Reads one version of an AIP back from its OCFL object — root METS, `EAD.xml`, the representation
/// METS and its `EAD_doc` records, both PREMIS files, the kept SIP METS, the inventory — into the
/// `AIPEntry` that ingest recorded for it (`IngestRun.pendingRecord`, `CatalogueProjection`):
///
/// | catalogue | from storage |
/// |---|---|
/// | created, recordStatus | root METS `metsHdr/@CREATEDATE`, `@RECORDSTATUS` |
/// | message | `<RECORDSTATUS> <altRecordID SIPOBJID or ->` |
/// | transferID | the OCFL version message's `transfer:<id>` |
/// | fonds | SIP METS: first `IDENTIFICATIONCODE` note (else the first part of fileCode); creating organization's name |
/// | dossier, documents | `EAD.xml`, `EAD_doc_*.xml` (in dmdSec order); `docCode` = `arcDocCode` minus the archive code |
/// | fullText | text extracted again from the document's payload files, as ingest extracts it |
/// | files | every file of the version: payload with PREMIS size, SHA-256, PUID and METS MIME type and document; metadata files measured (XML, `fmt/101`); SHA-512 from the inventory |
/// | events | `PREMIS.xml` events, each with the PREMIS software agent (Kho and its version) |
struct StoredAIPReader {
    /// The object.
    let object: OCFLObjectReader
    /// Extracts text from payload files for search, as ingest does; nil to skip.
    let extractor: TextExtractor?
    /// The fonds name when the SIP METS names no creating organization (ingest used the transferring unit).
    let unitOfTransfer: (String) -> String?

    private var objectID: String { object.inventory.id }

    /// The entry of version `name` (`v1`, `v2`, …).
    func entry(version name: String) throws(RebuildError) -> AIPEntry {
        guard let number = Inventory.versionNumber(name), let block = object.inventory.versions[name] else {
            throw RebuildError("KHO-REBUILD-OBJECT", path: objectID, vi: "Không có phiên bản \(name)", en: "No version \(name)")
        }
        let version = try storedVersion(name)
        let root = try parse(AIPLayout.rootMETS, version: version).root
        let header = root.firstChild(named: "metsHdr", namespace: XMLNamespace.mets)
        let recordStatus = header?.attribute("RECORDSTATUS") ?? "NEW"
        let created = header?.attribute("CREATEDATE") ?? block.created
        let sipObjectID = header?.children(named: "altRecordID", namespace: XMLNamespace.mets)
            .first { $0.attribute("TYPE") == "SIPOBJID" }?.text
        let transferID = Self.transferID(inMessage: block.message)

        let dossierRecord = DossierRecord(reading: try parse(AIPLayout.dossierEAD, version: version))
        let fileCode = dossierRecord.fileCode ?? ""
        let arcFileCode = dossierRecord.arcFileCode ?? fileCode
        let archiveCode = arcFileCode.hasSuffix("." + fileCode) ? String(arcFileCode.dropLast(fileCode.count + 1)) : nil

        // Representation METS: documents in dmdSec order; payload files in fileGrp order.
        let representation = try parse(AIPLayout.representationMETS, version: version).root
        var records: [(dmdID: String?, record: DocumentRecord)] = []
        for dmd in representation.children(named: "dmdSec", namespace: XMLNamespace.mets) {
            guard let href = dmd.firstChild(named: "mdRef", namespace: XMLNamespace.mets)?
                .attribute("href", namespace: XMLNamespace.xlink) else { continue }
            var record = DocumentRecord(reading: try parse(AIPLayout.representation + "/" + href, version: version))
            if Self.nonEmpty(record.docCode) == nil, let arc = Self.nonEmpty(record.arcDocCode) {
                record.docCode = archiveCode.flatMap { arc.hasPrefix($0 + ".") ? String(arc.dropFirst($0.count + 1)) : nil } ?? arc
                record.arcDocCode = nil
            }
            records.append((dmd.attribute("ID"), record))
        }
        var docIdOfDMD: [String: String] = [:]
        for (index, item) in records.enumerated() {
            let docId = Self.nonEmpty(item.record.docId) ?? item.record.code ?? "\(fileCode).\(index + 1)"
            if let dmdID = item.dmdID { docIdOfDMD[dmdID] = docId }
        }

        let state = Dictionary(version.state.map { ($0.key.string, $0.value) }, uniquingKeysWith: { a, _ in a })
        let premisFiles = try representationFiles(version: version)
        var files: [FileEntry] = []
        var payloadPaths = Set<String>()
        var texts: [String: String] = [:]
        var toRead: [TextSource] = []
        for group in representation.firstChild(named: "fileSec", namespace: XMLNamespace.mets)?
            .children(named: "fileGrp", namespace: XMLNamespace.mets) ?? [] {
            for file in group.children(named: "file", namespace: XMLNamespace.mets) {
                guard let href = file.firstChild(named: "FLocat", namespace: XMLNamespace.mets)?
                    .attribute("href", namespace: XMLNamespace.xlink) else { continue }
                let path = AIPLayout.representation + "/" + href
                guard var entry = premisFiles[path] else {
                    throw .metadata(objectID, AIPLayout.representationPREMIS, "không có đối tượng PREMIS cho \(path) / no PREMIS object for \(path)")
                }
                entry.mimeType = file.attribute("MIMETYPE")
                entry.docId = file.attribute("DMDID").flatMap { docIdOfDMD[$0] }
                entry.sha512 = state[path]
                files.append(entry)
                payloadPaths.insert(path)
                if extractor != nil, let docId = entry.docId {
                    toRead.append(TextSource(docId: docId, file: try contentFile(path, version: version), path: path, mimeType: entry.mimeType))
                }
            }
        }
        // On two threads, as ingest reads a package's files (and so on the PDF pool's two workers); joined in file order.
        let extractor = self.extractor, sources = toRead
        let extracted = FileExaminer.inOrder(count: sources.count, threads: 2) { index in
            extractor.flatMap { Self.text(of: sources[index], extractor: $0) }
        }
        for (source, text) in zip(sources, extracted) {
            if let text { texts[source.docId, default: ""] += text + "\n" }
        }
        for (path, digest) in state.sorted(by: { $0.key < $1.key }) where !payloadPaths.contains(path) {
            files.append(try measuredMetadataFile(path, sha512: digest, version: version))
        }

        let documents = records.enumerated().map { index, item in
            CatalogueProjection.document(item.record, fallbackID: "\(fileCode).\(index + 1)",
                                         fullText: item.record.docId.flatMap { texts[$0] })
        }
        let submission = try? Data(contentsOf: URL(fileURLWithPath: version.contentFile(logicalPath: AIPLayout.submissionMETS)))
        let creator = Self.creator(submissionMETS: submission)
        let fondsCode = creator.code ?? String(fileCode.split(separator: ".").first ?? Substring(fileCode))
        let fondsName = creator.name ?? transferID.flatMap(unitOfTransfer) ?? "Không rõ / unknown"
        return AIPEntry(
            objectID: objectID, version: number, created: created, message: "\(recordStatus) \(sipObjectID ?? "-")",
            fonds: FondsEntry(code: fondsCode, name: fondsName), transferID: transferID, recordStatus: recordStatus,
            dossier: CatalogueProjection.dossier(dossierRecord, fileCode: fileCode, arcFileCode: arcFileCode),
            documents: documents, files: files, events: try events(version: version))
    }

    /// The transfer id ingest writes into the OCFL version message (`… transfer:<id>`).
    static func transferID(inMessage message: String?) -> String? {
        guard let message else { return nil }
        return message.split(separator: " ").last { $0.hasPrefix("transfer:") }.map { String($0.dropFirst("transfer:".count)) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The SIP METS header's first `IDENTIFICATIONCODE` note and its creating organization's name.
    static func creator(submissionMETS: Data?) -> (code: String?, name: String?) {
        guard let data = submissionMETS,
              let document = try? XMLDocument.parse(data: data, sourceName: AIPLayout.submissionMETS),
              let header = document.root.firstChild(named: "metsHdr", namespace: XMLNamespace.mets) else { return (nil, nil) }
        var code: String?, name: String?
        for agent in header.children(named: "agent", namespace: XMLNamespace.mets) {
            for note in agent.children(named: "note", namespace: XMLNamespace.mets)
            where note.attribute("NOTETYPE", namespace: XMLNamespace.csip) == "IDENTIFICATIONCODE" {
                code = code ?? note.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if agent.attribute("ROLE") == "CREATOR", agent.attribute("TYPE") == "ORGANIZATION", name == nil {
                name = agent.firstChild(named: "name", namespace: XMLNamespace.mets)?.text
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return (code, name)
    }

    private static func nonEmpty(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }

    private func storedVersion(_ name: String) throws(RebuildError) -> OCFLVersionState {
        do {
            return try object.versionState(name)
        } catch {
            throw RebuildError("KHO-REBUILD-OBJECT", path: objectID, vi: "Không đọc được trạng thái \(name): \(error.description)",
                               en: "Cannot read the state of \(name): \(error.description)")
        }
    }

    private func contentFile(_ path: String, version: OCFLVersionState) throws(RebuildError) -> String {
        do {
            return try version.contentFile(logicalPath: path)
        } catch {
            throw .metadata(objectID, path, "thiếu tệp trong phiên bản \(version.name) / missing from version \(version.name)")
        }
    }

    private func parse(_ path: String, version: OCFLVersionState) throws(RebuildError) -> XMLDocument {
        let file = try contentFile(path, version: version)
        do {
            return try XMLDocument.parse(fileAt: file)
        } catch {
            throw .metadata(objectID, path, error.description)
        }
    }

    /// A metadata file as ingest recorded it: size and SHA-256 measured here, XML (`fmt/101`).
    private func measuredMetadataFile(_ path: String, sha512: String, version: OCFLVersionState) throws(RebuildError) -> FileEntry {
        let file = try contentFile(path, version: version)
        do {
            let digest = try FileHasher().digest(fileAt: file, algorithms: [.sha256])
            return FileEntry(path: path, size: digest.size, sha256: digest.digests[.sha256] ?? "", sha512: sha512,
                             puid: "fmt/101", mimeType: "application/xml")
        } catch {
            throw .metadata(objectID, path, "\(error)")
        }
    }

    /// A payload file whose text goes into its document's full text.
    private struct TextSource: Sendable {
        var docId: String
        var file: String
        var path: String
        var mimeType: String?
    }

    /// The text ingest would have extracted from a payload file; nil when none.
    private static func text(of source: TextSource, extractor: TextExtractor) -> String? {
        let url = URL(fileURLWithPath: source.file)
        guard let identification = try? FormatIdentifier().identify(fileAt: url, declaredMIMEType: source.mimeType, path: source.path).identification,
              case .extracted(let extraction)? = try? extractor.extract(fileAt: url, identification: identification) else { return nil }
        return extraction.text
    }

    /// `PREMIS_rep1.xml` file objects by AIP path: size, SHA-256, PUID.
    private func representationFiles(version: OCFLVersionState) throws(RebuildError) -> [String: FileEntry] {
        let premis = try parse(AIPLayout.representationPREMIS, version: version).root
        var files: [String: FileEntry] = [:]
        for object in premis.children(named: "object", namespace: XMLNamespace.premis)
        where object.attribute("type", namespace: XMLNamespace.xsi)?.hasSuffix("file") == true {
            guard let path = Self.identifier(object, "objectIdentifier", type: AIPLayout.localIdentifierType),
                  let characteristics = object.firstChild(named: "objectCharacteristics", namespace: XMLNamespace.premis) else { continue }
            var sha256 = ""
            for fixity in characteristics.children(named: "fixity", namespace: XMLNamespace.premis)
            where Self.child(fixity, "messageDigestAlgorithm") == "SHA-256" {
                sha256 = Self.child(fixity, "messageDigest") ?? ""
            }
            let puid = characteristics.firstChild(named: "format", namespace: XMLNamespace.premis)?
                .firstChild(named: "formatRegistry", namespace: XMLNamespace.premis)
                .flatMap { Self.child($0, "formatRegistryKey") }
            files[path] = FileEntry(path: path, size: Int64(Self.child(characteristics, "size") ?? "") ?? 0,
                                    sha256: sha256, puid: puid)
        }
        return files
    }

    /// `PREMIS.xml` events, each with the AIP's software agent, as `CatalogueProjection.event` records them.
    private func events(version: OCFLVersionState) throws(RebuildError) -> [EventEntry] {
        let premis = try parse(AIPLayout.rootPREMIS, version: version).root
        var software: AIPAgent?
        for agent in premis.children(named: "agent", namespace: XMLNamespace.premis) where Self.child(agent, "agentType") == "software" {
            guard let id = Self.identifier(agent, "agentIdentifier", type: AIPLayout.localIdentifierType) else { continue }
            software = AIPAgent(identifier: id, name: Self.child(agent, "agentName") ?? id, kind: .software,
                                version: Self.child(agent, "agentVersion"))
            break
        }
        guard let software else {
            throw .metadata(objectID, AIPLayout.rootPREMIS, "không có tác nhân phần mềm / no software agent")
        }
        var events: [EventEntry] = []
        for element in premis.children(named: "event", namespace: XMLNamespace.premis) {
            guard let id = Self.identifier(element, "eventIdentifier", type: nil),
                  let typeText = Self.child(element, "eventType"),
                  let dateTime = Self.child(element, "eventDateTime") else { continue }
            let outcomeInformation = element.firstChild(named: "eventOutcomeInformation", namespace: XMLNamespace.premis)
            let outcome = outcomeInformation.flatMap { Self.child($0, "eventOutcome") }.flatMap(EventOutcome.init(rawValue:)) ?? .success
            let outcomeDetail = outcomeInformation?.firstChild(named: "eventOutcomeDetail", namespace: XMLNamespace.premis)
                .flatMap { Self.child($0, "eventOutcomeDetailNote") }
            let detail = element.firstChild(named: "eventDetailInformation", namespace: XMLNamespace.premis)
                .flatMap { Self.child($0, "eventDetail") }
            let objects = element.children(named: "linkingObjectIdentifier", namespace: XMLNamespace.premis)
                .compactMap { Self.child($0, "linkingObjectIdentifierValue") }
            events.append(EventEntry(
                identifier: id, type: PremisEventType(rawValue: typeText) ?? .validation, dateTime: dateTime,
                outcome: outcome, detail: detail, outcomeDetail: outcomeDetail, linkingObjects: objects,
                agent: AgentEntry(identifier: software.identifier, name: "Kho \(software.version ?? "")",
                                  kind: .software, version: software.version)))
        }
        return events
    }

    /// The text of a PREMIS child element, as written.
    private static func child(_ element: XMLElement, _ name: String) -> String? {
        element.firstChild(named: name, namespace: XMLNamespace.premis)?.text
    }

    /// The value of an identifier block (`objectIdentifier`, `agentIdentifier`, …) of the given type.
    private static func identifier(_ element: XMLElement, _ name: String, type: String?) -> String? {
        for block in element.children(named: name, namespace: XMLNamespace.premis)
        where type == nil || child(block, name + "Type") == type {
            if let value = child(block, name + "Value") { return value }
        }
        return nil
    }
}
