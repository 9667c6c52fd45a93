import Foundation
import KhoCore
import Metadata

/// A submission as Ingest understands it once received and validated, whatever its container (TT05/E-ARK
/// SIP or BagIt bag): the dossier, its documents and its data files with what was declared and verified.
struct ReceivedPackage: Sendable {
    /// A data file of the submission.
    struct DataFile: Sendable, Hashable {
        /// Path inside the package (`representations/rep1/data/…`, `data/…` in a bag).
        var packagePath: String
        /// Absolute path of the bytes (the folder given, or the unpacked zip in the work area).
        var location: String
        /// Size in bytes (declared and verified).
        var size: Int64
        /// SHA-256 (lower-case hex), declared by the package and verified by the validator.
        var sha256: String
        /// MIME type the package declared, if any.
        var declaredMIMEType: String?
        /// Keys of the documents the file belongs to.
        var documentKeys: [String]
    }

    /// `zip`, `folder` or `bagit`.
    var kind: String
    /// The package root folder.
    var root: String
    /// SHA-256 of what was given: the zip file; for a folder its root METS, for a bag its tag manifest.
    var packageSHA256: String
    /// What identifies the content whatever its container: SHA-256 of the root METS (which declares the
    /// checksum of every other file), or of the bag's payload manifest. Re-ingest is recognised by it.
    var fingerprint: String
    /// The SIP's OBJID, or the bag's External-Identifier.
    var submissionObjectID: String?
    /// METS RECORDSTATUS (NEW, SUPPLEMENT, REPLACEMENT, …).
    var recordStatus: String
    /// The transferring body named by the package.
    var creatorOrganization: String?
    /// Its identification code (mã phông / mã cơ quan), if given.
    var identificationCode: String?
    /// The root METS bytes, kept as provenance in the AIP (for a bag: a METS Kho writes describing it).
    var submissionMETS: Data
    /// The dossier record.
    var dossier: DossierRecord
    /// Documents in order, with the key data files refer to.
    var documents: [(key: String, record: DocumentRecord)]
    /// Data files in order.
    var dataFiles: [DataFile]
    /// Validation findings below error level, reported on the receipt.
    var warnings: [Finding]
}

