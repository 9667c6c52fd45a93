import KhoCore
import Synchronization

extension OCFLObjectWriter {
    /// Commits a version whose state equals the tree under `folder`. Files at the same logical path with the same
    /// size as in the head are hashed first; when the digest is unchanged they are kept without being copied.
    @discardableResult
    public func commit(objectID id: String, tree folder: String, metadata: VersionMetadata) throws(OCFLStorageError) -> CommitResult {
        let tree = try SourceTree(folder: folder)
        return try locked(id) { (context: CommitContext) throws(OCFLStorageError) in
            let changes = try changes(for: tree, context: context)
            try changes.checkPaths()
            return try commitLocked(context, changes: changes, metadata: metadata)
        }
    }

    /// The changes making the new state equal to `tree`, keeping head files whose bytes did not change.
    private func changes(for tree: SourceTree, context: CommitContext) throws(OCFLStorageError) -> VersionChanges {
        var head: [RelativePath: String] = [:]
        var algorithm = DigestAlgorithm.sha512
        var sizes: [String: Int64] = [:]
        if let inventory = context.previous {
            head = try inventory.state(of: inventory.head)
            algorithm = DigestAlgorithm(rawValue: inventory.digestAlgorithm) ?? .sha512
            for digest in Set(head.values) {
                if let content = inventory.contentPath(for: digest),
                   let size = FileSystem.fileSize(context.objectRoot + "/" + content) {
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
        try Parallel.forEach(count: candidates.count, workers: options.workers, bufferSize: options.bufferSize) {
            (buffer: UnsafeMutableRawBufferPointer, index: Int) throws(OCFLStorageError) in
            let file = files[candidates[index]]
            let digest: FileDigest
            do throws(KhoFailure) { digest = try hasher.digest(fileAt: file.file, algorithms: [headAlgorithm], buffer: buffer) } catch { throw OCFLStorageError(error) }
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
        return changes
    }
}
