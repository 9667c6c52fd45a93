public import KhoCore

/// What `BagValidator` found in one bag.
public struct BagValidationReport: Sendable, Codable {
    /// The bag directory as given.
    public var bagPath: String
    /// `BagIt-Version` as declared, if readable.
    public var version: String?
    /// Payload files found under `data/`.
    public var payloadFileCount: Int
    /// Their total size in octets.
    public var payloadByteCount: Int64
    /// Algorithms of the payload manifests that were verified.
    public var algorithms: [String]
    /// True when only Payload-Oxum and structure were checked.
    public var fast: Bool
    /// Every finding, in the order noticed.
    public var findings: [Finding]

    /// True when no finding is an error: the bag is complete and (unless `fast`) valid.
    public var isValid: Bool { findings.isValid }
    /// Error findings.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    /// Warning findings.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
}
