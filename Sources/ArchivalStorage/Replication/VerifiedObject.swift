import KhoCore

/// An object copy whose inventory can be trusted: the root inventory matches its sidecar and the head version's
/// inventory (or that inventory's sidecar). Only such a copy is ever copied from.
struct VerifiedObject {
    let objectRoot: String
    let inventories: ObjectInventories
    let inventory: FixityInventory
    /// The root inventory's bytes, as verified.
    let inventoryBytes: [UInt8]
    /// Content-addressing algorithm.
    let algorithm: DigestAlgorithm
    /// Content path (exact bytes) → content digest, lower-case.
    let contentDigests: [ExactPath: String]

    /// Why a copy could not be trusted.
    struct Untrusted: Error {
        var detail: String
    }

    /// Reads and verifies the copy at `objectRoot`. With `everyVersion`, every version inventory must match its sidecar too.
    static func open(_ objectRoot: String, everyVersion: Bool) -> Result<VerifiedObject, Untrusted> {
        guard FileSystem.isDirectory(objectRoot), let entries = try? FileSystem.entries(objectRoot) else {
            return .failure(Untrusted(detail: "object folder not found"))
        }
        let inventories = ObjectInventories(objectRoot: objectRoot, entries: entries)
        let root = inventories.root
        guard let head = inventories.head else { return .failure(Untrusted(detail: "no version folder")) }
        guard root.matchesSidecar, root.digest == head.digest || root.digest == head.sidecar.digest else {
            let found = inventories.damage.map { "\($0.kind.rawValue) \($0.path)" }.joined(separator: ", ")
            return .failure(Untrusted(detail: found.isEmpty ? "root inventory not confirmed" : found))
        }
        if everyVersion, let bad = inventories.versions.first(where: { !$0.matchesSidecar }) {
            return .failure(Untrusted(detail: "\(bad.inventoryPath) does not match its sidecar"))
        }
        guard let bytes = try? FileSystem.readFile(objectRoot + "/inventory.json"),
              Self.digest(bytes, inventories.algorithm) == root.digest,
              let inventory = try? FixityInventory.decode(bytes, path: objectRoot + "/inventory.json"),
              inventory.head == head.folder,
              let algorithm = DigestAlgorithm(rawValue: inventory.digestAlgorithm.lowercased())
        else { return .failure(Untrusted(detail: "root inventory changed while read, unreadable, or head is not the newest version folder")) }
        var digests: [ExactPath: String] = [:]
        digests.reserveCapacity(inventory.manifest.count)
        for (digest, paths) in inventory.manifest { for path in paths { digests[ExactPath(path)] = digest.lowercased() } }
        return .success(VerifiedObject(objectRoot: objectRoot, inventories: inventories, inventory: inventory, inventoryBytes: bytes,
                                       algorithm: algorithm, contentDigests: digests))
    }

    /// Content paths of one version folder, with their digests.
    func contentPaths(ofVersion version: String) -> [(path: String, digest: String)] {
        let prefix = version + "/"
        var result: [(String, String)] = []
        for (digest, paths) in inventory.manifest {
            for path in paths where path.hasPrefix(prefix) { result.append((path, digest.lowercased())) }
        }
        return result.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    static func digest(_ bytes: [UInt8], _ algorithm: DigestAlgorithm) -> String? {
        let digester = MultiDigester([algorithm])
        bytes.withUnsafeBytes { digester.update($0) }
        return digester.finalize()[algorithm]
    }
}
