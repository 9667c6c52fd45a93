import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Packaging

/// ZipWriter output is read back byte-exactly by ArchiveExtractor, Python's zipfile and Info-ZIP `unzip`.
@Suite struct ArchiveRoundTripTests {
    /// A small dossier tree with NFC and NFD Vietnamese names, an empty folder and an empty file.
    static func makeTree(at root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]  // String keys compare by canonical equivalence: no two names here are NFC-equal
        var generator = SplitMix64(seed: 2025)
        let folder = "Hồ sơ 01".nfd
        let names = [
            folder + "/" + "Quyết định số 12.pdf".nfc,
            folder + "/" + "Biên bản họp.txt".nfd,
            folder + "/" + "ảnh/trang 001.tif".nfc,
            "rỗng.txt",
            "METS.xml",
        ]
        for (index, name) in names.enumerated() {
            let count = index == 2 ? 3_000_000 : (index == 3 ? 0 : 1000 * (index + 1))
            files[name] = Data((0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next() % (index == 2 ? 256 : 16) + 65) })
        }
        for (name, data) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("trống"), withIntermediateDirectories: true)
        return files
    }

    @Test(arguments: [ZipWriter.Compression.deflate, .store])
    func zipWriterRoundTrip(_ compression: ZipWriter.Compression) throws {
        let sandbox = try ArchiveSandbox()
        let source = sandbox.url("source")
        let files = try Self.makeTree(at: source)
        let zip = sandbox.url("SIP.zip")
        let written = try ZipWriter(compression: compression).write(directory: source, to: zip, rootFolder: "SIP_hoso")
        #expect(written.filter { $0.kind == .file }.count == files.count)
        #expect(written.contains { $0.kind == .directory && $0.path.string == "SIP_hoso/trống" })

        // Kho's own extractor.
        let report = try ArchiveExtractor().extract(archive: zip, into: sandbox.workArea)
        #expect(report.fileCount == files.count)
        for (name, data) in files {
            #expect(try Data(contentsOf: sandbox.workArea.appendingPathComponent("SIP_hoso/" + name)) == data, "\(name)")
            #expect(report.entries.contains { UnicodeNames.sameBytes($0.path.string, "SIP_hoso/" + name) }, "name bytes changed: \(name)")
        }
        #expect(FileManager.default.fileExists(atPath: sandbox.workArea.appendingPathComponent("SIP_hoso/trống").path))
        let expectedBytes = Set(files.keys.map { Array(("SIP_hoso/" + $0).utf8) })
        let extractedBytes = Set(report.entries.filter { $0.kind == .file }.map { Array($0.path.string.utf8) })
        #expect(extractedBytes == expectedBytes)

        // Python's zipfile: tests CRCs and reads the exact UTF-8 name bytes.
        let python = try #require(ArchiveCrafter.python)
        let tested = try runProcess(python, ["-m", "zipfile", "-t", zip.path])
        #expect(tested.status == 0, "\(tested.stdout) \(tested.stderr)")
        let listed = try runProcess(python, ["-c", """
        import zipfile, sys
        for info in zipfile.ZipFile(sys.argv[1]).infolist():
            if not info.is_dir(): print(info.filename.encode('utf-8').hex(), info.file_size, info.flag_bits & 0x800)
        """, zip.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        var pythonNames: Set<[UInt8]> = []
        for line in listed.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ")
            #expect(fields.count == 3 && fields[2] == "2048", "UTF-8 flag missing: \(line)")
            pythonNames.insert(Self.bytes(fromHex: String(fields[0])))
        }
        #expect(pythonNames == expectedBytes)

        // Info-ZIP, when installed (apt package `unzip`).
        if let unzip = which("unzip") {
            let result = try runProcess(unzip, ["-t", zip.path])
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stdout.contains("No errors detected"))
        } else {
            print("unzip not installed; skipped the Info-ZIP check")
        }
    }

    @Test func zipWriterRefusesLinksAndExistingTargets() throws {
        let sandbox = try ArchiveSandbox()
        let source = sandbox.url("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: source.appendingPathComponent("a.txt"))
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("link").path, withDestinationPath: sandbox.canary.path)
        let zip = sandbox.url("out.zip")
        let error = #expect(throws: ArchiveError.self) {
            try ZipWriter().write(directory: source, to: zip)
        }
        #expect(error?.kind == .symlink)
        #expect(error?.entry == "link")
        #expect(!FileManager.default.fileExists(atPath: zip.path))

        try FileManager.default.removeItem(at: source.appendingPathComponent("link"))
        try Data("keep".utf8).write(to: zip)
        #expect(throws: ArchiveError.self) { try ZipWriter().write(directory: source, to: zip) }
        #expect(try String(contentsOf: zip, encoding: .utf8) == "keep")
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }
}

/// A small deterministic random generator (SplitMix64) so fuzz and fixture data repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
