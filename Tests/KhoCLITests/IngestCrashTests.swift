import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// Crash safety of `kho ingest`: SIGKILL at every point of the pipeline (`KHO_TEST_INGEST_CRASH_AT`: its own
/// points 1–9, then every durable step of the OCFL commit). After each kill, running the same ingest again
/// completes; storage holds exactly one AIP with one version, valid; the catalogue matches storage; no
/// work area or pending record is left; the receipt exists once.
@Suite(.serialized) struct IngestCrashTests {
    /// Runs kho with the crash hook `KHO_TEST_INGEST_CRASH_AT`; the marker line if the point was reached (the process is then dead).
    func runUntilCrash(_ arguments: [String], point: Int) throws -> (marker: String?, status: Int32) {
        try runKhoUntilCrashPoint(arguments, hookVariable: "KHO_TEST_INGEST_CRASH_AT", point: point)
    }

    @Test func killedAnywhereThenRerunCompletesWithOneAIP() throws {
        let temp = try TemporaryDirectory("kho-ingest-crash")
        let zip = try IngestCLITests.samples(temp.path + "/in", seed: 71, zip: true)[0]
        var markers: [String] = []
        var point = 1
        while point < 200 {
            let home = temp.path + "/case-\(point)"
            let arguments = ["ingest", "--home", home, "--catalog", IngestCLITests.catalog, zip]
            let run = try runUntilCrash(arguments, point: point)
            guard let marker = run.marker else {
                #expect(run.status == 0, "ingest without a crash point failed")
                break
            }
            markers.append(marker)
            try checkTransferWithVersion(home: home, after: marker)
            let rerun = try runKho(arguments)
            #expect(rerun.status == 0, "\(marker): \(rerun.stdout) \(rerun.stderr)")
            try checkConsistent(home: home, after: marker)
            point += 1
        }
        print("IngestCrashTests: \(markers.count) crash points: \(markers.joined(separator: " | "))")
        #expect(markers.count >= 20, "\(markers)")
        #expect(markers.contains { $0.contains("ingest 6") } && markers.contains { !$0.contains(" ingest ") })
    }

    /// Right after the kill, before any re-run: the transfer row and the AIP version are written in one
    /// transaction, so the catalogue holds both or neither (point 7 kills inside that transaction: neither).
    func checkTransferWithVersion(home: String, after marker: String) throws {
        guard FileManager.default.fileExists(atPath: home + "/kho.sqlite") else { return }
        let catalogue = try Catalogue(path: home + "/kho.sqlite")
        let transfers = try catalogue.count(table: "transfers"), versions = try catalogue.count(table: "aip_versions")
        #expect(transfers == versions, "\(marker): \(transfers) transfers, \(versions) AIP versions")
        if marker.contains("ingest 7 ") { #expect(transfers == 0 && versions == 0, "\(marker)") }
    }

    /// One object, one version, valid; catalogue rows equal to the inventory; nothing left in staging.
    func checkConsistent(home: String, after marker: String) throws {
        let objects = try IngestCLITests.objectFolders(home + "/ocfl")
        #expect(objects.count == 1, "\(marker): \(objects)")
        guard let object = objects.first else { return }
        let inventory = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: object + "/inventory.json"))) as? [String: Any]
        let versions = inventory?["versions"] as? [String: Any]
        #expect(versions?.keys.sorted() == ["v1"], "\(marker)")
        let state = (versions?["v1"] as? [String: Any])?["state"] as? [String: [String]] ?? [:]
        let paths = Set(state.values.flatMap { $0 })
        #expect(try runKho(["ocfl", "validate", home + "/ocfl"]).status == 0, "\(marker)")
        let id = try #require(inventory?["id"] as? String)
        let catalogue = try Catalogue(path: home + "/kho.sqlite")
        #expect(try catalogue.versions(objectID: id).map(\.version) == [1], "\(marker)")
        #expect(Set(try catalogue.files(aipObjectID: id).map(\.path)) == paths, "\(marker)")
        #expect(try catalogue.count(table: "transfers") == 1, "\(marker)")
        #expect(try catalogue.count(table: "dossiers") == 1, "\(marker)")
        let staging = try FileManager.default.contentsOfDirectory(atPath: home + "/staging")
        #expect(staging.isEmpty, "\(marker): \(staging)")
        let receipts = try FileManager.default.contentsOfDirectory(atPath: home + "/receipts")
        #expect(receipts.count == 2, "\(marker): \(receipts)")
    }
}
