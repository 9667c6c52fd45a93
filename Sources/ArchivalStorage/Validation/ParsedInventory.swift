/// What the validator could read from one inventory.json, however broken the rest of it was.
struct ParsedInventory: Sendable {
    /// One version block: its state and metadata.
    struct Version: Sendable {
        /// Version name, e.g. `v1`.
        var name: String
        /// The raw JSON block, for W011 comparisons.
        var created: JSONValue?
        var message: JSONValue?
        var user: JSONValue?
        /// digest → logical paths, in inventory order.
        var state: [(digest: String, paths: [String])] = []
    }

    var id: String?
    var type: String?
    var specVersion: OCFLSpecVersion?
    var digestAlgorithm: String?
    var head: String?
    /// `contentDirectory`, or `content` when absent or unusable.
    var contentDirectory = "content"
    /// Whether the key was present.
    var contentDirectoryDeclared = false
    /// digest → content paths, in inventory order.
    var manifest: [(digest: String, paths: [String])] = []
    /// Versions in numeric order (when the names are usable) or inventory order.
    var versions: [Version] = []
    /// algorithm → (digest → content paths).
    var fixity: [(algorithm: String, entries: [(digest: String, paths: [String])])] = []
    /// The SHA digest of the file bytes per algorithm is computed by the caller for sidecars.
    var bytes: [UInt8] = []
    /// False when the structure was too broken to go further (not an object, unparsable).
    var usable = false

    /// Content path bytes → manifest digest.
    var digestByContentPath: [PathKey: String] {
        var map: [PathKey: String] = [:]
        for entry in manifest { for p in entry.paths { map[PathKey(p)] = entry.digest } }
        return map
    }

    /// Manifest digest → content paths (exact digest string).
    var contentPathsByDigest: [String: [String]] {
        var map: [String: [String]] = [:]
        for entry in manifest { map[entry.digest, default: []].append(contentsOf: entry.paths) }
        return map
    }

    /// The version block named `name`.
    func version(_ name: String) -> Version? { versions.first { $0.name == name } }
}
