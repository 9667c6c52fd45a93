#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// `full` mode in one pass (kiểm tra đầy đủ trong một lượt): the OCFL validator runs once, hashing every content
/// file with the content digest (sha512) while it checks the structure, and the damage is read from the facts it
/// hands back. The sha256 fixity values are what the default `fixity` mode checks; they are not hashed here.
///
/// `check` returns nil when one pass cannot tell which record to trust — the root inventory is confirmed neither
/// by its sidecar nor by the head version's copy, version folders differ from the inventory's versions, or a
/// folder the object does not account for holds files — and the caller then runs the two-pass check.
struct FusedFullCheck {
    var threads: Int
    var bufferSize: Int
    var rateLimiter: ByteRateLimiter?

    /// The damage found in the object copy at `objectRoot` (whose root folder lists as `entries`), or nil when the
    /// two-pass check must decide. Fills the report's identifier and counts.
    func check(objectRoot: String, entries: [(name: String, isDirectory: Bool)], expectedSizes: () -> [String: UInt64],
               report: inout ObjectFixityReport) -> [Damage]? {
        guard let layout = Layout(objectRoot: objectRoot, entries: entries) else { return nil }
        let sink = ValidationFactSink()
        var options = OCFLValidator.Options(checkDigests: true, hashingThreads: threads, bufferSize: bufferSize, checkFixity: false)
        options.rateLimiter = rateLimiter
        let validation = ObjectValidation(root: objectRoot, options: options, facts: sink).run()
        let facts = sink.value
        guard facts.rootUsable, facts.rootDigestAlgorithm?.lowercased() == layout.algorithm.rawValue,
              facts.versionNames == layout.versionFolders,
              let contentAlgorithm = facts.rootDigestAlgorithm.flatMap(DigestAlgorithmName.parse) else { return nil }

        // Inventories and sidecars, judged as the two-pass check judges them; content is checked against the root
        // inventory only when that is the one it would trust.
        let judged = InventoryJudgement(objectRoot: objectRoot, layout: layout, facts: facts)
        guard judged.rootConfirmed else { return nil }
        var damage = judged.damage()

        var extraFiles = layout.extraRootFiles
        for finding in validation.findings {
            guard let path = finding.path else { continue }
            switch finding.code {
            // A folder in a version folder that is not its content folder: its files are listed by the two-pass check.
            case "W002": return nil
            case "E015" where !path.hasSuffix("/" + layout.sidecarName): extraFiles.append(path)
            default: continue
            }
        }
        damage += (facts.unlisted + extraFiles).map { Damage(kind: .unexpected, path: $0, detail: "not in the manifest") }
        damage += facts.absent.map { Damage(kind: .missing, path: $0, detail: "listed in the manifest, not on disk") }
        // The catalogue's sizes, asked for at the first failing file only.
        var sizes: [String: UInt64]?
        for failure in facts.digestFailures {
            guard let computed = failure.computed else {
                damage.append(Damage(kind: .altered, path: failure.path, detail: "unreadable"))
                continue
            }
            // Only the root manifest's digest is the trusted one; other inventories' claims are validator errors.
            guard let expected = failure.rootManifestDigest else { continue }
            let sha256 = contentAlgorithm == .sha256 ? expected : facts.fixitySha256[failure.path]
            if sizes == nil { sizes = expectedSizes() }
            if let size = sha256.flatMap({ sizes?[$0] }), let actual = Self.size(objectRoot + "/" + failure.path), actual < size {
                damage.append(Damage(kind: .truncated, path: failure.path, detail: "\(actual) bytes, expected \(size)"))
            } else {
                let actual = computed[contentAlgorithm] ?? "?"
                damage.append(Damage(kind: .altered, path: failure.path, detail: "\(contentAlgorithm.rawValue) \(actual), expected \(expected)"))
            }
        }
        damage += ObjectFixityChecker.invalid(validation.errors, objectRoot: objectRoot, known: damage)
        report.objectID = validation.objectID
        report.filesChecked = facts.filesHashed
        report.bytesChecked = facts.bytesHashed
        return damage
    }

    /// The size of the file at `path` (not following a link), when it can be read.
    private static func size(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_size) : nil
    }

    /// The object folder as the two-pass check reads it: the sidecar algorithm, the version folders, and the files
    /// beside the inventory that the object does not account for.
    struct Layout {
        let algorithm: DigestAlgorithm
        let sidecarName: String
        /// Version folders on disk, oldest first.
        let versionFolders: [String]
        let extraRootFiles: [String]

        /// Nil when the object root holds a folder other than version folders and `extensions`.
        init?(objectRoot: String, entries: [(name: String, isDirectory: Bool)]) {
            var folders: [(number: Int, name: String)] = []
            var found: DigestAlgorithm?
            for entry in entries {
                if entry.isDirectory {
                    if let number = Inventory.versionNumber(entry.name) {
                        folders.append((number, entry.name))
                    } else if entry.name != "extensions" {
                        return nil
                    }
                } else if entry.name.hasPrefix("inventory.json."),
                          let algorithm = DigestAlgorithm(rawValue: String(entry.name.dropFirst("inventory.json.".count))) {
                    found = algorithm
                }
            }
            folders.sort { $0.number < $1.number }
            if found == nil, let newest = folders.last {
                let names = (try? FileSystem.entries(objectRoot + "/" + newest.name))?.map(\.name) ?? []
                found = names.lazy.filter { $0.hasPrefix("inventory.json.") }
                    .compactMap { DigestAlgorithm(rawValue: String($0.dropFirst("inventory.json.".count))) }.first
            }
            algorithm = found ?? .sha512
            let sidecar = "inventory.json." + (found ?? .sha512).rawValue
            sidecarName = sidecar
            versionFolders = folders.map(\.name)
            extraRootFiles = entries.filter {
                !$0.isDirectory && $0.name != "inventory.json" && !$0.name.hasPrefix("0=ocfl_object_") && $0.name != sidecar
            }.map(\.name)
        }
    }
}

/// Every inventory copy and sidecar of an object judged from the validator's digests (hashing only the copies it
/// could not check), with the same rules as `ObjectInventories`.
private struct InventoryJudgement {
    let objectRoot: String
    let algorithm: DigestAlgorithm
    let root: InventoryCopy
    /// Version folders, oldest first.
    let versions: [InventoryCopy]

    init(objectRoot: String, layout: FusedFullCheck.Layout, facts: ValidationFacts) {
        self.objectRoot = objectRoot
        algorithm = layout.algorithm
        func copy(_ folder: String) -> InventoryCopy {
            let base = folder.isEmpty ? objectRoot : objectRoot + "/" + folder
            var digest: String?
            if let known = facts.inventoryDigests[folder], known.algorithm.lowercased() == layout.algorithm.rawValue {
                digest = known.digest
            } else if FileSystem.exists(base + "/inventory.json") {
                digest = (try? FileHasher().digest(fileAt: base + "/inventory.json", algorithms: [layout.algorithm]))?.digests[layout.algorithm]
            }
            return InventoryCopy(folder: folder, sidecarName: layout.sidecarName, digest: digest,
                                 sidecar: SidecarFile.read(base + "/" + layout.sidecarName, algorithm: layout.algorithm))
        }
        root = copy("")
        versions = layout.versionFolders.map(copy)
    }

    var head: InventoryCopy? { versions.last }

    /// The root inventory is the one to trust: its sidecar says so, or the head's copy is identical and confirmed.
    var rootConfirmed: Bool {
        root.matchesSidecar || (root.digest != nil && root.digest == head?.digest && head?.matchesSidecar == true)
    }

    /// What is wrong with each inventory and sidecar.
    func damage() -> [Damage] {
        InventoryCopies.damage(root: root, versions: versions) { rebuiltDigest(of: $0) }
    }

    /// The digest a version's inventory had, rebuilt from the root inventory (Kho writes inventories byte-stable).
    private func rebuiltDigest(of version: String) -> String? {
        guard let bytes = try? FileSystem.readFile(objectRoot + "/inventory.json"),
              let full = try? Inventory.decode(bytes, path: objectRoot), let past = full.asOf(version: version) else { return nil }
        let digester = MultiDigester([algorithm])
        past.encoded().withUnsafeBytes { digester.update($0) }
        return digester.finalize()[algorithm]
    }
}
