import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// Must-show 2: a sweep killed with SIGKILL and restarted checks each (root, object) exactly once in total.
@Suite struct FixityResumeCLITests {
    @Test func killedSweepsResumeAndCheckEachPairExactlyOnce() throws {
        let fixture = try PreservationHome("kho-fixity-resume")
        try fixture.ingestSamples(count: 2, seed: 501)
        for index in 0..<4 { try fixture.commitObject("urn:kho:test:resume-\(index)", files: 6) }
        try fixture.addReplica("r1")
        try fixture.addReplica("r2")
        let pairs = 6 * 3

        // Killed right after the 5th check is committed, twice, then allowed to finish.
        for _ in 0..<2 {
            let killed = try fixture.kho(["fixity", "sweep"], environment: ["KHO_TEST_SWEEP_KILL_AFTER": "5"])
            #expect(killed.status == SIGKILL || killed.stderr.contains("KHO-TEST-CRASH-POINT sweep 5"), "\(killed.status) \(killed.stderr)")
        }
        let (last, summary) = try fixture.sweep()
        #expect(last.status == 0, "\(last.stdout)\n\(last.stderr)")
        let sweep = try #require(summary)
        #expect(sweep.resumed)
        #expect(sweep.status == "finished")
        #expect(sweep.pairsInScope == pairs)
        #expect(sweep.checkedEarlier == 10 && sweep.checkedThisRun == pairs - 10)

        let catalogue = try fixture.openCatalogue()
        #expect(try catalogue.sweeps().count == 1)
        let checks = try catalogue.checks(sweepID: sweep.sweepID)
        #expect(checks.count == pairs)
        #expect(Set(checks.map { RootObject(rootName: $0.rootName, objectID: $0.objectID) }).count == pairs)
        // Exactly one PREMIS fixity event per (root, object), each with its audit entry.
        var events: [RootObject: Int] = [:]
        for objectID in Set(checks.map(\.objectID)) {
            // Ingest's own checksum verification is also a "fixity check" event; a sweep's names the copy (root:…).
            for event in try catalogue.events(aipObjectID: objectID) where event.type == .fixityCheck {
                guard let root = event.linkingObjects.first(where: { $0.hasPrefix("root:") }) else { continue }
                events[RootObject(rootName: String(root.dropFirst(5)), objectID: objectID), default: 0] += 1
            }
        }
        #expect(events.count == pairs && events.values.allSatisfy { $0 == 1 }, "\(events)")
        let audit = try AuditChain.verify(catalogue)
        #expect(audit.isIntact)
        #expect(sweep.audit.length == audit.length && sweep.audit.headDigest == audit.headDigest)

        // The next sweep is a new one, not a resumption.
        let (_, next) = try fixture.sweep()
        #expect(next?.resumed == false && next?.checkedThisRun == pairs)
    }

    @Test func maxDurationStopsCleanlyAndTheNextRunResumes() throws {
        let fixture = try PreservationHome("kho-fixity-stop")
        for index in 0..<3 { try fixture.commitObject("urn:kho:test:stop-\(index)", files: 3) }
        let (stopped, first) = try fixture.sweep(["--max-duration", "0.001s"])
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(first?.status == "stopped")
        #expect(first?.checkedThisRun == 0)
        let human = try fixture.kho(["fixity", "sweep"], ["--object", "urn:kho:test:stop-1"])
        #expect(human.status == 0)
        #expect(human.stdout.contains("NGUYÊN VẸN / INTACT") && human.stdout.contains("head "))
        let (_, resumed) = try fixture.sweep()
        #expect(resumed?.resumed == true && resumed?.sweepID == first?.sweepID && resumed?.status == "finished")
        #expect(resumed?.checkedThisRun == 3)
        // Usage errors exit 2.
        #expect(try fixture.kho(["fixity", "sweep"], ["--max-duration", "soon"]).status == 2)
    }
}

/// `--full`: sha512 digests and complete OCFL validation; damage found, repaired, clean again.
@Suite struct FixityFullCLITests {
    @Test func fullSweepFindsAndRepairHealsThenCleanInFullMode() throws {
        let fixture = try PreservationHome("kho-fixity-full")
        try fixture.addReplica("r1")
        try fixture.ingestSamples(count: 1, docs: 2, seed: 521)
        let (clean, first) = try fixture.sweep(["--full"])
        #expect(clean.status == 0, "\(first?.damage ?? [])")
        let object = try #require(try PreservationHome.objectFolders(fixture.primary).first)
        let pdf = try #require(try FileManager.default.subpathsOfDirectory(atPath: fixture.primary + "/" + object)
            .first { $0.hasSuffix(".pdf") && $0.contains("/content/") })
        let file = fixture.primary + "/" + object + "/" + pdf
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let (found, summary) = try fixture.sweep(["--full"])
        #expect(found.status == 1)
        #expect(summary?.damage.contains { $0.root == "primary" && $0.kind == "altered" && $0.path == pdf } == true)
        let repair = try fixture.kho(["repair"], ["--json"])
        #expect(repair.status == 0, "\(repair.stdout)\n\(repair.stderr)")
        #expect(try fixture.sweep(["--full"]).0.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) != Data(bytes))

        // An object nobody knows is a clear error, not "damage".
        let unknown = try fixture.kho(["fixity", "sweep"], ["--object", "urn:uuid:khong-co"])
        #expect(unknown.status == 1 && unknown.stderr.contains("KHO-FIXITY-NO-OBJECT"))
    }
}
