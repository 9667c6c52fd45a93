import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

@Suite struct FixitySweepTests {
    /// Every damage the checker reports for every object in every root.
    static func sweep(_ fixture: FixityTestFixture, mode: FixityMode = .fixity, sizes: [String: UInt64]) throws -> Set<FoundDamage> {
        var found: Set<FoundDamage> = []
        let checker = ObjectFixityChecker(mode: mode)
        for root in fixture.roots {
            for id in fixture.ids {
                let folder = try fixture.objectFolder(id)
                let report = checker.check(objectAt: root.path + "/" + folder, expectedSizes: sizes)
                for damage in report.damage {
                    found.insert(FoundDamage(root: root.path, object: folder, path: damage.path, kind: damage.kind.rawValue))
                }
            }
        }
        return found
    }

    @Test func intactObjectsHaveNoDamageInEitherMode() throws {
        let fixture = try FixityTestFixture.make(objects: 2, filesPerVersion: 8)
        for mode in FixityMode.allCases {
            let report = ObjectFixityChecker(mode: mode).check(objectAt: fixture.replicas[1].path + "/" + (try fixture.objectFolder(fixture.ids[0])))
            #expect(report.isIntact, "\(mode): \(report.damage)")
            #expect(report.objectID == fixture.ids[0])
            #expect(report.filesChecked > 20)
            #expect(report.bytesChecked > 0)
        }
    }

    @Test func fiveHundredRandomFaultsAreFoundByPathAndKindThenHealed() throws {
        let fixture = try FixityTestFixture.make(objects: 6)
        let sizes = try fixture.expectedSizes()
        var injector = FaultInjector(seed: 20_261_121)
        let faults = try injector.inject(count: 520, roots: fixture.roots.map(\.path), objects: fixture.ids.map(fixture.objectFolder))
        #expect(faults.count >= 500)
        #expect(Set(faults.map(\.action)).count == InjectedFault.Action.allCases.count, "every kind of fault was injected")
        let expected = Set(faults.map { FoundDamage(root: $0.root, object: $0.objectPath, path: $0.path, kind: $0.expectedKind) })
        #expect(expected.count == faults.count)

        let found = try Self.sweep(fixture, sizes: sizes)
        #expect(found.subtracting(expected).isEmpty, "reported but not injected: \(found.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(expected.subtracting(found).isEmpty, "injected but not found: \(expected.subtracting(found).sorted { $0.description < $1.description })")

        // Full mode finds the same faults; anything more it says comes from the OCFL validator.
        let full = try Self.sweep(fixture, mode: .full, sizes: sizes)
        #expect(expected.subtracting(full).isEmpty, "full mode missed: \(expected.subtracting(full))")
        #expect(full.subtracting(expected).allSatisfy { $0.kind == DamageKind.invalid.rawValue })

        // Repair each root from the others.
        var repairedCount = 0
        for root in fixture.roots {
            let others = fixture.roots.filter { $0.path != root.path }
            for id in fixture.ids {
                let folder = root.path + "/" + (try fixture.objectFolder(id))
                let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: folder, expectedSizes: sizes).damage
                let report = ObjectRepairer(target: root, candidates: others)
                    .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence/" + FileSystemName.of(root.path) + "/" + id)
                #expect(report.unrecoverable.isEmpty, "\(root.path) \(id): \(report.unrecoverable)")
                #expect(report.repaired.count == damage.count)
                #expect(report.repaired.allSatisfy { $0.action == "removed" || others.map(\.path).contains($0.sourceRoot) })
                repairedCount += report.repaired.count
            }
        }
        #expect(repairedCount == faults.count)
        #expect(try Self.sweep(fixture, sizes: sizes).isEmpty)
        #expect(try Self.sweep(fixture, mode: .full, sizes: sizes).isEmpty)
        for root in fixture.roots {
            let report = OCFLValidator(options: .init(checkDigests: true)).validate(storageRootAt: URL(fileURLWithPath: root.path))
            #expect(report.isValid, "\(root.path): \(report.errors.map(\.line))")
            #expect(report.objectCount == fixture.ids.count)
        }
        // Bad copies and unexpected files were kept as evidence, not deleted.
        let evidence = try DirectoryWalker.files(under: fixture.temp.path + "/evidence")
        let kept = faults.filter { ![.deletion, .deletedInventory, .deletedSidecar].contains($0.action) }
        #expect(evidence.count == kept.count)
    }

    @Test func damageToEveryCopyIsUnrecoverableAndNothingChanges() throws {
        let fixture = try FixityTestFixture.make(objects: 2, filesPerVersion: 10)
        let id = fixture.ids[1]
        let folder = try fixture.objectFolder(id)
        let victim = try #require(try DirectoryWalker.files(under: fixture.primary.path + "/" + folder).first { $0.hasPrefix("v2/content/") })
        var injector = FaultInjector(seed: 7)
        _ = try injector.damageEveryCopy(of: victim, objectRoots: fixture.roots.map { $0.path + "/" + folder })
        let before = try fixture.snapshot()
        for root in fixture.roots {
            let damage = ObjectFixityChecker(mode: .fixity).check(objectAt: root.path + "/" + folder).damage
            #expect(damage == [Damage(kind: .altered, path: victim)])
            let report = ObjectRepairer(target: root, candidates: fixture.roots.filter { $0.path != root.path })
                .repair(objectID: id, damage: damage, evidenceFolder: fixture.temp.path + "/evidence")
            #expect(report.repaired.isEmpty)
            #expect(report.unrecoverable == damage)
        }
        #expect(try fixture.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.temp.path + "/evidence"))
    }

    /// An object written by a tool that records no sha256 fixity: fixity mode falls back to the content digests.
    @Test func objectWithoutSha256FixityIsCheckedAgainstContentDigests() throws {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: 6, replicaCount: 0)
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0]))
        let head = try fixture.primary.object(fixture.ids[0]).inventory.head
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json"))) as? [String: Any])
        json.removeValue(forKey: "fixity")
        let bytes = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let digest = try #require(VerifiedDigest.sha512(bytes))
        for folder in [objectRoot, objectRoot + "/" + head] {
            try bytes.write(to: URL(fileURLWithPath: folder + "/inventory.json"))
            try Data("\(digest) inventory.json\n".utf8).write(to: URL(fileURLWithPath: folder + "/inventory.json.sha512"))
        }
        let intact = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot)
        #expect(intact.isIntact, "\(intact.damage)")
        let manifestCount = (json["manifest"] as? [String: [String]])?.values.reduce(0) { $0 + $1.count } ?? 0
        #expect(intact.filesChecked == manifestCount)
        let victim = try #require(try DirectoryWalker.files(under: objectRoot).first { $0.hasPrefix("v1/content/") })
        var injector = FaultInjector(seed: 1)
        _ = try injector.damageEveryCopy(of: victim, objectRoots: [objectRoot])
        let damaged = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot)
        #expect(damaged.damage == [Damage(kind: .altered, path: victim)])
        #expect(damaged.damage.first?.detail.hasPrefix("sha512") == true)
    }

    @Test func rateLimitKeepsTheCheckToTheRate() throws {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: 200, replicaCount: 0)
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0]))
        let unthrottled = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot)
        let bytes = Double(unthrottled.bytesChecked)
        #expect(bytes > 500_000)
        let rate = 1_000_000.0
        let start = Date()
        let throttled = ObjectFixityChecker(mode: .fixity, threads: 2, rateLimiter: ByteRateLimiter(bytesPerSecond: UInt64(rate))).check(objectAt: objectRoot)
        let elapsed = Date().timeIntervalSince(start)
        #expect(throttled.isIntact)
        #expect(throttled.bytesChecked == unthrottled.bytesChecked)
        // The bucket starts with at most 64 KiB; the rest must wait for the rate.
        #expect(elapsed >= (bytes - 65_536) / rate * 0.9, "\(elapsed) s for \(bytes) bytes at \(rate) B/s")
        #expect(elapsed < bytes / rate * 4 + 2)
    }
}

/// sha512 of bytes in memory, for tests that rewrite inventories.
enum VerifiedDigest {
    static func sha512(_ data: Data) -> String? {
        let digester = MultiDigester([.sha512])
        data.withUnsafeBytes { digester.update($0) }
        return digester.finalize()[.sha512]
    }
}

/// The last path segment, to name a root's evidence folder.
enum FileSystemName {
    static func of(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
}
