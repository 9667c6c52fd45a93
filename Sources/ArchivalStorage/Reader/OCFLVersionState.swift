import KhoCore

/// One version of an object with its state read once (trạng thái một phiên bản): finding a logical path's stored
/// copy is then a dictionary lookup, so reading every file of a version (a catalogue rebuild, the files a
/// SUPPLEMENT carries over) stays linear in its files.
public struct OCFLVersionState: Sendable {
    /// `v1`, `v2`, …
    public let name: String
    /// Logical path → content digest, keyed by exact bytes.
    public let state: [RelativePath: String]
    let objectRoot: String
    let inventory: Inventory

    /// The on-disk file that holds a logical path's bytes: the path with these exact bytes, otherwise the one
    /// path equal under NFC (a name typed in NFC, stored in NFD).
    public func contentFile(logicalPath: String) throws(OCFLStorageError) -> String {
        let wanted = try OCFLObjectReader.relative(logicalPath)
        let match = state[wanted] ?? {
            let key = UnicodeNames.nfcKey(wanted.string)
            let equal = state.filter { UnicodeNames.sameBytes(UnicodeNames.nfcKey($0.key.string), key) }
            return equal.count == 1 ? equal.first?.value : nil
        }()
        guard let digest = match, let content = inventory.contentPath(for: digest) else {
            throw OCFLStorageError("KHO-OCFL-NO-FILE", path: logicalPath,
                                   vi: "Phiên bản \(name) không có tệp này",
                                   en: "Version \(name) has no such file")
        }
        return objectRoot + "/" + content
    }
}
