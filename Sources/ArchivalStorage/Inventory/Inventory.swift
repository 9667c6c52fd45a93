/// An OCFL object inventory (`inventory.json`, bản kê đối tượng): manifest, versions and fixity.
///
/// Digests and paths are kept as the strings read or written; paths are compared by bytes elsewhere.
public struct Inventory: Sendable, Codable {
    /// The object identifier (a URI by OCFL recommendation W005).
    public var id: String
    /// `https://ocfl.io/1.1/spec/#inventory` or the 1.0 equivalent.
    public var type: String
    /// Content-addressing algorithm: `sha512` for objects Kho creates.
    public var digestAlgorithm: String
    /// The newest version, e.g. `v3`.
    public var head: String
    /// Name of the content directory inside each version (`content` when absent).
    public var contentDirectory: String?
    /// Digest → content paths holding those bytes.
    public var manifest: [String: [String]]
    /// Version name → version block.
    public var versions: [String: InventoryVersion]
    /// Algorithm → digest → content paths, extra digests for fixity checks.
    public var fixity: [String: [String: [String]]]?

    /// The `type` value of OCFL 1.1 inventories.
    public static let type11 = "https://ocfl.io/1.1/spec/#inventory"
}

/// One version block of an inventory (phiên bản): when, why, who, and the logical state.
public struct InventoryVersion: Sendable, Codable {
    /// ISO 8601 creation time with timezone.
    public var created: String
    /// Why the version was made.
    public var message: String?
    /// Who made it.
    public var user: InventoryUser?
    /// Digest → logical paths.
    public var state: [String: [String]]

    /// Builds a version block.
    public init(created: String, message: String?, user: InventoryUser?, state: [String: [String]]) {
        self.created = created
        self.message = message
        self.user = user
        self.state = state
    }
}

/// The person or agent behind a version.
public struct InventoryUser: Sendable, Codable, Hashable {
    /// Display name.
    public var name: String
    /// A URI, e.g. `mailto:luutru@tinhuy.vn`.
    public var address: String?

    /// Builds a user block.
    public init(name: String, address: String?) {
        self.name = name
        self.address = address
    }
}
