import KhoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything on disk under a package root: regular files, folders and anything that is neither.
///
/// Names are kept with the producer's bytes; lookups go through the NFC key (DESIGN.md invariant 5).
public struct PackageTree: Sendable {
    /// One regular file found on disk.
    public struct Entry: Sendable, Hashable {
        /// Path relative to the package root, exactly as on disk, "/"-separated.
        public var path: String
        /// Size in bytes from `stat`.
        public var size: Int64
        /// The NFC comparison key of `path`.
        public var key: String = ""
    }

    /// The package root folder (absolute or relative to the working directory).
    public let root: String
    /// Regular files, sorted by path bytes.
    public private(set) var files: [Entry] = []
    /// Folders (relative paths), sorted.
    public private(set) var directories: [String] = []
    /// Symbolic links, devices and other entries a package must not contain.
    public private(set) var irregular: [String] = []
    private var byKey: [String: Int] = [:]

    /// Walks `root` recursively without following symbolic links.
    public init(root: String) throws(KhoFailure) {
        self.root = root
        try walk(relative: "")
        files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        directories.sort()
        for index in files.indices {
            files[index].key = Self.key(files[index].path)
            byKey[files[index].key] = index
        }
    }

    /// The file whose name is equal under NFC to `path`, if any.
    public func file(at path: String) -> Entry? {
        byKey[Self.key(path)].map { files[$0] }
    }

    /// True when a folder with this relative path exists.
    public func hasDirectory(_ path: String) -> Bool {
        let key = Self.key(path)
        return directories.contains { Self.key($0) == key }
    }

    /// Regular files below `folder` (a relative path without trailing slash; "" for all).
    public func files(under folder: String) -> [Entry] {
        if folder.isEmpty { return files }
        let prefix = Self.key(folder) + "/"
        return files.filter { $0.key.hasPrefix(prefix) }
    }

    /// The NFC comparison key of a name, with a fast path for ASCII names (already NFC).
    public static func key(_ name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 } ? name : UnicodeNames.nfcKey(name)
    }

    /// The absolute (or root-relative) file system path of a package-relative path.
    public func fullPath(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    private mutating func walk(relative: String) throws(KhoFailure) {
        let full = fullPath(relative)
        guard let dir = opendir(full) else { throw POSIXFile.failure("opendir", path: full) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        for name in names {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(fullPath(childRelative), &info) == 0 else {
                throw POSIXFile.failure("lstat", path: fullPath(childRelative))
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                directories.append(childRelative)
                try walk(relative: childRelative)
            case S_IFREG:
                files.append(Entry(path: childRelative, size: Int64(info.st_size)))
            default:
                irregular.append(childRelative)
            }
        }
    }
}
