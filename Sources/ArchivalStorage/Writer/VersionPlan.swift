import KhoCore

/// The next version of one object: its name, algorithms, and the inventory it will have.
struct VersionPlan {
    let previous: Inventory?
    let id: String
    /// Content-addressing algorithm (the object's own; sha512 for new objects).
    let algorithm: DigestAlgorithm
    /// Extra fixity algorithm recorded for new content (sha256 when content uses sha512).
    let fixityAlgorithm: DigestAlgorithm?
    /// `v1`, `v2`, …
    let version: String
    /// Content directory name inside version folders.
    let contentDirectory: String
    /// Lower-cased digest → manifest key, for everything the object already holds.
    private(set) var known: [String: String]

    init(previous: Inventory?, id: String) throws(OCFLStorageError) {
        self.previous = previous
        self.id = id
        let name = previous?.digestAlgorithm ?? "sha512"
        guard let algorithm = DigestAlgorithm(rawValue: name), algorithm == .sha512 || algorithm == .sha256 else {
            throw OCFLStorageError("E025", path: id, vi: "Thuật toán băm không hỗ trợ: \(name)",
                                   en: "Unsupported digest algorithm: \(name)")
        }
        self.algorithm = algorithm
        self.fixityAlgorithm = algorithm == .sha512 ? .sha256 : .sha512
        self.version = previous?.nextVersionName ?? "v1"
        self.contentDirectory = previous?.contentDirectory ?? "content"
        self.known = previous?.manifestKeysByLowercase ?? [:]
    }

    /// The manifest key for bytes with this digest, if the object (or this version) already stores them.
    func stored(_ digest: String) -> String? {
        known[digest.lowercased()]
    }

    /// Records bytes newly stored by this version.
    mutating func record(_ digest: String) {
        known[Inventory.lowercasedSharing(digest)] = digest
    }

    /// The new inventory: previous versions unchanged, the new version's state, new manifest and fixity entries.
    func inventory(state: [RelativePath: String], staged: StagedContent, metadata: VersionMetadata) -> Inventory {
        var manifest = previous?.manifest ?? [:]
        for (digest, contentPath) in staged.contentPaths { manifest[digest, default: []].append(contentPath) }
        var fixity = previous?.fixity ?? [:]
        if let fixityAlgorithm {
            for (contentPath, digest) in staged.fixity {
                fixity[fixityAlgorithm.rawValue, default: [:]][digest, default: []].append(contentPath)
            }
        }
        var stateBlock: [String: [String]] = [:]
        for (path, digest) in state { stateBlock[digest, default: []].append(path.string) }
        var versions = previous?.versions ?? [:]
        versions[version] = InventoryVersion(created: metadata.createdString, message: metadata.message,
                                             user: metadata.user, state: stateBlock)
        return Inventory(id: id, type: previous?.type ?? Inventory.type11, digestAlgorithm: algorithm.rawValue,
                         head: version, contentDirectory: previous == nil ? contentDirectory : previous?.contentDirectory,
                         manifest: manifest, versions: versions,
                         fixity: fixity.isEmpty ? nil : fixity)
    }
}

/// What staging the new content produced.
struct StagedContent {
    /// Digest → content path, for bytes stored by this version.
    var contentPaths: [String: String] = [:]
    /// Content path → fixity digest.
    var fixity: [String: String] = [:]
    /// Logical path → digest for every path of the new version.
    var state: [RelativePath: String] = [:]
    /// Bytes stored.
    var bytes: Int64 = 0
    /// New files whose bytes were already stored.
    var deduplicated = 0
    /// Folders created under the version's content directory, parents first.
    var folders: [String] = []
}
