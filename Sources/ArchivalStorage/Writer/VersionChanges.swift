import KhoCore

/// The state of the next version, described as edits of the head state (thay đổi phiên bản).
///
/// Keeping, renaming and removing logical paths touch no bytes; only `put` brings new bytes in.
public struct VersionChanges: Sendable {
    /// What a logical path will hold in the new version.
    public enum Entry: Sendable {
        /// Bytes already in the object, by digest (kept or renamed files).
        case existing(String)
        /// New bytes to copy and hash.
        case new(ByteSource)
    }

    /// Logical path (exact bytes) → entry.
    public private(set) var entries: [RelativePath: Entry]

    /// Starts from a version's state: every file kept unless changed.
    public init(startingFrom state: [RelativePath: String] = [:]) {
        entries = state.mapValues { .existing($0) }
    }

    /// Adds or replaces a logical path with new bytes.
    public mutating func put(_ path: RelativePath, _ source: ByteSource) {
        entries[path] = .new(source)
    }

    /// Points a logical path at bytes already in the object (by digest), copying nothing.
    public mutating func keep(_ path: RelativePath, digest: String) {
        entries[path] = .existing(digest)
    }

    /// Moves a logical path; the bytes stay where they are.
    public mutating func rename(_ from: RelativePath, to: RelativePath) throws(OCFLStorageError) {
        guard let entry = entries.removeValue(forKey: from) else { throw Self.missing(from) }
        entries[to] = entry
    }

    /// Drops a logical path from the new version (older versions still hold it).
    public mutating func remove(_ path: RelativePath) throws(OCFLStorageError) {
        guard entries.removeValue(forKey: path) != nil else { throw Self.missing(path) }
    }

    /// Drops every logical path, to describe the new version from scratch.
    public mutating func removeAll() {
        entries.removeAll()
    }

    static func missing(_ path: RelativePath) -> OCFLStorageError {
        OCFLStorageError("KHO-OCFL-NO-FILE", path: path.string,
                         vi: "Phiên bản hiện tại không có đường dẫn logic này",
                         en: "The current version has no such logical path")
    }
}

extension VersionChanges {
    /// Refuses NFC-equal names (invariant 5) and paths that are also folders of other paths (E095).
    func checkPaths() throws(OCFLStorageError) {
        var folders: Set<[UInt8]> = []
        var folderNames: [String] = []
        for path in entries.keys {
            let bytes = Array(path.string.utf8)
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
                if folders.insert(Array(bytes[..<index])).inserted {
                    folderNames.append(String(decoding: bytes[..<index], as: UTF8.self))
                }
            }
        }
        let names = entries.keys.map(\.string) + folderNames
        if let group = UnicodeNames.nfcCollisions(names).first {
            let listed = group.map { "'\($0)' (\(Array($0.utf8).hexString))" }.joined(separator: ", ")
            throw OCFLStorageError("KHO-NFC-COLLISION", path: group.first,
                                   vi: "Các đường dẫn trùng nhau khi chuẩn hoá NFC: \(listed)",
                                   en: "Paths equal under NFC normalisation: \(listed)")
        }
        for path in entries.keys where folders.contains(Array(path.string.utf8)) {
            throw OCFLStorageError("E095", path: path.string,
                                   vi: "Đường dẫn logic vừa là tệp vừa là thư mục của tệp khác",
                                   en: "Logical path is both a file and a folder of other files")
        }
    }
}
