import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

@Suite struct ReplicationTests {
    typealias F = FixityTestFixture

    /// A primary holding one object of `versions` versions, and an empty replica root beside it.
    static func primaryAndReplica(versions: Int = 2) throws -> (TemporaryDirectory, OCFLStorageRoot, OCFLStorageRoot, String) {
        let temp = try TemporaryDirectory("kho-replica")
        let primary = try OCFLStorageRoot.create(at: temp.path + "/primary")
        let replica = try OCFLStorageRoot.create(at: temp.path + "/replica")
        var random = SeededRandom(seed: 11)
        let id = "info:kho/hs-nhân-bản"
        try F.writeVersions(of: id, writer: OCFLObjectWriter(root: primary), files: 12, random: &random, versions: versions)
        return (temp, primary, replica, id)
    }

    static func isValidCopy(_ root: OCFLStorageRoot, _ id: String) throws -> Bool {
        let folder = try root.objectPath(for: id)
        let fixity = ObjectFixityChecker(mode: .full).check(objectAt: folder)
        let validation = OCFLValidator(options: .init(checkDigests: true)).validate(storageRootAt: URL(fileURLWithPath: root.path))
        return fixity.isIntact && validation.isValid
    }

    @Test func newObjectIsCopiedWholeAndVerifies() throws {
        let (temp, primary, replica, id) = try Self.primaryAndReplica()
        let outcome = try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id)
        guard case .copied(let versions, let files, let bytes) = outcome else {
            Issue.record("expected a copy, got \(outcome)")
            return
        }
        let source = try primary.object(id)
        #expect(versions == 2)
        #expect(files == source.inventory.manifest.values.reduce(0) { $0 + $1.count })
        #expect(bytes > 0)
        #expect(try Self.isValidCopy(replica, id))
        // Byte for byte the same object, NFD names included.
        #expect(StorageTestSupport.files(under: try primary.objectPath(for: id)) == StorageTestSupport.files(under: try replica.objectPath(for: id)))
        #expect(try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id) == .alreadyCurrent)
        // Staging is left empty.
        #expect(StorageTestSupport.files(under: replica.stagingPath + "/work").isEmpty)
        _ = temp
    }

    @Test func laggingObjectGetsOnlyTheNewVersions() throws {
        let (temp, primary, replica, id) = try Self.primaryAndReplica(versions: 1)
        _ = try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id)
        let v1Files = StorageTestSupport.files(under: try replica.objectPath(for: id) + "/v1")
        var random = SeededRandom(seed: 99)
        var changes = try OCFLObjectWriter(root: primary).changes(forObject: id)
        changes.put(try RelativePath("Bổ sung/Công văn mới.txt"), .data(F.randomBytes(&random)))
        changes.put(try RelativePath("Bổ sung/Thông báo.txt"), .data(F.randomBytes(&random)))
        try OCFLObjectWriter(root: primary).commit(objectID: id, changes: changes, metadata: F.metadata)
        let v1Inode = try FileManager.default.attributesOfItem(atPath: try replica.objectPath(for: id) + "/v1/inventory.json")[.systemFileNumber] as? Int

        let outcome = try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id)
        #expect(outcome == .copied(versions: 1, files: 2, bytes: outcome.bytesForTest))
        #expect(try replica.object(id).inventory.head == "v2")
        #expect(StorageTestSupport.files(under: try replica.objectPath(for: id) + "/v1") == v1Files)
        // v1 was not rewritten: same file.
        #expect(try FileManager.default.attributesOfItem(atPath: try replica.objectPath(for: id) + "/v1/inventory.json")[.systemFileNumber] as? Int == v1Inode)
        #expect(try Self.isValidCopy(replica, id))
        _ = temp
    }

    @Test func refusesASourceThatDoesNotVerify() throws {
        let (temp, primary, replica, id) = try Self.primaryAndReplica()
        let folder = try primary.objectPath(for: id)
        // An edited root inventory: its sidecar no longer matches.
        var inventory = try Data(contentsOf: URL(fileURLWithPath: folder + "/inventory.json"))
        inventory.append(contentsOf: Array(" ".utf8))
        try inventory.write(to: URL(fileURLWithPath: folder + "/inventory.json"))
        #expect {
            try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id)
        } throws: { error in
            guard case .sourceUnverified = error as? ReplicationError else { return false }
            return true
        }
        #expect(!FileManager.default.fileExists(atPath: try replica.objectPath(for: id)))
        _ = temp
    }

    @Test func refusesADamagedSourceFileAndLeavesNoTrace() throws {
        let (temp, primary, replica, id) = try Self.primaryAndReplica()
        let folder = try primary.objectPath(for: id)
        let victim = try #require(try DirectoryWalker.files(under: folder).first { $0.hasPrefix("v2/content/") })
        var injector = FaultInjector(seed: 3)
        _ = try injector.damageEveryCopy(of: victim, objectRoots: [folder])
        #expect {
            try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id)
        } throws: { error in
            guard case .sourceDamaged(let path, _) = error as? ReplicationError else { return false }
            return path == victim
        }
        #expect(!FileManager.default.fileExists(atPath: try replica.objectPath(for: id)))
        #expect(StorageTestSupport.files(under: replica.stagingPath + "/work").isEmpty)
        _ = temp
    }

    @Test func refusesADivergedDestination() throws {
        let (temp, primary, replica, id) = try Self.primaryAndReplica(versions: 1)
        // The replica holds an object of the same identifier written independently: different bytes for v1.
        var random = SeededRandom(seed: 12345)
        try F.writeVersions(of: id, writer: OCFLObjectWriter(root: replica), files: 3, random: &random, versions: 1)
        let before = StorageTestSupport.files(under: replica.path)
        #expect {
            try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id)
        } throws: { error in
            guard case .destinationDiverged = error as? ReplicationError else { return false }
            return true
        }
        // A destination ahead of the source is refused too.
        var more = SeededRandom(seed: 6)
        try F.writeVersions(of: id, writer: OCFLObjectWriter(root: replica), files: 2, random: &more, versions: 2)
        #expect(throws: ReplicationError.self) { try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id) }
        #expect(StorageTestSupport.files(under: replica.path).count > before.count)
        _ = temp
    }

    /// Stops after each durable step in turn, as a crash would; reopening the root leaves the old or the new head, valid.
    @Test(arguments: [false, true]) func interruptedReplicationLeavesOldOrNewHead(lagging: Bool) throws {
        var heads: [String?] = []
        for step in 1..<30 {
            guard let head = try Self.interrupt(atStep: step, lagging: lagging) else { break }
            heads.append(head)
        }
        #expect(heads.count > 3)
        // Old head (nothing, or v1 for the lagging copy) early on, the new head once published.
        #expect(heads.first == (lagging ? "v1" : String?.none))
        #expect(heads.last == "v3")
        // Never the intermediate v2 of a copy catching up two versions: recovery renames the remaining staged ones in.
        #expect(heads.allSatisfy { $0 == nil || $0 == "v1" || $0 == "v3" }, "\(heads)")
    }

    /// One interrupted replication: the head found after reopening (nil: no object), or nil nil when the run completed.
    static func interrupt(atStep step: Int, lagging: Bool) throws -> String?? {
        let (temp, primary, replica, id) = try primaryAndReplica(versions: 3)
        defer { _ = temp }
        if lagging {
            // The replica holds v1 only: copied from a one-version primary of the same bytes.
            let early = try OCFLStorageRoot.create(at: temp.path + "/early")
            var random = SeededRandom(seed: 11)
            try F.writeVersions(of: id, writer: OCFLObjectWriter(root: early), files: 12, random: &random, versions: 1)
            _ = try ObjectReplicator(source: early, destination: replica).replicate(objectID: id)
        }
        var replicator = ObjectReplicator(source: primary, destination: replica)
        replicator.interruptAfterStep = step
        let result = Result { try replicator.replicate(objectID: id) }
        if case .success = result { return .none }
        guard case .failure(let error) = result, let failure = error as? ReplicationError, case .interrupted = failure else {
            Issue.record("step \(step): \(result)")
            return .none
        }
        let reopened = try OCFLStorageRoot.open(at: replica.path)
        let folder = try reopened.objectPath(for: id)
        var head: String?
        if FileManager.default.fileExists(atPath: folder) {
            head = try reopened.object(id).inventory.head
            #expect(try isValidCopy(reopened, id), "step \(step)")
        }
        #expect(!lagging || head != nil, "step \(step): the lagging copy vanished")
        // Replication resumes and completes.
        _ = try ObjectReplicator(source: primary, destination: reopened).replicate(objectID: id)
        #expect(try reopened.object(id).inventory.head == "v3")
        #expect(try isValidCopy(reopened, id), "step \(step) after resuming")
        return .some(head)
    }
}

extension ReplicationOutcome {
    /// The byte count of a copy, so a test can compare the rest of the outcome exactly.
    var bytesForTest: UInt64 {
        if case .copied(_, _, let bytes) = self { return bytes }
        return 0
    }
}
