#if canImport(Glibc)
import Glibc
#endif
import KhoCore

extension Inventory {
    /// Reads an inventory from its JSON bytes (any OCFL 1.0 or 1.1 inventory); unknown keys are skipped
    /// (reporting them is the validator's job), missing required keys are refused.
    public static func decode(_ bytes: [UInt8], path: String) throws(OCFLStorageError) -> Inventory {
        var none: PriorVersionBlocks?
        return try decode(JSONByteReader(bytes, path: path), priorBlocks: &none)
    }

    /// Reads an inventory for the writer: only the head's block is decoded; every other version block is kept as
    /// a byte range of the file (or, when another tool wrote it, as the bytes Kho writes for it), so memory does
    /// not grow with the number of versions. `encode(priorBlocks:into:)` copies them through unchanged.
    static func decodeForCommit(file path: String) throws(OCFLStorageError) -> (Inventory, PriorVersionBlocks) {
        let fd: Int32
        do { fd = try POSIXFile.openForReading(path) } catch { throw OCFLStorageError(error) }
        defer { close(fd) }
        var blocks: PriorVersionBlocks? = PriorVersionBlocks(file: path)
        let inventory = try decode(JSONByteReader(fd: fd, path: path), priorBlocks: &blocks)
        guard inventory.versions[inventory.head] != nil, let blocks else {
            throw OCFLStorageError("E040", path: path, vi: "Phiên bản head không phải phiên bản mới nhất",
                                   en: "The head is not the newest version")
        }
        return (inventory, blocks)
    }

    /// Decodes everything, or with `priorBlocks` non-nil, keeps all but the newest version out of memory.
    private static func decode(_ reader: JSONByteReader, priorBlocks: inout PriorVersionBlocks?) throws(OCFLStorageError) -> Inventory {
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
                var newest: (name: String, block: PriorVersionBlocks.Block)?
                try reader.object { (name: String) throws(OCFLStorageError) in
                    let start = reader.offset
                    if priorBlocks != nil { reader.pin(at: start) }
                    let version = try decodeVersion(reader)
                    guard priorBlocks != nil else {
                        result[name] = version
                        return
                    }
                    // Keep only the newest version decoded; every other block becomes a range or its bytes.
                    let block = block(version, at: start..<reader.position, in: reader)
                    reader.unpin()
                    if let kept = newest {
                        if (versionNumber(name) ?? 0) > (versionNumber(kept.name) ?? 0) {
                            priorBlocks?.blocks[kept.name] = kept.block
                        } else {
                            priorBlocks?.blocks[name] = block
                            return
                        }
                    }
                    result = [name: version]
                    newest = (name, block)
                }
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

    /// A prior version block: its range in the file when those bytes are what Kho would write, else its bytes.
    private static func block(_ version: InventoryVersion, at range: Range<Int>, in reader: JSONByteReader) -> PriorVersionBlocks.Block {
        let encoded = encodedBlock(version)
        return reader.matches(range, encoded) ? .range(range) : .bytes(encoded)
    }
}

extension Inventory {
    /// The `id` of the inventory file at `path`, read through the 1 MiB window with every other value skipped
    /// unbuilt: finding which object a folder holds must not cost a whole 20,000-file inventory in memory.
    public static func objectID(inventoryAt path: String) throws(OCFLStorageError) -> String {
        guard let id = try topLevelString("id", inventoryAt: path), !id.isEmpty else {
            throw OCFLStorageError("E036", path: path, vi: "Kiểm kê thiếu trường id", en: "The inventory has no id")
        }
        return id
    }

    /// The `head` of the inventory file at `path`, read the same way.
    static func head(inventoryAt path: String) throws(OCFLStorageError) -> String {
        guard let head = try topLevelString("head", inventoryAt: path), !head.isEmpty else {
            throw OCFLStorageError("E036", path: path, vi: "Kiểm kê thiếu trường head", en: "The inventory has no head")
        }
        return head
    }

    /// One top-level string member of an inventory file, every other value skipped unbuilt; nil when absent.
    private static func topLevelString(_ name: String, inventoryAt path: String) throws(OCFLStorageError) -> String? {
        let fd: Int32
        do { fd = try POSIXFile.openForReading(path) } catch { throw OCFLStorageError(error) }
        defer { close(fd) }
        let reader = JSONByteReader(fd: fd, path: path)
        var value: String?
        try reader.object { (key: String) throws(OCFLStorageError) in
            if key == name, value == nil { value = try reader.string() } else { try reader.skipValue() }
        }
        return value
    }
}
