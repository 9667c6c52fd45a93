#if canImport(Glibc)
import Glibc
#endif
import ArchivalStorage
import DataManagement
import Foundation
import KhoCore

/// A fixity sweep (lượt kiểm tra tính toàn vẹn) over every object of every root: re-reads each copy,
/// checks it against its inventory, and records each (root, object) as a `fixity_check` row plus a PREMIS
/// `fixity check` event (and its audit entry) in ONE transaction.
///
/// Resumable: a sweep killed or stopped leaves its `fixity_sweep` row `running` or `stopped`; the next
/// sweep with the same mode and scope continues it and skips the pairs it already checked, so each pair
/// is checked exactly once per sweep.
public struct FixitySweeper: Sendable {
    public let catalogue: Catalogue
    public let roots: StorageRoots
    public let options: SweepOptions

    public init(catalogue: Catalogue, roots: StorageRoots, options: SweepOptions) {
        self.catalogue = catalogue
        self.roots = roots
        self.options = options
    }

    /// Copies recorded in one catalogue transaction at most.
    static let batchLimit = 64

    /// Where sweep locks live: beside the primary root's staging locks.
    var lockFolder: String { roots.primary.root.stagingPath + "/locks" }

    /// Every (root, object) pair in scope.
    public func pairsInScope() throws(PreservationError) -> [RootObject] {
        if let only = options.only { return only }
        let ids: [String]
        if let objectID = options.objectID {
            let known = try catalogued { () throws(CatalogueError) in try catalogue.objectIDs() }
            let onDisk = roots.roots.contains { named in
                (try? named.root.objectPath(for: objectID)).map { FileManager.default.fileExists(atPath: $0) } ?? false
            }
            guard onDisk || known.contains(objectID) else {
                throw PreservationError("KHO-FIXITY-NO-OBJECT", path: objectID, vi: "Không có đối tượng này trong kho hay mục lục",
                                        en: "No such object in any root or in the catalogue")
            }
            ids = [objectID]
        } else {
            let known = try catalogued { () throws(CatalogueError) in try catalogue.objectIDs() }
            ids = ObjectCensus.objectIDs(in: roots.roots, known: known)
        }
        return roots.roots.flatMap { named in ids.map { RootObject(rootName: named.name, objectID: $0) } }
    }

    /// Runs (or resumes) the sweep until every pair is checked, the time limit passes, or `stop` is raised.
    public func run(stop: StopFlag = StopFlag(), progress: (FixityCheckRecord) -> Void = { _ in }) throws(PreservationError) -> SweepSummary {
        let began = Date()
        let mode = options.mode.rawValue
        let scope = options.scope
        let pairs = try pairsInScope()
        var sweep: FixitySweepRecord
        var resumed = false
        var done = Set<RootObject>()
        var lock: SweepLock?
        if options.only == nil, let unfinished = try catalogued({ () throws(CatalogueError) in try catalogue.unfinishedSweep(mode: mode, scope: scope) }),
           let id = unfinished.id, let held = SweepLock.acquire(folder: lockFolder, sweepID: id) {
            // Its process is gone (killed or stopped): continue it.
            lock = held
            sweep = unfinished
            resumed = true
            try catalogued { () throws(CatalogueError) in try catalogue.resumeSweep(id: id) }
            done = try catalogued { () throws(CatalogueError) in try catalogue.checkedPairs(sweepID: id) }
        } else {
            sweep = try catalogued { () throws(CatalogueError) in try catalogue.startSweep(mode: mode, scope: scope, at: FixityTime.string(began)) }
            lock = sweep.id.flatMap { SweepLock.acquire(folder: lockFolder, sweepID: $0) }
        }
        guard let sweepID = sweep.id, lock != nil else {
            throw PreservationError("KHO-FIXITY-SWEEP", path: lockFolder, vi: "Không tạo hoặc khóa được lượt kiểm tra",
                                    en: "Cannot create or lock the sweep")
        }
        defer { withExtendedLifetime(lock) {} }
        let lastChecked = options.staleFirst ? try catalogued { () throws(CatalogueError) in try catalogue.lastCheckTimes() } : [:]
        let todo = SweepPlan.order(pairs, done: done, lastChecked: lastChecked, staleFirst: options.staleFirst,
                                   rootOrder: roots.roots.map(\.name))
        let limiter = options.maxRateMB.map { ByteRateLimiter(megabytesPerSecond: $0) }
        let checker = ObjectFixityChecker(mode: options.mode, threads: max(1, options.parallel), rateLimiter: limiter)
        let events = PreservationEvents(softwareVersion: options.softwareVersion)
        var checkedNow = 0, files = 0
        var bytes: UInt64 = 0
        var stopped = false
        var index = 0
        var batch: [(check: FixityCheckRecord, event: EventEntry)] = []
        var batchStarted = Date()
        // Records the batch in one transaction and reports it; SIGKILLs itself at the test hook's point.
        func flush() throws(PreservationError) {
            guard !batch.isEmpty else { return }
            try catalogued { () throws(CatalogueError) in try catalogue.record(checks: batch) }
            checkedNow += batch.count
            for entry in batch { progress(entry.check) }
            batch.removeAll(keepingCapacity: true)
            if let killAfter = options.killAfter, checkedNow == killAfter {
                FileHandle.standardError.write(Data("KHO-TEST-CRASH-POINT sweep \(killAfter) after-check\n".utf8))
                kill(getpid(), SIGKILL)
            }
        }
        while index < todo.count {
            if stop.isRaised || options.maxDuration.map({ Date().timeIntervalSince(began) >= $0 }) == true {
                stopped = true
                break
            }
            // Checked copies are recorded together (one commit for many small dossiers) once the batch is a tenth of a
            // second old or 64 copies long, never past the test hook's kill point: a killed sweep has recorded
            // exactly that many, and one killed otherwise checks at most that batch again when it resumes.
            let room = options.killAfter.map { max(1, min(Self.batchLimit, $0 - checkedNow)) } ?? Self.batchLimit
            if !batch.isEmpty, batch.count >= room || Date().timeIntervalSince(batchStarted) >= 0.1 {
                try flush()
                continue
            }
            let pair = todo[index]
            index += 1
            guard let named = roots.root(named: pair.rootName) else { continue }
            // Read per copy (a primary-key range), not cached: memory stays flat however large the archive; and only
            // when some file differs from its digest (an intact copy reads no catalogue rows).
            let report = check(pair.objectID, in: named, checker: checker) { (try? catalogue.expectedSizes(objectID: pair.objectID)) ?? [:] }
            let checkedAt = Date()
            if batch.isEmpty { batchStarted = checkedAt }
            let record = FixityCheckRecord(
                sweepID: sweepID, rootName: pair.rootName, objectID: pair.objectID, checkedAt: FixityTime.string(checkedAt),
                damage: report.damage.map { DamageEntry(kind: $0.kind.rawValue, path: $0.path, detail: $0.detail) },
                filesChecked: Int64(report.filesChecked), bytesChecked: Int64(report.bytesChecked))
            let event = events.event(
                .fixityCheck, outcome: report.isIntact ? .success : .failure, objectID: pair.objectID, rootName: pair.rootName,
                detail: "Kiểm tra toàn vẹn (\(mode)) bản \(pair.rootName): \(report.filesChecked) tệp, \(report.bytesChecked) byte / "
                    + "fixity check (\(mode)) of copy \(pair.rootName): \(report.filesChecked) files, \(report.bytesChecked) bytes",
                outcomeDetail: report.isIntact ? "nguyên vẹn / intact"
                    : report.damage.map { "\($0.kind.rawValue) \($0.path)" }.joined(separator: "; "))
            batch.append((record, event))
            files += report.filesChecked
            bytes += report.bytesChecked
        }
        try flush()
        let ended = Date()
        let status: FixitySweepRecord.Status = stopped ? .stopped : .finished
        try catalogued { () throws(CatalogueError) in try catalogue.endSweep(id: sweepID, status: status, at: FixityTime.string(ended)) }
        let all = try catalogued { () throws(CatalogueError) in try catalogue.checks(sweepID: sweepID) }
        let damage = all.flatMap { check in
            check.damage.map { DamageFinding(root: check.rootName, objectID: check.objectID, kind: $0.kind, path: $0.path, detail: $0.detail) }
        }
        let audit = try catalogued { () throws(CatalogueError) in try AuditHead.of(catalogue) }
        return SweepSummary(
            sweepID: sweepID, resumed: resumed, status: status.rawValue, mode: mode, scope: scope,
            startedAt: sweep.startedAt, finishedAt: FixityTime.string(ended), pairsInScope: pairs.count,
            checkedThisRun: checkedNow, checkedEarlier: done.count,
            remaining: max(0, todo.count - checkedNow), filesChecked: files, bytesChecked: bytes,
            seconds: ended.timeIntervalSince(began), damage: damage,
            damagedObjects: all.filter { $0.outcome == "damaged" }.count,
            unreachableRoots: roots.unreachable.map { "\($0.name): \($0.path) — \($0.error)" }, audit: audit)
    }

    /// Checks one copy; an object absent from a root is damage of the object folder itself.
    func check(_ objectID: String, in named: NamedRoot, checker: ObjectFixityChecker, expectedSizes: () -> [String: UInt64]) -> ObjectFixityReport {
        guard let folder = try? named.root.objectPath(for: objectID), FileManager.default.fileExists(atPath: folder) else {
            let folder = (try? named.root.objectPath(for: objectID)) ?? named.root.path
            return ObjectFixityReport(objectID: objectID, objectPath: folder, mode: options.mode, damage: [
                Damage(kind: .missing, path: "", detail: "đối tượng không có trong bản này / object absent from this root")
            ])
        }
        var report = checker.check(objectAt: folder, expectedSizes: expectedSizes)
        report.objectID = report.objectID ?? objectID
        return report
    }
}

/// Maps a catalogue failure to a preservation error.
func catalogued<T>(_ body: () throws(CatalogueError) -> T) throws(PreservationError) -> T {
    do {
        return try body()
    } catch {
        throw PreservationError("KHO-PRESERVATION-CATALOGUE", path: error.path, vi: "Lỗi mục lục", en: "Catalogue failure", error: error)
    }
}
