import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

@Suite struct RepairTests {
    typealias F = FixityTestFixture

    @Test func damagedRootInventoryIsRestoredAndTheBadCopyKeptAsEvidence() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 5)
        let id = fixture.ids[0]
        let target = fixture.replicas[0]
        let objectRoot = target.path + "/" + (try fixture.objectFolder(id))
        let original = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json"))
        var edited = original
        edited[edited.count / 2] ^= 0x01
        try edited.write(to: URL(fileURLWithPath: objectRoot + "/inventory.json"))

        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        #expect(damage == [Damage(kind: .inventoryDamaged, path: "inventory.json")])
        let evidence = fixture.temp.path + "/evidence"
        let report = ObjectRepairer(target: target, candidates: [fixture.replicas[1], fixture.primary])
            .repair(objectID: id, damage: damage, evidenceFolder: evidence)
        #expect(report.unrecoverable.isEmpty)
        #expect(report.repaired.map(\.action) == ["inventoryRestored"])
        #expect(report.repaired.first?.sourceRoot == fixture.replicas[1].path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json")) == original)
        #expect(try Data(contentsOf: URL(fileURLWithPath: evidence + "/inventory.json")) == edited)
        #expect(ObjectFixityChecker(mode: .full).check(objectAt: objectRoot).isIntact)
    }

    @Test func aCandidateWithAnotherHeadIsNeverUsedForAnInventory() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 5)
        let id = fixture.ids[0]
        // The only candidate lags one version behind the damaged copy.
        let lagging = try OCFLStorageRoot.create(at: fixture.temp.path + "/lagging")
        let early = try OCFLStorageRoot.create(at: fixture.temp.path + "/early")
        var random = SeededRandom(seed: 5)
        try F.writeVersions(of: id, writer: OCFLObjectWriter(root: early), files: 5, random: &random, versions: 2)
        _ = try ObjectReplicator(source: early, destination: lagging).replicate(objectID: id)
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(id))
        // Both sidecars of the head inventory gone, so the object's own copies cannot vouch for each other either.
        let head = try FileManager.default.contentsOfDirectory(atPath: objectRoot).filter { $0.hasPrefix("v") }
            .max { Int($0.dropFirst()) ?? 0 < Int($1.dropFirst()) ?? 0 } ?? "v1"
        try FileManager.default.removeItem(atPath: objectRoot + "/inventory.json.sha512")
        try FileManager.default.removeItem(atPath: objectRoot + "/\(head)/inventory.json.sha512")
        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        #expect(damage == [Damage(kind: .sidecarDamaged, path: "inventory.json.sha512"),
                           Damage(kind: .sidecarDamaged, path: "\(head)/inventory.json.sha512")])
        let before = try fixture.snapshot()
        let report = ObjectRepairer(target: fixture.primary, candidates: [lagging])
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        #expect(report.repaired.isEmpty)
        #expect(report.unrecoverable == damage)
        #expect(try fixture.snapshot() == before)
        // With a candidate at the same head it is restored.
        let healed = ObjectRepairer(target: fixture.primary, candidates: [lagging, fixture.replicas[0]])
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        #expect(healed.repaired.map(\.sourceRoot) == [fixture.replicas[0].path, fixture.replicas[0].path])
        #expect(ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).isIntact)
    }

    /// No other root at all: the root sidecar is rebuilt from the head version's intact copy inside the object,
    /// and the action says so (an auditor sees where the bytes came from).
    @Test func aLostRootSidecarIsRestoredFromTheObjectsOwnHeadCopy() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 5)
        let id = fixture.ids[0]
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(id))
        try FileManager.default.removeItem(atPath: objectRoot + "/inventory.json.sha512")
        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        let report = ObjectRepairer(target: fixture.primary, candidates: [])
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        #expect(report.repaired.map(\.action) == ["inventoryRestoredWithinObject"])
        #expect(report.unrecoverable.isEmpty)
        #expect(ObjectFixityChecker(mode: .full).check(objectAt: objectRoot).isIntact)
    }

    @Test func aMissingObjectIsReplicatedWhole() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 5)
        let id = fixture.ids[0]
        let objectRoot = fixture.replicas[1].path + "/" + (try fixture.objectFolder(id))
        try FileManager.default.removeItem(atPath: objectRoot)
        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        #expect(damage == [Damage(kind: .missing, path: "")])
        let report = ObjectRepairer(target: fixture.replicas[1], candidates: [fixture.primary])
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        #expect(report.repaired.map(\.action) == ["restored"])
        #expect(ObjectFixityChecker(mode: .full).check(objectAt: objectRoot).isIntact)
    }

    @Test func aCandidateWhoseCopyIsAlsoBadIsSkipped() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 5)
        let id = fixture.ids[0]
        let folder = try fixture.objectFolder(id)
        let victim = try #require(try DirectoryWalker.files(under: fixture.primary.path + "/" + folder).first { $0.hasPrefix("v3/content/") })
        var injector = FaultInjector(seed: 9)
        _ = try injector.damageEveryCopy(of: victim, objectRoots: [fixture.primary.path + "/" + folder, fixture.replicas[0].path + "/" + folder])
        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: fixture.primary.path + "/" + folder).damage
        let report = ObjectRepairer(target: fixture.primary, candidates: fixture.replicas)
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        // The first candidate's copy does not verify; the second one's does.
        #expect(report.repaired.map(\.sourceRoot) == [fixture.replicas[1].path])
        #expect(report.repaired.map(\.action) == ["replaced"])
        #expect(ObjectFixityChecker(mode: .fixity).check(objectAt: fixture.primary.path + "/" + folder).isIntact)
    }

    @Test func aValidatorErrorWithNoFileToCopyStaysUnrecoverable() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 4, replicaCount: 1)
        let id = fixture.ids[0]
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(id))
        // An empty folder in the object root: no file to hash, but not OCFL.
        try FileManager.default.createDirectory(atPath: objectRoot + "/thư mục lạ", withIntermediateDirectories: false)
        #expect(ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).isIntact)
        let damage = ObjectFixityChecker(mode: .full).check(objectAt: objectRoot).damage
        #expect(!damage.isEmpty)
        #expect(damage.allSatisfy { $0.kind == .invalid })
        let before = try fixture.snapshot()
        let report = ObjectRepairer(target: fixture.primary, candidates: fixture.replicas)
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        #expect(report.repaired.isEmpty)
        #expect(report.unrecoverable == damage)
        #expect(try fixture.snapshot() == before)
    }

    /// A commit on an object whose head version inventory is damaged must not roll that inventory forward over the
    /// good root inventory (the writer's recovery checks the version sidecar first).
    @Test func aDamagedHeadInventoryIsNotRolledForwardByTheNextCommit() throws {
        let fixture = try F.make(objects: 1, filesPerVersion: 4, replicaCount: 1)
        let id = fixture.ids[0]
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(id))
        let headInventory = objectRoot + "/v3/inventory.json"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: headInventory))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "7")))
        bytes[index] = UInt8(ascii: "8")  // still valid JSON, still names v3 head
        try bytes.write(to: URL(fileURLWithPath: headInventory))
        let rootBefore = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json"))

        var changes = try OCFLObjectWriter(root: fixture.primary).changes(forObject: id)
        changes.put(try RelativePath("Bổ sung/mới.txt"), .data(Data("mới".utf8)))
        try OCFLObjectWriter(root: fixture.primary).commit(objectID: id, changes: changes, metadata: F.metadata)

        let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot).damage
        #expect(damage == [Damage(kind: .inventoryDamaged, path: "v3/inventory.json")])
        let v4 = try fixture.primary.object(id).inventory
        #expect(v4.head == "v4")
        #expect(try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json")) != rootBefore)
        // The v3 inventory is healed from the replica, still at v3: the primary's own v3 sidecar confirms its copy.
        let healed = ObjectRepairer(target: fixture.primary, candidates: fixture.replicas)
            .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
        #expect(healed.unrecoverable.isEmpty)
        #expect(healed.repaired.map(\.sourceRoot) == [fixture.replicas[0].path])
        #expect(ObjectFixityChecker(mode: .full).check(objectAt: objectRoot).isIntact)
    }
}
