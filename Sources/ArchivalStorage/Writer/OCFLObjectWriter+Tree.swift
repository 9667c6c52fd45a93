import KhoCore
import Synchronization

extension OCFLObjectWriter {
    /// Commits a version whose state equals the tree under `folder`. Files at the same logical path with the same
    /// size as in the head are hashed first; when the digest is unchanged they are kept without being copied.
    @discardableResult
    public func commit(objectID id: String, tree folder: String, metadata: VersionMetadata) throws(OCFLStorageError) -> CommitResult {
        let tree = try SourceTree(folder: folder)
        let objectRoot = try root.objectPath(for: id)
        var head: [RelativePath: String] = [:]
        var algorithm = DigestAlgorithm.sha512
        var sizes: [String: Int64] = [:]
        if FileSystem.isDirectory(objectRoot) {
            let reader = try OCFLObjectReader(objectRoot: objectRoot)
            head = try reader.state()
            algorithm = DigestAlgorithm(rawValue: reader.inventory.digestAlgorithm) ?? .sha512
            for digest in Set(head.values) {
                if let content = reader.inventory.contentPath(for: digest),
                   let size = FileSystem.fileSize(objectRoot + "/" + content) {
                    sizes[digest] = size
                }
            }
        }
        // Candidates: same path (bytes) and same size as in the head.
        let candidates = tree.files.indices.filter { index in
            let file = tree.files[index]
            guard let digest = head[file.path] else { return false }
            return sizes[digest] == file.size
        }
        let unchanged = Mutex([Bool](repeating: false, count: tree.files.count))
        let hasher = FileHasher(bufferSize: options.bufferSize)
        let files = tree.files
        let frozenHead = head
        let headAlgorithm = algorithm
        try Parallel.forEach(count: candidates.count, workers: options.workers) { (index: Int) throws(OCFLStorageError) in
            let file = files[candidates[index]]
            let digest: FileDigest
            do throws(KhoFailure) { digest = try hasher.digest(fileAt: file.file, algorithms: [headAlgorithm]) } catch { throw OCFLStorageError(error) }
            if digest.digests[headAlgorithm]?.lowercased() == frozenHead[file.path]?.lowercased() {
                unchanged.withLock { $0[candidates[index]] = true }
            }
        }
        let same = unchanged.withLock { $0 }
        var changes = VersionChanges()
        for (index, file) in files.enumerated() {
            if same[index], let digest = head[file.path] {
                changes.keep(file.path, digest: digest)
            } else {
                changes.put(file.path, .file(file.file))
            }
        }
        return try commit(objectID: id, changes: changes, metadata: metadata)
    }
}
