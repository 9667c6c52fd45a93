#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// Writes the new inventory to disk in pieces (never whole in memory) and copies it for the object root.
enum InventoryFile {
    /// Writes `inventory` (with the prior version blocks copied through) to a new file; returns its hex digest.
    static func write(_ inventory: Inventory, priorBlocks: PriorVersionBlocks?, to path: String,
                      algorithm: DigestAlgorithm, durable: Bool) throws(OCFLStorageError) -> String {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.ioError("open", path) }
        var closed = false
        defer { if !closed { close(fd) } }
        let output = InventoryOutput(fd: fd, path: path, algorithm: algorithm)
        try inventory.encode(priorBlocks: priorBlocks, into: output)
        if durable, fsync(fd) != 0 { throw FileSystem.ioError("fsync", path) }
        closed = true
        if close(fd) != 0 { throw FileSystem.ioError("close", path) }
        return output.finalizeDigest()
    }

    /// Copies the file at `source` to a new file at `destination`, 1 MiB at a time.
    static func copy(_ source: String, to destination: String, durable: Bool) throws(OCFLStorageError) {
        let input: Int32
        do { input = try POSIXFile.openForReading(source) } catch { throw OCFLStorageError(error) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileSystem.ioError("open", destination) }
        var closed = false
        defer { if !closed { close(output) } }
        var failure: KhoFailure?
        do {
            try POSIXFile.readAll(fd: input, path: source, bufferSize: 1 << 20) { chunk in
                if failure == nil { failure = POSIXFile.writeAll(fd: output, chunk, path: destination) }
            }
        } catch { throw OCFLStorageError(error) }
        if let failure { throw OCFLStorageError(failure) }
        if durable, fsync(output) != 0 { throw FileSystem.ioError("fsync", destination) }
        closed = true
        if close(output) != 0 { throw FileSystem.ioError("close", destination) }
    }
}
