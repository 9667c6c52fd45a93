import Crypto

/// Computes several digests of the same bytes in one pass (DESIGN.md invariant 4: hash once).
/// A mutable accumulator owned by one task, so deliberately not `Sendable`.
public struct MultiDigester {
    private var md5: Insecure.MD5?
    private var sha1: Insecure.SHA1?
    private var sha256: SHA256?
    private var sha512: SHA512?
    /// Bytes seen so far.
    public private(set) var byteCount: Int64 = 0

    public init(_ algorithms: some Sequence<DigestAlgorithm>) {
        for algorithm in algorithms {
            switch algorithm {
            case .md5: md5 = Insecure.MD5()
            case .sha1: sha1 = Insecure.SHA1()
            case .sha256: sha256 = SHA256()
            case .sha512: sha512 = SHA512()
            }
        }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        byteCount += Int64(bytes.count)
        md5?.update(bufferPointer: bytes)
        sha1?.update(bufferPointer: bytes)
        sha256?.update(bufferPointer: bytes)
        sha512?.update(bufferPointer: bytes)
    }

    /// Lower-case hex digests, one per requested algorithm.
    public func finalize() -> [DigestAlgorithm: String] {
        var result: [DigestAlgorithm: String] = [:]
        if let md5 { result[.md5] = md5.finalize().hexString }
        if let sha1 { result[.sha1] = sha1.finalize().hexString }
        if let sha256 { result[.sha256] = sha256.finalize().hexString }
        if let sha512 { result[.sha512] = sha512.finalize().hexString }
        return result
    }
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
