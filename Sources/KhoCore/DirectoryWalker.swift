#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry found below a walked directory.
public struct DirectoryEntry: Sendable, Hashable {
    /// What kind of thing the entry is (symbolic links are reported, never followed).
    public enum Kind: Sendable, Hashable {
        case file, directory, symbolicLink, other
    }

    /// Path relative to the walked root, segments joined by "/", name bytes exactly as on disk.
    public var relativePath: String
    public var kind: Kind
}

/// Lists a directory tree with `readdir` (no per-file `stat` where the file system reports types),
/// which is several times faster than Foundation's enumerator on 20,000-file transfers.
public enum DirectoryWalker {
    /// Every entry below `root`, depth-first, each directory's entries in byte order.
    /// Names that are not valid UTF-8 are refused with a finding naming the folder.
    public static func entries(under root: String) throws(KhoFailure) -> [DirectoryEntry] {
        var result: [DirectoryEntry] = []
        try walk(root: root, relative: "", into: &result)
        return result
    }

    /// Relative paths of the regular files below `root`, in walk order.
    public static func files(under root: String) throws(KhoFailure) -> [String] {
        try entries(under: root).filter { $0.kind == .file }.map(\.relativePath)
    }

    private static func walk(root: String, relative: String, into result: inout [DirectoryEntry]) throws(KhoFailure) {
        let directoryPath = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(directoryPath) else { throw POSIXFile.failure("opendir", path: directoryPath) }
        var children: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [46] || name == [46, 46] { continue }  // "." and ".."
            children.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        children.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for child in children {
            guard let name = String(validating: child.name, as: UTF8.self) else {
                throw KhoFailure(
                    rule: "KHO-NAME-ENCODING", path: directoryPath,
                    vi: "Tên tệp không phải UTF-8 hợp lệ", en: "A file name is not valid UTF-8")
            }
            let path = relative.isEmpty ? name : relative + "/" + name
            let kind = try kindOf(type: child.type, path: root + "/" + path)
            result.append(DirectoryEntry(relativePath: path, kind: kind))
            if kind == .directory { try walk(root: root, relative: path, into: &result) }
        }
    }

    private static func kindOf(type: UInt8, path: String) throws(KhoFailure) -> DirectoryEntry.Kind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_UNKNOWN):
            var status = stat()
            guard lstat(path, &status) == 0 else { throw POSIXFile.failure("lstat", path: path) }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .directory
            case S_IFLNK: return .symbolicLink
            default: return .other
            }
        default: return .other
        }
    }
}
