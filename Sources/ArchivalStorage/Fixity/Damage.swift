/// How hard a fixity check works (chế độ kiểm tra tính toàn vẹn).
public enum FixityMode: String, Sendable, Codable, CaseIterable {
    /// The sha256 fixity values Kho records for every content path (the content digest where there are none).
    case fixity
    /// The sha512 content digests and a complete OCFL validation of the object.
    case full
}

/// What is wrong with one file of an object copy (loại hư hỏng).
public enum DamageKind: String, Sendable, Codable, CaseIterable {
    /// The bytes differ from the inventory's digest.
    case altered
    /// Shorter than the size expected for its digest (only when the size is known, e.g. from the catalogue).
    case truncated
    /// A content file the manifest lists is not there.
    case missing
    /// A file the object does not account for (not in the manifest, not an inventory, sidecar or declaration).
    case unexpected
    /// An inventory that is missing, unreadable, differs from its sidecar digest, or (the root one) differs from the
    /// head version's inventory.
    case inventoryDamaged
    /// A sidecar (`inventory.json.sha512`) that is missing, malformed or holds the wrong digest.
    case sidecarDamaged
    /// `full` mode: an error the OCFL validator reports; `detail` starts with its code.
    case invalid
}

/// One damaged thing found in an object copy (một hư hỏng).
public struct Damage: Sendable, Hashable, Codable {
    /// What is wrong.
    public var kind: DamageKind
    /// The file concerned, relative to the object root: `v2/content/a.pdf`, `inventory.json`,
    /// `v1/inventory.json.sha512`; empty for the object folder itself.
    public var path: String
    /// Digests, sizes or the validator code that say why.
    public var detail: String

    /// A damage record.
    public init(kind: DamageKind, path: String, detail: String = "") {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    /// Equal when kind and path bytes are equal (NFC and NFD spellings are different paths); the detail is ignored.
    public static func == (lhs: Damage, rhs: Damage) -> Bool {
        lhs.kind == rhs.kind && lhs.path.utf8.elementsEqual(rhs.path.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        for byte in path.utf8 { hasher.combine(byte) }
    }
}

/// The outcome of checking one copy of one object (báo cáo kiểm tra tính toàn vẹn).
public struct ObjectFixityReport: Sendable, Codable {
    /// The object's identifier, from its inventory (nil when no inventory could be read).
    public var objectID: String?
    /// The object folder checked.
    public var objectPath: String
    /// The mode used.
    public var mode: FixityMode
    /// Content files read and hashed.
    public var filesChecked: Int
    /// Bytes read from content files.
    public var bytesChecked: UInt64
    /// Everything found wrong; empty when the copy is intact.
    public var damage: [Damage]

    /// True when nothing is wrong.
    public var isIntact: Bool { damage.isEmpty }

    /// An empty report for `objectPath`.
    public init(objectID: String? = nil, objectPath: String, mode: FixityMode = .fixity, filesChecked: Int = 0,
                bytesChecked: UInt64 = 0, damage: [Damage] = []) {
        self.objectID = objectID
        self.objectPath = objectPath
        self.mode = mode
        self.filesChecked = filesChecked
        self.bytesChecked = bytesChecked
        self.damage = damage
    }
}
