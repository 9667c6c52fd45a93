import KhoCore

/// Writes OCFL objects into a storage root (ghi đối tượng lưu trữ): new objects and new versions, atomically.
///
/// Content-addressed: bytes whose sha512 the object already holds are never stored again. Every new file is
/// copied and hashed (sha512 for the manifest, sha256 for fixity) in one read.
public struct OCFLObjectWriter: Sendable {
    /// The root objects are written into.
    public let root: OCFLStorageRoot
    /// Durability, parallelism, buffers and the crash-test hook.
    public let options: WriterOptions

    /// A writer for `root`.
    public init(root: OCFLStorageRoot, options: WriterOptions = WriterOptions()) {
        self.root = root
        self.options = options
    }

    /// What a commit did.
    public struct CommitResult: Sendable {
        /// The new head version, e.g. `v2`.
        public var version: String
        /// Files whose bytes were stored in this version.
        public var storedFiles: Int
        /// Bytes stored in this version.
        public var storedBytes: Int64
        /// New files whose bytes the object already had (not stored again).
        public var deduplicatedFiles: Int
        /// Logical paths in the new version.
        public var logicalFiles: Int
    }

    /// Changes starting from the object's head state (empty for an object that does not exist yet).
    public func changes(forObject id: String) throws(OCFLStorageError) -> VersionChanges {
        let folder = try root.objectPath(for: id)
        guard FileSystem.isDirectory(folder) else { return VersionChanges() }
        return VersionChanges(startingFrom: try OCFLObjectReader(objectRoot: folder).state())
    }

    /// Creates the object (v1) or adds the next version so that its state is `changes`. Holds the object's lock
    /// throughout; a crash at any point leaves the old head or the new head once the root is reopened.
    @discardableResult
    public func commit(objectID id: String, changes: VersionChanges, metadata: VersionMetadata) throws(OCFLStorageError) -> CommitResult {
        try changes.checkPaths()
        return try locked(id) { (context: CommitContext) throws(OCFLStorageError) in
            try commitLocked(context, changes: changes, metadata: metadata)
        }
    }

    /// What a commit knows once it holds the object's lock.
    struct CommitContext {
        let id: String
        let objectRoot: String
        let work: String
        let steps: DurableSteps
        /// The object's inventory, nil for a new object; only its head version block is decoded.
        let previous: Inventory?
        /// The other version blocks of `previous`, left in its file until they are copied into the new inventory.
        let priorBlocks: PriorVersionBlocks?
    }

    /// Takes the object's lock, recovers an interrupted commit, records the intent, checks the root inventory
    /// against its sidecar and reads it, then runs `body`.
    func locked<T>(_ id: String, _ body: (CommitContext) throws(OCFLStorageError) -> T) throws(OCFLStorageError) -> T {
        let objectRoot = try root.objectPath(for: id)
        let relativeObject = try root.layout.objectPath(for: id).string
        let key = ObjectLock.key(for: id)
        let staging = root.stagingPath
        guard let lock = try ObjectLock.acquire(staging: staging, key: key) else {
            throw OCFLStorageError("KHO-OCFL-LOCKED", path: id, vi: "Đối tượng đang được ghi", en: "Object is being written")
        }
        defer { withExtendedLifetime(lock) {} }
        let work = staging + "/work/" + key
        try root.recoverObject(objectRoot: objectRoot, scratch: work)
        try FileSystem.removeTree(work)
        // Checked after recovery (which may roll a crashed commit's root inventory forward) and before the intent
        // is recorded, so a refusal leaves nothing behind, not even in staging.
        if FileSystem.exists(objectRoot + "/inventory.json") {
            try RootInventoryCheck.verify(objectID: id, objectRoot: objectRoot)
        }
        try FileSystem.makeDirectories(work)
        let steps = DurableSteps(crashAt: options.crashAtStep)
        try FileSystem.writeNewFile(work + "/object-path", Array(relativeObject.utf8), durable: true)
        try FileSystem.sync(work)
        steps.reached("intent recorded")
        var previous: Inventory?
        var priorBlocks: PriorVersionBlocks?
        if FileSystem.isDirectory(objectRoot) {
            let file = objectRoot + "/inventory.json"
            guard FileSystem.exists(file) else {
                throw OCFLStorageError("E063", path: file, vi: "Đối tượng không có bản kê", en: "Object has no inventory")
            }
            let decoded = try Inventory.decodeForCommit(file: file)
            previous = decoded.0
            priorBlocks = decoded.1
        }
        if let previous, !UnicodeNames.sameBytes(previous.id, id) {
            throw OCFLStorageError("E083", path: objectRoot,
                                   vi: "Thư mục đối tượng chứa định danh khác: \(previous.id)",
                                   en: "Object folder holds a different identifier: \(previous.id)")
        }
        do {
            return try body(CommitContext(id: id, objectRoot: objectRoot, work: work, steps: steps, previous: previous,
                                           priorBlocks: priorBlocks))
        } catch {
            try? FileSystem.removeTree(work)
            throw error
        }
    }

    /// Stages, makes durable and publishes the new version (the lock is held).
    func commitLocked(_ context: CommitContext, changes: VersionChanges, metadata: VersionMetadata) throws(OCFLStorageError) -> CommitResult {
        let (id, objectRoot, work, steps, previous) = (context.id, context.objectRoot, context.work, context.steps, context.previous)
        var plan = try VersionPlan(previous: previous, id: id)
        let isNewObject = previous == nil
        let versionFolder = isNewObject ? work + "/object/" + plan.version : work + "/" + plan.version
        try FileSystem.makeDirectories(versionFolder)

        let newFiles = changes.entries.values.filter { if case .new = $0 { true } else { false } }.count
        let durability = options.resolvedDurability(newFiles: newFiles)
        let staged = try stageNewContent(changes, plan: &plan, versionFolder: versionFolder, work: work,
                                         durability: durability, steps: steps)
        let inventory = plan.inventory(state: staged.state, staged: staged, metadata: metadata)
        let durable = durability == .fsyncEachFile
        let inventoryDigest = try InventoryFile.write(inventory, priorBlocks: context.priorBlocks, to: versionFolder + "/inventory.json",
                                                      algorithm: plan.algorithm, durable: durable)
        steps.reached("version inventory written")
        let sidecar = Array("\(inventoryDigest) inventory.json\n".utf8)
        let sidecarName = "inventory.json." + plan.algorithm.rawValue
        try FileSystem.writeNewFile(versionFolder + "/" + sidecarName, sidecar, durable: durable)
        steps.reached("version sidecar written")
        let rootCopies = isNewObject ? work + "/object" : work
        try InventoryFile.copy(versionFolder + "/inventory.json", to: rootCopies + "/inventory.json", durable: durable)
        steps.reached("root inventory staged")
        try FileSystem.writeNewFile(rootCopies + "/" + sidecarName, sidecar, durable: durable)
        steps.reached("root sidecar staged")
        if isNewObject {
            let declaration = "ocfl_object_" + (root.ocflVersion == "1.0" ? "1.0" : "1.1")
            try FileSystem.writeNewFile(work + "/object/0=" + declaration, Array((declaration + "\n").utf8), durable: durable)
            steps.reached("object declaration written")
        }
        try makeDurable(versionFolder, staged.folders, work: work, durability: durability)
        steps.reached("staged version durable")

        if isNewObject {
            try publishNewObject(work + "/object", to: objectRoot, steps: steps)
        } else {
            try publishVersion(versionFolder, named: plan.version, into: objectRoot, rootCopies: rootCopies,
                               sidecarName: sidecarName, steps: steps)
        }
        try FileSystem.removeTree(work)
        steps.reached("staging removed")
        return CommitResult(version: plan.version, storedFiles: staged.contentPaths.count, storedBytes: staged.bytes,
                            deduplicatedFiles: staged.deduplicated, logicalFiles: changes.entries.count)
    }

    /// fsyncs every staged file and folder, or flushes the filesystem once (see `WriterOptions.Durability`).
    private func makeDurable(_ versionFolder: String, _ folders: [String], work: String,
                             durability: WriterOptions.Durability) throws(OCFLStorageError) {
        switch durability {
        case .syncFileSystem, .automatic:
            try FileSystem.syncFileSystem(containing: work)
        case .fsyncEachFile:
            for folder in folders.reversed() { try FileSystem.sync(folder) }
            try FileSystem.sync(versionFolder)
            try FileSystem.sync(FileSystem.parent(versionFolder))
            try FileSystem.sync(work)
        }
    }
}
