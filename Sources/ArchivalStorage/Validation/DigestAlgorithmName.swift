import KhoCore

/// Maps OCFL digest algorithm names to the ones Kho can compute (md5, sha1, sha256, sha512).
enum DigestAlgorithmName {
    /// The computable algorithm for an OCFL name (`sha512`…), or `nil` (e.g. `blake2b-512`, `size`).
    static func parse(_ name: String) -> DigestAlgorithm? {
        switch name {
        case "md5": .md5
        case "sha1": .sha1
        case "sha256": .sha256
        case "sha512": .sha512
        default: nil
        }
    }
}

extension DigestAlgorithm {
    /// Lower-case hex digest of `bytes`.
    func digest(_ bytes: [UInt8]) -> String {
        let d = MultiDigester([self])
        bytes.withUnsafeBytes { d.update($0) }
        return d.finalize()[self] ?? ""
    }
}
