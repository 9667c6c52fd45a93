#if canImport(Glibc)
import Glibc
#endif

/// Compares a file's bytes with bytes in memory without keeping the file: cheaper than hashing it.
enum FileComparison {
    /// True only when the file at `path` reads completely and holds exactly `bytes`; any error is "not equal".
    static func file(_ path: String, equals bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let chunk = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 4096)
        defer { buffer.deallocate() }
        return bytes.withUnsafeBytes { expected -> Bool in
            var offset = 0
            while true {
                let count = read(fd, buffer.baseAddress, chunk)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                // The end: equal only when every expected byte was seen.
                if count == 0 { return offset == expected.count }
                guard offset + count <= expected.count, let base = buffer.baseAddress, let want = expected.baseAddress,
                      memcmp(base, want + offset, count) == 0 else { return false }
                offset += count
            }
        }
    }
}
