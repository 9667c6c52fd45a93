import ArchivalStorage
import DataManagement
import Foundation
import Metadata

/// Reads one version of an AIP back from its OCFL object — root METS, `EAD.xml`, the representation
/// METS and its `EAD_doc` records, both PREMIS files, the kept SIP METS — into the `AIPEntry` the
/// catalogue records, by the same rules as `CatalogueProjection`. Never reads payload bytes.
struct StoredAIPReader {
    /// The object.
    let object: OCFLObjectReader

    private var objectID: String { object.inventory.id }

    /// The entry of version `name` (`v1`, `v2`, …); `transferID` is left nil (not kept in storage).
    func entry(version name: String) throws(RebuildError) -> AIPEntry {
        guard let number = Inventory.versionNumber(name), let block = object.inventory.versions[name] else {
            throw RebuildError("KHO-REBUILD-OBJECT", path: objectID, vi: "Không có phiên bản \(name)", en: "No version \(name)")
        }
        let root = try parse(AIPLayout.rootMETS, version: name)
        let recordStatus = root.root.firstChild(named: "metsHdr", namespace: XMLNamespace.mets)?
            .attribute("RECORDSTATUS") ?? "NEW"
        let dossierRecord = DossierRecord(reading: try parse(AIPLayout.dossierEAD, version: name))
        let dossier = CatalogueProjection.dossierEntry(dossierRecord)
        let archiveCode = Self.archiveCode(arcFileCode: dossier?.arcFileCode, fileCode: dossier?.fileCode)

        // Representation METS: documents in dmdSec order, files in fileGrp order with MIME type and document.
        let representation = try parse(AIPLayout.representationMETS, version: name).root
        var documents: [DocumentEntry] = []
        var docIdOfDMD: [String: String] = [:]
        for dmd in representation.children(named: "dmdSec", namespace: XMLNamespace.mets) {
            guard let href = dmd.firstChild(named: "mdRef", namespace: XMLNamespace.mets)?
                .attribute("href", namespace: XMLNamespace.xlink) else { continue }
            let record = DocumentRecord(reading: try parse(AIPLayout.representation + "/" + href, version: name))
            let document = CatalogueProjection.documentEntry(record, archiveCode: archiveCode)
            documents.append(document)
            if let id = dmd.attribute("ID") { docIdOfDMD[id] = document.docId }
        }
        let premisFiles = try representationFiles(version: name)
        var files: [FileEntry] = []
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
                files.append(entry)
            }
        }

        let submission = try? Data(contentsOf: URL(fileURLWithPath: object.contentFile(logicalPath: AIPLayout.submissionMETS, version: name)))
        return AIPEntry(
            objectID: objectID, version: number, created: block.created, message: block.message,
            fonds: CatalogueProjection.fonds(submissionMETS: submission, fileCode: dossier?.fileCode),
            transferID: nil, recordStatus: recordStatus, dossier: dossier, documents: documents, files: files,
            events: try events(version: name))
    }

    /// `<archive code>` from `<archive code>.<fileCode>`; nil when the codes do not fit that form.
    static func archiveCode(arcFileCode: String?, fileCode: String?) -> String? {
        guard let arc = arcFileCode, let fileCode, arc.hasSuffix("." + fileCode) else { return nil }
        return String(arc.dropLast(fileCode.count + 1))
    }

    private func parse(_ path: String, version: String) throws(RebuildError) -> XMLDocument {
        let file: String
        do {
            file = try object.contentFile(logicalPath: path, version: version)
        } catch {
            throw .metadata(objectID, path, "thiếu tệp trong phiên bản \(version) / missing from version \(version)")
        }
        do {
            return try XMLDocument.parse(fileAt: file)
        } catch {
            throw .metadata(objectID, path, error.description)
        }
    }

    /// `PREMIS_rep1.xml` file objects by AIP path: size, SHA-256, SHA-512, PUID.
    private func representationFiles(version: String) throws(RebuildError) -> [String: FileEntry] {
        let premis = try parse(AIPLayout.representationPREMIS, version: version).root
        var files: [String: FileEntry] = [:]
        for object in premis.children(named: "object", namespace: XMLNamespace.premis)
        where object.attribute("type", namespace: XMLNamespace.xsi)?.hasSuffix("file") == true {
            guard let path = Self.identifier(object, "objectIdentifier", type: AIPLayout.localIdentifierType),
                  let characteristics = object.firstChild(named: "objectCharacteristics", namespace: XMLNamespace.premis) else { continue }
            var digests: [String: String] = [:]
            for fixity in characteristics.children(named: "fixity", namespace: XMLNamespace.premis) {
                if let algorithm = Self.child(fixity, "messageDigestAlgorithm"), let digest = Self.child(fixity, "messageDigest") {
                    digests[algorithm] = digest.lowercased()
                }
            }
            let puid = characteristics.firstChild(named: "format", namespace: XMLNamespace.premis)?
                .firstChild(named: "formatRegistry", namespace: XMLNamespace.premis)
                .flatMap { Self.child($0, "formatRegistryKey") }
            files[path] = FileEntry(path: path, size: Int64(Self.child(characteristics, "size") ?? "") ?? 0,
                                    sha256: digests["SHA-256"] ?? "", sha512: digests["SHA-512"], puid: puid)
        }
        return files
    }

    /// `PREMIS.xml` events, with each one's agent chosen as `CatalogueProjection.eventEntry` does.
    private func events(version: String) throws(RebuildError) -> [EventEntry] {
        let premis = try parse(AIPLayout.rootPREMIS, version: version).root
        var agents: [String: AIPAgent] = [:]
        for agent in premis.children(named: "agent", namespace: XMLNamespace.premis) {
            guard let id = Self.identifier(agent, "agentIdentifier", type: AIPLayout.localIdentifierType) else { continue }
            agents[id] = AIPAgent(identifier: id, name: Self.child(agent, "agentName") ?? id,
                                  kind: AIPAgent.Kind(rawValue: Self.child(agent, "agentType") ?? "") ?? .organization,
                                  version: Self.child(agent, "agentVersion"), note: Self.child(agent, "agentNote"))
        }
        var events: [EventEntry] = []
        for event in premis.children(named: "event", namespace: XMLNamespace.premis) {
            guard let id = Self.identifier(event, "eventIdentifier", type: nil),
                  let type = Self.child(event, "eventType").flatMap(PremisEventType.init(rawValue:)),
                  let dateTime = Self.child(event, "eventDateTime") else { continue }
            let outcomeInformation = event.firstChild(named: "eventOutcomeInformation", namespace: XMLNamespace.premis)
            let outcome = outcomeInformation.flatMap { Self.child($0, "eventOutcome") }.flatMap(EventOutcome.init(rawValue:)) ?? .warning
            let outcomeDetail = outcomeInformation?.firstChild(named: "eventOutcomeDetail", namespace: XMLNamespace.premis)
                .flatMap { Self.child($0, "eventOutcomeDetailNote") }
            let detail = event.firstChild(named: "eventDetailInformation", namespace: XMLNamespace.premis)
                .flatMap { Self.child($0, "eventDetail") }
            let objects = event.children(named: "linkingObjectIdentifier", namespace: XMLNamespace.premis)
                .compactMap { Self.child($0, "linkingObjectIdentifierValue") }
            let agent = event.children(named: "linkingAgentIdentifier", namespace: XMLNamespace.premis)
                .lazy.compactMap { Self.child($0, "linkingAgentIdentifierValue").flatMap { agents[$0] } }
                .first { $0.kind != .organization }
            events.append(EventEntry(identifier: id, type: type, dateTime: dateTime, outcome: outcome, detail: detail,
                                     outcomeDetail: outcomeDetail, linkingObjects: objects,
                                     agent: agent.map(CatalogueProjection.agentEntry)))
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
