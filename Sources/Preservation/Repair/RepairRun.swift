import ArchivalStorage
import DataManagement
import Foundation
import KhoCore

/// What `kho repair` did.
public struct RepairSummary: Sendable, Codable {
    /// One thing repaired or left unrecoverable.
    public struct Line: Sendable, Hashable, Codable {
        public var root: String
        public var objectID: String
        public var kind: String
        public var path: String
        /// The root the verified copy came from; nil when unrecoverable.
        public var source: String?
        /// `replaced`, `restored`, `removed`, `inventoryRestored`, `inventoryRestoredWithinObject`, `replicated`, or `unrecoverable`.
        public var action: String

        /// True when no root could supply a verified copy.
        public var isUnrecoverable: Bool { action == "unrecoverable" }
    }

    public var repaired: [Line]
    public var unrecoverable: [Line]
    /// Where bad copies and unexpected files were moved.
    public var evidenceFolder: String?
    /// The re-check of what was repaired (nil when nothing was).
    public var recheck: SweepSummary?
    public var audit: AuditHead

    /// True when nothing is left damaged.
    public var isComplete: Bool { unrecoverable.isEmpty && (recheck?.isClean ?? true) }
}

/// Repairs (sửa chữa) the damage the latest check of each (root, object) found, from another root whose copy
/// VERIFIES — never from an unverified copy (`ObjectRepairer` checks each candidate against a trusted inventory)
/// — records each action (`repair_action`) and a PREMIS `recovery` event per copy repaired, then re-checks.
/// Damage no root can supply verified is reported unrecoverable and left exactly as it is.
public struct RepairRun: Sendable {
    public let home: RepositoryHome
    public let catalogue: Catalogue
    public let roots: StorageRoots
    public let softwareVersion: String
    public let parallel: Int

    public init(home: RepositoryHome, catalogue: Catalogue, roots: StorageRoots, softwareVersion: String, parallel: Int = 2) {
        self.home = home
        self.catalogue = catalogue
        self.roots = roots
        self.softwareVersion = softwareVersion
        self.parallel = parallel
    }

    /// Repairs every damaged copy (of one object, or of all).
    public func run(objectID: String? = nil, stop: StopFlag = StopFlag()) throws(PreservationError) -> RepairSummary {
        let latest = try catalogued { () throws(CatalogueError) in try catalogue.latestChecks(objectID: objectID) }
        let damaged = latest.filter { $0.outcome == "damaged" && roots.root(named: $0.rootName) != nil }
        let intact = Set(latest.filter { $0.outcome == "intact" }.map { RootObject(rootName: $0.rootName, objectID: $0.objectID) })
        let stamp = Self.folderStamp(Date())
        let evidenceRun = home.repairEvidence + "/" + stamp
        let events = PreservationEvents(softwareVersion: softwareVersion)
        var summary = RepairSummary(repaired: [], unrecoverable: [], evidenceFolder: nil, recheck: nil,
                                    audit: AuditHead(length: 0, headDigest: "", intact: true, problem: nil))
        var repairedPairs: [RootObject] = []
        for check in damaged {
            if stop.isRaised { break }
            guard let target = roots.root(named: check.rootName) else { continue }
            // Copies the latest sweep found intact first; the repairer verifies every candidate anyway.
            let candidates = roots.roots.filter { $0.name != target.name }.sorted { a, b in
                intact.contains(RootObject(rootName: a.name, objectID: check.objectID))
                    && !intact.contains(RootObject(rootName: b.name, objectID: check.objectID))
            }
            let evidence = evidenceRun + "/" + target.name + "/" + Self.safeName(check.objectID)
            let lines = repair(check, target: target, candidates: candidates, evidence: evidence)
            let now = FixityTime.string(Date())
            let rows = lines.map {
                RepairActionRecord(repairedAt: now, rootName: $0.root, objectID: $0.objectID, path: $0.path, kind: $0.kind,
                                   sourceRootName: $0.source, outcome: $0.isUnrecoverable ? "unrecoverable" : "repaired")
            }
            let bad = lines.filter(\.isUnrecoverable)
            let good = lines.filter { !$0.isUnrecoverable }
            let event = events.event(
                .recovery, outcome: bad.isEmpty ? .success : .failure, objectID: check.objectID, rootName: target.name,
                detail: "Sửa bản \(target.name) từ bản sao đã kiểm chứng / repair of copy \(target.name) from verified copies",
                outcomeDetail: (good.map { "\($0.action) \($0.path)" + ($0.source.map { " ← \($0)" } ?? "") }
                    + bad.map { "KHÔNG SỬA ĐƯỢC / UNRECOVERABLE \($0.kind) \($0.path)" }).joined(separator: "; "))
            try catalogued { () throws(CatalogueError) in try catalogue.record(repairs: rows, event: event, objectID: check.objectID) }
            summary.repaired += good
            summary.unrecoverable += bad
            if !good.isEmpty {
                repairedPairs.append(RootObject(rootName: target.name, objectID: check.objectID))
                summary.evidenceFolder = evidenceRun
            }
        }
        if !repairedPairs.isEmpty {
            let full = damaged.contains { check in check.damage.contains { $0.kind == DamageKind.invalid.rawValue } }
            var options = SweepOptions(mode: full ? .full : .fixity, objectID: objectID, parallel: parallel, only: repairedPairs,
                                       softwareVersion: softwareVersion, killAfter: nil)
            options.purpose = .repairRecheck
            summary.recheck = try FixitySweeper(catalogue: catalogue, roots: roots, options: options).run(stop: stop)
        }
        summary.audit = try catalogued { () throws(CatalogueError) in try AuditHead.of(catalogue) }
        return summary
    }

    /// Repairs one copy: a whole missing object is replicated from a verified copy; anything else goes to
    /// `ObjectRepairer`.
    func repair(_ check: FixityCheckRecord, target: NamedRoot, candidates: [NamedRoot], evidence: String) -> [RepairSummary.Line] {
        let all = check.damage.compactMap { entry in DamageKind(rawValue: entry.kind).map { Damage(kind: $0, path: entry.path, detail: entry.detail) } }
        if all.contains(where: { $0.path.isEmpty && $0.kind == .missing }) {
            return replicateWhole(check.objectID, target: target, candidates: candidates)
        }
        // A --full sweep adds the OCFL validator's codes (`invalid`) for the same faults: files are what get
        // repaired, and the re-check (in full mode) says whether the codes are gone. Codes alone, with no
        // damaged file to replace, are nothing a verified copy can mend.
        let damage = all.filter { $0.kind != .invalid }
        if damage.isEmpty {
            return all.map {
                RepairSummary.Line(root: target.name, objectID: check.objectID, kind: $0.kind.rawValue, path: $0.path, source: nil, action: "unrecoverable")
            }
        }
        let repairer = ObjectRepairer(target: target.root, candidates: candidates.map(\.root))
        let report = repairer.repair(objectID: check.objectID, damage: damage, evidenceFolder: evidence)
        let names = Dictionary(roots.roots.map { ($0.root.path, $0.name) }, uniquingKeysWith: { a, _ in a })
        return report.repaired.map {
            RepairSummary.Line(root: target.name, objectID: check.objectID, kind: $0.damage.kind.rawValue, path: $0.damage.path,
                               source: $0.sourceRoot.isEmpty ? nil : names[$0.sourceRoot] ?? $0.sourceRoot, action: $0.action)
        } + report.unrecoverable.map {
            RepairSummary.Line(root: target.name, objectID: check.objectID, kind: $0.kind.rawValue, path: $0.path, source: nil, action: "unrecoverable")
        }
    }

    /// An object absent from a root is copied whole from the first root whose copy verifies.
    func replicateWhole(_ objectID: String, target: NamedRoot, candidates: [NamedRoot]) -> [RepairSummary.Line] {
        for candidate in candidates {
            let replicator = ObjectReplicator(source: candidate.root, destination: target.root, threads: parallel)
            if (try? replicator.replicate(objectID: objectID)) != nil {
                return [RepairSummary.Line(root: target.name, objectID: objectID, kind: DamageKind.missing.rawValue, path: "",
                                           source: candidate.name, action: "replicated")]
            }
        }
        return [RepairSummary.Line(root: target.name, objectID: objectID, kind: DamageKind.missing.rawValue, path: "", source: nil, action: "unrecoverable")]
    }

    /// `20261121T153000Z`: a timestamp safe in a folder name.
    static func folderStamp(_ date: Date) -> String {
        FixityTime.string(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// An object id as one safe path component.
    static func safeName(_ id: String) -> String {
        String(id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) ? Character($0) : "_" })
    }
}
