#if canImport(Glibc)
import Glibc
#endif
@testable import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport
import Testing

/// The one-pass `fixity` mode: content listed and hashed together, the sha256 fixity block read into a byte-keyed
/// path table, each file matched by one lookup. The edges it meets on disk and in inventories.
@Suite struct FixityOnePassTests {
    /// The fixture (its folder lives as long as it does) and its one object's folder.
    private func object(files: Int = 6) throws -> (fixture: FixityTestFixture, root: String) {
        let fixture = try FixityTestFixture.make(objects: 1, filesPerVersion: files, replicaCount: 0)
        return (fixture, fixture.primary.path + "/" + (try fixture.objectFolder(fixture.ids[0])))
    }

    private func contentFiles(_ root: String) throws -> [String] {
        try DirectoryWalker.files(under: root).filter { $0.contains("/content/") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test func fileReplacedByADirectoryIsMissingAndWhatItHoldsUnexpected() throws {
        let (fixture, root) = try object()
        defer { withExtendedLifetime(fixture) {} }
        let victim = try #require(try contentFiles(root).first)
        try FileManager.default.removeItem(atPath: root + "/" + victim)
        try FileManager.default.createDirectory(atPath: root + "/" + victim, withIntermediateDirectories: false)
        try Data("lạ".utf8).write(to: URL(fileURLWithPath: root + "/" + victim + "/inside.txt"))
        let report = ObjectFixityChecker(mode: .fixity).check(objectAt: root)
        #expect(Set(report.damage) == [Damage(kind: .missing, path: victim), Damage(kind: .unexpected, path: victim + "/inside.txt")],
                "\(report.damage)")
    }

    @Test func fileReplacedByASymlinkIsAlteredAndNeverFollowed() throws {
        let (fixture, root) = try object()
        defer { withExtendedLifetime(fixture) {} }
        let files = try contentFiles(root)
        let victim = try #require(files.first)
        let target = try #require(files.last)
        try FileManager.default.removeItem(atPath: root + "/" + victim)
        // A link to an intact file with other bytes: followed, it would read; it must not be read at all.
        try FileManager.default.createSymbolicLink(atPath: root + "/" + victim, withDestinationPath: root + "/" + target)
        try FileManager.default.createSymbolicLink(atPath: root + "/v1/content/liên kết lạ", withDestinationPath: "/etc/hostname")
        let report = ObjectFixityChecker(mode: .fixity).check(objectAt: root)
        #expect(Set(report.damage) == [Damage(kind: .altered, path: victim), Damage(kind: .unexpected, path: "v1/content/liên kết lạ")],
                "\(report.damage)")
        let altered = try #require(report.damage.first { $0.kind == .altered })
        #expect(altered.detail.contains("not a regular file"))
    }

    @Test func nfdRespellingOfAnNFCNameIsMissingPlusUnexpected() throws {
        let (fixture, root) = try object()
        defer { withExtendedLifetime(fixture) {} }
        // A file whose name (not only its folder's) has NFC bytes that decompose; only the name is respelled.
        let nfc = try #require(try contentFiles(root).first { path in
            let name = String(path.split(separator: "/").last ?? "")
            return Array(name.utf8) == Array(name.precomposedStringWithCanonicalMapping.utf8)
                && Array(name.utf8) != Array(name.decomposedStringWithCanonicalMapping.utf8)
        })
        let folder = nfc.split(separator: "/").dropLast().joined(separator: "/")
        let nfd = folder + "/" + String(nfc.split(separator: "/").last ?? "").decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(nfc.utf8))
        // rename(2) keeps the bytes given (Foundation's file manager may respell a path).
        #expect(rename(root + "/" + nfc, root + "/" + nfd) == 0)
        let report = ObjectFixityChecker(mode: .fixity).check(objectAt: root)
        #expect(report.damage.count == 2, "\(report.damage)")
        #expect(report.damage.contains { $0.kind == .missing && Array($0.path.utf8) == Array(nfc.utf8) })
        #expect(report.damage.contains { $0.kind == .unexpected && Array($0.path.utf8) == Array(nfd.utf8) })
    }

    /// A file gone between the listing of its folder and its opening is missing, not altered.
    @Test func fileVanishedAfterListingIsMissing() throws {
        var index = FixityIndex()
        index.table.add("v1/content/a.txt")
        index.digests.append(RawDigest(hex: String(repeating: "ab", count: 32)))
        let expected = ExpectedContent(inventory: FixityInventory(id: "x", head: "v1", digestAlgorithm: "sha512", manifest: [:], fixity: [:], index: index))
        let walked = [WalkedFile(path: Array("v1/content/a.txt".utf8), vanished: true)]
        let match = expected.match(walked[...], sidecarName: Array("inventory.json.sha512".utf8))
        #expect(match.damage == [Damage(kind: .missing, path: "v1/content/a.txt")])
        #expect(match.damage.first?.detail == "not found")
        #expect(match.found == [0] && match.files == 0)
    }

    /// 300 files in one folder and a few large ones: shared between threads, each checked once.
    @Test func largeFolderIsSharedAndEveryFileCheckedOnce() throws {
        let (fixture, root) = try object(files: 4)
        defer { withExtendedLifetime(fixture) {} }
        let flat = root + "/v1/content/Phẳng"
        try FileManager.default.createDirectory(atPath: flat, withIntermediateDirectories: true)
        for number in 0..<300 { try Data("tệp \(number)".utf8).write(to: URL(fileURLWithPath: flat + "/\(number).txt")) }
        let big = (0..<3).map { _ in Data(repeating: 7, count: 3 << 20) }
        for (number, bytes) in big.enumerated() { try bytes.write(to: URL(fileURLWithPath: flat + "/lớn \(number).bin")) }
        let before = try contentFiles(root).count
        let walked = try #require(ContentWalker(threads: 4, bufferSize: 1 << 16, rateLimiter: nil).walk(objectRoot: root))
        let content = walked.filter { String(decoding: $0.path, as: UTF8.self).contains("/content/") }
        #expect(content.count == before)
        #expect(Set(content.map(\.path)).count == content.count, "a file was read twice")
        #expect(content.allSatisfy { $0.digest != nil && $0.problem == nil && !$0.vanished })
        let report = ObjectFixityChecker(mode: .fixity, threads: 4).check(objectAt: root)
        #expect(report.damage.count == 303 && report.damage.allSatisfy { $0.kind == .unexpected }, "\(report.damage.prefix(5))")
    }

    /// Sizes are fetched only when some file differs, and a shortened file is still `truncated`.
    @Test func sizesAreFetchedOnlyWhenAFileDiffers() throws {
        let (fixture, root) = try object()
        defer { withExtendedLifetime(fixture) {} }
        let sizes = try fixture.expectedSizes()
        var asked = 0
        let intact = ObjectFixityChecker(mode: .fixity).check(objectAt: root) { asked += 1; return sizes }
        #expect(intact.isIntact && asked == 0)
        let victim = try #require(try contentFiles(root).first)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/" + victim))
        try handle.truncate(atOffset: 10)
        try handle.close()
        let damaged = ObjectFixityChecker(mode: .fixity).check(objectAt: root) { asked += 1; return sizes }
        #expect(asked == 1)
        #expect(damaged.damage == [Damage(kind: .truncated, path: victim)], "\(damaged.damage)")
        #expect(ObjectFixityChecker(mode: .fixity).check(objectAt: root).damage == [Damage(kind: .altered, path: victim)])
    }

    /// One content path dropped from the sha256 fixity block: the fast reader declines, the general decoder plans that
    /// path against its sha512 content digest and the rest against sha256; the result is the same on 1, 2 or 4 threads.
    @Test func pathWithoutSha256FixityIsCheckedAgainstItsContentDigest() throws {
        let (fixture, root) = try object()
        defer { withExtendedLifetime(fixture) {} }
        let head = try fixture.primary.object(fixture.ids[0]).inventory.head
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/inventory.json"))) as? [String: Any])
        var fixity = try #require(json["fixity"] as? [String: Any])
        var sha256 = try #require(fixity["sha256"] as? [String: [String]])
        let (digest, paths) = try #require(sha256.first { $0.value.count == 1 })
        let dropped = try #require(paths.first)
        sha256.removeValue(forKey: digest)
        fixity["sha256"] = sha256
        json["fixity"] = fixity
        let bytes = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        #expect(FixityIndexReader.read([UInt8](bytes)) == nil)
        let sidecar = try #require(VerifiedDigest.sha512(bytes))
        for folder in [root, root + "/" + head] {
            try bytes.write(to: URL(fileURLWithPath: folder + "/inventory.json"))
            try Data("\(sidecar) inventory.json\n".utf8).write(to: URL(fileURLWithPath: folder + "/inventory.json.sha512"))
        }
        let manifestCount = (json["manifest"] as? [String: [String]])?.values.reduce(0) { $0 + $1.count } ?? 0
        let intact = ObjectFixityChecker(mode: .fixity).check(objectAt: root)
        #expect(intact.isIntact, "\(intact.damage)")
        #expect(intact.filesChecked == manifestCount)
        let other = try #require(try contentFiles(root).first { $0 != dropped })
        for path in [dropped, other] {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/" + path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("thêm / appended".utf8))
            try handle.close()
        }
        for threads in [1, 2, 4] {
            let report = ObjectFixityChecker(mode: .fixity, threads: threads).check(objectAt: root)
            #expect(Set(report.damage) == [Damage(kind: .altered, path: dropped), Damage(kind: .altered, path: other)], "\(threads): \(report.damage)")
            #expect(report.damage.first { $0.path == dropped }?.detail.hasPrefix("sha512") == true)
            #expect(report.damage.first { $0.path == other }?.detail.hasPrefix("sha256") == true)
            #expect(report.filesChecked == manifestCount)
        }
    }

    @Test func fastReaderAgreesWithTheGeneralDecoder() throws {
        let digestA = String(repeating: "A1", count: 32), digestB = String(repeating: "0f", count: 32)
        // Escapes (\u, a surrogate pair, \/), an upper-case digest, another algorithm, a skipped version block.
        let json = """
            {"digestAlgorithm":"sha512","fixity":{"md5":{"00":["v1/content/a\\u0301.txt"]},"sha256":{"\(digestA)":["v1/content/a\\u0301.txt"],\
            "\(digestB)":["v1/content/\\ud83d\\ude00\\/x.txt","v1/content/ả.txt"]}},"head":"v1","id":"urn:x",\
            "manifest":{"ff":["v1/content/a\\u0301.txt","v1/content/\\ud83d\\ude00/x.txt","v1/content/ả.txt"]},"type":"x",\
            "versions":{"v1":{"state":{"ff":["a\\"b[{"]}}}}
            """
        let bytes = Array(json.utf8)
        let read = try #require(FixityIndexReader.read(bytes))
        #expect(read.id == "urn:x" && read.head == "v1" && read.digestAlgorithm == "sha512")
        let general = try FixityInventory.decode(bytes, path: "inventory.json", manifestDigests: false)
        for (digest, paths) in try #require(general.fixity["sha256"]) {
            for path in paths {
                let number = try #require(read.index.table.number(of: path), "\(path)")
                #expect(read.index.digests[number] == RawDigest(hex: digest))
                #expect(read.index.table.path(number).elementsEqual(path.utf8))
            }
        }
        #expect(read.index.table.count == 3)
        // The NFD "á" of the inventory is not its NFC spelling.
        #expect(read.index.table.number(of: "v1/content/á.txt") == nil)
        #expect(read.index.table.number(of: "v1/content/a\u{301}.txt") != nil)
    }

    @Test func fastReaderDeclinesWhatItDoesNotHandle() {
        let digest = String(repeating: "ab", count: 32)
        func inventory(_ body: String) -> [UInt8] { Array("{\"digestAlgorithm\":\"sha512\",\"head\":\"v1\",\"id\":\"x\",\(body)}".utf8) }
        // A manifest path without a sha256 value, the manifest first, a path under two digests, sha256 content digests,
        // an unknown escape, trailing bytes, a missing manifest.
        let declined = [
            inventory("\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"]}},\"manifest\":{\"ff\":[\"a\",\"b\"]}"),
            inventory("\"manifest\":{\"ff\":[\"a\"]},\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"]}}"),
            inventory("\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"],\"\(digest.uppercased())\":[\"a\"]}},\"manifest\":{\"ff\":[\"a\"]}"),
            Array("{\"digestAlgorithm\":\"sha256\",\"head\":\"v1\",\"id\":\"x\",\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"]}},\"manifest\":{\"ff\":[\"a\"]}}".utf8),
            inventory("\"fixity\":{\"sha256\":{\"\(digest)\":[\"\\q\"]}},\"manifest\":{\"ff\":[\"\\q\"]}"),
            inventory("\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"]}},\"manifest\":{\"ff\":[\"a\"]}") + Array("x".utf8),
            inventory("\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"]}}"),
        ]
        for bytes in declined { #expect(FixityIndexReader.read(bytes) == nil, "\(String(decoding: bytes, as: UTF8.self))") }
        #expect(FixityIndexReader.read(inventory("\"fixity\":{\"sha256\":{\"\(digest)\":[\"a\"]}},\"manifest\":{\"ff\":[\"a\"]}")) != nil)
    }

    @Test func pathTableComparesExactBytesAndGrows() {
        var table = PathTable(capacity: 2)
        let nfc = "Hồ sơ/Quyết định.txt", nfd = "Hồ sơ/Quyết định.txt".decomposedStringWithCanonicalMapping
        #expect(table.add(nfc) == (0, true))
        #expect(table.add(nfd) == (1, true))
        #expect(table.add(nfc) == (0, false))
        #expect(table.add("") == (2, true))
        for number in 0..<1000 { table.add("v1/content/\(number)") }
        #expect(table.count == 1003)
        #expect(table.number(of: nfd) == 1 && table.number(of: "") == 2 && table.number(of: "v1/content/999") == 1002)
        #expect(table.number(of: Array(nfc.utf8)) == 0 && table.number(of: "v1/content/1000") == nil)
        #expect(table.string(1) == nfd && Array(table.string(1).utf8) == Array(nfd.utf8))
    }

    @Test func rawDigestReadsHexInEitherCase() {
        let lower = "00ff7a" + String(repeating: "0", count: 58)
        #expect(RawDigest(hex: lower)?.hex == lower)
        #expect(RawDigest(hex: lower.uppercased()) == RawDigest(hex: lower))
        #expect(Array(lower.utf8).withUnsafeBytes { RawDigest(hex: $0) } == RawDigest(hex: lower))
        #expect(RawDigest(hex: "abc") == nil && RawDigest(hex: "zz") == nil)
        #expect(RawDigest(hex: String(repeating: "a", count: 130)) == nil)
        let digester = MultiDigester([DigestAlgorithm.sha256])
        digester.update(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(digester.finalizeFirst().hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
