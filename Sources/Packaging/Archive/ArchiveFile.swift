#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An archive opened read-only for positioned reads (`pread`); never loads more than asked for.
final class ArchiveFile {
    let path: String
    let fd: Int32
    let size: Int64

    init(path: String) throws(ArchiveError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw WorkAreaWriter.failure(.io, archive: path, entry: nil, "open", path: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            _ = closeDescriptor(fd)
            throw ArchiveError(.unsupported, archive: path, vi: "không phải tệp thường", en: "not a regular file")
        }
        self.fd = fd
        self.size = Int64(info.st_size)
    }

    deinit { _ = closeDescriptor(fd) }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (0 at end of file).
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = pread(fd, base, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw WorkAreaWriter.failure(.io, archive: path, entry: nil, "read", path: path)
        }
    }

    /// Reads exactly `count` bytes at `offset`, or throws `truncated` naming `what`.
    func bytes(at offset: Int64, count: Int, what: String) throws(ArchiveError) -> [UInt8] {
        guard count >= 0, offset >= 0, offset <= size, Int64(count) <= size - offset else {
            throw ArchiveError(.truncated, archive: path, vi: "\(what) nằm ngoài cuối tệp", en: "\(what) lies past the end of the file")
        }
        var result = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = try result.withMutableBytes { (raw) throws(ArchiveError) -> Int in
                try read(at: offset + Int64(done), into: UnsafeMutableRawBufferPointer(rebasing: raw[done...]))
            }
            if got == 0 {
                throw ArchiveError(.truncated, archive: path, vi: "đọc thiếu \(what)", en: "short read of \(what)")
            }
            done += got
        }
        return result
    }
}
