/// What the validator could read from one inventory.json, however broken the rest of it was. Digests and
/// paths stay in the document (`tape`); blocks hold node indices, 8 bytes per path.
struct ParsedInventory: Sendable {
    /// One `digest → [path]` block (manifest, a version state, a fixity algorithm), in inventory order.
    struct PathBlock: Sendable, Equatable {
        /// One path of the block and the digest key it is listed under (node indices into the tape).
        struct Entry: Sendable, Equatable {
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
    /// The file bytes (for the sidecar digest and byte comparisons); empty when read in parts (`released`).
    var bytes: [UInt8] = []
    /// For an inventory read in parts (`InventorySplit`): the file and its size.
    var released: (path: String, count: Int)?
    /// The file's digest with `digestAlgorithm`, when taken while reading it in parts.
    var fileDigest: String?
    /// For an inventory read in parts: the version states, kept compact (the blocks' `state` are then empty).
    var states: VersionStates?
    /// For a version inventory read in parts: its version states in the root's terms (the blocks' `state` are empty).
    var againstRoot: StatesAgainstRoot?
    /// For an inventory read in parts: the manifest keys (indices) that no version state names (E107).
    var unusedManifestKeys: [Int]?
    /// A part of a split inventory did not parse: it is read again whole.
    var splitFailed = false
    /// False when the structure was too broken to go further (not an object, unparsable).
    var usable = false

    /// True when this inventory and `other` were read from files with the same bytes.
    func hasSameBytes(as other: ParsedInventory) -> Bool {
        switch (released, other.released) {
        case (nil, nil): return bytes == other.bytes
        case let (r?, nil): return r.count == other.bytes.count && FileSystem.file(r.path, equals: other.bytes)
        case let (nil, r?): return r.count == bytes.count && FileSystem.file(r.path, equals: bytes)
        case let (a?, b?): return a.count == b.count && FileSystem.sameContents(a.path, b.path)
        }
    }

    /// True when the file at `path` holds the bytes of this inventory's file (compared without reading either whole).
    func hasBytes(ofFile path: String) -> Bool {
        guard let released else { return FileSystem.file(path, equals: bytes) }
        return FileSystem.sameContents(path, released.path)
    }

    /// The version block named `name`.
    func version(_ name: String) -> Version? { versions.first { $0.name == name } }

    /// Manifest content paths → entry index (the last entry wins for a repeated path, as a dictionary would).
    func manifestPathIndex() -> TapeStringIndex? {
        tape.map { TapeStringIndex($0, nodes: manifest.pathNodes, lastWins: true) }
    }
}
