public import KhoCore

/// What `BagCreator` writes besides the payload.
public struct BagCreationOptions: Sendable, Hashable {
    /// Manifest algorithms; Kho defaults to SHA-256 (TT05, PREMIS) and SHA-512 (OCFL, RFC 8493 §2.4).
    public var algorithms: [DigestAlgorithm]
    /// Extra `bag-info.txt` elements, written before the ones Kho adds.
    public var bagInfo: [BagInfo.Element]
    /// `Bag-Software-Agent`, e.g. `Kho 0.1.0`.
    public var softwareAgent: String
    /// Hashing threads.
    public var threads: Int
    /// fsync every file and directory written (DESIGN.md invariant 2).
    public var durable: Bool

    /// Defaults: sha256 + sha512, 2 threads, durable.
    public init(algorithms: [DigestAlgorithm] = [.sha256, .sha512], bagInfo: [BagInfo.Element] = [],
                softwareAgent: String = "Kho", threads: Int = 2, durable: Bool = true) {
        self.algorithms = algorithms
        self.bagInfo = bagInfo
        self.softwareAgent = softwareAgent
        self.threads = threads
        self.durable = durable
    }
}
