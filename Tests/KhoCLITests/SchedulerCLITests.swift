import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// `kho scheduler --once`: checks only what is due, stalest first.
@Suite struct SchedulerCLITests {
    @Test func oncePassChecksOnlyDuePairsStaleFirst() throws {
        let fixture = try PreservationHome("kho-scheduler")
        let ids = ["urn:kho:test:lich-a", "urn:kho:test:lich-b", "urn:kho:test:lich-c", "urn:kho:test:lich-d"]
        for id in ids { try fixture.commitObject(id, files: 2) }
        // Three of the four checked once; then their checks are made old: a two years ago, b one year ago, c today.
        for id in ids.prefix(3) { #expect(try fixture.sweep(["--object", id]).0.status == 0) }
        let catalogue = try fixture.openCatalogue()
        try catalogue.unsafeExecute(sql: "UPDATE fixity_check SET checked_at = '2024-11-01T00:00:00Z' WHERE object_id = ?", arguments: [ids[0]])
        try catalogue.unsafeExecute(sql: "UPDATE fixity_check SET checked_at = '2025-11-01T00:00:00Z' WHERE object_id = ?", arguments: [ids[1]])

        let pass = try fixture.kho(["scheduler"], ["--once", "--json", "--interval-days", "90", "--max-rate", "50"])
        #expect(pass.status == 0, "\(pass.stdout)\n\(pass.stderr)")
        let sweeps = try catalogue.sweeps()
        let last = try #require(sweeps.last?.id)
        // d never checked comes first, then a (oldest), then b; c was checked today and is not due.
        #expect(try catalogue.checks(sweepID: last).map(\.objectID) == [ids[3], ids[0], ids[1]])
        // Recorded as what it was — three copies chosen by the schedule — not as a sweep of everything.
        #expect(sweeps.last?.scope == "scheduled:3")
        #expect(pass.stdout.contains("\"due\":3"), "\(pass.stdout)")

        // Nothing is due now: a second pass checks nothing.
        let again = try fixture.kho(["scheduler"], ["--once", "--json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("\"due\":0"), "\(again.stdout)")
        #expect(try catalogue.sweeps().count == sweeps.count)
    }

    @Test func sigtermStopsTheLongRunningSchedulerCleanly() throws {
        let fixture = try PreservationHome("kho-scheduler-term")
        try fixture.commitObject("urn:kho:test:lich-term", files: 2)
        let process = Process()
        process.executableURL = TestEnvironment.khoExecutable
        process.arguments = ["scheduler", "--home", fixture.home, "--tick", "3600"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first pass to be recorded, then ask it to stop.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let sweeps = try? Catalogue(path: fixture.catalogue).sweeps(), sweeps.first?.status == .finished { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output.contains("due: 1") || output.contains("Đến hạn / due: 1"), "\(output)")
    }
}
