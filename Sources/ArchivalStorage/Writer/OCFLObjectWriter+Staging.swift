#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KhoCore
import Synchronization

extension OCFLObjectWriter {
    /// Copies and hashes every new file straight into the version's content folder on `options.workers` threads,
    /// then keeps the first copy of each digest the object lacks and deletes the rest (with folders left empty).
    func stageNewContent(_ changes: VersionChanges, plan: inout VersionPlan, versionFolder: String, work: String,
                         durability: WriterOptions.Durability, steps: DurableSteps) throws(OCFLStorageError) -> StagedContent {
        var staged = StagedContent()
        var jobs: [(path: RelativePath, source: ByteSource)] = []
        for (path, entry) in changes.entries {
            switch entry {
            case .existing(let digest):
                guard let key = plan.stored(digest) else {
                    throw OCFLStorageError("E050", path: path.string,
                                           vi: "Đối tượng không có nội dung với mã băm \(digest)",
                                           en: "The object holds no content with digest \(digest)")
                }
                staged.state[path] = key
            case .new(let source):
                jobs.append((path, source))
            }
        }
        guard !jobs.isEmpty else { return staged }
        jobs.sort { StableJSON.byteOrder($0.path.string, $1.path.string) }
        let contentRoot = versionFolder + "/" + plan.contentDirectory
        var createdFolders: Set<[UInt8]> = []
        for job in jobs {
            let target = contentRoot + "/" + job.path.string
            try makeFolders(FileSystem.parent(target), below: versionFolder, created: &createdFolders, list: &staged.folders)
        }
        let contentFolder = open(contentRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard contentFolder >= 0 else { throw FileSystem.ioError("open", contentRoot) }
        defer { close(contentFolder) }
        let algorithms = [plan.algorithm] + (plan.fixityAlgorithm.map { [$0] } ?? [])
        let results = Mutex([FileDigest?](repeating: nil, count: jobs.count))
        let frozenJobs = jobs
        let durable = durability == .fsyncEachFile
        try Parallel.forEach(count: frozenJobs.count, workers: options.workers, bufferSize: options.bufferSize) {
            (buffer: UnsafeMutableRawBufferPointer, index: Int) throws(OCFLStorageError) in
            let job = frozenJobs[index]
            let digest: FileDigest
            switch job.source {
            case .file(let source):
                digest = try ContentCopy.copy(from: source, to: job.path.string, in: contentFolder, folderPath: contentRoot,
                                              algorithms: algorithms, durable: durable, buffer: buffer)
            case .data(let data):
                let digester = MultiDigester(algorithms)
                data.withUnsafeBytes { digester.update($0) }
                try FileSystem.writeNewFile(contentRoot + "/" + job.path.string, Array(data), durable: durable)
                digest = FileDigest(size: digester.byteCount, digests: digester.finalize())
            }
            results.withLock { $0[index] = digest }
            steps.reached("content copied: \(job.path.string)")
        }
        let digests = results.withLock { $0 }
        for (index, job) in jobs.enumerated() {
            guard let result = digests[index], let digest = result.digests[plan.algorithm] else { continue }
            let target = contentRoot + "/" + job.path.string
            if let key = plan.stored(digest) {
                staged.state[job.path] = key
                staged.deduplicated += 1
                if unlink(target) != 0 { throw FileSystem.ioError("unlink", target) }
                removeEmptyFolders(from: FileSystem.parent(target), upTo: versionFolder)
                continue
            }
            plan.record(digest)
            staged.state[job.path] = digest
            let contentPath = plan.version + "/" + plan.contentDirectory + "/" + job.path.string
            staged.contentPaths[digest] = contentPath
            if let fixityAlgorithm = plan.fixityAlgorithm, let fixity = result.digests[fixityAlgorithm] {
                staged.fixity[contentPath] = fixity
            }
            staged.bytes += result.size
        }
        staged.folders = staged.folders.filter { FileSystem.isDirectory($0) }
        return staged
    }

    /// Removes `folder` and its parents while they are empty, stopping below `base` (a deduplicated file must
    /// leave no empty folder behind: OCFL E073, and W003 for a content folder with nothing in it).
    private func removeEmptyFolders(from folder: String, upTo base: String) {
        var current = folder
        while current != base, current.utf8.count > base.utf8.count, rmdir(current) == 0 {
            current = FileSystem.parent(current)
        }
    }

    /// Creates `folder` and its missing parents down from `base`, remembering each folder made.
    private func makeFolders(_ folder: String, below base: String, created: inout Set<[UInt8]>, list: inout [String]) throws(OCFLStorageError) {
        if folder == base || created.contains(Array(folder.utf8)) { return }
        try makeFolders(FileSystem.parent(folder), below: base, created: &created, list: &list)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw FileSystem.ioError("mkdir", folder) }
        created.insert(Array(folder.utf8))
        list.append(folder)
    }
}
