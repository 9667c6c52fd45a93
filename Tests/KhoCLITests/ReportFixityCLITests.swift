import Foundation
import KhoTestSupport
import Testing

/// `kho report fixity` after real work: ingest, a replica added and synced, one content file altered on the
/// primary, a sweep that finds it, a repair from the replica, a clean sweep. The report's coverage, damage and
/// repair counts are the ones this test caused, and its audit head is the one `kho audit verify` prints.
@Suite struct ReportFixityCLITests {
    struct Report: Decodable {
        struct Root: Decodable { var rootName: String; var checkedWithinInterval: Int; var objectsTotal: Int; var damagedNow: Int }
        struct Object: Decodable { var rootName: String; var objectID: String; var outcome: String; var damage: [String] }
        struct Damage: Decodable { var damagedChecks, damageFound, repaired, unrecoverable, outstanding: Int; var byKind: [String: Int] }
        struct Repair: Decodable { var rootName: String; var path: String; var kind: String; var sourceRootName: String?; var outcome: String }
        struct Replica: Decodable { var rootName: String; var path: String; var objectsFailed: Int }
        struct Sweeps: Decodable { var count: Int; var unfinished: Int }
        struct Audit: Decodable { var length: Int64; var headDigest: String; var intact: Bool; var eventsDiffering: Int }
        var objectsTotal: Int
        var roots: [Root]
        var objects: [Object]
        var damage: Damage
        var repairs: [Repair]
        var replicas: [Replica]
        var sweeps: Sweeps
        var audit: Audit
    }
    struct Verify: Decodable {
        struct Verification: Decodable { var length: Int64; var headDigest: String }
        var verification: Verification
    }

    func report(_ home: String) throws -> Report {
        let result = try runKho(["report", "fixity", "--home", home, "--format", "json"])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    func auditHead(_ home: String) throws -> Verify.Verification {
        let result = try runKho(["audit", "verify", "--home", home, "--json"])
        return try JSONDecoder().decode(Verify.self, from: Data(result.stdout.utf8)).verification
    }

    @Test func reportShowsTheDamageFoundAndRepairedAndTheAuditHead() throws {
        let directory = try TemporaryDirectory("kho-report-fixity-cli")
        let home = directory.path + "/home", replica = directory.path + "/copy-1"
        try #require(try runKho(["sample", "sip", "--out", directory.path + "/sip", "--dossiers", "3", "--docs", "2", "--seed", "41"]).status == 0)
        let packages = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/sip").sorted().map { directory.path + "/sip/" + $0 }
        try #require(try runKho(["ingest", "--home", home, "--transfer-unit", "Đảng ủy xã Tân Lập"] + packages).status == 0)
        let added = try runKho(["replica", "add", "--home", home, replica, "--name", "copy-1"])
        try #require(added.status == 0, "\(added.stdout)\(added.stderr)")

        // Alter one byte of one content file on the primary.
        let walker = FileManager.default.enumerator(atPath: home + "/ocfl")
        let victim = try #require((walker?.allObjects as? [String])?.sorted().first { $0.contains("/content/") && $0.hasSuffix(".pdf") })
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: home + "/ocfl/" + victim))
        try handle.seek(toOffset: 100)
        let original = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data([original ^ 0xFF]))
        try handle.close()
        let pathInObject = victim.components(separatedBy: "/").drop { !$0.hasPrefix("v") || Int($0.dropFirst()) == nil }.joined(separator: "/")

        let sweep = try runKho(["fixity", "sweep", "--home", home])
        #expect(sweep.status == 1)
        let found = try report(home)
        #expect(found.objectsTotal == 3)
        #expect(found.roots.map(\.rootName) == ["primary", "copy-1"])
        #expect(found.roots.allSatisfy { $0.checkedWithinInterval == 3 && $0.objectsTotal == 3 })
        #expect(found.roots.map(\.damagedNow) == [1, 0])
        #expect(found.damage.damageFound == 1 && found.damage.outstanding == 1 && found.damage.byKind == ["altered": 1])
        #expect(found.damage.repaired == 0)
        #expect(found.objects.first?.outcome == "damaged")
        #expect(found.objects.first?.damage == ["altered \(pathInObject)"])
        #expect(found.audit.length == (try auditHead(home)).length)

        let repair = try runKho(["repair", "--home", home])
        #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
        #expect(try runKho(["fixity", "sweep", "--home", home]).status == 0)

        let healed = try report(home)
        #expect(healed.roots.allSatisfy { $0.checkedWithinInterval == 3 && $0.damagedNow == 0 })
        #expect(healed.damage.damageFound == 1)
        #expect(healed.damage.damagedChecks == 1)
        #expect(healed.damage.repaired == 1)
        #expect(healed.damage.unrecoverable == 0)
        #expect(healed.damage.outstanding == 0)
        #expect(healed.repairs.count == 1)
        #expect(healed.repairs.first?.rootName == "primary" && healed.repairs.first?.sourceRootName == "copy-1")
        #expect(healed.repairs.first?.path == pathInObject && healed.repairs.first?.kind == "altered")
        #expect(healed.objects.allSatisfy { $0.outcome == "intact" })
        #expect(healed.replicas.map(\.rootName) == ["copy-1"])
        #expect(healed.replicas.first?.objectsFailed == 0)
        #expect(healed.sweeps.count >= 2 && healed.sweeps.unfinished == 0)

        // The head an auditor anchors: exactly what `kho audit verify` prints.
        let verified = try auditHead(home)
        #expect(healed.audit.intact)
        #expect(healed.audit.eventsDiffering == 0)
        #expect(healed.audit.length == verified.length)
        #expect(healed.audit.headDigest == verified.headDigest)

        let html = directory.path + "/fixity.html"
        let written = try runKho(["report", "fixity", "--home", home, "--output", html])
        try #require(written.status == 0, "\(written.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<title>Báo cáo kiểm tra toàn vẹn dữ liệu (fixity)</title>"))
        #expect(page.contains("<code id=\"audit-head\">\(verified.headDigest)</code>"))
        #expect(page.contains("100,0 %"))
        #expect(page.contains("<svg"))
        #expect(written.stdout.contains("report written: \(html)"))

        // A folder that does not exist: a clear error, nothing half-written.
        let refused = try runKho(["report", "fixity", "--home", home, "--output", directory.path + "/missing/fixity.html"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("KHO-REPORT-WRITE"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/missing"))
    }
}
