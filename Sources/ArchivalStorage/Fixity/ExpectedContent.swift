import KhoCore

/// What a `fixity`-mode check expects of each content path: the sha256 fixity value Kho records (the content digest
/// where there is none), as raw bytes. Built on the inventory's thread while the content is being hashed, so that
/// matching is one lookup per file; the catalogue's sizes are asked for only once a file differs.
struct ExpectedContent {
    /// The paths and their digests.
    var index = FixityIndex()
    /// The algorithm of each path's digest, when not all are sha256 (paths without a sha256 fixity value).
    var algorithms: [DigestAlgorithm] = []
    /// Decoded without manifest digests, and the sha256 fixity block does not name every manifest path: decode the
    /// inventory again with digests and build again.
    var needsManifestDigests = false

    var count: Int { index.table.count }

    init(inventory: FixityInventory) {
        if let read = inventory.index {
            index = read
            return
        }
        let contentAlgorithm = DigestAlgorithm(rawValue: inventory.digestAlgorithm.lowercased()) ?? .sha512
        let fixity256 = contentAlgorithm == .sha256 ? nil : inventory.fixity["sha256"]
        let pathsOnly = inventory.manifest.isEmpty && !inventory.manifestPaths.isEmpty
        if pathsOnly && fixity256 == nil {
            needsManifestDigests = true
            return
        }
        index.table = PathTable(capacity: max(inventory.manifest.count, inventory.manifestPaths.count))
        // The sha256 fixity block names the content paths and their digests; the manifest fills any gap.
        for (digest, paths) in fixity256 ?? [:] { add(paths, algorithm: .sha256, digest: digest) }
        for (digest, paths) in inventory.manifest { add(paths, algorithm: contentAlgorithm, digest: digest) }
        if pathsOnly, inventory.manifestPaths.contains(where: { index.table.number(of: $0) == nil }) {
            needsManifestDigests = true
        }
    }

    private mutating func add(_ paths: [String], algorithm: DigestAlgorithm, digest: String) {
        let lower = Inventory.lowercasedSharing(digest)
        let raw = RawDigest(hex: lower)
        for path in paths {
            let (number, added) = index.table.add(path)
            guard added else { continue }
            index.digests.append(raw)
            if raw == nil { index.unreadable[number] = lower }
            algorithms.append(algorithm)
        }
    }

    func algorithm(_ number: Int) -> DigestAlgorithm { algorithms.isEmpty ? .sha256 : algorithms[number] }

    /// Lower-case hex of the digest path `number` must have (the inventory's text when it is not hex).
    func hex(_ number: Int) -> String { index.digests[number]?.hex ?? index.unreadable[number] ?? "" }

    /// What matching the walked files against the expectations found.
    struct Match {
        var damage: [Damage] = []
        /// Indexes of `entries` found on disk.
        var found: [Int] = []
        /// Files whose sha256 differs from the expected one: altered, or truncated once sizes are known.
        var mismatched: [Mismatch] = []
        /// Files found whose expected digest is not sha256 (or that were not hashed): read again with their algorithm.
        var again: [Int] = []
        var files = 0
        var bytes: UInt64 = 0
    }

    /// A file read whole whose sha256 is not the expected one.
    struct Mismatch {
        var number: Int
        var size: UInt64
        var actual: RawDigest
    }

    /// Sizes by sha256 (lower-case hex, as the catalogue gives them) keyed by raw digest.
    static func rawSizes(_ sizes: [String: UInt64]) -> [RawDigest: UInt64] {
        var result: [RawDigest: UInt64] = [:]
        for (hex, size) in sizes {
            if let digest = RawDigest(hex: hex) { result[digest] = size }
        }
        return result
    }

    /// The damage of a mismatched file: truncated when it is shorter than the size known for its digest.
    func damage(_ mismatch: Mismatch, sizes: [RawDigest: UInt64]) -> Damage {
        let path = index.table.string(mismatch.number)
        if let expected = index.digests[mismatch.number], let size = sizes[expected], mismatch.size < size {
            return Damage(kind: .truncated, path: path, detail: "\(mismatch.size) bytes, expected \(size)")
        }
        return Damage(kind: .altered, path: path, detail: "sha256 \(mismatch.actual.hex), expected \(hex(mismatch.number))")
    }

    /// The job reading path `number` again with its own algorithm.
    func job(_ number: Int, sizes: [RawDigest: UInt64]) -> ContentJob {
        let algorithm = algorithm(number)
        return ContentJob(path: index.table.string(number), algorithm: algorithm, expected: hex(number),
                          expectedSize: algorithm == .sha256 ? index.digests[number].flatMap { sizes[$0] } : nil)
    }

    /// Compares each walked file with what is expected of its path; sidecars (`sidecarName`) are left out.
    func match(_ walked: ArraySlice<WalkedFile>, sidecarName: [UInt8]) -> Match {
        var result = Match()
        result.found.reserveCapacity(walked.count)
        for file in walked {
            if Self.isSidecar(file.path, name: sidecarName) { continue }
            guard let number = index.table.number(of: file.path) else {
                result.damage.append(Damage(kind: .unexpected, path: String(decoding: file.path, as: UTF8.self), detail: "not in the manifest"))
                continue
            }
            result.found.append(number)
            let algorithm = algorithm(number)
            if file.vanished {
                result.damage.append(Damage(kind: .missing, path: index.table.string(number), detail: "not found"))
            } else if let problem = file.problem {
                result.damage.append(Damage(kind: .altered, path: index.table.string(number), detail: problem))
            } else if algorithm == .sha256, let digest = file.digest {
                result.files += 1
                result.bytes += file.size
                guard digest != index.digests[number] else { continue }
                result.mismatched.append(Mismatch(number: number, size: file.size, actual: digest))
            } else {
                result.again.append(number)
            }
        }
        return result
    }

    /// `inventory.json.<algorithm>` at the object root or in a version folder.
    static func isSidecar(_ path: [UInt8], name: [UInt8]) -> Bool {
        guard path.count >= name.count, path.last == name.last, path.suffix(name.count).elementsEqual(name) else { return false }
        if path.count == name.count { return true }
        guard path[path.count - name.count - 1] == 0x2F else { return false }
        return Inventory.versionNumber(String(decoding: path.dropLast(name.count + 1), as: UTF8.self)) != nil
    }
}
