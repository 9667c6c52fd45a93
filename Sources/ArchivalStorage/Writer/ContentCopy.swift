#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// Copies a file while hashing it, in one read, through a buffer the caller owns (one per worker thread).
enum ContentCopy {
    static func copy(from source: String, to destination: String, algorithms: [DigestAlgorithm], durable: Bool,
                     buffer: UnsafeMutableRawBufferPointer) throws(OCFLStorageError) -> FileDigest {
        let input: Int32
        do { input = try POSIXFile.openForReading(source) } catch { throw OCFLStorageError(error) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileSystem.ioError("open", destination) }
        var closed = false
        defer { if !closed { close(output) } }
        let digester = MultiDigester(algorithms)
        var writeError: KhoFailure?
        do {
            try POSIXFile.readAll(fd: input, path: source, buffer: buffer) { chunk in
                guard writeError == nil else { return }
                digester.update(chunk)
                writeError = POSIXFile.writeAll(fd: output, chunk, path: destination)
            }
        } catch { throw OCFLStorageError(error) }
        if let writeError { throw OCFLStorageError(writeError) }
        if durable, fsync(output) != 0 { throw FileSystem.ioError("fsync", destination) }
        closed = true
        if close(output) != 0 { throw FileSystem.ioError("close", destination) }
        return FileDigest(size: digester.byteCount, digests: digester.finalize())
    }
}
