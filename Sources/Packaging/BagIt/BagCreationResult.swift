public import KhoCore

/// What `BagCreator` made.
public struct BagCreationResult: Sendable, Hashable {
    /// The bag directory.
    public var bagPath: String
    /// Payload files written.
    public var payloadFileCount: Int
    /// Their total size in octets.
    public var payloadByteCount: Int64
    /// The manifest algorithms.
    public var algorithms: [DigestAlgorithm]
}
