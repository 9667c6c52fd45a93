/// The result of `AuditChain.verify`: how far the chain is sound, its head, and the first bad entry.
public struct AuditVerification: Sendable, Hashable, Codable {
    /// Entries verified in order before any failure (the whole chain when intact).
    public var length: Int64
    /// Hash of the last verified entry (the head when intact); 64 zeros for an empty chain.
    public var headDigest: String
    /// The first problem found, nil when the chain is intact.
    public var failure: AuditFailure?

    /// True when every entry verified (and the anchor, if one was given, matched).
    public var isIntact: Bool { failure == nil }
}

/// The first bad entry of an audit chain and why it is bad.
public struct AuditFailure: Sendable, Hashable, Codable {
    /// Why an entry fails.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The content no longer hashes to the stored hash: it was edited.
        case contentEdited = "content-edited"
        /// The sequence number is missing: the entry was deleted (a gap).
        case missing = "missing"
        /// The entry does not belong here: the next entry links past it (inserted).
        case inserted = "inserted"
        /// The entry links to a later entry's hash, or claims another sequence number: reordered.
        case reordered = "reordered"
        /// The link to the previous entry is broken in another way (previous removed or rewritten).
        case brokenLink = "broken-link"
        /// The chain is shorter than, or differs from, an anchor recorded earlier (tail removed or rewritten).
        case anchorMismatch = "anchor-mismatch"
    }

    /// Sequence number of the first bad entry.
    public var sequence: Int64
    /// Why.
    public var reason: Reason
    /// Detail in Vietnamese and English, for the auditor's report.
    public var explanation: String
}

/// A (length, head) pair an auditor kept from an earlier verification; checking against it detects
/// a removed or rewritten tail, which a chain alone cannot show.
public struct AuditAnchor: Sendable, Hashable, Codable {
    /// Chain length at the time.
    public var length: Int64
    /// Head digest at the time.
    public var headDigest: String

    /// An anchor.
    public init(length: Int64, headDigest: String) {
        self.length = length
        self.headDigest = headDigest
    }
}
