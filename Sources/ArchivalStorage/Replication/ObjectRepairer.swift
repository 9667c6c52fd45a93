#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// Heals one object copy from other copies (sửa chữa từ bản sao): each damaged or missing file, inventory or sidecar
/// is replaced from the first candidate whose copy verifies against a trusted inventory; unexpected files and
/// replaced bad copies are moved into an evidence folder, never deleted. What no candidate can supply verified is
/// reported unrecoverable and left exactly as it is.
public struct ObjectRepairer: Sendable {
    /// The root holding the damaged copy.
    public let target: OCFLStorageRoot
    /// Roots to copy from, in order of preference.
    public let candidates: [OCFLStorageRoot]

    /// A repairer of `target` from `candidates`.
    public init(target: OCFLStorageRoot, candidates: [OCFLStorageRoot]) {
        self.target = target
        self.candidates = candidates
    }

    /// Repairs `damage` (as an `ObjectFixityChecker` reported it for `target`) of `objectID`. Holds the object's lock.
    public func repair(objectID: String, damage: [Damage], evidenceFolder: String) -> RepairReport {
        var report = RepairReport()
        guard !damage.isEmpty else { return report }
        guard let objectRoot = try? target.objectPath(for: objectID) else {
            report.unrecoverable = damage
            return report
        }
        if damage.contains(where: { $0.path.isEmpty }) {
            return restoreWholeObject(objectID: objectID, damage: damage)
        }
        let key = ObjectLock.key(for: objectID)
        guard let lock = try? ObjectLock.acquire(staging: target.stagingPath, key: key) else {
            report.unrecoverable = damage
            return report
        }
        defer { withExtendedLifetime(lock) {} }
        let scratch = target.stagingPath + "/repair/" + key
        try? FileSystem.removeTree(scratch)
        guard (try? FileSystem.makeDirectories(scratch)) != nil else {
            report.unrecoverable = damage
            return report
        }
        defer { try? FileSystem.removeTree(scratch) }
        // Every candidate copy may supply files: each file is checked against a trusted digest before it is used.
        let sources: [(root: String, object: ObjectInventories)] = candidates.compactMap { root in
            guard let path = try? root.objectPath(for: objectID), let entries = try? FileSystem.entries(path) else { return nil }
            return (root.path, ObjectInventories(objectRoot: path, entries: entries))
        }
        var session = RepairSession(objectRoot: objectRoot, targetRoot: target.path, scratch: scratch, evidence: evidenceFolder, sources: sources)
        // Inventories first (content is judged against them), then sidecars, content, unexpected files.
        let order: [DamageKind] = [.inventoryDamaged, .sidecarDamaged, .missing, .altered, .truncated, .unexpected]
        for kind in order {
            for item in damage where item.kind == kind {
                if let action = session.repair(item) {
                    report.repaired.append(action)
                } else {
                    report.unrecoverable.append(item)
                }
            }
        }
        // Validator errors (`full` mode) have no file to copy; those the repairs above cleared are reported
        // `revalidated`, the others stay unrecoverable.
        let invalid = damage.filter { $0.kind == .invalid }
        if !invalid.isEmpty {
            let remaining = Set(ObjectFixityChecker(mode: .full).check(objectAt: objectRoot).damage.filter { $0.kind == .invalid }.map(\.detailCode))
            for item in invalid {
                if remaining.contains(item.detailCode) {
                    report.unrecoverable.append(item)
                } else {
                    report.repaired.append(RepairAction(damage: item, sourceRoot: "", action: "revalidated"))
                }
            }
        }
        return report
    }

    /// The object folder itself is missing: replicate the whole object from the first candidate that verifies.
    private func restoreWholeObject(objectID: String, damage: [Damage]) -> RepairReport {
        for candidate in candidates {
            let replicator = ObjectReplicator(source: candidate, destination: target)
            if (try? replicator.replicate(objectID: objectID)) != nil {
                return RepairReport(repaired: damage.map { RepairAction(damage: $0, sourceRoot: candidate.path, action: "restored") })
            }
        }
        return RepairReport(unrecoverable: damage)
    }
}

extension Damage {
    /// Path and validator code of an `invalid` damage, to tell whether the same error is still reported.
    fileprivate var detailCode: String {
        path + "\u{0}" + String(detail.prefix { $0 != ":" })
    }
}
