import KhoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the generator wrote, with what the METS must declare for it.
struct WrittenFile: Sendable {
    /// Path relative to the folder of the METS that will reference it.
    var href: String
    var size: Int64
    var sha256: String
    var mimeType: String
}

/// Writes a new file through POSIX calls while hashing its bytes (SHA-256) in the same pass.
struct SampleFileWriter {
    /// Creates `path` (parent folders included) and lets `produce` stream its bytes; returns size and SHA-256.
    static func write(_ path: String, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(KhoFailure) -> (Int64, String) {
        try makeParents(of: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFile.failure("open", path: path) }
        defer { close(fd) }
        let digester = MultiDigester([DigestAlgorithm.sha256])
        var failure: KhoFailure?
        produce { chunk in
            guard failure == nil else { return }
            digester.update(chunk)
            failure = POSIXFile.writeAll(fd: fd, chunk, path: path)
        }
        if let failure { throw failure }
        return (digester.byteCount, digester.finalize()[.sha256] ?? "")
    }

    /// Writes a whole byte array.
    static func write(_ path: String, bytes: [UInt8]) throws(KhoFailure) -> (Int64, String) {
        try write(path) { sink in bytes.withUnsafeBytes { sink($0) } }
    }

    /// `mkdir -p` of the folder holding `path`.
    static func makeParents(of path: String) throws(KhoFailure) {
        var prefix = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            prefix += (index == 0 ? "" : "/") + part
            if prefix.isEmpty { continue }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw POSIXFile.failure("mkdir", path: prefix)
            }
        }
    }
}
