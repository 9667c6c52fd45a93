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

    /// True when the file at `path` holds exactly `bytes`, compared 1 MiB at a time without reading it whole.
    static func fileEquals(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) == bytes.count else { return false }
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        return bytes.withUnsafeBytes { all in
            while true {
                let n = read(fd, buffer.baseAddress, chunkSize)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if n == 0 { return offset == all.count }
                guard offset + n <= all.count, let a = all.baseAddress, let b = buffer.baseAddress, memcmp(b, a + offset, n) == 0 else { return false }
                offset += n
            }
        }
    }
}
