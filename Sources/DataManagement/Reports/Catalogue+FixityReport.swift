import Foundation
import GRDB

extension Catalogue {
    /// The fixity report, read from the `v2-fixity` tables (`fixity_sweep`, `fixity_check`, `repair_action`,
    /// `replica_sync`) and the audit chain, verified now. `rootNames` adds roots configured but never checked
    /// (replicas from kho.toml), so a root nobody swept shows 0 % rather than nothing.
    public func fixityReport(intervalDays: Int = 90, rootNames: [String] = [], now: Date = Date()) throws(CatalogueError) -> FixityReport {
        let audit = try AuditChain.verify(self)
        let eventsDiffering = try AuditChain.verifyEvents(self).count
        return try read("fixity report") { db in
            let cutoff = Self.utcTimestamp(now.addingTimeInterval(-Double(intervalDays) * 86_400))
            let objectIDs = try String.fetchAll(db, sql: "SELECT DISTINCT objectID FROM aip_versions ORDER BY objectID")
            let catalogued = Set(objectIDs)

            // The latest check of each (root, object): highest checked_at, ties by id.
            var latest: [String: [String: (checkedAt: String, outcome: String, damage: [ReportDamage])]] = [:]
            let checks = try Row.fetchCursor(db, sql: """
                SELECT root_name, object_id, checked_at, outcome, damage_json FROM fixity_check c
                WHERE id = (SELECT id FROM fixity_check d WHERE d.root_name = c.root_name AND d.object_id = c.object_id
                            ORDER BY checked_at DESC, id DESC LIMIT 1)
                """)
            while let check = try checks.next() {
                latest[check["root_name"], default: [:]][check["object_id"]] =
                    (check["checked_at"], check["outcome"], ReportDamage.decode(check["damage_json"]))
            }

            var names = ["primary"] + rootNames
            names += try String.fetchAll(db, sql: "SELECT DISTINCT root_name FROM fixity_check UNION SELECT DISTINCT root_name FROM replica_sync")
            var seen = Set<String>()
            names = names.filter { seen.insert($0).inserted }
            names = [names[0]] + names.dropFirst().sorted()

            var roots: [FixityReport.RootCoverage] = []
            var objects: [FixityReport.ObjectStatus] = []
            var outstanding = 0
            for name in names {
                let checked = latest[name] ?? [:]
                var coverage = FixityReport.RootCoverage(rootName: name, checkedWithinInterval: 0, checkedEver: checked.count,
                                            objectsTotal: objectIDs.count, damagedNow: 0, lastCheckedAt: checked.values.map(\.checkedAt).max())
                var known = Set<String>()
                for objectID in objectIDs + checked.keys.sorted() where known.insert(objectID).inserted {
                    guard let last = checked[objectID] else {
                        objects.append(FixityReport.ObjectStatus(rootName: name, objectID: objectID, lastCheckedAt: nil, outcome: "never", stale: true, damage: []))
                        continue
                    }
                    let fresh = last.checkedAt >= cutoff
                    if fresh, catalogued.contains(objectID) { coverage.checkedWithinInterval += 1 }
                    if last.outcome != "intact" { coverage.damagedNow += 1 }
                    outstanding += last.damage.count
                    objects.append(FixityReport.ObjectStatus(rootName: name, objectID: objectID, lastCheckedAt: last.checkedAt, outcome: last.outcome,
                                                     stale: !fresh, damage: last.damage.map { "\($0.kind) \($0.path)" }))
                }
                roots.append(coverage)
            }
            // Worst first: damaged, never checked, stale, then the rest; by root and object within each.
            func rank(_ status: FixityReport.ObjectStatus) -> Int {
                status.outcome == "damaged" ? 0 : status.outcome == "never" ? 1 : status.stale ? 2 : 3
            }
            objects.sort { (rank($0), $0.rootName, $0.objectID) < (rank($1), $1.rootName, $1.objectID) }

            // Damage over every check, each (root, object, path, kind) once.
            var distinct = Set<[String]>()
            var byKind: [String: Int] = [:]
            var damagedChecks = 0
            let damaged = try Row.fetchCursor(db, sql: "SELECT root_name, object_id, damage_json FROM fixity_check WHERE outcome <> 'intact'")
            while let check = try damaged.next() {
                damagedChecks += 1
                for item in ReportDamage.decode(check["damage_json"]) where distinct.insert([check["root_name"], check["object_id"], item.path, item.kind]).inserted {
                    byKind[item.kind, default: 0] += 1
                }
            }
            let repairs = try Row.fetchAll(db, sql: """
                SELECT repaired_at, root_name, object_id, path, kind, source_root_name, outcome FROM repair_action ORDER BY repaired_at, id
                """).map { row in
                FixityReport.Repair(repairedAt: row["repaired_at"], rootName: row["root_name"], objectID: row["object_id"], path: row["path"],
                          kind: row["kind"], sourceRootName: row["source_root_name"], outcome: row["outcome"])
            }
            let summary = FixityReport.DamageSummary(
                damagedChecks: damagedChecks, damageFound: distinct.count, byKind: byKind,
                repaired: repairs.filter { $0.outcome == "repaired" }.count,
                unrecoverable: repairs.filter { $0.outcome == "unrecoverable" }.count, outstanding: outstanding)

            let replicas = try Row.fetchAll(db, sql: """
                SELECT s.root_name, s.path, s.synced_at, s.objects_current, s.objects_copied, s.objects_failed,
                       (SELECT COUNT(*) FROM replica_sync t WHERE t.root_name = s.root_name) AS syncs
                FROM replica_sync s
                WHERE s.id = (SELECT id FROM replica_sync t WHERE t.root_name = s.root_name ORDER BY synced_at DESC, id DESC LIMIT 1)
                ORDER BY s.root_name
                """).map { row in
                FixityReport.Replica(rootName: row["root_name"], path: row["path"], syncedAt: row["synced_at"], objectsCurrent: row["objects_current"],
                              objectsCopied: row["objects_copied"], objectsFailed: row["objects_failed"], syncs: row["syncs"])
            }
            let sweepCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fixity_sweep") ?? 0
            let unfinished = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fixity_sweep WHERE status <> 'finished'") ?? 0
            let latestSweep = try Row.fetchOne(db, sql: "SELECT * FROM fixity_sweep ORDER BY id DESC LIMIT 1").map { row in
                FixityReport.Sweep(id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], mode: row["mode"],
                         scope: row["scope"], status: row["status"])
            }
            return FixityReport(
                generatedAt: Self.utcTimestamp(now), intervalDays: intervalDays, objectsTotal: objectIDs.count, roots: roots,
                objects: objects, damage: summary, repairs: repairs, replicas: replicas,
                sweeps: FixityReport.Sweeps(count: sweepCount, unfinished: unfinished, latest: latestSweep),
                audit: FixityReport.AuditHead(length: audit.length, headDigest: audit.headDigest, intact: audit.isIntact,
                                 firstBadEntry: audit.failure?.sequence, failureReason: audit.failure?.reason.rawValue,
                                              eventsDiffering: eventsDiffering))
        }
    }

    /// `2026-11-21T15:30:00Z`, the form the fixity tables store, so times compare as strings.
    static func utcTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// One item of `fixity_check.damage_json` (`{kind, path, detail}`), read tolerantly.
struct ReportDamage: Decodable {
    var kind: String
    var path: String
    var detail: String?

    static func decode(_ json: String) -> [ReportDamage] {
        (try? JSONDecoder().decode([ReportDamage].self, from: Data(json.utf8))) ?? []
    }
}
