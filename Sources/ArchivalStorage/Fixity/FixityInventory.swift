import KhoCore

/// What a fixity check needs from an inventory: the manifest and the sha256 fixity block, nothing else.
///
/// Version blocks are skipped without being decoded, so a 20,000-file object costs one manifest and one fixity
/// block in memory, never a tree of the whole document.
struct FixityInventory {
    var id: String
    var head: String
    var digestAlgorithm: String
    /// Digest → content paths.
    var manifest: [String: [String]]
    /// Algorithm → digest → content paths, for the algorithms Kho can compute.
    var fixity: [String: [String: [String]]]

    /// Reads the fields from inventory bytes; a missing required field or bad JSON is an error.
    static func decode(_ bytes: [UInt8], path: String) throws(OCFLStorageError) -> FixityInventory {
        let reader = JSONByteReader(bytes, path: path)
        var id: String?, head: String?, algorithm: String?, manifest: [String: [String]]?
        var fixity: [String: [String: [String]]] = [:]
        try reader.object { (key: String) throws(OCFLStorageError) in
            switch key {
            case "id": id = try reader.string()
            case "head": head = try reader.string()
            case "digestAlgorithm": algorithm = try reader.string()
            case "manifest": manifest = try reader.pathMap()
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
        return FixityInventory(id: id, head: head, digestAlgorithm: algorithm, manifest: manifest, fixity: fixity)
    }
}
