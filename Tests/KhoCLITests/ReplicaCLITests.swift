import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// `kho replica add|sync` and ingest's replication, through the real binary.
@Suite struct ReplicaCLITests {
    @Test func addRefusesUnsafeFoldersAndKeepsTheArchivistsComments() throws {
        let fixture = try PreservationHome("kho-replica-add")
        try fixture.commitObject("urn:kho:test:replica-a", files: 4, versions: 2)
        let comment = "# Ghi chú của lưu trữ viên: ổ đĩa ngoài đặt ở phòng kho số 2\n"
        let config = fixture.home + "/kho.toml"
        try Data((comment + "[fixity]\ninterval_days = 60\n").utf8).write(to: URL(fileURLWithPath: config))

        try fixture.addReplica("r1")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.hasPrefix(comment) && text.contains("interval_days = 60"))
        #expect(text.contains("[[replica]]") && text.contains("name = \"r1\"") && text.contains(fixture.replica("r1")))
        let folders = try PreservationHome.objectFolders(fixture.primary)
        #expect(try PreservationHome.objectFolders(fixture.replica("r1")) == folders)
        let primaryInventory = FileManager.default.contents(atPath: fixture.primary + "/" + folders[0] + "/inventory.json")
        #expect(primaryInventory != nil)
        #expect(FileManager.default.contents(atPath: fixture.replica("r1") + "/" + folders[0] + "/inventory.json") == primaryInventory)
        #expect(try runKho(["ocfl", "validate", fixture.replica("r1")]).status == 0)

        // Refusals: exit 1, kho.toml untouched.
        let before = try String(contentsOfFile: config, encoding: .utf8)
        let nonEmpty = fixture.temp.path + "/khong-trong"
        try FileManager.default.createDirectory(atPath: nonEmpty, withIntermediateDirectories: true)
        try Data("tài liệu khác".utf8).write(to: URL(fileURLWithPath: nonEmpty + "/ghi-chu.txt"))
        let refusals: [([String], String)] = [
            ([fixture.primary + "/ban-sao"], "KHO-REPLICA-INSIDE-PRIMARY"),
            ([fixture.primary], "KHO-REPLICA-INSIDE-PRIMARY"),
            ([fixture.replica("r1"), "--name", "r9"], "KHO-REPLICA-DUPLICATE"),
            ([fixture.replica("r1") + "/../r1"], "KHO-REPLICA-DUPLICATE"),
            ([nonEmpty], "KHO-REPLICA-NOT-EMPTY"),
            ([fixture.replica("r2"), "--name", "r1"], "KHO-REPLICA-NAME"),
            ([fixture.replica("r3"), "--name", "primary"], "KHO-REPLICA-NAME"),
        ]
        for (arguments, rule) in refusals {
            let result = try fixture.kho(["replica", "add"], arguments)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(rule), "\(arguments): \(result.stderr)")
        }
        #expect(try String(contentsOfFile: config, encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.replica("r2")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: nonEmpty) == ["ghi-chu.txt"])

        // A second replica, then nothing left to copy; each sync is a replica_sync row.
        try fixture.addReplica("r2")
        let sync = try fixture.kho(["replica", "sync"], ["--json"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let catalogue = try fixture.openCatalogue()
        let syncs = try catalogue.replicaSyncs()
        #expect(syncs.map(\.rootName) == ["r1", "r2", "r1", "r2"])
        #expect(syncs[0].objectsCopied == 1 && syncs[2].objectsCopied == 0 && syncs[2].objectsCurrent == 1)
        let replications = try catalogue.events(aipObjectID: "urn:kho:test:replica-a").filter { $0.type == .replication }
        #expect(replications.count == 2 && replications.allSatisfy { $0.outcome == .success && $0.agent?.name == "Kho 0.1.0" })
    }

    @Test func ingestReplicatesEachNewVersionAndSyncCatchesUp() throws {
        let fixture = try PreservationHome("kho-replica-ingest")
        try fixture.addReplica("r1")   // on a new home: creates it
        try fixture.ingestSamples(count: 1, seed: 511)
        let folders = try PreservationHome.objectFolders(fixture.primary)
        #expect(folders.count == 1)
        let inventory = "/" + folders[0] + "/inventory.json"
        #expect(FileManager.default.contents(atPath: fixture.replica("r1") + inventory) != nil)
        #expect(FileManager.default.contents(atPath: fixture.replica("r1") + inventory)
                == FileManager.default.contents(atPath: fixture.primary + inventory))
        if which("ocfl-validate.py") != nil {
            let result = try OCFLStorageCLISupport.validateObject(fixture.replica("r1") + "/" + folders[0])
            #expect(result.status == 0 && result.output.contains("is VALID"), "\(result.output)")
        }

        // The replica's disk is away: ingest still succeeds, says so, records a failed replication.
        try FileManager.default.moveItem(atPath: fixture.replica("r1"), toPath: fixture.temp.path + "/away")
        let folder = fixture.temp.path + "/more"
        #expect(try runKho(["sample", "sip", "--out", folder, "--dossiers", "1", "--seed", "512"]).status == 0)
        let package = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        let ingest = try fixture.kho(["ingest"], ["--catalog", PreservationHome.catalog, folder + "/" + package])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("kho replica sync") && ingest.stderr.contains("r1"), "\(ingest.stderr)")
        let unreachable = try fixture.kho(["replica", "sync"])
        #expect(unreachable.status == 1 && unreachable.stdout.contains("unreachable"))
        #expect(!FileManager.default.fileExists(atPath: fixture.replica("r1")))   // never created afresh
        let (sweep, summary) = try fixture.sweep()
        #expect(sweep.status == 1 && summary?.damage.isEmpty == true)
        #expect(sweep.stdout.contains("\"unreachableRoots\"") && sweep.stdout.contains("r1"))
        #expect(!FileManager.default.fileExists(atPath: fixture.replica("r1")))

        try FileManager.default.moveItem(atPath: fixture.temp.path + "/away", toPath: fixture.replica("r1"))
        let sync = try fixture.kho(["replica", "sync"])
        #expect(sync.status == 0, "\(sync.stdout)")
        #expect(sync.stdout.contains("copied 1"), "\(sync.stdout)")
        let after = try PreservationHome.objectFolders(fixture.primary)
        #expect(try PreservationHome.objectFolders(fixture.replica("r1")) == after && after.count == 2)
        for object in after {
            #expect(FileManager.default.contents(atPath: fixture.replica("r1") + "/" + object + "/inventory.json")
                    == FileManager.default.contents(atPath: fixture.primary + "/" + object + "/inventory.json"))
        }
        let catalogue = try fixture.openCatalogue()
        var outcomes: [EventOutcome] = []
        for id in try catalogue.objectIDs() {
            outcomes += try catalogue.events(aipObjectID: id).filter { $0.type == .replication }.map(\.outcome)
        }
        #expect(outcomes.sorted { $0.rawValue < $1.rawValue } == [.failure, .success, .success])
        #expect(try AuditChain.verify(catalogue).isIntact)
    }

    @Test func anIngestCompletedAfterACrashStillReachesTheReplica() throws {
        let fixture = try PreservationHome("kho-replica-crash")
        try fixture.addReplica("r1")
        let folder = fixture.temp.path + "/sip"
        #expect(try runKho(["sample", "sip", "--out", folder, "--dossiers", "1", "--seed", "531"]).status == 0)
        let package = folder + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first))
        // Killed right after the OCFL commit (point 6), before the catalogue and the replication.
        let crash = try runKhoUntilCrashPoint(["ingest", "--home", fixture.home, "--catalog", PreservationHome.catalog, package],
                                              hookVariable: "KHO_TEST_INGEST_CRASH_AT", point: 6)
        #expect(crash.marker != nil)
        #expect(try PreservationHome.objectFolders(fixture.replica("r1")).isEmpty)
        let again = try fixture.kho(["ingest"], ["--catalog", PreservationHome.catalog, package])
        #expect(again.status == 0 && again.stdout.contains("interrupted"), "\(again.stdout)")
        let objects = try PreservationHome.objectFolders(fixture.primary)
        #expect(try PreservationHome.objectFolders(fixture.replica("r1")) == objects && objects.count == 1)
        #expect(FileManager.default.contents(atPath: fixture.replica("r1") + "/" + objects[0] + "/inventory.json")
                == FileManager.default.contents(atPath: fixture.primary + "/" + objects[0] + "/inventory.json"))
    }
}
