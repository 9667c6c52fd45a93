import Dispatch
import KhoCore
import Synchronization

/// One inventory of an object copy with its sidecar: the object root's, or a version folder's.
struct InventoryCopy {
    /// `""` for the object root, else the version folder (`v2`).
    let folder: String
    /// Sidecar file name, `inventory.json.sha512`.
    let sidecarName: String
    /// Digest of the inventory's bytes; nil when it is missing or unreadable.
    var digest: String?
    /// What the sidecar holds.
    var sidecar: SidecarFile.State

    var inventoryPath: String { folder.isEmpty ? "inventory.json" : folder + "/inventory.json" }
    var sidecarPath: String { folder.isEmpty ? sidecarName : folder + "/" + sidecarName }
    /// The inventory's digest is the one its sidecar records.
    var matchesSidecar: Bool { digest != nil && digest == sidecar.digest }
}

/// Every inventory and sidecar of an object copy, what is wrong with them, and which inventory can be trusted
/// for checking content.
struct ObjectInventories {
    let objectRoot: String
    /// The algorithm of the sidecars (the object's content-addressing algorithm).
    let algorithm: DigestAlgorithm
    var root: InventoryCopy
    /// Version folders on disk, oldest first.
    var versions: [InventoryCopy]
    /// Damage to inventories and sidecars.
    var damage: [Damage] = []
    /// Bytes of the inventory to check content against, nil when none can be read.
    var trusted: [UInt8]?
    /// The trusted inventory's digest.
    var trustedDigest: String?
    /// The trusted inventory, decoded once for the content checks.
    var trustedInventory: FixityInventory?

    /// Root inventory size from which its digest, its decoding and the version inventories are read on three threads.
    static let parallelFrom = 1 << 20

    /// The newest version folder.
    var head: InventoryCopy? { versions.last }

    /// Reads and judges the inventories of the object at `objectRoot`.
    /// `manifestDigests: false` reads only the manifest's paths (enough for a fixity-mode check).
    init(objectRoot: String, entries: [(name: String, isDirectory: Bool)], manifestDigests: Bool = true) {
        self.objectRoot = objectRoot
        var versionFolders: [(number: Int, name: String)] = []
        var algorithm: DigestAlgorithm?
        for entry in entries {
            if entry.isDirectory, let number = Inventory.versionNumber(entry.name) { versionFolders.append((number, entry.name)) }
            if !entry.isDirectory, entry.name.hasPrefix("inventory.json."),
               let found = DigestAlgorithm(rawValue: String(entry.name.dropFirst("inventory.json.".count))) {
                algorithm = found
            }
        }
        versionFolders.sort { $0.number < $1.number }
        if algorithm == nil, let newest = versionFolders.last {
            let names = (try? FileSystem.entries(objectRoot + "/" + newest.name))?.map(\.name) ?? []
            algorithm = names.lazy.filter { $0.hasPrefix("inventory.json.") }
                .compactMap { DigestAlgorithm(rawValue: String($0.dropFirst("inventory.json.".count))) }.first
        }
        let chosen = algorithm ?? .sha512
        self.algorithm = chosen
        let sidecarName = "inventory.json." + chosen.rawValue
        // The root inventory is read once, then three jobs run at once: its digest, its decoding (it is usually the
        // one trusted), and the version inventories. Those are streamed, not kept (a 20,000-file inventory is
        // 14 MB); the head's is compared byte for byte with the root's instead of hashed again: Kho writes the two
        // identical, and equal bytes have equal digests.
        let rootFile = objectRoot + "/inventory.json"
        let rootBytes = FileSystem.exists(rootFile) ? try? FileSystem.readFile(rootFile) : nil
        let rootSidecar = SidecarFile.read(objectRoot + "/" + sidecarName, algorithm: chosen)
        let rootDigest = Mutex<String?>(nil)
        let rootDecoded = Mutex<FixityInventory?>(nil)
        let versionPart = Mutex<(copies: [InventoryCopy], headSameAsRoot: Bool)>(([], false))
        let folders = versionFolders.map(\.name)
        let jobs = { @Sendable (part: Int) in
            switch part {
            case 0:
                let digest = rootBytes.flatMap { VerifiedObject.digest($0, chosen) }
                rootDigest.withLock { $0 = digest }
            case 1:
                let decoded = rootBytes.flatMap {
                    try? FixityInventory.decode($0, path: rootFile, manifestDigests: manifestDigests, fixityIndex: !manifestDigests)
                }
                rootDecoded.withLock { $0 = decoded }
            default:
                var sameAsRoot = false
                let copies = folders.enumerated().map { index, folder in
                    let isHead = index == folders.count - 1
                    return Self.readVersion(folder: folder, sidecarName: sidecarName, objectRoot: objectRoot, algorithm: chosen,
                                            rootBytes: isHead ? rootBytes : nil, sameAsRoot: &sameAsRoot)
                }
                versionPart.withLock { $0 = (copies, sameAsRoot) }
            }
        }
        // A small inventory (a dossier's is about 10 KB) is read faster in a row than by handing parts to threads
        // that are busy hashing the content anyway.
        if (rootBytes?.count ?? 0) < Self.parallelFrom {
            for part in 0..<3 { jobs(part) }
        } else {
            DispatchQueue.concurrentPerform(iterations: 3, execute: jobs)
        }
        let digest = rootDigest.withLock { $0 }
        root = InventoryCopy(folder: "", sidecarName: sidecarName, digest: digest, sidecar: rootSidecar)
        var (copies, headSameAsRoot) = versionPart.withLock { $0 }
        if headSameAsRoot, !copies.isEmpty { copies[copies.count - 1].digest = digest }
        versions = copies
        chooseTrusted(rootBytes: rootBytes, rootDecoded: rootDecoded.withLock { $0 }, manifestDigests: manifestDigests)
        judge()
    }

    /// Reads one version folder's sidecar and the digest of its inventory. When `rootBytes` are given and the
    /// inventory holds exactly those bytes, its digest is the root's: `sameAsRoot` is set and nothing is hashed.
    private static func readVersion(folder: String, sidecarName: String, objectRoot: String, algorithm: DigestAlgorithm,
                                    rootBytes: [UInt8]?, sameAsRoot: inout Bool) -> InventoryCopy {
        let base = objectRoot + "/" + folder
        var copy = InventoryCopy(folder: folder, sidecarName: sidecarName, digest: nil,
                                 sidecar: SidecarFile.read(base + "/" + sidecarName, algorithm: algorithm))
        let file = base + "/inventory.json"
        guard FileSystem.exists(file) else { return copy }
        if let rootBytes, FileSystem.file(file, equals: rootBytes) {
            sameAsRoot = true
            return copy
        }
        copy.digest = (try? FileHasher().digest(fileAt: file, algorithms: [algorithm]))?.digests[algorithm]
        return copy
    }

    /// The inventory to check content against: one confirmed by its sidecar or by the other copy, else whichever reads.
    private mutating func chooseTrusted(rootBytes: [UInt8]?, rootDecoded: FixityInventory?, manifestDigests: Bool) {
        let headFile = head.map { objectRoot + "/" + $0.folder + "/inventory.json" }
        var headBytes: [UInt8]? { headFile.flatMap { try? FileSystem.readFile($0) } }
        let rootConfirmed = root.matchesSidecar || (root.digest != nil && root.digest == head?.digest && head?.matchesSidecar == true)
        let headConfirmed = head.map { $0.matchesSidecar || ($0.digest != nil && $0.digest == root.sidecar.digest) } ?? false
        let order: [([UInt8]?, String?)] = rootConfirmed ? [(rootBytes, root.digest)]
            : headConfirmed ? [(headBytes, head?.digest)]
            : [(rootBytes, root.digest), (headBytes, head?.digest)]
        for (bytes, digest) in order {
            let reused = digest == root.digest ? rootDecoded : nil
            guard let bytes, let decoded = reused
                    ?? (try? FixityInventory.decode(bytes, path: objectRoot + "/inventory.json", manifestDigests: manifestDigests,
                                                fixityIndex: !manifestDigests)) else { continue }
            trustedInventory = decoded
            trusted = bytes
            trustedDigest = digest
            return
        }
    }

    /// Records what is wrong with each inventory and sidecar.
    private mutating func judge() {
        damage += InventoryCopies.damage(root: root, versions: versions) { rebuiltDigest(of: $0) }
    }

    /// The digest a version's inventory had, rebuilt from the trusted inventory (Kho writes inventories byte-stable).
    private func rebuiltDigest(of version: String) -> String? {
        guard let trusted, let full = try? Inventory.decode(trusted, path: objectRoot),
              let past = full.asOf(version: version) else { return nil }
        let digester = MultiDigester([algorithm])
        past.encoded().withUnsafeBytes { digester.update($0) }
        return digester.finalize()[algorithm]
    }
}
