extension Inventory {
    /// The inventory as stable JSON: keys and path lists in byte order, names written with their exact bytes.
    /// Written straight into one byte buffer, without an intermediate tree.
    public func encoded() -> [UInt8] {
        let output = InventoryOutput()
        try? encode(priorBlocks: nil, into: output)  // an in-memory output cannot fail
        return output.collected
    }

    /// Writes the inventory to `output` in pieces of about 1 MiB, with `priorBlocks` (from `decodeForCommit`)
    /// copied through for the versions not decoded in `versions`. Gives the bytes `encoded()` gives for the
    /// fully decoded inventory.
    func encode(priorBlocks: PriorVersionBlocks?, into output: InventoryOutput) throws(OCFLStorageError) {
        var writer = JSONByteWriter(capacity: JSONByteWriter.drainSize + (1 << 16))
        writer.beginObject()
        if let contentDirectory { writer.key("contentDirectory"); writer.string(contentDirectory) }
        writer.key("digestAlgorithm"); writer.string(digestAlgorithm)
        if let fixity {
            writer.key("fixity")
            writer.beginObject()
            for algorithm in fixity.keys.sorted(by: StableJSON.byteOrder) {
                writer.key(algorithm)
                try writer.pathMap(fixity[algorithm] ?? [:], draining: output)
            }
            writer.endObject()
        }
        writer.key("head"); writer.string(head)
        writer.key("id"); writer.string(id)
        writer.key("manifest"); try writer.pathMap(manifest, draining: output)
        writer.key("type"); writer.string(type)
        writer.key("versions")
        writer.beginObject()
        let prior = priorBlocks?.blocks ?? [:]
        for name in Set(versions.keys).union(prior.keys).sorted(by: StableJSON.byteOrder) {
            writer.key(name)
            if let version = versions[name] {
                try Self.write(version, into: &writer, draining: output)
                try writer.drain(into: output)
            } else if let priorBlocks, let block = prior[name] {
                switch block {
                case .bytes(let bytes):
                    writer.raw(bytes)
                    try writer.drain(into: output)
                case .range(let range):
                    writer.raw([])  // the separator and indentation before the value
                    try writer.drain(into: output)
                    try output.copy(range, of: priorBlocks.file)
                }
            }
        }
        writer.endObject()
        writer.endObject()
        _ = writer.finish()
        try writer.drain(into: output)
    }

    /// Writes one version block as the value after its name.
    private static func write(_ version: InventoryVersion, into writer: inout JSONByteWriter,
                              draining output: InventoryOutput?) throws(OCFLStorageError) {
        writer.beginObject()
        writer.key("created"); writer.string(version.created)
        if let message = version.message { writer.key("message"); writer.string(message) }
        writer.key("state")
        if let output { try writer.pathMap(version.state, draining: output) } else { writer.pathMap(version.state) }
        if let user = version.user {
            writer.key("user")
            writer.beginObject()
            if let address = user.address { writer.key("address"); writer.string(address) }
            writer.key("name"); writer.string(user.name)
            writer.endObject()
        }
        writer.endObject()
    }

    /// The bytes `encoded()` writes for a version block (the value under `"versions": { "vN": … }`, two levels deep).
    static func encodedBlock(_ version: InventoryVersion) -> [UInt8] {
        let size = version.state.reduce(1024) { total, entry in
            total + entry.key.utf8.count + 24 + entry.value.reduce(0) { $0 + $1.utf8.count + 16 }
        }
        var writer = JSONByteWriter(valueAtDepth: 2, capacity: size)
        try? write(version, into: &writer, draining: nil)  // nothing to drain into: cannot fail
        return writer.fragment()
    }
}
