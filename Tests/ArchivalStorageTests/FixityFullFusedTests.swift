@testable import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// `full` mode in one validator pass: the damage read from the validator's facts is the damage the `fixity`
/// mode finds (plus validator errors as `invalid`), and copies whose root inventory cannot be trusted go to the
/// two-pass check.
@Suite struct FixityFullFusedTests {
    /// Damage as (kind, path) pairs, `invalid` left out.
    static func kinds(_ damage: [Damage]) -> Set<String> {
        Set(damage.filter { $0.kind != .invalid }.map { "\($0.kind.rawValue) \($0.path)" })
    }

    @Test func onePassFindsWhatFixityModeFindsOnEveryFaultyCopy() throws {
        let fixture = try FixityTestFixture.make(objects: 3, filesPerVersion: 12)
        let sizes = try fixture.expectedSizes()
        var injector = FaultInjector(seed: 44)
        let faults = try injector.inject(count: 60, roots: fixture.roots.map(\.path), objects: fixture.ids.map(fixture.objectFolder))
        #expect(faults.count == 60)
        var fused = 0, twoPass = 0
        for root in fixture.roots {
            for id in fixture.ids {
                let objectRoot = root.path + "/" + (try fixture.objectFolder(id))
                let fixity = ObjectFixityChecker(mode: .fixity).check(objectAt: objectRoot, expectedSizes: sizes)
                let full = ObjectFixityChecker(mode: .full).check(objectAt: objectRoot, expectedSizes: sizes)
                #expect(Self.kinds(full.damage) == Self.kinds(fixity.damage), "\(objectRoot)")
                #expect(full.objectID == id)
                let entries = try FileSystem.entries(objectRoot)
                var report = ObjectFixityReport(objectPath: objectRoot, mode: .full)
                let onePass = FusedFullCheck(threads: 2, bufferSize: 1 << 20, rateLimiter: nil)
                    .check(objectRoot: objectRoot, entries: entries, expectedSizes: { sizes }, report: &report)
                if let onePass {
                    fused += 1
                    #expect(Self.kinds(onePass) == Self.kinds(fixity.damage))
                    #expect(report.filesChecked > 0 && report.bytesChecked > 0)
                } else {
                    twoPass += 1
                    // Only a root inventory that nothing confirms sends a copy to the two-pass check.
                    #expect(fixity.damage.contains { $0.path == "inventory.json" || $0.path == "inventory.json.sha512" })
                }
            }
        }
        #expect(fused > twoPass, "one pass for most copies: \(fused) vs \(twoPass)")
    }

    @Test func truncatedAlteredMissingAndUnexpectedInOnePass() throws {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: 8, replicaCount: 0)
        let sizes = try fixture.expectedSizes()
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0]))
        let content = try DirectoryWalker.files(under: objectRoot).filter { $0.contains("/content/") }.sorted()
        #expect(content.count >= 4)
        let (cut, flipped, gone) = (content[0], content[1], content[2])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: objectRoot + "/" + cut))
        try handle.truncate(atOffset: 1)
        try handle.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/" + flipped))
        bytes[0] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: objectRoot + "/" + flipped))
        try FileManager.default.removeItem(atPath: objectRoot + "/" + gone)
        try Data("lạ".utf8).write(to: URL(fileURLWithPath: objectRoot + "/v1/content/lạ.bin"))
        try Data("lạ".utf8).write(to: URL(fileURLWithPath: objectRoot + "/lạ.txt"))

        var report = ObjectFixityReport(objectPath: objectRoot, mode: .full)
        let damage = try #require(FusedFullCheck(threads: 2, bufferSize: 1 << 20, rateLimiter: nil)
            .check(objectRoot: objectRoot, entries: try FileSystem.entries(objectRoot), expectedSizes: { sizes }, report: &report))
        #expect(Self.kinds(damage) == ["truncated \(cut)", "altered \(flipped)", "missing \(gone)", "unexpected v1/content/lạ.bin", "unexpected lạ.txt"])
        #expect(damage.first { $0.path == flipped }?.detail.hasPrefix("sha512 ") == true)
        // Without the catalogue's sizes a shortened file is simply altered.
        var plain = ObjectFixityReport(objectPath: objectRoot, mode: .full)
        let unsized = FusedFullCheck(threads: 1, bufferSize: 4096, rateLimiter: nil)
            .check(objectRoot: objectRoot, entries: try FileSystem.entries(objectRoot), expectedSizes: { [:] }, report: &plain)
        #expect(unsized.map(Self.kinds)?.contains("altered \(cut)") == true)
    }

    @Test func fullModeKeepsToTheRateLimit() throws {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: 200, replicaCount: 0)
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0]))
        let unthrottled = ObjectFixityChecker(mode: .full).check(objectAt: objectRoot)
        let bytes = Double(unthrottled.bytesChecked)
        #expect(unthrottled.isIntact && bytes > 500_000)
        let rate = 1_000_000.0
        let start = Date()
        let throttled = ObjectFixityChecker(mode: .full, threads: 2, rateLimiter: ByteRateLimiter(bytesPerSecond: UInt64(rate))).check(objectAt: objectRoot)
        let elapsed = Date().timeIntervalSince(start)
        #expect(throttled.isIntact)
        #expect(throttled.bytesChecked == unthrottled.bytesChecked && throttled.filesChecked == unthrottled.filesChecked)
        // The bucket starts with at most 64 KiB; the rest must wait for the rate.
        #expect(elapsed >= (bytes - 65_536) / rate * 0.9, "\(elapsed) s for \(bytes) bytes at \(rate) B/s")
    }

    @Test func validatorFactsNameTheFailingFilesAndTheInventoryDigests() throws {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: 5, replicaCount: 0)
        let objectRoot = fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0]))
        let victim = try #require(try DirectoryWalker.files(under: objectRoot).filter { $0.hasPrefix("v1/content/") }.sorted().first)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: objectRoot + "/" + victim))
        bytes[bytes.count - 1] ^= 0x80
        try bytes.write(to: URL(fileURLWithPath: objectRoot + "/" + victim))
        let sink = ValidationFactSink()
        let report = ObjectValidation(root: objectRoot, options: .init(checkDigests: true, checkFixity: false), facts: sink).run()
        let facts = sink.value
        #expect(facts.rootUsable && facts.rootDigestAlgorithm == "sha512" && facts.versionNames == ["v1", "v2", "v3"])
        #expect(facts.digestFailures.map(\.path) == [victim])
        #expect(facts.digestFailures.first?.rootManifestDigest?.count == 128)
        #expect(facts.fixitySha256[victim]?.count == 64)
        #expect(facts.unlisted.isEmpty && facts.absent.isEmpty)
        let rootDigest = try VerifiedDigest.sha512(Data(contentsOf: URL(fileURLWithPath: objectRoot + "/inventory.json")))
        #expect(facts.inventoryDigests[""]?.digest == rootDigest)
        #expect(facts.inventoryDigests["v3"]?.digest == rootDigest)
        #expect(facts.filesHashed == report.filesHashed && facts.bytesHashed > 0)
        #expect(report.errors.map(\.code) == ["E092"])
    }
}
