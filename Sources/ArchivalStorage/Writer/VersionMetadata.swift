import Foundation

/// Who made a version, when and why (thông tin phiên bản).
public struct VersionMetadata: Sendable {
    /// Creation time; written as ISO 8601 with timezone, to the second.
    public var created: Date
    /// Why the version was made.
    public var message: String
    /// Who made it.
    public var user: InventoryUser

    /// Metadata for a new version, created now unless told otherwise.
    public init(message: String, user: InventoryUser, created: Date = Date()) {
        self.created = created
        self.message = message
        self.user = user
    }

    /// `2026-11-21T13:45:07Z`-style timestamp (UTC, seconds).
    var createdString: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: created)
    }
}
