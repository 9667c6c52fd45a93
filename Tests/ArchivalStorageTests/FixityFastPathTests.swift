@testable import ArchivalStorage
import Foundation
import KhoTestSupport
import Testing

/// The shortcuts of the fixity check: paths looked up without copies, the head inventory compared with the root's.
@Suite struct FixityFastPathTests {
    @Test func exactPathFromStringEqualsExactPathFromTheSameBytes() {
        let nfc = "v1/content/Hồ sơ 272/Quyết định.txt"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc == nfd, "Swift compares the two spellings as equal")
        #expect(ExactPath(nfc) == ExactPath(bytes: Array(nfc.utf8)))
        #expect(ExactPath(nfc) != ExactPath(nfd))
        #expect(ExactPath(bytes: Array(nfd.utf8)) != ExactPath(nfc))
        let onDisk: Set<ExactPath> = [ExactPath(bytes: Array(nfc.utf8)), ExactPath(bytes: [0x61, 0xFF])]
        #expect(onDisk.contains(ExactPath(nfc)))
        #expect(!onDisk.contains(ExactPath(nfd)))
        #expect(ExactPath("") == ExactPath(bytes: []))
        #expect(ExactPath("a").string == "a" && ExactPath(bytes: [0x61]).bytes == [0x61])
    }

    @Test func fileComparisonSeesEveryDifference() throws {
        let folder = try TemporaryDirectory("kho-fixity-compare")
        // Larger than one read so that a difference in a later read counts.
        let bytes = (0..<700_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = folder.path + "/inventory.json"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(FileSystem.file(file, equals: bytes))
        var lastByte = bytes
        lastByte[lastByte.count - 1] ^= 1
        #expect(!FileSystem.file(file, equals: lastByte))
        #expect(!FileSystem.file(file, equals: Array(bytes.dropLast())))
        #expect(!FileSystem.file(file, equals: bytes + [0]))
        #expect(!FileSystem.file(folder.path + "/absent.json", equals: bytes))
        #expect(!FileSystem.file(folder.path, equals: []))
        let empty = folder.path + "/empty.json"
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(FileSystem.file(empty, equals: []))
    }

    @Test func headInventoryDifferingFromTheRootIsHashedAndReported() throws {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: 4, replicaCount: 0)
        let object = fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0]))
        let head = try FileManager.default.contentsOfDirectory(atPath: object)
            .filter { Inventory.versionNumber($0) != nil }.max { Inventory.versionNumber($0) ?? 0 < Inventory.versionNumber($1) ?? 0 }
        let headFolder = try #require(head)
        let intact = ObjectFixityChecker(mode: .fixity).check(objectAt: object)
        #expect(intact.isIntact, "\(intact.damage)")
        // One hex digit of the manifest changed: same length, still JSON, different bytes from the root's.
        let file = object + "/" + headFolder + "/inventory.json"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let manifest = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("\"manifest\"".utf8)) })
        let digit = try #require(bytes[manifest...].firstIndex { (0x30...0x39).contains($0) })
        bytes[digit] = bytes[digit] == 0x30 ? 0x31 : 0x30
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        for mode in FixityMode.allCases {
            let report = ObjectFixityChecker(mode: mode).check(objectAt: object)
            #expect(report.damage.contains { $0.kind == .inventoryDamaged && $0.path == headFolder + "/inventory.json" }, "\(mode): \(report.damage)")
            #expect(!report.damage.contains { $0.path == "inventory.json" || $0.kind == .altered }, "\(mode): \(report.damage)")
        }
    }
}
