import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// The fixity report over rows written through the catalogue's fixity API (the same calls sweeps, repairs
/// and replica syncs make), with times chosen so coverage, staleness and damage counts are known exactly.
@Suite struct ReportFixityTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static func utc(daysAgo: Double) -> String { FixityTime.string(now.addingTimeInterval(-daysAgo * 86_400)) }

    func event(_ id: String, _ outcome: EventOutcome) -> EventEntry {
        EventEntry(identifier: id, type: .fixityCheck, dateTime: Self.utc(daysAgo: 0), outcome: outcome, detail: "test")
    }

    @Test func coverageDamageRepairsReplicasAndAuditHead() throws {
        let directory = try TemporaryDirectory("kho-report-fixity")
        let catalogue = try Catalogue(path: directory.path + "/kho.sqlite")
        try catalogue.record(transfer: SampleAIPs.transfer)
        let first = "urn:uuid:00000000-0000-4000-8000-000000000001", second = "urn:uuid:00000000-0000-4000-8000-000000000002"
        _ = try catalogue.record(aip: SampleAIPs.aip(objectID: first, fileCode: "H49.1"))
        _ = try catalogue.record(aip: SampleAIPs.aip(objectID: second, fileCode: "H49.2"))

        // An old sweep: the second object checked on primary 200 days ago, intact.
        let old = try catalogue.startSweep(mode: "fixity", scope: "*", at: Self.utc(daysAgo: 200))
        try catalogue.record(check: FixityCheckRecord(sweepID: try #require(old.id), rootName: "primary", objectID: second,
                                                      checkedAt: Self.utc(daysAgo: 200), damage: [], filesChecked: 4, bytesChecked: 100),
                             event: event("fx-old", .success))
        try catalogue.endSweep(id: try #require(old.id), status: .finished, at: Self.utc(daysAgo: 200))
        // A sweep two days ago finds two damaged files of the first object on copy-1; primary is intact.
        let sweep = try #require(try catalogue.startSweep(mode: "fixity", scope: "*", at: Self.utc(daysAgo: 2)).id)
        let damage = [DamageEntry(kind: "altered", path: "v1/content/a.pdf", detail: "sha256 differs"),
                      DamageEntry(kind: "missing", path: "v1/content/b.pdf", detail: "")]
        try catalogue.record(check: FixityCheckRecord(sweepID: sweep, rootName: "primary", objectID: first, checkedAt: Self.utc(daysAgo: 2),
                                                      damage: [], filesChecked: 4, bytesChecked: 100), event: event("fx-1", .success))
        try catalogue.record(check: FixityCheckRecord(sweepID: sweep, rootName: "copy-1", objectID: first, checkedAt: Self.utc(daysAgo: 2),
                                                      damage: damage, filesChecked: 4, bytesChecked: 90), event: event("fx-2", .failure))
        try catalogue.endSweep(id: sweep, status: .finished, at: Self.utc(daysAgo: 2))
        // Repair heals one; the other no copy could supply.
        try catalogue.record(repairs: [
            RepairActionRecord(repairedAt: Self.utc(daysAgo: 1), rootName: "copy-1", objectID: first, path: "v1/content/a.pdf",
                               kind: "altered", sourceRootName: "primary", outcome: "repaired"),
            RepairActionRecord(repairedAt: Self.utc(daysAgo: 1), rootName: "copy-1", objectID: first, path: "v1/content/b.pdf",
                               kind: "missing", sourceRootName: nil, outcome: "unrecoverable"),
        ], event: event("rp-1", .failure), objectID: first)
        // The next sweep still sees the missing one (same damage: counted once), and a stopped sweep stays unfinished.
        let again = try #require(try catalogue.startSweep(mode: "fixity", scope: "*", at: Self.utc(daysAgo: 0.5)).id)
        try catalogue.record(check: FixityCheckRecord(sweepID: again, rootName: "copy-1", objectID: first, checkedAt: Self.utc(daysAgo: 0.5),
                                                      damage: [damage[1]], filesChecked: 4, bytesChecked: 95), event: event("fx-3", .failure))
        try catalogue.endSweep(id: again, status: .stopped, at: Self.utc(daysAgo: 0.4))
        try catalogue.record(replicaSync: ReplicaSyncRecord(rootName: "copy-1", path: "/mnt/a/ocfl", syncedAt: Self.utc(daysAgo: 3),
                                                            objectsCurrent: 0, objectsCopied: 2, objectsFailed: 0))
        try catalogue.record(replicaSync: ReplicaSyncRecord(rootName: "copy-1", path: "/mnt/a/ocfl", syncedAt: Self.utc(daysAgo: 1),
                                                            objectsCurrent: 1, objectsCopied: 0, objectsFailed: 1))

        let report = try catalogue.fixityReport(intervalDays: 90, rootNames: ["copy-2"], now: Self.now)
        #expect(report.objectsTotal == 2)
        #expect(report.roots.map(\.rootName) == ["primary", "copy-1", "copy-2"])
        let primary = report.roots[0], copy1 = report.roots[1], copy2 = report.roots[2]
        #expect(primary.checkedWithinInterval == 1 && primary.checkedEver == 2 && primary.damagedNow == 0)
        #expect(primary.coveragePercent == 50)
        #expect(copy1.checkedWithinInterval == 1 && copy1.checkedEver == 1 && copy1.damagedNow == 1)
        #expect(copy1.lastCheckedAt == Self.utc(daysAgo: 0.5))
        #expect(copy2.checkedWithinInterval == 0 && copy2.checkedEver == 0 && copy2.lastCheckedAt == nil)

        #expect(report.damage.damagedChecks == 2)
        #expect(report.damage.damageFound == 2)
        #expect(report.damage.byKind == ["altered": 1, "missing": 1])
        #expect(report.damage.repaired == 1)
        #expect(report.damage.unrecoverable == 1)
        #expect(report.damage.outstanding == 1)
        #expect(report.repairs.map(\.outcome) == ["repaired", "unrecoverable"])

        // Worst first: the damaged copy, then the never-checked pairs, then the stale one, then the fresh one.
        #expect(report.objects.count == 6)
        #expect(report.objects.first?.rootName == "copy-1" && report.objects.first?.outcome == "damaged")
        #expect(report.objects.first?.damage == ["missing v1/content/b.pdf"])
        #expect(report.objects.filter { $0.outcome == "never" }.count == 3)
        #expect(report.objects.first { $0.rootName == "primary" && $0.objectID == second }?.stale == true)
        #expect(report.objects.last?.rootName == "primary" && report.objects.last?.objectID == first && report.objects.last?.stale == false)

        #expect(report.replicas.count == 1)
        #expect(report.replicas.first?.objectsFailed == 1 && report.replicas.first?.syncs == 2)
        #expect(report.sweeps.count == 3 && report.sweeps.unfinished == 1 && report.sweeps.latest?.status == "stopped")

        let chain = try AuditChain.verify(catalogue)
        #expect(report.audit.length == chain.length && report.audit.headDigest == chain.headDigest && report.audit.intact)
        #expect(report.audit.eventsDiffering == 0)
        #expect(chain.length > 6)

        let html = report.html
        #expect(html.contains("<code id=\"audit-head\">\(chain.headDigest)</code>"))
        #expect(html.contains("50,0 %"))
        #expect(html.contains("không sửa được"))
        #expect(html.contains("fill=\"\(FixityReport.checkedFill)\""))
        let csv = try report.rendered(as: .csv)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).contains("audit,\(chain.length),\(chain.headDigest),yes,0\r\n"))
    }

    @Test func aNewArchiveWithNoChecksReportsZeroCoverage() throws {
        let directory = try TemporaryDirectory("kho-report-fixity-empty")
        let catalogue = try Catalogue(path: directory.path + "/kho.sqlite")
        try catalogue.record(transfer: SampleAIPs.transfer)
        _ = try catalogue.record(aip: SampleAIPs.aip())
        let report = try catalogue.fixityReport(now: Self.now)
        #expect(report.roots.map(\.rootName) == ["primary"])
        #expect(report.roots[0].checkedWithinInterval == 0 && report.roots[0].objectsTotal == 1)
        #expect(report.objects.map(\.outcome) == ["never"])
        #expect(report.sweeps.latest == nil)
        #expect(report.html.contains("0,0 %"))
    }
}
