#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KhoCore

/// Reads small windows of a file at given offsets (`pread`), never the whole file.
///
/// Identification looks at the first and last few KiB; a 40 GB video costs a handful of reads.
struct BoundedFileReader: ~Copyable {
    /// The file's size in bytes when it was opened.
    let size: Int64
    private let fd: Int32
    /// The file being read.
    let path: String

    init(path: String) throws(FormatIdentificationError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FormatIdentificationError(.unreadable, path: path, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw FormatIdentificationError(.unreadable, path: path, errno: code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FormatIdentificationError(.notRegularFile, path: path, errno: 0)
        }
        self.fd = fd
        self.size = Int64(info.st_size)
        self.path = path
    }

    deinit { close(fd) }

    /// Up to `count` bytes from `offset` (fewer at the end of the file).
    func read(at offset: Int64, count: Int) throws(FormatIdentificationError) -> [UInt8] {
        guard offset >= 0, offset < size, count > 0 else { return [] }
        let wanted = Int(min(Int64(count), size - offset))
        var buffer = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(fd, base + filled, wanted - filled, off_t(offset) + off_t(filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FormatIdentificationError(.unreadable, path: path, errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < wanted { buffer.removeLast(wanted - filled) }
        return buffer
    }

    /// The first `count` bytes.
    func head(_ count: Int) throws(FormatIdentificationError) -> [UInt8] { try read(at: 0, count: count) }

    /// The last `count` bytes (the whole file if it is shorter).
    func tail(_ count: Int) throws(FormatIdentificationError) -> [UInt8] {
        let start = max(0, size - Int64(count))
        return try read(at: start, count: Int(size - start))
    }
}
