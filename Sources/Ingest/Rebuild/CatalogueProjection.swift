public import DataManagement
public import Foundation
public import Metadata

/// The one mapping from what an AIP holds to what the catalogue records (`AIPEntry`), shared by ingest
/// (recording a new version) and `CatalogueRebuilder` (reading it back from storage), so a rebuilt
/// catalogue is equal to the original by construction.
///
/// Conventions (documented in `Sources/Ingest/Rebuild/README.md`):
/// - the dossier and documents are the TT05 records as the AIP writes them; a document's `docCode`
///   is the producer's code (an AIP's `arcDocCode` minus the archive code, as `fileCode` beside `arcFileCode`);
/// - `files` are the payload files (`representations/rep1/data/…`) with their PREMIS fixity and format
///   and the representation METS MIME type; metadata files are not catalogue rows;
/// - each event's agent is its first linked agent that is software or a person (organizations are
///   not catalogue agents);
/// - `created` and `message` are the OCFL version's, as written in the inventory.
public enum CatalogueProjection {
    /// The catalogue entry of one AIP version built from `content` (what ingest records).
    public static func entry(content: AIPContent, version: Int, created: String, message: String?,
                             fonds: FondsEntry, transferID: String? = nil) -> AIPEntry {
        var dossier = dossierEntry(content.dossier)
        dossier?.arcFileCode = content.arcFileCode
        let documentOfFile = Dictionary(content.documents.flatMap { document in
            document.filePaths.map { ($0, document.record.docId ?? "") }
        }, uniquingKeysWith: { first, _ in first })
        let agents = [content.software] + content.approvers + content.agents
        return AIPEntry(
            objectID: content.objectID, version: version, created: created, message: message, fonds: fonds,
            transferID: transferID, recordStatus: content.recordStatus.rawValue, dossier: dossier,
            documents: content.documents.map { documentEntry($0.record, archiveCode: content.archiveCode) },
            files: content.files.map { file in
                FileEntry(path: file.path, size: file.size, sha256: file.sha256.lowercased(),
                          sha512: file.sha512?.lowercased(), puid: file.format.puid, mimeType: file.mimeType,
                          docId: documentOfFile[file.path].flatMap { $0.isEmpty ? nil : $0 })
            },
            events: content.events.compactMap { eventEntry($0, agents: agents) })
    }

    /// The dossier (hồ sơ) fields of a `<simpledc>` record; nil when it has no code or title.
    public static func dossierEntry(_ record: DossierRecord) -> DossierEntry? {
        guard let fileCode = record.fileCode, !fileCode.isEmpty else { return nil }
        return DossierEntry(
            fileCode: fileCode, arcFileCode: nonEmpty(record.arcFileCode), title: record.title ?? "",
            maintenance: text(record.maintenance), mode: text(record.mode),
            languages: record.language.map(\.text).filter { !$0.isEmpty },
            startDate: text(record.startDate), endDate: text(record.endDate), keywords: record.keyword,
            totalDoc: record.totalDoc?.value, numberOfPaper: record.numberOfPaper?.value,
            numberOfPage: record.numberOfPage?.value, format: text(record.format),
            inforSign: nonEmpty(record.inforSign), confidenceLevel: text(record.confidenceLevel),
            paperFileCode: nonEmpty(record.paperFileCode), riskRecovery: flag(record.riskRecovery),
            riskRecoveryStatus: text(record.riskRecoveryStatus), description: nonEmpty(record.description))
    }

    /// The document (tài liệu) fields of an `EAD_doc` record. `docCode` is the producer's: a given
    /// `docCode`, else `arcDocCode` without the `<archiveCode>.` prefix the AIP builder added.
    public static func documentEntry(_ record: DocumentRecord, archiveCode: String?) -> DocumentEntry {
        var docCode = nonEmpty(record.docCode)
        if docCode == nil, let arc = nonEmpty(record.arcDocCode) {
            if let archiveCode, !archiveCode.isEmpty, arc.hasPrefix(archiveCode + ".") {
                docCode = String(arc.dropFirst(archiveCode.count + 1))
            } else {
                docCode = arc
            }
        }
        return DocumentEntry(
            docId: record.docId ?? record.code ?? "", docCode: docCode, maintenance: text(record.maintenance),
            typeName: text(record.typeName), codeNumber: nonEmpty(record.codeNumber),
            codeNotation: nonEmpty(record.codeNotation), issuedDate: text(record.issuedDate),
            organName: nonEmpty(record.organName), subject: record.subject ?? "",
            languages: record.language.map(\.text).filter { !$0.isEmpty }, numberOfPage: record.numberOfPage?.value,
            inforSign: nonEmpty(record.inforSign), keywords: record.keyword, mode: text(record.mode),
            confidenceLevel: text(record.confidenceLevel), autograph: nonEmpty(record.autograph),
            format: text(record.format), riskRecovery: flag(record.riskRecovery),
            riskRecoveryStatus: text(record.riskRecoveryStatus), process: flag(record.process),
            description: nonEmpty(record.description))
    }

    /// A PREMIS event as the catalogue keeps it; nil when its type is not in the catalogue's vocabulary.
    public static func eventEntry(_ event: AIPEvent, agents: [AIPAgent]) -> EventEntry? {
        guard let type = PremisEventType(rawValue: event.type.rawValue) else { return nil }
        let byID = Dictionary(agents.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        let agent = event.linkingAgents.lazy.compactMap { byID[$0.identifier] }.first { $0.kind != .organization }
        return EventEntry(
            identifier: event.identifier, type: type, dateTime: AIPTimestamp.string(event.dateTime),
            outcome: EventOutcome(rawValue: event.outcome.rawValue) ?? .warning, detail: event.detail,
            outcomeDetail: event.outcomeDetail, linkingObjects: event.linkingObjects.map(\.identifierValue),
            agent: agent.map(agentEntry))
    }

    /// A software or person agent as the catalogue keeps it.
    public static func agentEntry(_ agent: AIPAgent) -> AgentEntry {
        AgentEntry(identifier: agent.identifier, name: agent.name,
                   kind: agent.kind == .software ? .software : .person, version: agent.version)
    }

    /// The fonds (phông) the dossier belongs to: the SIP METS's creating organization (its name and its
    /// `IDENTIFICATIONCODE` note), else a code derived from the dossier code, named by that code.
    public static func fonds(submissionMETS: Data?, fileCode: String?) -> FondsEntry {
        if let data = submissionMETS, let document = try? XMLDocument.parse(data: data, sourceName: AIPLayout.submissionMETS),
           let header = document.root.firstChild(named: "metsHdr", namespace: XMLNamespace.mets) {
            for agent in header.children(named: "agent", namespace: XMLNamespace.mets)
            where agent.attribute("ROLE") == "CREATOR" && agent.attribute("TYPE") == "ORGANIZATION" {
                let code = agent.children(named: "note", namespace: XMLNamespace.mets)
                    .first { $0.attribute("NOTETYPE", namespace: XMLNamespace.csip) == "IDENTIFICATIONCODE" }
                    .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                let name = agent.firstChild(named: "name", namespace: XMLNamespace.mets)
                    .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                if !code.isEmpty { return FondsEntry(code: code, name: name.isEmpty ? code : name) }
            }
        }
        let code = fileCode.map(fondsCode(fileCode:)) ?? "unknown"
        return FondsEntry(code: code, name: code)
    }

    /// The fonds (phông) of a dossier when the package names none: the dossier code without its
    /// last two parts (year formed, dossier number), `H49.64.33.2001.160` → `H49.64.33`.
    public static func fondsCode(fileCode: String) -> String {
        let parts = fileCode.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 2 ? parts.dropLast(2).joined(separator: ".") : fileCode
    }

    static func text<V>(_ value: TT05Value<V>?) -> String? { nonEmpty(value?.text) }

    static func flag(_ value: TT05Value<TT05Flag>?) -> Bool? { value?.value.map { $0 == .yes } }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
