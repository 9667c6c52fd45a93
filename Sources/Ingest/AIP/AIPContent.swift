public import Foundation
public import Metadata

/// Everything an AIP_hoso (gói thông tin lưu trữ hồ sơ, TT05 Phụ lục I) holds, as Ingest assembled it:
/// the input of `AIPBuilder`.
public struct AIPContent: Sendable {
    /// The AIP's OBJID, `urn:uuid:<uuid>` in lower case; also the OCFL object id.
    public var objectID: String
    /// Root METS `@RECORDSTATUS`.
    public var recordStatus: AIPRecordStatus
    /// When the AIP was created; written as ISO 8601 with `+07:00`.
    public var created: Date
    /// Mã lưu trữ: the archive's code, prefixed to the dossier code to form `arcFileCode`.
    public var archiveCode: String
    /// The software that built the AIP (Kho, with its version): METS CREATOR agent and a PREMIS agent.
    public var software: AIPAgent
    /// The people who approved the ingest (người phê duyệt): METS agents and PREMIS agents.
    public var approvers: [AIPAgent]
    /// Further PREMIS agents (e.g. the transferring Party committee, a virus scanner).
    public var agents: [AIPAgent]
    /// The dossier (hồ sơ) as received in the SIP's `EAD.xml`.
    public var dossier: DossierRecord
    /// The documents (tài liệu), in order.
    public var documents: [AIPDocument]
    /// Every payload file, in order (all under `representations/rep1/data/`).
    public var files: [AIPFile]
    /// PREMIS events of the ingest.
    public var events: [AIPEvent]
    /// The submitted SIP's root `METS.xml`, kept as provenance at `metadata/other/SIP-METS.xml`.
    public var submissionMETS: Data
    /// The SIP's OBJID (`uuid-…`), recorded as an `altRecordID`; nil when unknown.
    public var submissionObjectID: String?

    /// The AIP's content.
    public init(objectID: String, recordStatus: AIPRecordStatus, created: Date, archiveCode: String, software: AIPAgent, approvers: [AIPAgent], agents: [AIPAgent] = [], dossier: DossierRecord, documents: [AIPDocument], files: [AIPFile], events: [AIPEvent], submissionMETS: Data, submissionObjectID: String? = nil) {
        self.objectID = objectID
        self.recordStatus = recordStatus
        self.created = created
        self.archiveCode = archiveCode
        self.software = software
        self.approvers = approvers
        self.agents = agents
        self.dossier = dossier
        self.documents = documents
        self.files = files
        self.events = events
        self.submissionMETS = submissionMETS
        self.submissionObjectID = submissionObjectID
    }

    /// Mã hồ sơ lưu trữ: the dossier's `arcFileCode` when it already has one, else
    /// `<archiveCode>.<fileCode>`; nil when neither code is known.
    public var arcFileCode: String? {
        if let arc = dossier.arcFileCode, !arc.isEmpty { return arc }
        guard let fileCode = dossier.fileCode, !fileCode.isEmpty, !archiveCode.isEmpty else { return nil }
        return "\(archiveCode).\(fileCode)"
    }
}
