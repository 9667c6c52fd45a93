/// Everything the catalogue learns from one AIP version, recorded in one transaction by
/// `Catalogue.record(aip:)`: the dossier (hồ sơ), its documents (tài liệu), files, events.
public struct AIPEntry: Sendable, Hashable, Codable {
    /// OCFL object id, e.g. `urn:uuid:…`.
    public var objectID: String
    /// OCFL version number (1 for `v1`).
    public var version: Int
    /// When the version was created, ISO 8601 with offset.
    public var created: String
    /// The version's message (why it was written).
    public var message: String?
    /// The fonds (phông) the records belong to.
    public var fonds: FondsEntry
    /// The transfer (nộp lưu) this version came from, if recorded with `record(transfer:)`.
    public var transferID: String?
    /// METS `@RECORDSTATUS` of the package: NEW, SUPPLEMENT, REPLACEMENT, TEST, OTHER.
    public var recordStatus: String
    /// The dossier; nil for an AIP of loose documents (AIP_tailieu).
    public var dossier: DossierEntry?
    /// The documents.
    public var documents: [DocumentEntry]
    /// The files of the version's state.
    public var files: [FileEntry]
    /// PREMIS events of this AIP; ones already recorded (same identifier) are skipped.
    public var events: [EventEntry]

    /// An AIP version.
    public init(objectID: String, version: Int, created: String, message: String? = nil,
                fonds: FondsEntry, transferID: String? = nil, recordStatus: String = "NEW",
                dossier: DossierEntry?, documents: [DocumentEntry] = [], files: [FileEntry] = [],
                events: [EventEntry] = []) {
        self.objectID = objectID
        self.version = version
        self.created = created
        self.message = message
        self.fonds = fonds
        self.transferID = transferID
        self.recordStatus = recordStatus
        self.dossier = dossier
        self.documents = documents
        self.files = files
        self.events = events
    }
}
