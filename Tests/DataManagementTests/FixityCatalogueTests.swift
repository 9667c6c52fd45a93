import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// The v2-fixity tables through the catalogue API: sweeps, checks with their events, repairs, replica syncs.
@Suite struct FixityCatalogueTests {
    static func event(_ object: String, outcome: EventOutcome = .success) -> EventEntry {
        EventEntry(identifier: "urn:uuid:" + UUID().uuidString.lowercased(), type: .fixityCheck, dateTime: "2026-11-21T15:30:00Z",
                   outcome: outcome, linkingObjects: [object, "root:primary"],
                   agent: AgentEntry(identifier: "kho/0.1.0", name: "Kho", kind: .software, version: "0.1.0"))
    }

    @Test func tablesHaveTheContractColumns() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.path + "/kho.sqlite")
        // Written with raw SQL as the reports read them: the column names are the contract.
        try catalogue.unsafeExecute(sql: "INSERT INTO fixity_sweep (started_at, finished_at, mode, scope, status) VALUES ('2026-11-21T15:30:00Z', NULL, 'fixity', '*', 'running')")
        try catalogue.unsafeExecute(sql: """
            INSERT INTO fixity_check (sweep_id, root_name, object_id, checked_at, outcome, files_checked, bytes_checked, damage_json)
            VALUES (1, 'primary', 'o1', '2026-11-21T15:30:01Z', 'intact', 3, 42, '[]')
            """)
        try catalogue.unsafeExecute(sql: """
            INSERT INTO repair_action (repaired_at, root_name, object_id, path, kind, source_root_name, outcome)
            VALUES ('2026-11-21T15:31:00Z', 'primary', 'o1', 'v1/content/a', 'altered', NULL, 'unrecoverable')
            """)
        try catalogue.unsafeExecute(sql: """
            INSERT INTO replica_sync (root_name, path, synced_at, objects_current, objects_copied, objects_failed)
            VALUES ('r1', '/mnt/r1', '2026-11-21T15:32:00Z', 1, 2, 0)
            """)
        #expect(try catalogue.sweeps().first?.status == .running)
        #expect(try catalogue.checks(sweepID: 1).first?.bytesChecked == 42)
        #expect(try catalogue.repairActions().first?.sourceRootName == nil)
        #expect(try catalogue.replicaSyncs().first?.objectsCopied == 2)
        // One check per (sweep, root, object).
        #expect(throws: CatalogueError.self) {
            try catalogue.unsafeExecute(sql: """
                INSERT INTO fixity_check (sweep_id, root_name, object_id, checked_at, outcome, files_checked, bytes_checked, damage_json)
                VALUES (1, 'primary', 'o1', '2026-11-21T15:30:02Z', 'intact', 3, 42, '[]')
                """)
        }
    }

    @Test func aCheckAndItsEventAreOneTransactionInTheAuditChain() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.path + "/kho.sqlite")
        let sweep = try catalogue.startSweep(mode: "fixity", scope: "*", at: "2026-11-21T15:30:00Z")
        let id = try #require(sweep.id)
        let damage = [DamageEntry(kind: "altered", path: "v1/content/a.pdf", detail: "sha256 differs")]
        let check = FixityCheckRecord(sweepID: id, rootName: "primary", objectID: "o1", checkedAt: "2026-11-21T15:30:01Z",
                                      damage: damage, filesChecked: 2, bytesChecked: 10)
        try catalogue.record(check: check, event: Self.event("o1", outcome: .failure))
        #expect(try catalogue.checks(sweepID: id).map(\.damage) == [damage])
        #expect(try catalogue.checks(sweepID: id).first?.outcome == "damaged")
        #expect(try catalogue.eventCount(type: .fixityCheck, aipObjectID: "o1") == 1)
        #expect(try AuditChain.verify(catalogue).length == 1)

        // The same pair again in the same sweep is refused, and neither row nor event is left behind.
        let again = FixityCheckRecord(sweepID: id, rootName: "primary", objectID: "o1", checkedAt: "2026-11-21T15:30:02Z",
                                      damage: [], filesChecked: 2, bytesChecked: 10)
        #expect(throws: CatalogueError.self) { try catalogue.record(check: again, event: Self.event("o1")) }
        #expect(try catalogue.eventCount(type: .fixityCheck, aipObjectID: "o1") == 1)
        #expect(try AuditChain.verify(catalogue).length == 1)
        #expect(try catalogue.checkedPairs(sweepID: id) == [RootObject(rootName: "primary", objectID: "o1")])
    }

    @Test func unfinishedSweepsAreFoundByModeAndScope() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.path + "/kho.sqlite")
        let a = try catalogue.startSweep(mode: "fixity", scope: "*", at: "2026-11-21T10:00:00Z")
        let b = try catalogue.startSweep(mode: "full", scope: "*", at: "2026-11-21T10:00:01Z")
        #expect(try catalogue.unfinishedSweep(mode: "fixity", scope: "*")?.id == a.id)
        #expect(try catalogue.unfinishedSweep(mode: "full", scope: "*")?.id == b.id)
        #expect(try catalogue.unfinishedSweep(mode: "fixity", scope: "o1") == nil)
        try catalogue.endSweep(id: try #require(a.id), status: .stopped, at: "2026-11-21T10:05:00Z")
        #expect(try catalogue.unfinishedSweep(mode: "fixity", scope: "*")?.status == .stopped)
        try catalogue.endSweep(id: try #require(a.id), status: .finished, at: "2026-11-21T10:06:00Z")
        #expect(try catalogue.unfinishedSweep(mode: "fixity", scope: "*") == nil)
        #expect(try catalogue.sweep(id: try #require(a.id))?.finishedAt == "2026-11-21T10:06:00Z")
    }

    @Test func lastAndLatestChecksPerPair() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.path + "/kho.sqlite")
        let first = try #require(try catalogue.startSweep(mode: "fixity", scope: "*", at: "2026-01-01T00:00:00Z").id)
        let second = try #require(try catalogue.startSweep(mode: "fixity", scope: "*", at: "2026-02-01T00:00:00Z").id)
        let bad = [DamageEntry(kind: "missing", path: "v1/content/x", detail: "")]
        try catalogue.record(check: FixityCheckRecord(sweepID: first, rootName: "primary", objectID: "o1", checkedAt: "2026-01-01T00:00:01Z",
                                                      damage: bad, filesChecked: 1, bytesChecked: 1), event: Self.event("o1"))
        try catalogue.record(check: FixityCheckRecord(sweepID: first, rootName: "r1", objectID: "o1", checkedAt: "2026-01-01T00:00:02Z",
                                                      damage: [], filesChecked: 1, bytesChecked: 1), event: Self.event("o1"))
        try catalogue.record(check: FixityCheckRecord(sweepID: second, rootName: "primary", objectID: "o1", checkedAt: "2026-02-01T00:00:01Z",
                                                      damage: [], filesChecked: 1, bytesChecked: 1), event: Self.event("o1"))
        let last = try catalogue.lastCheckTimes()
        #expect(last[RootObject(rootName: "primary", objectID: "o1")] == "2026-02-01T00:00:01Z")
        #expect(last[RootObject(rootName: "r1", objectID: "o1")] == "2026-01-01T00:00:02Z")
        let latest = try catalogue.latestChecks(objectID: "o1")
        #expect(latest.map(\.rootName) == ["primary", "r1"])
        #expect(latest.allSatisfy { $0.outcome == "intact" })
        #expect(try catalogue.latestChecks(objectID: "nope").isEmpty)
    }

    @Test func repairsAndSyncsAreRecorded() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.path + "/kho.sqlite")
        let rows = [
            RepairActionRecord(repairedAt: "2026-11-21T15:31:00Z", rootName: "primary", objectID: "o1", path: "v1/content/a",
                               kind: "altered", sourceRootName: "r1", outcome: "repaired"),
            RepairActionRecord(repairedAt: "2026-11-21T15:31:00Z", rootName: "primary", objectID: "o1", path: "v1/content/b",
                               kind: "missing", sourceRootName: nil, outcome: "unrecoverable"),
        ]
        var event = Self.event("o1", outcome: .failure)
        event.type = .recovery
        try catalogue.record(repairs: rows, event: event, objectID: "o1")
        #expect(try catalogue.repairActions(objectID: "o1").map(\.outcome) == ["repaired", "unrecoverable"])
        #expect(try catalogue.eventCount(type: .recovery, aipObjectID: "o1") == 1)
        let sync = try catalogue.record(replicaSync: ReplicaSyncRecord(rootName: "r1", path: "/mnt/r1", syncedAt: "2026-11-21T15:32:00Z",
                                                                       objectsCurrent: 3, objectsCopied: 1, objectsFailed: 0))
        #expect(sync.id != nil)
        #expect(try catalogue.replicaSyncs().map(\.rootName) == ["r1"])
        #expect(try AuditChain.verify(catalogue).isIntact)
    }

    @Test func timesAreUTCWithSeconds() {
        let date = Date(timeIntervalSince1970: 1_795_282_200)
        let text = FixityTime.string(date)
        #expect(text.hasSuffix("Z") && text.count == 20)
        #expect(FixityTime.date(text) == date)
    }
}
