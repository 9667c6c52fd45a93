/// One repair done (một lần sửa chữa).
public struct RepairAction: Sendable, Codable, Hashable {
    /// The damage repaired.
    public var damage: Damage
    /// The root whose verified copy was used (its path; empty when nothing was copied, e.g. an unexpected file moved out).
    public var sourceRoot: String
    /// `replaced` (bad copy moved to evidence, verified copy put in), `restored` (missing file put back),
    /// `removed` (unexpected file moved to evidence), `inventoryRestored` (inventory or sidecar put back from another
    /// root), `inventoryRestoredWithinObject` (the root inventory or sidecar put back from the head version's intact
    /// copy in the same object, or the reverse, when no other root had one) or `revalidated` (a `full`-mode
    /// validator error no longer reported once the other repairs were made).
    public var action: String

    /// A repair record.
    public init(damage: Damage, sourceRoot: String, action: String) {
        self.damage = damage
        self.sourceRoot = sourceRoot
        self.action = action
    }
}

/// What a repair of one object copy did, and what no copy could heal (báo cáo sửa chữa).
public struct RepairReport: Sendable, Codable {
    /// Repairs done.
    public var repaired: [RepairAction]
    /// Damage no candidate could supply a verified copy for; left exactly as it was.
    public var unrecoverable: [Damage]

    /// A report.
    public init(repaired: [RepairAction] = [], unrecoverable: [Damage] = []) {
        self.repaired = repaired
        self.unrecoverable = unrecoverable
    }

    /// True when everything was repaired.
    public var isComplete: Bool { unrecoverable.isEmpty }
}
