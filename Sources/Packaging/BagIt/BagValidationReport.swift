public import KhoCore

/// What `BagValidator` found in one bag.
public struct BagValidationReport: Sendable, Encodable {
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

    private enum CodingKeys: String, CodingKey {
        case bagPath, version, payloadFileCount, payloadByteCount, algorithms, fast, findings, valid
    }

    /// Encodes every field plus `valid`, so JSON readers need not work out validity themselves.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bagPath, forKey: .bagPath)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encode(payloadFileCount, forKey: .payloadFileCount)
        try container.encode(payloadByteCount, forKey: .payloadByteCount)
        try container.encode(algorithms, forKey: .algorithms)
        try container.encode(fast, forKey: .fast)
        try container.encode(isValid, forKey: .valid)
        try container.encode(findings, forKey: .findings)
    }
}
