/// A PREMIS event whose catalogue row no longer matches what the audit chain sealed.
public struct EventDiscrepancy: Sendable, Hashable, Codable {
    /// Why it is flagged.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The event row (or its agent or linking objects) differs from the audited content.
        case editedAfterAudit = "edited-after-audit"
        /// The event is in the catalogue but no audit entry records it (written around the API).
        case notInAuditLog = "not-in-audit-log"
    }

    /// eventIdentifierValue.
    public var eventIdentifier: String
    /// The audit entry that sealed it, if any.
    public var auditSequence: Int64?
    /// Why.
    public var reason: Reason
}
