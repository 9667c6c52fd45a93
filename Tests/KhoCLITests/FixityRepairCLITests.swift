import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// Must-show 1 through the CLI: hundreds of random faults across a primary and two replicas are all found by
/// path and kind, all repaired from verified copies, and the next sweep is clean; damage to every copy of one
/// file is reported unrecoverable and nothing changes.
@Suite(.serialized) struct FixityRepairCLITests {
    /// A home with a primary and two replicas holding the same ingested objects.
    static func homeWithReplicas(_ label: String, transfers: Int, docs: Int, seed: Int) throws -> PreservationHome {
        let fixture = try PreservationHome(label)
        try fixture.addReplica("r1")
        try fixture.addReplica("r2")
        try fixture.ingestSamples(count: transfers, docs: docs, seed: seed)
        return fixture
    }

    /// Every file of every root with its bytes, to show nothing changed.
    static func digestSnapshot(_ roots: [String]) throws -> [String: [[UInt8]: Data]] {
        Dictionary(uniqueKeysWithValues: roots.map { ($0, OCFLStorageCLISupport.snapshot($0)) })
    }

    @Test func fiveHundredFaultsAreFoundRepairedAndTheNextSweepIsClean() throws {
        let fixture = try Self.homeWithReplicas("kho-fixity-faults", transfers: 16, docs: 12, seed: 701)
        let roots = [fixture.primary, fixture.replica("r1"), fixture.replica("r2")]
        let names = [fixture.primary: "primary", fixture.replica("r1"): "r1", fixture.replica("r2"): "r2"]
        let objects = try PreservationHome.objectFolders(fixture.primary)
        #expect(try PreservationHome.objectFolders(fixture.replica("r2")) == objects)
        let idByFolder = try Dictionary(uniqueKeysWithValues: objects.map { folder in
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.primary + "/" + folder + "/inventory.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return (folder, try #require(json["id"] as? String))
        })
        let clean = try fixture.sweep()
        #expect(clean.0.status == 0, "\(clean.0.stdout)\n\(clean.0.stderr)")

        var injector = FaultInjector(seed: 20261121)
        let faults = try injector.inject(count: 520, roots: roots, objects: objects)
        #expect(faults.count >= 500)
        let expected = Set(faults.map { SweepJSON.Finding(root: names[$0.root] ?? $0.root, objectID: idByFolder[$0.objectPath] ?? $0.objectPath,
                                                          kind: $0.expectedKind, path: $0.path) })
        #expect(Set(faults.map(\.action)).count >= 8, "every kind of fault: \(Set(faults.map(\.action)))")

        let (found, summary) = try fixture.sweep(["--stale-first"])
        #expect(found.status == 1, "\(found.stderr)")
        let sweep = try #require(summary)
        let reported = Set(sweep.damage)
        let missed = expected.subtracting(reported)
        let extra = reported.subtracting(expected)
        #expect(missed.isEmpty, "not found: \(missed.count) e.g. \(Array(missed.prefix(10)))")
        #expect(extra.isEmpty, "reported but not injected: \(extra.count) e.g. \(Array(extra.prefix(10)))")
        #expect(sweep.audit.intact && sweep.audit.length > 0 && sweep.audit.headDigest.count == 64)
        // The human form names each damage in both languages.
        let human = try fixture.kho(["fixity", "sweep"])
        #expect(human.status == 1)
        #expect(human.stdout.contains("PHÁT HIỆN HƯ HỎNG / DAMAGE FOUND") && human.stdout.contains("bị mất / missing"))

        let repair = try fixture.kho(["repair"], ["--json"])
        #expect(repair.status == 0, "\(repair.stdout.prefix(3000))\n\(repair.stderr)")
        let catalogue = try fixture.openCatalogue()
        let actions = try catalogue.repairActions()
        let unrecoverable = actions.filter { $0.outcome != "repaired" }
        #expect(unrecoverable.isEmpty, "\(unrecoverable.prefix(8).map { "\($0.rootName) \($0.kind) \($0.path)" })")
        let repairedThings = Set(actions.map { SweepJSON.Finding(root: $0.rootName, objectID: $0.objectID, kind: $0.kind, path: $0.path) })
        #expect(expected.isSubset(of: repairedThings), "not repaired: \(expected.subtracting(repairedThings).prefix(10))")
        #expect(actions.filter { $0.sourceRootName != nil }.allSatisfy { $0.sourceRootName != $0.rootName })
        #expect(FileManager.default.fileExists(atPath: fixture.home + "/quarantine/repair"))
        // The re-check after repair covers only the repaired copies, and its recorded scope says so.
        let recheck = try #require(try catalogue.sweeps().last)
        let repairedCopies = Set(actions.map { "\($0.rootName) \($0.objectID)" }).count
        #expect(recheck.scope == "repair-recheck:\(repairedCopies)", "\(recheck.scope)")

        let (after, next) = try fixture.sweep()
        #expect(after.status == 0, "\(next?.damage.prefix(10) ?? [])")
        #expect(next?.damage.isEmpty == true)
        for root in roots {
            let validate = try runKho(["ocfl", "validate", root])
            #expect(validate.status == 0, "\(root): \(validate.stdout.prefix(2000))")
        }
        #expect(try AuditChain.verify(catalogue).isIntact)
        let audit = try runKho(["audit", "verify", "--home", fixture.home])
        #expect(audit.status == 0, "\(audit.stdout.prefix(3000))")
    }

    @Test func everyCopyDamagedIsUnrecoverableAndNothingChanges() throws {
        let fixture = try Self.homeWithReplicas("kho-fixity-unrecoverable", transfers: 1, docs: 3, seed: 711)
        let roots = [fixture.primary, fixture.replica("r1"), fixture.replica("r2")]
        let object = try #require(try PreservationHome.objectFolders(fixture.primary).first)
        let content = try FileManager.default.subpathsOfDirectory(atPath: fixture.primary + "/" + object)
            .filter { $0.hasSuffix(".pdf") && $0.contains("/content/") }.sorted()
        let victim = try #require(content.first)
        var injector = FaultInjector(seed: 7)
        _ = try injector.damageEveryCopy(of: victim, objectRoots: roots.map { $0 + "/" + object })

        let (found, summary) = try fixture.sweep()
        #expect(found.status == 1)
        #expect(Set(summary?.damage.map { "\($0.root) \($0.kind) \($0.path)" } ?? [])
                == ["primary altered \(victim)", "r1 altered \(victim)", "r2 altered \(victim)"])

        let before = try Self.digestSnapshot(roots)
        let repair = try fixture.kho(["repair"])
        #expect(repair.status == 1)
        #expect(repair.stdout.contains("KHÔNG SỬA ĐƯỢC / UNRECOVERABLE: 3"), "\(repair.stdout)")
        #expect(repair.stderr.contains("UNRECOVERABLE") && repair.stderr.contains("KHÔNG SỬA ĐƯỢC"))
        #expect(try Self.digestSnapshot(roots) == before)
        let actions = try fixture.openCatalogue().repairActions()
        #expect(actions.count == 3 && actions.allSatisfy { $0.outcome == "unrecoverable" && $0.sourceRootName == nil && $0.path == victim })
    }
}
