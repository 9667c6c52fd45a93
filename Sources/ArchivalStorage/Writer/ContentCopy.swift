#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// Copies a file while hashing it, in one read, through a buffer the caller owns (one per worker thread).
enum ContentCopy {
    /// `destination` is relative to the open folder `folder` (`openat`), so the kernel does not walk the whole
    /// staging path again for every file; `folderPath` names that folder in error messages.
    static func copy(from source: String, to destination: String, in folder: Int32, folderPath: String,
                     algorithms: [DigestAlgorithm], durable: Bool,
                     buffer: UnsafeMutableRawBufferPointer) throws(OCFLStorageError) -> FileDigest {
        let input: Int32
        do { input = try POSIXFile.openForReading(source) } catch { throw OCFLStorageError(error) }
        defer { close(input) }
        let output = openat(folder, destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileSystem.ioError("open", folderPath + "/" + destination) }
        var closed = false
        defer { if !closed { close(output) } }
        let digester = MultiDigester(algorithms)
        var writeError: KhoFailure?
        do {
            try POSIXFile.readAll(fd: input, path: source, buffer: buffer) { chunk in
                guard writeError == nil else { return }
                digester.update(chunk)
                writeError = POSIXFile.writeAll(fd: output, chunk, path: folderPath + "/" + destination)
            }
        } catch { throw OCFLStorageError(error) }
        if let writeError { throw OCFLStorageError(writeError) }
        if durable, fsync(output) != 0 { throw FileSystem.ioError("fsync", folderPath + "/" + destination) }
        closed = true
        if close(output) != 0 { throw FileSystem.ioError("close", folderPath + "/" + destination) }
        return FileDigest(size: digester.byteCount, digests: digester.finalize())
    }
}
