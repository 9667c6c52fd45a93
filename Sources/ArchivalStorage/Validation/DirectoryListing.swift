#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a directory as the validator needs it: the name bytes and what kind of thing it is.
struct DirectoryEntry: Sendable {
    /// What a directory entry is, without following symbolic links.
    enum Kind: Sendable { case file, directory, symlink, other }

    /// The name exactly as the filesystem gives it.
    var name: String
    /// File, directory, link or other.
    var kind: Kind
}

/// Fast directory reading with `opendir`/`readdir` (no Foundation per file in hot loops).
enum DirectoryListing {
    /// The entries of `path` except `.` and `..`, sorted by name bytes; `nil` when it is not a readable directory.
    static func entries(_ path: String) -> [DirectoryEntry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var result: [DirectoryEntry] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: ent.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var kind: DirectoryEntry.Kind
            switch Int32(ent.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            default: kind = kindByStat(path + "/" + name)
            }
            result.append(DirectoryEntry(name: name, kind: kind))
        }
        result.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return result
    }

    /// The kind of `path` using `lstat`; `nil` when it does not exist.
    static func kind(_ path: String) -> DirectoryEntry.Kind? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return kind(mode: st.st_mode)
    }

    private static func kindByStat(_ path: String) -> DirectoryEntry.Kind { kind(path) ?? .other }

    private static func kind(mode: mode_t) -> DirectoryEntry.Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        default: .other
        }
    }

    /// Reads a whole (small) file; `nil` when it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n == 0 { return out }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}
