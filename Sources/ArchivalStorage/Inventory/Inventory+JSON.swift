extension Inventory {
    /// Reads an inventory from its JSON bytes (any OCFL 1.0 or 1.1 inventory); unknown keys are skipped
    /// (reporting them is the validator's job), missing required keys are refused.
    public static func decode(_ bytes: [UInt8], path: String) throws(OCFLStorageError) -> Inventory {
        let reader = JSONByteReader(bytes, path: path)
        var id: String?, type: String?, algorithm: String?, head: String?, contentDirectory: String?
        var manifest: [String: [String]]?, versions: [String: InventoryVersion]?, fixity: [String: [String: [String]]]?
        try reader.object { (key: String) throws(OCFLStorageError) in
            switch key {
            case "id": id = try reader.string()
            case "type": type = try reader.string()
            case "digestAlgorithm": algorithm = try reader.string()
            case "head": head = try reader.string()
            case "contentDirectory": contentDirectory = try reader.string()
            case "manifest": manifest = try reader.pathMap()
            case "versions":
                var result: [String: InventoryVersion] = [:]
                try reader.object { (name: String) throws(OCFLStorageError) in result[name] = try decodeVersion(reader) }
                versions = result
            case "fixity":
                var result: [String: [String: [String]]] = [:]
                try reader.object { (name: String) throws(OCFLStorageError) in result[name] = try reader.pathMap() }
                fixity = result
            default: try reader.skipValue()
            }
        }
        guard reader.atEnd else { throw reader.failure("trailing content") }
        guard let id, let type, let algorithm, let head, let manifest, let versions else {
            throw reader.failure("missing id, type, digestAlgorithm, head, manifest or versions")
        }
        return Inventory(id: id, type: type, digestAlgorithm: algorithm, head: head, contentDirectory: contentDirectory,
                         manifest: manifest, versions: versions, fixity: fixity)
    }

    /// A little more than the encoded size: every digest and path with its quotes, indentation and commas.
    var estimatedSize: Int {
        func size(_ map: [String: [String]]) -> Int {
            map.reduce(0) { total, entry in
                total + entry.key.utf8.count + 24 + entry.value.reduce(0) { $0 + $1.utf8.count + 16 }
            }
        }
        var total = 4096 + size(manifest)
        for version in versions.values { total += size(version.state) + 512 }
        for map in (fixity ?? [:]).values { total += size(map) }
        return total
    }

    private static func decodeVersion(_ reader: JSONByteReader) throws(OCFLStorageError) -> InventoryVersion {
        var created: String?, message: String?, user: InventoryUser?, state: [String: [String]]?
        try reader.object { (key: String) throws(OCFLStorageError) in
            switch key {
            case "created": created = try reader.string()
            case "message": message = try reader.string()
            case "state": state = try reader.pathMap()
            case "user":
                var name: String?, address: String?
                try reader.object { (field: String) throws(OCFLStorageError) in
                    switch field {
                    case "name": name = try reader.string()
                    case "address": address = try reader.string()
                    default: try reader.skipValue()
                    }
                }
                user = InventoryUser(name: name ?? "", address: address)
            default: try reader.skipValue()
            }
        }
        guard let created, let state else { throw reader.failure("version block without created or state") }
        return InventoryVersion(created: created, message: message, user: user, state: state)
    }

    /// The inventory as stable JSON: keys and path lists in byte order, names written with their exact bytes.
    /// Written straight into one byte buffer, without an intermediate tree.
    public func encoded() -> [UInt8] {
        var writer = JSONByteWriter(capacity: estimatedSize)
        writer.beginObject()
        if let contentDirectory { writer.key("contentDirectory"); writer.string(contentDirectory) }
        writer.key("digestAlgorithm"); writer.string(digestAlgorithm)
        if let fixity {
            writer.key("fixity")
            writer.beginObject()
            for algorithm in fixity.keys.sorted(by: StableJSON.byteOrder) {
                writer.key(algorithm)
                writer.pathMap(fixity[algorithm] ?? [:])
            }
            writer.endObject()
        }
        writer.key("head"); writer.string(head)
        writer.key("id"); writer.string(id)
        writer.key("manifest"); writer.pathMap(manifest)
        writer.key("type"); writer.string(type)
        writer.key("versions")
        writer.beginObject()
        for name in versions.keys.sorted(by: StableJSON.byteOrder) {
            guard let version = versions[name] else { continue }
            writer.key(name)
            writer.beginObject()
            writer.key("created"); writer.string(version.created)
            if let message = version.message { writer.key("message"); writer.string(message) }
            writer.key("state"); writer.pathMap(version.state)
            if let user = version.user {
                writer.key("user")
                writer.beginObject()
                if let address = user.address { writer.key("address"); writer.string(address) }
                writer.key("name"); writer.string(user.name)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
        writer.endObject()
        return writer.finish()
    }
}
