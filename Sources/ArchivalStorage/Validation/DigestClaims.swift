/// What an inventory claims about its content's digests: everything a `DigestPlan` is made of. Read once the
/// document parses, before its checks, so that hashing can start while the inventory is still being checked.
struct DigestClaims: Sendable, Equatable {
    /// One fixity algorithm's block.
    struct FixityBlock: Sendable, Equatable {
        var algorithm: String
        var block: ParsedInventory.PathBlock
    }

    /// `sha512` or `sha256` when the inventory names one of them as its `digestAlgorithm`.
    var digestAlgorithm: String?
    var manifest = ParsedInventory.PathBlock()
    var fixity: [FixityBlock] = []
}

extension ParsedInventory {
    /// The claims this inventory's checks read.
    var claims: DigestClaims {
        DigestClaims(digestAlgorithm: digestAlgorithm, manifest: manifest, fixity: fixity.map { .init(algorithm: $0.algorithm, block: $0.block) })
    }
}
