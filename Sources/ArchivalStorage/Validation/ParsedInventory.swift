/// What the validator could read from one inventory.json, however broken the rest of it was. Digests and
/// paths stay in the document (`tape`); blocks hold node indices, 8 bytes per path.
struct ParsedInventory: Sendable {
    /// One `digest → [path]` block (manifest, a version state, a fixity algorithm), in inventory order.
    struct PathBlock: Sendable {
        /// One path of the block and the digest key it is listed under (node indices into the tape).
        struct Entry: Sendable {
            var digest: UInt32
            var path: UInt32
        }
        /// The digest keys, once each, in order (also those with no usable path).
        var keys: [UInt32] = []
        /// Every path with its digest, in order.
        var entries: [Entry] = []

        var digestNodes: [UInt32] { entries.map(\.digest) }
        var pathNodes: [UInt32] { entries.map(\.path) }
    }

    /// One version block: its state and metadata.
    struct Version: Sendable {
        /// Version name, e.g. `v1`.
        var name: String
        /// The raw JSON values, for W011 comparisons.
        var created: JSONValue?
        var message: JSONValue?
        var user: JSONValue?
        /// digest → logical paths.
        var state = PathBlock()
    }

    /// The document; empty when it is not JSON.
    var tape: JSONTape?
    var id: String?
    var type: String?
    var specVersion: OCFLSpecVersion?
    var digestAlgorithm: String?
    var head: String?
    /// `contentDirectory`, or `content` when absent or unusable.
    var contentDirectory = "content"
    /// Whether the key was present.
    var contentDirectoryDeclared = false
    /// digest → content paths.
    var manifest = PathBlock()
    /// The manifest's content paths indexed by bytes (first occurrence wins).
    var manifestPaths: TapeStringIndex?
    /// Versions in numeric order (when the names are usable) or inventory order.
    var versions: [Version] = []
    /// algorithm → (digest → content paths).
    var fixity: [(algorithm: String, block: PathBlock)] = []
    /// The file bytes (for the sidecar digest and byte comparisons).
    var bytes: [UInt8] = []
    /// False when the structure was too broken to go further (not an object, unparsable).
    var usable = false

    /// The version block named `name`.
    func version(_ name: String) -> Version? { versions.first { $0.name == name } }

    /// Manifest content paths → entry index (the last entry wins for a repeated path, as a dictionary would).
    func manifestPathIndex() -> TapeStringIndex? {
        tape.map { TapeStringIndex($0, nodes: manifest.pathNodes, lastWins: true) }
    }
}
