#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size and digests of one file, computed in a single streaming read.
public struct FileDigest: Sendable, Hashable {
    public var size: Int64
    /// Lower-case hex digest per algorithm.
    public var digests: [DigestAlgorithm: String]

    public init(size: Int64, digests: [DigestAlgorithm: String]) {
        self.size = size
        self.digests = digests
    }
}

/// Streams files through `MultiDigester` with one reusable buffer, so memory stays flat whatever the size.
public struct FileHasher: Sendable {
    /// Read size; large reads keep syscalls rare on 40 GB videos without costing much on 2 KB files.
    public var bufferSize: Int

    public init(bufferSize: Int = 1 << 20) {
        self.bufferSize = bufferSize
    }

    /// Hashes the file at `path` with every algorithm in `algorithms`.
    public func digest(fileAt path: String, algorithms: some Sequence<DigestAlgorithm>) throws(KhoFailure) -> FileDigest {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
        defer { buffer.deallocate() }
        return try digest(fileAt: path, algorithms: algorithms, buffer: buffer)
    }

    /// The same, reading through a caller-owned buffer: workers hashing thousands of small files
    /// keep one buffer each instead of mapping a fresh one per file.
    public func digest(fileAt path: String, algorithms: some Sequence<DigestAlgorithm>, buffer: UnsafeMutableRawBufferPointer) throws(KhoFailure) -> FileDigest {
        let fd = try POSIXFile.openForReading(path)
        defer { close(fd) }
        let digester = MultiDigester(algorithms)
        try POSIXFile.readAll(fd: fd, path: path, buffer: buffer) { digester.update($0) }
        return FileDigest(size: digester.byteCount, digests: digester.finalize())
    }

    /// Copies `source` to a new file `destination` (which must not exist) and hashes the bytes on the way,
    /// in one pass. With `durable`, the new file is fsynced before returning.
    public func copy(from source: String, to destination: String, algorithms: some Sequence<DigestAlgorithm>, durable: Bool) throws(KhoFailure) -> FileDigest {
        let input = try POSIXFile.openForReading(source)
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw POSIXFile.failure("open", path: destination) }
        var closed = false
        defer { if !closed { close(output) } }
        let digester = MultiDigester(algorithms)
        var writeError: KhoFailure?
        try POSIXFile.readAll(fd: input, path: source, bufferSize: bufferSize) { chunk in
            guard writeError == nil else { return }
            digester.update(chunk)
            if let error = POSIXFile.writeAll(fd: output, chunk, path: destination) { writeError = error }
        }
        if let writeError { throw writeError }
        if durable, fsync(output) != 0 { throw POSIXFile.failure("fsync", path: destination) }
        closed = true
        if close(output) != 0 { throw POSIXFile.failure("close", path: destination) }
        return FileDigest(size: digester.byteCount, digests: digester.finalize())
    }
}

/// Thin, error-checked POSIX file primitives shared by the modules that move bytes.
public enum POSIXFile {
    /// A `KhoFailure` for the current `errno`.
    public static func failure(_ operation: String, path: String) -> KhoFailure {
        let reason = String(cString: strerror(errno))
        return KhoFailure(
            rule: "KHO-IO",
            path: path,
            vi: "Lỗi vào/ra khi \(operation): \(reason)",
            en: "I/O error during \(operation): \(reason)"
        )
    }

    public static func openForReading(_ path: String) throws(KhoFailure) -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", path: path) }
        #if canImport(Glibc)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        return fd
    }

    /// Calls `body` with successive chunks of the file until end of file.
    public static func readAll(fd: Int32, path: String, bufferSize: Int, _ body: (UnsafeRawBufferPointer) -> Void) throws(KhoFailure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
        defer { buffer.deallocate() }
        try readAll(fd: fd, path: path, buffer: buffer, body)
    }

    /// Calls `body` with successive chunks of the file read through `buffer`, until end of file.
    public static func readAll(fd: Int32, path: String, buffer: UnsafeMutableRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) throws(KhoFailure) {
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path: path)
            }
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Writes all of `bytes`, retrying short writes; returns the failure instead of throwing so it can be
    /// used inside non-throwing read callbacks.
    public static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) -> KhoFailure? {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return failure("write", path: path)
            }
            offset += written
        }
        return nil
    }

    /// Makes a file's or a directory's contents durable (DESIGN.md invariant 2: fsync files, then directories).
    public static func sync(_ path: String) throws(KhoFailure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", path: path) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw failure("fsync", path: path) }
    }
}
