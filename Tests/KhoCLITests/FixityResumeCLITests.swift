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

    @Test func aSweepStillRunningIsNeverResumedByAnother() throws {
        let fixture = try PreservationHome("kho-fixity-live")
        for index in 0..<3 { try fixture.commitObject("urn:kho:test:live-\(index)", files: 8) }
        // A slow sweep (1 kB/s) in the background.
        let slow = Process()
        slow.executableURL = TestEnvironment.khoExecutable
        slow.arguments = ["fixity", "sweep", "--home", fixture.home, "--max-rate", "0.001"]
        slow.standardOutput = FileHandle.nullDevice
        slow.standardError = FileHandle.nullDevice
        try slow.run()
        let deadline = Date().addingTimeInterval(30)
        var first: FixitySweepRecord?
        while Date() < deadline, first == nil {
            first = try? Catalogue(path: fixture.catalogue).sweeps().first
            if first == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let live = try #require(first)
        #expect(slow.isRunning)
        // Another sweep meanwhile starts its own.
        let (other, summary) = try fixture.sweep()
        #expect(other.status == 0, "\(other.stderr)")
        #expect(summary?.resumed == false && summary?.sweepID != live.id && summary?.checkedThisRun == 3)
        // Once the slow one is killed, the next sweep continues it.
        kill(slow.processIdentifier, SIGKILL)
        slow.waitUntilExit()
        let (_, resumed) = try fixture.sweep()
        #expect(resumed?.resumed == true && resumed?.sweepID == live.id)
        #expect((resumed?.checkedEarlier ?? -1) + (resumed?.checkedThisRun ?? -1) == 3)
    }

    @Test func sigtermStopsASweepBetweenObjectsAndTheNextRunResumes() throws {
        let fixture = try PreservationHome("kho-fixity-term")
        for index in 0..<3 { try fixture.commitObject("urn:kho:test:term-\(index)", files: 8) }
        let slow = Process()
        slow.executableURL = TestEnvironment.khoExecutable
        slow.arguments = ["fixity", "sweep", "--home", fixture.home, "--max-rate", "0.001", "--json"]
        let out = Pipe()
        slow.standardOutput = out
        slow.standardError = FileHandle.nullDevice
        try slow.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, ((try? Catalogue(path: fixture.catalogue).sweeps().count) ?? 0) == 0 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        slow.terminate()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        slow.waitUntilExit()
        #expect(slow.terminationReason == .exit && slow.terminationStatus == 0)
        let stopped = try JSONDecoder().decode(SweepJSON.self, from: output)
        #expect(stopped.status == "stopped" && stopped.checkedThisRun < 3)
        let (_, resumed) = try fixture.sweep()
        #expect(resumed?.resumed == true && resumed?.sweepID == stopped.sweepID && resumed?.status == "finished")
        #expect(resumed.map { $0.checkedEarlier + $0.checkedThisRun } == 3)
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
        // A kho.toml that does not read stops every preservation command with its line, in both languages.
        try Data("[fixity]\ninterval_days = -1\n".utf8).write(to: URL(fileURLWithPath: fixture.home + "/kho.toml"))
        for words in [["fixity", "sweep"], ["replica", "sync"], ["repair"], ["scheduler"]] {
            let bad = try fixture.kho(words, words == ["scheduler"] ? ["--once"] : [])
            #expect(bad.status == 1, "\(words)")
            #expect(bad.stderr.contains("kho.toml (dòng 2)") && bad.stderr.contains("kho.toml (line 2)"), "\(words): \(bad.stderr)")
        }
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
