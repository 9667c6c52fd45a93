import Foundation
import KhoCore
import KhoTestSupport
import Testing

@Suite struct DigestTests {
    @Test func knownVectors() throws {
        let digester = MultiDigester(DigestAlgorithm.allCases)
        Array("abc".utf8).withUnsafeBytes { digester.update($0) }
        let d = digester.finalize()
        #expect(d[.md5] == "900150983cd24fb0d6963f7d28e17f72")
        #expect(d[.sha1] == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(d[.sha256] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(d[.sha512]?.hasPrefix("ddaf35a193617abacc417349ae204131") == true)
        #expect(digester.byteCount == 3)
    }

    @Test func copyHashesInOnePassAndRefusesToOverwrite() throws {
        let dir = try TemporaryDirectory()
        let source = dir.url.appendingPathComponent("nguồn.bin")
        let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: source)
        let target = dir.url.appendingPathComponent("đích.bin")
        let hasher = FileHasher(bufferSize: 65_536)
        let copied = try hasher.copy(from: source.path, to: target.path, algorithms: [.sha256, .sha512], durable: true)
        let read = try hasher.digest(fileAt: target.path, algorithms: [.sha256, .sha512])
        #expect(copied == read)
        #expect(copied.size == 3_000_000)
        #expect(try Data(contentsOf: target) == bytes)
        #expect(throws: KhoFailure.self) {
            _ = try hasher.copy(from: source.path, to: target.path, algorithms: [.sha256], durable: false)
        }
    }

    @Test func algorithmNamesFromEveryStandard() {
        #expect(DigestAlgorithm(name: "SHA-256") == .sha256)
        #expect(DigestAlgorithm(name: "sha512") == .sha512)
        #expect(DigestAlgorithm(name: "MD5") == .md5)
        #expect(DigestAlgorithm(name: "blake2b-512") == nil)
    }
}

@Suite struct PathAndNameTests {
    @Test(arguments: ["", "/etc/passwd", "a/../b", "./a", "a//b", "a/", "..", "a\u{0}b"])
    func unsafePathsAreRefused(_ path: String) {
        #expect(throws: KhoFailure.self) { try RelativePath(path) }
    }

    @Test func vietnamesePathsKeepTheirBytes() throws {
        let nfd = "ho\u{302}\u{300} so\u{31b}/Ba\u{301}o ca\u{301}o.pdf"
        let nfc = UnicodeNames.nfcKey(nfd)
        let path = try RelativePath(nfd)
        #expect(Array(path.string.utf8) == Array(nfd.utf8))
        #expect(path != (try RelativePath(nfc)))
        #expect(UnicodeNames.nfcCollisions([nfd, nfc, "khác.pdf"]).count == 1)
        #expect(UnicodeNames.nfcCollisions([nfc, "khác.pdf"]).isEmpty)
    }
}

@Suite struct DirectoryWalkerTests {
    @Test func listsEveryEntryWithoutFollowingLinks() throws {
        let dir = try TemporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.url.appendingPathComponent("Hồ sơ/Tài liệu"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: dir.url.appendingPathComponent("Hồ sơ/Tài liệu/Nghị quyết.pdf"))
        try Data("b".utf8).write(to: dir.url.appendingPathComponent("b.txt"))
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("link").path, withDestinationPath: "/etc")
        let entries = try DirectoryWalker.entries(under: dir.path)
        // Byte order: "H" (0x48) sorts before "b" (0x62).
        #expect(entries.map(\.relativePath) == ["Hồ sơ", "Hồ sơ/Tài liệu", "Hồ sơ/Tài liệu/Nghị quyết.pdf", "b.txt", "link"])
        #expect(entries.first { $0.relativePath == "link" }?.kind == .symbolicLink)
        #expect(try DirectoryWalker.files(under: dir.path) == ["Hồ sơ/Tài liệu/Nghị quyết.pdf", "b.txt"])
    }

    @Test func parallelHasherKeepsInputOrder() async throws {
        let dir = try TemporaryDirectory()
        var paths: [String] = []
        for i in 0..<50 {
            let url = dir.url.appendingPathComponent("f\(i)")
            try Data(repeating: UInt8(i), count: i * 1000).write(to: url)
            paths.append(url.path)
        }
        let digests = try await ParallelHasher(workers: 2).digest(paths, algorithms: [.sha256])
        for (i, digest) in digests.enumerated() {
            #expect(digest.size == Int64(i * 1000))
            #expect(digest == (try FileHasher().digest(fileAt: paths[i], algorithms: [.sha256])))
        }
        await #expect(throws: KhoFailure.self) {
            _ = try await ParallelHasher().digest(paths + [dir.path + "/missing"], algorithms: [.sha256])
        }
    }
}
