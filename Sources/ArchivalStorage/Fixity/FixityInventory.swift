import KhoCore

/// What a fixity check needs from an inventory: the manifest and the sha256 fixity block, nothing else.
///
/// Version blocks are skipped without being decoded, so a 20,000-file object costs one manifest and one fixity
/// block in memory, never a tree of the whole document.
struct FixityInventory {
    var id: String
    var head: String
    var digestAlgorithm: String
    /// Digest → content paths; empty when decoded without digests (see `manifestPaths`).
    var manifest: [String: [String]]
    /// Every content path of the manifest, when decoded without digests (a fixity-mode check needs only the paths
    /// when the sha256 fixity block covers them all).
    var manifestPaths: [String] = []
    /// Algorithm → digest → content paths, for the algorithms Kho can compute.
    var fixity: [String: [String: [String]]]
    /// The sha256 fixity block read straight into a path table (`fixityIndex: true` and a common inventory);
    /// `manifest`, `manifestPaths` and `fixity` are then empty.
    var index: FixityIndex?

    /// Reads the fields from inventory bytes; a missing required field or bad JSON is an error.
    static func decode(_ bytes: [UInt8], path: String, manifestDigests: Bool = true, fixityIndex: Bool = false) throws(OCFLStorageError) -> FixityInventory {
        if fixityIndex, !manifestDigests, let read = FixityIndexReader.read(bytes) {
            return FixityInventory(id: read.id, head: read.head, digestAlgorithm: read.digestAlgorithm, manifest: [:],
                                   fixity: [:], index: read.index)
        }
        let reader = JSONByteReader(bytes, path: path)
        var id: String?, head: String?, algorithm: String?, manifest: [String: [String]]?
        var fixity: [String: [String: [String]]] = [:]
        var paths: [String] = []
        try reader.object { (key: String) throws(OCFLStorageError) in
            switch key {
            case "id": id = try reader.string()
            case "head": head = try reader.string()
            case "digestAlgorithm": algorithm = try reader.string()
            case "manifest" where manifestDigests: manifest = try reader.pathMap()
            case "manifest":
                try reader.objectValues { () throws(OCFLStorageError) in
                    try reader.array { () throws(OCFLStorageError) in paths.append(try reader.string()) }
                }
                manifest = [:]
            case "fixity":
                try reader.object { (name: String) throws(OCFLStorageError) in
                    if DigestAlgorithm(rawValue: name) != nil { fixity[name] = try reader.pathMap() } else { try reader.skipValue() }
                }
            default: try reader.skipValue()
            }
        }
        guard reader.atEnd else { throw reader.failure("trailing content") }
        guard let id, let head, let algorithm, let manifest else {
            throw reader.failure("missing id, head, digestAlgorithm or manifest")
        }
        return FixityInventory(id: id, head: head, digestAlgorithm: algorithm, manifest: manifest, manifestPaths: paths, fixity: fixity,
                               index: nil)
    }

    /// Keeps the header fields only.
    mutating func dropContent() {
        manifest = [:]
        manifestPaths = []
        fixity = [:]
        index = nil
    }
}
