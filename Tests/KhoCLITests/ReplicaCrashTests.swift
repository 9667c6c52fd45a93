import Foundation
import KhoTestSupport
import Testing

/// Crash safety of replication: `kho replica sync` is killed with SIGKILL at every durable step of copying an object
/// (the replicator's hook `KHO_TEST_CRASH_AT=N` prints a marker at its N-th step and blocks). After each kill,
/// reopening the replica leaves the object at the old head or the new head exactly, valid for `kho ocfl validate`
/// and ocfl-py, and the next `kho replica sync` completes with the replica equal to the primary.
@Suite(.serialized) struct ReplicaCrashTests {
    typealias S = OCFLStorageCLISupport

    /// Commits one version of `id` to the primary with `files` text files (content depends on `version`).
    static func commit(_ fixture: PreservationHome, _ id: String, version: Int, files: Int) throws {
        var tree: [String: String] = [:]
        for index in 0..<files { tree["Hồ sơ/trang-\(index).txt"] = "Đối tượng \(id), trang \(index), bản \(version)" }
        if version > 1 { tree["Phụ lục/bổ sung-\(version).txt"] = "bổ sung lần \(version)" }
        let source = fixture.temp.path + "/src-v\(version)"
        try S.write(tree, under: source)
        let result = try runKho(["ocfl", "commit", fixture.primary, id, source, "--message", "v\(version)"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Kills `kho replica sync` at every step; `old` is the replica's object before the sync (nil: absent).
    /// Returns the markers seen.
    static func killAtEveryStep(_ fixture: PreservationHome, objectFolder: String, old: [[UInt8]: Data]?) throws -> [String] {
        let replica = fixture.replica("r1")
        let pristine = fixture.temp.path + "/r1-pristine"
        try FileManager.default.copyItem(atPath: replica, toPath: pristine)
        let new = S.snapshot(fixture.primary + "/" + objectFolder)
        var markers: [String] = []
        for step in 1..<50 {
            try? FileManager.default.removeItem(atPath: replica)
            try? FileManager.default.removeItem(atPath: replica + ".kho-staging")
            try FileManager.default.copyItem(atPath: pristine, toPath: replica)
            if FileManager.default.fileExists(atPath: pristine + ".kho-staging") {
                try FileManager.default.copyItem(atPath: pristine + ".kho-staging", toPath: replica + ".kho-staging")
            }
            let run = try runKhoUntilCrashPoint(["replica", "sync", "--home", fixture.home], hookVariable: "KHO_TEST_CRASH_AT", point: step)
            guard let marker = run.marker else {
                #expect(run.status == 0, "sync without crash point failed")
                #expect(S.snapshot(replica + "/" + objectFolder) == new)
                break
            }
            markers.append(marker)
            // Reopening the replica root (any kho command does) rolls an interrupted copy forward or drops it.
            let listed = try runKho(["ocfl", "ls", replica])
            #expect(listed.status == 0, "\(marker): \(listed.stderr)")
            let object = replica + "/" + objectFolder
            let state: [[UInt8]: Data]? = FileManager.default.fileExists(atPath: object) ? S.snapshot(object) : nil
            #expect(state == old || state == new, "\(marker): the replica holds neither the old nor the new head")
            if state == nil {
                #expect(S.emptyFolders(replica).isEmpty, "\(marker): \(S.emptyFolders(replica))")
            } else {
                let reference = try S.validateObject(object)
                #expect(reference.status == 0 && reference.output.contains("is VALID"), "\(marker): \(reference.output)")
            }
            let validation = try runKho(["ocfl", "validate", replica])
            #expect(validation.status == 0, "\(marker): \(validation.stdout)\(validation.stderr)")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: replica + ".kho-staging/work"))?.isEmpty ?? true,
                    "\(marker): stale staging")
            // The next sync completes and the replica equals the primary.
            let next = try fixture.kho(["replica", "sync"])
            #expect(next.status == 0, "\(marker): \(next.stdout)\(next.stderr)")
            #expect(S.snapshot(object) == new, "\(marker): replica differs from the primary after the next sync")
            #expect(try runKho(["ocfl", "validate", replica]).status == 0, "\(marker) after the next sync")
        }
        return markers
    }

    /// The step names after `KHO-TEST-CRASH-POINT <n> replication: `.
    static func names(_ markers: [String]) -> [String] {
        markers.map { marker in marker.range(of: "replication: ").map { String(marker[$0.upperBound...]) } ?? marker }
    }

    @Test func killedWhileCopyingANewObjectLeavesNothingOrTheWholeObject() throws {
        _ = try S.referenceValidator()
        let fixture = try PreservationHome("kho-replica-crash-new")
        try fixture.addReplica("r1")   // an empty replica
        let id = "urn:kho:test:crash-new"
        try Self.commit(fixture, id, version: 1, files: 6)
        try Self.commit(fixture, id, version: 2, files: 6)
        let folder = try #require(try PreservationHome.objectFolders(fixture.primary).first)
        let markers = try Self.killAtEveryStep(fixture, objectFolder: folder, old: nil)
        #expect(Self.names(markers) == ["intent recorded", "staged v1", "staged v2", "staged copy durable",
                                        "layout folders durable", "object published", "object parent synced"])
    }

    @Test func killedWhileCatchingUpALaggingReplicaLeavesTheOldOrTheNewHead() throws {
        _ = try S.referenceValidator()
        let fixture = try PreservationHome("kho-replica-crash-lag")
        let id = "urn:kho:test:crash-lag"
        try Self.commit(fixture, id, version: 1, files: 6)
        try fixture.addReplica("r1")   // copies v1
        try Self.commit(fixture, id, version: 2, files: 6)
        try Self.commit(fixture, id, version: 3, files: 6)
        let folder = try #require(try PreservationHome.objectFolders(fixture.primary).first)
        let old = S.snapshot(fixture.replica("r1") + "/" + folder)
        #expect(old[Array("v1/inventory.json".utf8)] != nil && old[Array("v2/inventory.json".utf8)] == nil)
        let markers = try Self.killAtEveryStep(fixture, objectFolder: folder, old: old)
        #expect(Self.names(markers) == ["intent recorded", "staged v2", "staged v3", "staged copy durable", "v2 published",
                                        "v3 published", "root inventory replaced", "root sidecar replaced"])
    }
}
