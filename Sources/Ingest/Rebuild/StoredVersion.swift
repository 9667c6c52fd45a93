import ArchivalStorage
import KhoCore

/// One version of an OCFL object with its state read once, so that finding a logical path's stored copy is a
/// dictionary lookup: `OCFLObjectReader.contentFile(logicalPath:)` rebuilds the whole state on every call,
/// which made a rebuild quadratic in the files of a version (as the SUPPLEMENT carry-over was).
struct StoredVersion {
    /// The object.
    let object: OCFLObjectReader
    /// `v1`, `v2`, …
    let name: String
    /// Logical path → digest, keyed by exact bytes.
    let state: [RelativePath: String]

    init(object: OCFLObjectReader, name: String) throws(OCFLStorageError) {
        self.object = object
        self.name = name
        self.state = try object.state(version: name)
    }

    /// The on-disk file holding `logicalPath` in this version.
    func contentFile(logicalPath: String) throws(OCFLStorageError) -> String {
        if let key = try? RelativePath(logicalPath), let digest = state[key],
           let content = object.inventory.contentPath(for: digest) {
            return object.objectRoot + "/" + content
        }
        // Not stored under these exact bytes: the reader's own matching (a path equal under NFC), and its error.
        return try object.contentFile(logicalPath: logicalPath, version: name)
    }
}
