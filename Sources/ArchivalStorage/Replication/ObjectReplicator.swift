#if canImport(Glibc)
import Glibc
#endif
import KhoCore
import Synchronization

/// Brings an object's copy in another storage root up to the source's head (sao lưu sang kho bản sao).
///
/// Copies only the version folders the destination lacks (or the whole object), checking every file against the
/// source inventory while copying, into the destination's staging beside its root; makes it durable, then publishes
/// with renames: version folders oldest first, the root inventory and, last, its sidecar. Holds the destination
/// object's lock (the writer's), so a writer and a replicator never race; a crash leaves the old or the new head
/// once the root is reopened (remaining staged versions are renamed in, then the writer's roll-forward recovery).
public struct ObjectReplicator: Sendable {
    /// Root copied from.
    public let source: OCFLStorageRoot
    /// Root copied to.
    public let destination: OCFLStorageRoot
    /// Threads copying and hashing at once.
    public let threads: Int
    /// Test hook: stop (throwing `.interrupted`) right after this many durable steps, leaving the files as a crash would.
    public var interruptAfterStep: Int?
    /// Test hook for crash tests through a process (a command maps `KHO_TEST_CRASH_AT` to it): at this durable step,
    /// print `KHO-TEST-CRASH-POINT <n> <step>` on standard error and block until killed, like the writer.
    public var crashAtStep: Int?

    /// A replicator from `source` to `destination`.
    public init(source: OCFLStorageRoot, destination: OCFLStorageRoot, threads: Int = 2) {
        self.source = source
        self.destination = destination
        self.threads = max(1, threads)
    }

    /// Brings the destination copy of `objectID` up to the source head. Refuses a source that does not verify and a
    /// destination that has diverged (different bytes for a version both hold, or a newer head).
    public func replicate(objectID: String) throws(ReplicationError) -> ReplicationOutcome {
        let sourceRoot = try storage { () throws(OCFLStorageError) in try source.objectPath(for: objectID) }
        guard FileSystem.isDirectory(sourceRoot) else { throw .sourceMissing(objectID: objectID) }
        let verified = try verifiedSource(sourceRoot, objectID: objectID)
        let targetRoot = try storage { () throws(OCFLStorageError) in try destination.objectPath(for: objectID) }
        let relativeTarget = try storage { () throws(OCFLStorageError) in try destination.layout.objectPath(for: objectID).string }
        let key = ObjectLock.key(for: objectID)
        let lock = try storage { () throws(OCFLStorageError) in try ObjectLock.acquire(staging: destination.stagingPath, key: key) }
        defer { withExtendedLifetime(lock) {} }
        let work = destination.stagingPath + "/work/" + key
        try storage { () throws(OCFLStorageError) in
            // Only an interrupted commit or replication is rolled forward (its work folder says so); a copy whose
            // head inventory is merely damaged is left for repair.
            if FileSystem.isDirectory(work) { try destination.recoverObject(workFolder: work) }
            try FileSystem.removeTree(work)
            try FileSystem.makeDirectories(work)
            try FileSystem.writeNewFile(work + "/object-path", Array(relativeTarget.utf8), durable: true)
            try FileSystem.sync(work)
        }
        let steps = ReplicationSteps(interruptAt: interruptAfterStep, crashAt: crashAtStep)
        try steps.reached("intent recorded")
        let missing = try versionsToCopy(verified, targetRoot: targetRoot, objectID: objectID)
        if missing.isEmpty {
            try? FileSystem.removeTree(work)
            return .alreadyCurrent
        }
        let isNew = !FileSystem.isDirectory(targetRoot)
        let stagedObject = isNew ? work + "/object" : work
        var files = 0
        var bytes: UInt64 = 0
        do {
            for version in missing {
                let copied = try copyVersion(version, from: verified, into: stagedObject)
                files += copied.files
                bytes += copied.bytes
                try steps.reached("staged \(version)")
            }
            try storage { () throws(OCFLStorageError) in
                try FileSystem.writeNewFile(stagedObject + "/inventory.json", verified.inventoryBytes, durable: true)
                try FileSystem.writeNewFile(stagedObject + "/" + verified.inventories.root.sidecarName,
                                            SidecarFile.bytes(digest: verified.inventories.root.digest ?? ""), durable: true)
                if isNew { try copyDeclaration(from: sourceRoot, to: stagedObject) }
                // Like the writer: a few files are fsynced one by one; many are cheaper with one syncfs.
                if files <= WriterOptions.automaticThreshold {
                    try Self.syncTree(work)
                } else {
                    try FileSystem.syncFileSystem(containing: work)
                }
            }
            try steps.reached("staged copy durable")
            if isNew {
                try publishNewObject(stagedObject, to: targetRoot, steps: steps)
            } else {
                try publishVersions(missing, from: work, into: targetRoot, sidecarName: verified.inventories.root.sidecarName, steps: steps)
            }
            try storage { () throws(OCFLStorageError) in try FileSystem.removeTree(work) }
        } catch {
            if case .interrupted = error { throw error }
            try? FileSystem.removeTree(work)
            throw error
        }
        return .copied(versions: missing.count, files: files, bytes: bytes)
    }

    /// The source copy, verified (every inventory against its sidecar); retried briefly in case a writer was publishing.
    private func verifiedSource(_ objectRoot: String, objectID: String) throws(ReplicationError) -> VerifiedObject {
        var detail = ""
        for attempt in 0..<3 {
            switch VerifiedObject.open(objectRoot, everyVersion: true) {
            case .success(let object):
                guard object.inventory.id == objectID else {
                    throw .sourceUnverified(objectID: objectID, detail: "inventory id is \(object.inventory.id)")
                }
                return object
            case .failure(let failure):
                detail = failure.detail
                if attempt < 2 { usleep(50_000) }
            }
        }
        throw .sourceUnverified(objectID: objectID, detail: detail)
    }

    /// Version folders the destination lacks, oldest first; empty when it is current. Throws when it has diverged.
    private func versionsToCopy(_ source: VerifiedObject, targetRoot: String, objectID: String) throws(ReplicationError) -> [String] {
        let all = source.inventories.versions
        guard FileSystem.isDirectory(targetRoot) else { return all.map(\.folder) }
        let target: VerifiedObject
        switch VerifiedObject.open(targetRoot, everyVersion: true) {
        case .success(let object): target = object
        case .failure(let failure): throw .destinationDamaged(objectID: objectID, detail: failure.detail)
        }
        let held = target.inventories.versions
        guard held.count <= all.count else {
            throw .destinationDiverged(objectID: objectID, detail: "destination head \(target.inventory.head) is ahead of source head \(source.inventory.head)")
        }
        for (mine, theirs) in zip(held, all) where mine.folder != theirs.folder || mine.digest != theirs.digest {
            throw .destinationDiverged(objectID: objectID, detail: "\(mine.folder) differs (inventory \(mine.digest ?? "?") vs \(theirs.digest ?? "?"))")
        }
        return all.dropFirst(held.count).map(\.folder)
    }

    /// Copies one version folder's content (checking each digest), inventory and sidecar into `stagedObject/<version>`.
    private func copyVersion(_ version: String, from source: VerifiedObject, into stagedObject: String) throws(ReplicationError) -> (files: Int, bytes: UInt64) {
        let folder = stagedObject + "/" + version
        let contents = source.contentPaths(ofVersion: version)
        try storage { () throws(OCFLStorageError) in
            try FileSystem.makeDirectories(folder)
            var made: Set<String> = []
            for (path, _) in contents {
                let parent = FileSystem.parent(stagedObject + "/" + path)
                if made.insert(parent).inserted { try FileSystem.makeDirectories(parent) }
            }
        }
        let base = open(stagedObject, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard base >= 0 else { throw .storage(FileSystem.ioError("open", stagedObject)) }
        defer { close(base) }
        let total = Mutex<(files: Int, bytes: UInt64)>((0, 0))
        let sourceRoot = source.objectRoot
        let algorithm = source.algorithm
        do {
            try Parallel.forEach(count: contents.count, workers: threads, bufferSize: 1 << 20) {
                (buffer: UnsafeMutableRawBufferPointer, index: Int) throws(OCFLStorageError) in
                let (path, digest) = contents[index]
                let copied = try ContentCopy.copy(from: sourceRoot + "/" + path, to: path, in: base, folderPath: stagedObject,
                                                  algorithms: [algorithm], durable: false, buffer: buffer)
                guard copied.digests[algorithm] == digest else {
                    throw OCFLStorageError("KHO-REPLICA-SOURCE-DAMAGED", path: path,
                                           vi: "\(algorithm.rawValue) \(copied.digests[algorithm] ?? "?"), cần \(digest)",
                                           en: "\(algorithm.rawValue) \(copied.digests[algorithm] ?? "?"), expected \(digest)")
                }
                total.withLock { $0 = ($0.files + 1, $0.bytes + UInt64(copied.size)) }
            }
        } catch {
            if error.rule == "KHO-REPLICA-SOURCE-DAMAGED" { throw .sourceDamaged(path: error.path ?? "", detail: error.message.en) }
            throw .storage(error)
        }
        try copyInventory(of: version, from: source, into: folder)
        return total.withLock { $0 }
    }

    /// Copies a version's inventory (checked against the digest verified earlier) and writes its sidecar.
    private func copyInventory(of version: String, from source: VerifiedObject, into folder: String) throws(ReplicationError) {
        guard let copy = source.inventories.versions.first(where: { $0.folder == version }), let digest = copy.digest else {
            throw .sourceUnverified(objectID: source.inventory.id, detail: "\(version)/inventory.json unreadable")
        }
        let bytes = try storage { () throws(OCFLStorageError) in try FileSystem.readFile(source.objectRoot + "/" + version + "/inventory.json") }
        guard VerifiedObject.digest(bytes, source.inventories.algorithm) == digest else {
            throw .sourceDamaged(path: version + "/inventory.json", detail: "changed while copied")
        }
        try storage { () throws(OCFLStorageError) in
            try FileSystem.writeNewFile(folder + "/inventory.json", bytes, durable: false)
            try FileSystem.writeNewFile(folder + "/" + copy.sidecarName, SidecarFile.bytes(digest: digest), durable: false)
        }
    }

    /// fsyncs every file, then every folder (deepest first), of a staged tree.
    private static func syncTree(_ folder: String) throws(OCFLStorageError) {
        for entry in try FileSystem.entries(folder) {
            let path = folder + "/" + entry.name
            if entry.isDirectory { try syncTree(path) } else { try FileSystem.sync(path) }
        }
        try FileSystem.sync(folder)
    }

    /// Copies the object declaration (`0=ocfl_object_1.x`), the one small file besides versions and inventories.
    private func copyDeclaration(from sourceRoot: String, to stagedObject: String) throws(OCFLStorageError) {
        for entry in try FileSystem.entries(sourceRoot) where !entry.isDirectory && entry.name.hasPrefix("0=ocfl_object_") {
            try FileSystem.writeNewFile(stagedObject + "/" + entry.name, try FileSystem.readFile(sourceRoot + "/" + entry.name), durable: false)
        }
    }

    /// One rename makes the whole new object visible, after its layout folders are durable.
    private func publishNewObject(_ staged: String, to objectRoot: String, steps: ReplicationSteps) throws(ReplicationError) {
        let parent = FileSystem.parent(objectRoot)
        try storage { () throws(OCFLStorageError) in
            try FileSystem.makeDirectories(parent)
            var folder = parent
            while folder.utf8.count >= destination.path.utf8.count {
                try FileSystem.sync(folder)
                if folder == destination.path { break }
                folder = FileSystem.parent(folder)
            }
        }
        try steps.reached("layout folders durable")
        try storage { () throws(OCFLStorageError) in try FileSystem.rename(staged, objectRoot) }
        try steps.reached("object published")
        try storage { () throws(OCFLStorageError) in try FileSystem.sync(parent) }
        try steps.reached("object parent synced")
    }

    /// Renames the new version folders in oldest first, then the root inventory, then its sidecar, fsyncing after each.
    private func publishVersions(_ versions: [String], from work: String, into objectRoot: String, sidecarName: String,
                                 steps: ReplicationSteps) throws(ReplicationError) {
        for version in versions {
            try storage { () throws(OCFLStorageError) in
                try FileSystem.rename(work + "/" + version, objectRoot + "/" + version)
                try FileSystem.sync(objectRoot)
            }
            try steps.reached("\(version) published")
        }
        try storage { () throws(OCFLStorageError) in
            try FileSystem.rename(work + "/inventory.json", objectRoot + "/inventory.json")
            try FileSystem.sync(objectRoot)
        }
        try steps.reached("root inventory replaced")
        try storage { () throws(OCFLStorageError) in
            try FileSystem.rename(work + "/" + sidecarName, objectRoot + "/" + sidecarName)
            try FileSystem.sync(objectRoot)
        }
        try steps.reached("root sidecar replaced")
    }
}

/// Runs a storage operation, wrapping its error.
func storage<T>(_ body: () throws(OCFLStorageError) -> T) throws(ReplicationError) -> T {
    do { return try body() } catch { throw .storage(error) }
}

/// Counts durable steps; with `interruptAt` set, throws `.interrupted` at that step (the files stay as a crash leaves
/// them); with `crashAt` set, blocks there for a test to kill the process.
final class ReplicationSteps {
    private let interruptAt: Int?
    private let crashAt: Int?
    private var count = 0

    init(interruptAt: Int?, crashAt: Int?) {
        self.interruptAt = interruptAt
        self.crashAt = crashAt
    }

    func reached(_ step: String) throws(ReplicationError) {
        count += 1
        if count == interruptAt { throw .interrupted(step: step) }
        if count == crashAt {
            let line = Array("KHO-TEST-CRASH-POINT \(count) replication: \(step)\n".utf8)
            _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            while true { pause() }
        }
    }
}
