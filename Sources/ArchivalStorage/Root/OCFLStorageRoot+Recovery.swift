import KhoCore

/// Crash recovery (khôi phục sau sự cố). Policy: **roll forward**. A version folder is only ever published
/// complete (content, inventory and sidecar staged and made durable first), so if the newest version folder
/// is ahead of the root inventory, its inventory and sidecar are copied to the object root. Unpublished
/// staging is simply removed, which leaves the old head.
///
/// Recovery repairs nothing else: a root inventory that is damaged, missing, or names a head newer than every
/// complete version folder is not what an interrupted commit leaves behind. It is left exactly as it is, so that
/// the fixity sweep reports it and `kho repair` restores it with a record (the writer then refuses to commit on
/// top of it); copying a version inventory over it here would hide the damage, or roll the object back.
extension OCFLStorageRoot {
    /// Finishes or discards every commit whose writer died: work folders whose lock nobody holds.
    public func recoverInterruptedCommits() throws(OCFLStorageError) {
        let work = stagingPath + "/work"
        guard FileSystem.isDirectory(work) else { return }
        for entry in try FileSystem.entries(work) where entry.isDirectory {
            guard let lock = try ObjectLock.acquire(staging: stagingPath, key: entry.name, wait: false) else { continue }
            try recoverObject(workFolder: work + "/" + entry.name)
            try FileSystem.removeTree(work + "/" + entry.name)
            try FileSystem.sync(work)
            withExtendedLifetime(lock) {}
        }
    }

    /// Recovers the object recorded in a work folder's `object-path` file, if any.
    func recoverObject(workFolder: String) throws(OCFLStorageError) {
        let record = workFolder + "/object-path"
        guard FileSystem.exists(record) else { return }
        let relative = String(decoding: try FileSystem.readFile(record), as: UTF8.self)
        guard (try? RelativePath(relative)) != nil else { return }
        try publishRemainingReplicatedVersions(objectRoot: path + "/" + relative, work: workFolder)
        try recoverObject(objectRoot: path + "/" + relative, scratch: workFolder)
    }

    /// Brings an object's root inventory and sidecar up to its newest complete version folder; for an object that
    /// was never published, removes the empty folders its commit created.
    func recoverObject(objectRoot: String, scratch: String) throws(OCFLStorageError) {
        guard FileSystem.isDirectory(objectRoot) else {
            try removeEmptyAncestors(of: objectRoot)
            return
        }
        var newest: (number: Int, name: String)?
        for entry in try FileSystem.entries(objectRoot) where entry.isDirectory {
            guard let number = Inventory.versionNumber(entry.name),
                  FileSystem.exists(objectRoot + "/" + entry.name + "/inventory.json") else { continue }
            if number > newest?.number ?? 0 { newest = (number, entry.name) }
        }
        guard let newest else { return }
        let versionFolder = objectRoot + "/" + newest.name
        let versionSidecarName = try FileSystem.entries(versionFolder).map(\.name).first { $0.hasPrefix("inventory.json.") }
        guard let sidecarName = versionSidecarName else { return }
        let versionSidecar = try FileSystem.readFile(versionFolder + "/" + sidecarName)
        let rootSidecar = (try? FileSystem.readFile(objectRoot + "/" + sidecarName)) ?? []
        // Compared a piece at a time: an inventory of many versions need not be read whole on every commit.
        if rootSidecar == versionSidecar,
           FileSystem.sameContents(objectRoot + "/inventory.json", versionFolder + "/inventory.json") { return }
        let versionInventory = try FileSystem.readFile(versionFolder + "/inventory.json")
        // Only roll forward onto a version inventory that is whole: it matches its own sidecar (a damaged one must
        // not overwrite a good root inventory; repair restores it), parses and names itself head.
        guard let algorithm = DigestAlgorithm(rawValue: String(sidecarName.dropFirst("inventory.json.".count))),
              case .digest(let recorded) = SidecarFile.parse(versionSidecar, algorithm: algorithm),
              VerifiedObject.digest(versionInventory, algorithm) == recorded else { return }
        guard let inventory = try? Inventory.decode(versionInventory, path: versionFolder),
              inventory.head == newest.name else { return }
        guard Self.isInterruptedCommit(objectRoot: objectRoot, sidecarName: sidecarName, algorithm: algorithm,
                                       newest: newest.number, newestInventory: versionInventory) else { return }
        try FileSystem.makeDirectories(scratch)
        let temporaryInventory = scratch + "/recover-inventory.json"
        let temporarySidecar = scratch + "/recover-sidecar"
        try FileSystem.removeTree(temporaryInventory)
        try FileSystem.removeTree(temporarySidecar)
        try FileSystem.writeNewFile(temporaryInventory, versionInventory, durable: true)
        try FileSystem.writeNewFile(temporarySidecar, versionSidecar, durable: true)
        try FileSystem.rename(temporaryInventory, objectRoot + "/inventory.json")
        try FileSystem.sync(objectRoot)
        try FileSystem.rename(temporarySidecar, objectRoot + "/" + sidecarName)
        try FileSystem.sync(objectRoot)
    }

    /// Whether the object root is in a state an interrupted commit leaves: the root inventory is already the newest
    /// version's (only its sidecar was not renamed yet), or it is intact — it matches its own sidecar — and names
    /// an older head than the newest complete version folder.
    static func isInterruptedCommit(objectRoot: String, sidecarName: String, algorithm: DigestAlgorithm,
                                    newest: Int, newestInventory: [UInt8]) -> Bool {
        let rootFile = objectRoot + "/inventory.json"
        guard let rootBytes = try? FileSystem.readFile(rootFile) else { return false }
        if rootBytes == newestInventory { return true }
        guard case .digest(let recorded) = SidecarFile.read(objectRoot + "/" + sidecarName, algorithm: algorithm),
              VerifiedObject.digest(rootBytes, algorithm) == recorded,
              let head = try? Inventory.head(inventoryAt: rootFile),
              let number = Inventory.versionNumber(head) else { return false }
        return number < newest
    }

    /// Removes empty folders between a never-published object root and the storage root.
    func removeEmptyAncestors(of objectRoot: String) throws(OCFLStorageError) {
        var folder = FileSystem.parent(objectRoot)
        while folder.utf8.count > path.utf8.count, folder.hasPrefix(path + "/") {
            guard FileSystem.isDirectory(folder), try FileSystem.entries(folder).isEmpty else { return }
            try FileSystem.removeTree(folder)
            try FileSystem.sync(FileSystem.parent(folder))
            folder = FileSystem.parent(folder)
        }
    }
}
