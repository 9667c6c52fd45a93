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
        return listEntries(dir) { kindByStat(path + "/" + $0) }
    }

    /// Opens the directory at `path` for `entries(fd:)` and `openDirectory(_:in:)`.
    static func openDirectory(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// Opens the directory `name` inside the open directory `parent` (no symbolic link followed at `name`): a
    /// descriptor for listing it and opening its children without the kernel resolving the whole path each time.
    static func openDirectory(_ name: String, in parent: Int32) -> Int32? {
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// The entries of the open directory `fd`, as `entries(_:)` gives them; `fd` stays open.
    static func entries(fd: Int32) -> [DirectoryEntry]? {
        let own = dup(fd)
        guard own >= 0 else { return nil }
        guard let dir = fdopendir(own) else {
            close(own)
            return nil
        }
        defer { closedir(dir) }
        // The duplicate shares its position with `fd`: start from the first entry whatever was read before.
        rewinddir(dir)
        return listEntries(dir) { name in
            var st = stat()
            return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? kind(mode: st.st_mode) : .other
        }
    }

    private static func listEntries(_ dir: OpaquePointer, kindOf: (String) -> DirectoryEntry.Kind) -> [DirectoryEntry] {
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
            default: kind = kindOf(name)
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

    /// Reads a whole file into an array of exactly its size (an inventory can be tens of MB: growing an array
    /// by appending would hold up to twice that); `nil` when it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var failed = false
        var out = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let n = read(fd, base + count, size - count)
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                count += n
            }
        }
        if failed { return nil }
        // A file that grew while being read: take the rest too.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while out.count >= size {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
