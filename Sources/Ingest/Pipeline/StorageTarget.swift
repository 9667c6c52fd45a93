import KhoCore
import ArchivalStorage

/// Where a received package goes in storage: which AIP (OCFL object), as which version, updating what.
struct StorageTarget {
    /// The AIP's OBJID and OCFL object id.
    var objectID: String
    /// Mã hồ sơ (producer's) and mã hồ sơ lưu trữ.
    var fileCode: String
    var arcFileCode: String
    /// NEW, SUPPLEMENT or REPLACEMENT.
    var status: AIPRecordStatus
    /// The object as it is now, nil for a new AIP.
    var existing: OCFLObjectReader?
    /// The version number this ingest writes (1 for a new AIP).
    var version: Int
}

/// What looking in storage decided.
enum TargetResult {
    /// A new object or version to write.
    case target(StorageTarget)
    /// Nothing to write: the package was archived before.
    case done(IngestOutcome)
    /// The package cannot be archived as sent.
    case rejected([Finding])
}


