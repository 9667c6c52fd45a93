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
            for event in try catalogue.events(aipObjectID: objectID) where event.type == .fixityCheck {
                let root = event.linkingObjects.first { $0.hasPrefix("root:") }.map { String($0.dropFirst(5)) } ?? "?"
                events[RootObject(rootName: root, objectID: objectID), default: 0] += 1
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
