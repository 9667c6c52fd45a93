import CLibCrypto

/// Computes several digests of the same bytes in one pass (DESIGN.md invariant 4: hash once).
///
/// Backed by OpenSSL's libcrypto EVP digests. A mutable accumulator owned by one thread at a time,
/// so deliberately not `Sendable`; create one per file (or call `reset()`).
public final class MultiDigester {
    private var contexts: [(algorithm: DigestAlgorithm, context: OpaquePointer)] = []
    /// Bytes seen so far.
    public private(set) var byteCount: Int64 = 0

    public init(_ algorithms: some Sequence<DigestAlgorithm>) {
        var seen = Set<DigestAlgorithm>()
        for algorithm in algorithms where seen.insert(algorithm).inserted {
            guard let context = EVP_MD_CTX_new() else { continue }
            EVP_DigestInit_ex(context, algorithm.evp, nil)
            contexts.append((algorithm, context))
        }
    }

    deinit {
        for entry in contexts { EVP_MD_CTX_free(entry.context) }
    }

    /// Feeds the next bytes to every digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        byteCount += Int64(bytes.count)
        for entry in contexts { EVP_DigestUpdate(entry.context, base, bytes.count) }
    }

    /// Lower-case hex digests, one per requested algorithm. The digester can't be used afterwards
    /// until `reset()`.
    public func finalize() -> [DigestAlgorithm: String] {
        var result: [DigestAlgorithm: String] = [:]
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        for entry in contexts {
            var length: UInt32 = 0
            EVP_DigestFinal_ex(entry.context, &output, &length)
            result[entry.algorithm] = output[0..<Int(length)].hexString
        }
        return result
    }

    /// The first algorithm's digest as raw bytes, without a dictionary or a hex string (a per-file loop over
    /// thousands of small files compares these directly). The digester can't be used afterwards until `reset()`.
    public func finalizeFirst() -> RawDigest {
        guard let entry = contexts.first else { return RawDigest() }
        var digest = RawDigest()
        var length: UInt32 = 0
        withUnsafeMutableBytes(of: &digest.bytes) { buffer in
            _ = EVP_DigestFinal_ex(entry.context, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
        }
        digest.count = Int(length)
        return digest
    }

    /// Starts again for new bytes with the same algorithms, reusing the contexts.
    public func reset() {
        byteCount = 0
        for entry in contexts { EVP_DigestInit_ex(entry.context, entry.algorithm.evp, nil) }
    }
}

/// A digest's bytes held inline (up to sha512's 64), compared without allocating.
public struct RawDigest: Sendable, Hashable {
    /// The bytes; those from `count` on are zero.
    public var bytes = SIMD64<UInt8>()
    /// How many bytes the digest has.
    public var count = 0

    public init() {}

    /// The digest written as hex in either case (OCFL digests are case-insensitive); nil when `hex` is not an even
    /// number (≤ 128) of hex digits.
    public init?(hex: String) {
        var result = RawDigest()
        var high: UInt8?
        for character in hex.utf8 {
            let value: UInt8
            switch character {
            case 0x30...0x39: value = character - 0x30
            case 0x41...0x46: value = character - 0x41 + 10
            case 0x61...0x66: value = character - 0x61 + 10
            default: return nil
            }
            if let first = high {
                guard result.count < 64 else { return nil }
                result.bytes[result.count] = first << 4 | value
                result.count += 1
                high = nil
            } else {
                high = value
            }
        }
        guard high == nil else { return nil }
        self = result
    }

    /// Lower-case hex.
    public var hex: String { (0..<count).map { bytes[$0] }.hexString }
}

extension DigestAlgorithm {
    /// The digest implementation, fetched from OpenSSL's default provider once per process: an implicit
    /// fetch (`EVP_sha512()` handed to `EVP_DigestInit_ex`) looks the provider up again on every init,
    /// which costs more than hashing a 2 KB file.
    fileprivate var evp: OpaquePointer? {
        switch self {
        case .md5: FetchedDigests.md5
        case .sha1: FetchedDigests.sha1
        case .sha256: FetchedDigests.sha256
        case .sha512: FetchedDigests.sha512
        }
    }
}

/// Explicitly fetched `EVP_MD`s, kept for the life of the process (immutable and thread-safe in OpenSSL 3).
private enum FetchedDigests {
    nonisolated(unsafe) static let md5 = EVP_MD_fetch(nil, "MD5", nil) ?? EVP_md5()
    nonisolated(unsafe) static let sha1 = EVP_MD_fetch(nil, "SHA1", nil) ?? EVP_sha1()
    nonisolated(unsafe) static let sha256 = EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()
    nonisolated(unsafe) static let sha512 = EVP_MD_fetch(nil, "SHA512", nil) ?? EVP_sha512()
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
