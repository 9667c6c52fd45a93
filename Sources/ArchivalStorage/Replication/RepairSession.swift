#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// The repairs of one object copy under its lock: finds a verified replacement for each damaged path and puts it in
/// place through a temporary file (written in staging, fsynced, renamed, folder fsynced).
struct RepairSession {
    let objectRoot: String
    /// The storage root holding `objectRoot` (named as the source of a repair made from the object's own copies).
    let targetRoot: String
    let scratch: String
    let evidence: String
    /// Candidate root path and its copy of the object's inventories.
    let sources: [(root: String, object: ObjectInventories)]
    private var temporaryCount = 0
    /// The target's verified inventory, read once inventories are repaired.
    private var verifiedTarget: VerifiedObject?

    init(objectRoot: String, targetRoot: String, scratch: String, evidence: String, sources: [(root: String, object: ObjectInventories)]) {
        self.objectRoot = objectRoot
        self.targetRoot = targetRoot
        self.scratch = scratch
        self.evidence = evidence
        self.sources = sources
    }

    /// Repairs one damage; nil when no verified replacement exists (the copy is then left untouched).
    mutating func repair(_ damage: Damage) -> RepairAction? {
        switch damage.kind {
        case .inventoryDamaged, .sidecarDamaged: return restoreInventoryFile(damage)
        case .altered, .truncated, .missing: return restoreContent(damage)
        case .unexpected:
            guard FileSystem.exists(objectRoot + "/" + damage.path), moveToEvidence(damage.path) else { return nil }
            removeEmptyFolders(above: damage.path)
            return RepairAction(damage: damage, sourceRoot: "", action: "removed")
        case .invalid: return nil
        }
    }

    /// The target copy as it is now (re-read after each inventory repair).
    private var current: ObjectInventories? {
        guard let entries = try? FileSystem.entries(objectRoot) else { return nil }
        return ObjectInventories(objectRoot: objectRoot, entries: entries)
    }

    /// Puts back an inventory or sidecar from a candidate with the same head whose file matches its own records and
    /// whatever intact record the target still holds for it.
    private mutating func restoreInventoryFile(_ damage: Damage) -> RepairAction? {
        guard let target = current, let head = target.head else { return nil }
        let isSidecar = damage.kind == .sidecarDamaged || damage.path.hasSuffix(".\(target.algorithm.rawValue)")
        let folder = damage.path.contains("/") ? String(damage.path.split(separator: "/")[0]) : ""
        guard let mine = folder.isEmpty ? target.root : target.versions.first(where: { $0.folder == folder }) else { return nil }
        // What the target itself still says the inventory's digest is, when it says it intact.
        var confirmed: String?
        if isSidecar {
            confirmed = mine.digest
        } else if let recorded = mine.sidecar.digest {
            confirmed = recorded
        } else if folder.isEmpty, head.matchesSidecar {
            confirmed = head.digest
        } else if folder == head.folder, target.root.matchesSidecar {
            confirmed = target.root.digest
        }
        // The root and head inventories come only from a copy at the same head; an older version's inventory may
        // come from a copy at another head when the target's own record of its digest confirms it.
        let olderVersion = !folder.isEmpty && folder != head.folder
        for (root, object) in sources where object.head?.folder == head.folder || (olderVersion && confirmed != nil) {
            // Their copy must match its own sidecar; their root inventory must also match their head version's.
            let theirs = folder.isEmpty ? object.root : object.versions.first { $0.folder == folder }
            guard let theirs, theirs.matchesSidecar, let digest = theirs.digest else { continue }
            if folder.isEmpty, digest != object.head?.digest, digest != object.head?.sidecar.digest { continue }
            if let confirmed, confirmed != digest { continue }
            let bytes: [UInt8]
            if isSidecar {
                bytes = SidecarFile.bytes(digest: digest)
            } else {
                guard let read = try? FileSystem.readFile(object.objectRoot + "/" + damage.path),
                      VerifiedObject.digest(read, object.algorithm) == digest else { continue }
                bytes = read
            }
            guard let temporary = writeTemporary(bytes), install(temporary, at: damage.path) else { return nil }
            verifiedTarget = nil
            return RepairAction(damage: damage, sourceRoot: root, action: "inventoryRestored")
        }
        return restoreFromOwnCopy(damage, target: target, head: head, folder: folder, isSidecar: isSidecar, confirmed: confirmed)
    }

    /// Last resort when no other root supplies it: OCFL keeps the root inventory and the head version's inventory
    /// identical, so one intact copy inside the object itself restores the other — only when it matches its own
    /// sidecar and whatever intact record the target holds of the damaged one.
    private mutating func restoreFromOwnCopy(_ damage: Damage, target: ObjectInventories, head: InventoryCopy, folder: String,
                                             isSidecar: Bool, confirmed: String?) -> RepairAction? {
        let other: InventoryCopy
        if folder.isEmpty {
            other = head
        } else if folder == head.folder {
            other = target.root
        } else {
            return nil
        }
        guard other.matchesSidecar, let digest = other.digest, confirmed == nil || confirmed == digest else { return nil }
        let bytes: [UInt8]
        if isSidecar {
            bytes = SidecarFile.bytes(digest: digest)
        } else {
            guard let read = try? FileSystem.readFile(objectRoot + "/" + other.inventoryPath),
                  VerifiedObject.digest(read, target.algorithm) == digest else { return nil }
            bytes = read
        }
        guard let temporary = writeTemporary(bytes), install(temporary, at: damage.path) else { return nil }
        verifiedTarget = nil
        return RepairAction(damage: damage, sourceRoot: targetRoot, action: "inventoryRestoredWithinObject")
    }

    /// Puts back a content file from the first candidate whose copy has the digest the trusted inventory records.
    private mutating func restoreContent(_ damage: Damage) -> RepairAction? {
        if verifiedTarget == nil, case .success(let object) = VerifiedObject.open(objectRoot, everyVersion: false) {
            verifiedTarget = object
        }
        guard let digest = verifiedTarget?.contentDigests[ExactPath(damage.path)] else { return nil }
        guard let algorithm = verifiedTarget?.algorithm else { return nil }
        // Any candidate's file will do, provided its bytes have the digest the target's trusted inventory records.
        for (root, object) in sources {
            temporaryCount += 1
            let temporary = scratch + "/content-\(temporaryCount)"
            let copied: FileDigest
            do {
                copied = try FileHasher().copy(from: object.objectRoot + "/" + damage.path, to: temporary,
                                               algorithms: [algorithm], durable: true)
            } catch {
                try? FileSystem.removeTree(temporary)
                continue
            }
            guard copied.digests[algorithm] == digest else {
                try? FileSystem.removeTree(temporary)
                continue
            }
            let existed = FileSystem.exists(objectRoot + "/" + damage.path)
            guard install(temporary, at: damage.path) else { return nil }
            return RepairAction(damage: damage, sourceRoot: root, action: existed ? "replaced" : "restored")
        }
        return nil
    }

    /// Writes bytes to a new durable temporary file in staging.
    private mutating func writeTemporary(_ bytes: [UInt8]) -> String? {
        temporaryCount += 1
        let path = scratch + "/file-\(temporaryCount)"
        return (try? FileSystem.writeNewFile(path, bytes, durable: true)) != nil ? path : nil
    }

    /// Moves the bad copy (if any) to evidence, renames the verified temporary file into place, fsyncs the folder.
    private func install(_ temporary: String, at relative: String) -> Bool {
        let destination = objectRoot + "/" + relative
        if FileSystem.exists(destination), !moveToEvidence(relative) {
            try? FileSystem.removeTree(temporary)
            return false
        }
        let parent = FileSystem.parent(destination)
        do {
            try FileSystem.makeDirectories(parent)
            try FileSystem.rename(temporary, destination)
            try FileSystem.sync(parent)
            return true
        } catch {
            try? FileSystem.removeTree(temporary)
            return false
        }
    }

    /// Moves a file of the object into the evidence folder at the same relative path (numbered if taken), durably.
    private func moveToEvidence(_ relative: String) -> Bool {
        let source = objectRoot + "/" + relative
        var destination = evidence + "/" + relative
        var number = 1
        while FileSystem.exists(destination) {
            destination = evidence + "/" + relative + ".\(number)"
            number += 1
        }
        let parent = FileSystem.parent(destination)
        guard (try? FileSystem.makeDirectories(parent)) != nil else { return false }
        if Glibc.rename(source, destination) == 0 {
            try? FileSystem.sync(parent)
            try? FileSystem.sync(FileSystem.parent(source))
            return true
        }
        guard errno == EXDEV, (try? InventoryFile.copy(source, to: destination, durable: true)) != nil else { return false }
        try? FileSystem.sync(parent)
        guard unlink(source) == 0 else { return false }
        try? FileSystem.sync(FileSystem.parent(source))
        return true
    }

    /// Removes folders an unexpected file leaves empty, never a version folder or its content folder.
    private func removeEmptyFolders(above relative: String) {
        var segments = relative.split(separator: "/").dropLast().map(String.init)
        while segments.count > 2 {
            guard rmdir(objectRoot + "/" + segments.joined(separator: "/")) == 0 else { return }
            segments.removeLast()
        }
    }
}
