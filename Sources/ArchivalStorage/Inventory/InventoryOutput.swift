#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// Where an encoded inventory goes: appended to memory, or streamed into a file while its digest is computed,
/// so a large inventory never sits whole in memory.
final class InventoryOutput {
    private let fd: Int32?
    private let path: String
    private let digester: MultiDigester?
    private let algorithm: DigestAlgorithm?
    /// The bytes, for an in-memory output.
    private(set) var collected: [UInt8] = []

    /// An output collecting the bytes in memory.
    init() {
        fd = nil
        path = ""
        digester = nil
        algorithm = nil
    }

    /// An output writing to an open file descriptor and hashing with `algorithm`.
    init(fd: Int32, path: String, algorithm: DigestAlgorithm) {
        self.fd = fd
        self.path = path
        self.digester = MultiDigester([algorithm])
        self.algorithm = algorithm
    }

    /// Writes (or keeps) the next bytes.
    func emit(_ bytes: UnsafeRawBufferPointer) throws(OCFLStorageError) {
        guard let fd else {
            collected.append(contentsOf: bytes)
            return
        }
        digester?.update(bytes)
        if let failure = POSIXFile.writeAll(fd: fd, bytes, path: path) { throw OCFLStorageError(failure) }
    }

    /// Copies `range` of the file at `source` through, in chunks of at most 1 MiB.
    func copy(_ range: Range<Int>, of source: String) throws(OCFLStorageError) {
        let input: Int32
        do { input = try POSIXFile.openForReading(source) } catch { throw OCFLStorageError(error) }
        defer { close(input) }
        var chunk = [UInt8](repeating: 0, count: min(range.count, 1 << 20))
        var offset = range.lowerBound
        while offset < range.upperBound {
            let wanted = min(chunk.count, range.upperBound - offset)
            let got = chunk.withUnsafeMutableBytes { pread(input, $0.baseAddress, wanted, off_t(offset)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw FileSystem.ioError("pread", source) }
            var failure: OCFLStorageError?
            chunk.withUnsafeBytes { buffer in
                do throws(OCFLStorageError) { try emit(UnsafeRawBufferPointer(rebasing: buffer[0..<got])) } catch { failure = error }
            }
            if let failure { throw failure }
            offset += got
        }
    }

    /// The hex digest of everything written to the file.
    func finalizeDigest() -> String {
        guard let digester, let algorithm else { return "" }
        return digester.finalize()[algorithm] ?? ""
    }
}
