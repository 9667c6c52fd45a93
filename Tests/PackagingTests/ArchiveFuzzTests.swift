import Foundation
import KhoTestSupport
import Testing
@testable import Packaging

/// Seeded mutation fuzzing: valid zips, tars and tar.gz files are damaged (bit flips, truncations,
/// insertions, deletions, header field tweaks) and fed to the extractor. It must never crash, every
/// failure is an `ArchiveError` (the typed throw guarantees it), a refusal leaves the work area empty,
/// and nothing is ever written outside the work area.
@Suite struct ArchiveFuzzTests {
    /// Fixed by default ("KHO_ZIP"); `KHO_ARCHIVE_FUZZ_SEED` and `KHO_ARCHIVE_FUZZ_SECONDS` allow longer soak runs.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["KHO_ARCHIVE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x4B48_4F5F_5A49_50
    static let timeBudget: TimeInterval = ProcessInfo.processInfo.environment["KHO_ARCHIVE_FUZZ_SECONDS"].flatMap { TimeInterval($0) } ?? 20
    static let maxCases = 50_000

    static let seedScript = #"""
    base = out
    def to(name):
        global out
        out = base + name
    to('.deflate.zip')
    z([('SIP_hoso/', b''), ('SIP_hoso/METS.xml', b'<mets:mets xmlns:mets="http://www.loc.gov/METS/"/>' * 20),
       ('SIP_hoso/tài liệu/quyết định.txt', 'Quyết định số 12/QĐ-TU'.encode() * 50), ('SIP_hoso/b.bin', bytes(range(256)) * 8)])
    to('.stored.zip')
    z([('a.txt', b'hello world\n' * 30), ('d/e.txt', b'x' * 700)], zipfile.ZIP_STORED)
    to('.ustar.tar')
    t([(tinfo('goc', tarfile.DIRTYPE), None), f('goc/a.txt', b'alpha' * 100), f('goc/' + 'b' * 120 + '/c.txt', b'c' * 1000)], fmt=tarfile.USTAR_FORMAT)
    to('.pax.tar')
    t([f('thư mục/' + 'rất dài ' * 20 + '.txt', 'Hồ sơ'.encode() * 300), f('z.bin', bytes(2000))])
    to('.gnu.tar')
    t([f('g' * 150 + '/long.txt', b'gnu' * 200), f('short.txt', b'')], fmt=tarfile.GNU_FORMAT)
    to('.tar.gz')
    t([f('nén/a.txt', b'gzip ' * 400), f('nén/b.txt', b'more')], mode='w:gz')
    """#

    @Test func mutatedArchivesNeverEscapeOrCrash() throws {
        let sandbox = try ArchiveSandbox()
        let prefix = sandbox.url("seed")
        try ArchiveCrafter.craft(Self.seedScript, to: prefix)
        var seeds: [[UInt8]] = []
        for suffix in [".deflate.zip", ".stored.zip", ".ustar.tar", ".pax.tar", ".gnu.tar", ".tar.gz"] {
            seeds.append(Array(try Data(contentsOf: URL(fileURLWithPath: prefix.path + suffix))))
        }
        // One made by Kho's own writer too.
        let tree = sandbox.url("tree")
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("Hồ sơ"), withIntermediateDirectories: true)
        try Data("Biên bản".utf8).write(to: tree.appendingPathComponent("Hồ sơ/biên bản.txt"))
        try ZipWriter().write(directory: tree, to: sandbox.url("writer.zip"))
        seeds.append(Array(try Data(contentsOf: sandbox.url("writer.zip"))))

        let extractor = ArchiveExtractor(limits: ExtractionLimits(maxTotalBytes: 64 << 20, maxEntryCount: 1000))
        // Every seed extracts cleanly before mutation.
        for (index, bytes) in seeds.enumerated() {
            let file = sandbox.url("case.bin")
            try Data(bytes).write(to: file)
            let report = try extractor.extract(archive: file, into: sandbox.workArea)
            #expect(report.fileCount >= 1 && report.totalBytes > 0, "seed \(index)")
            try Self.emptyWorkArea(sandbox)
        }
        // The mutated input itself (case.bin) changes each time; everything else must not.
        func outside() -> [String] { sandbox.listing(excludingWorkArea: true).filter { !$0.hasPrefix("case.bin ") } }
        let before = outside()

        var random = SplitMix64(seed: Self.seed)
        var cases = 0, accepted = 0
        var refusals: [ArchiveError.Kind: Int] = [:]
        let started = Date()
        while cases < Self.maxCases && Date().timeIntervalSince(started) < Self.timeBudget {
            cases += 1
            var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...(random.next() % 3) { Self.mutate(&bytes, &random) }
            let file = sandbox.url("case.bin")
            try Data(bytes).write(to: file)
            // The typed throw means every failure is an ArchiveError; anything else would not compile.
            let outcome = Result { () throws(ArchiveError) in try extractor.extract(archive: file, into: sandbox.workArea) }
            switch outcome {
            case .success(let report):
                accepted += 1
                // Whatever was accepted lies inside the work area, as real files and folders only.
                for entry in report.entries {
                    var info = stat()
                    let path = sandbox.workArea.appendingPathComponent(entry.path.string).path
                    #expect(lstat(path, &info) == 0, "case \(cases): \(entry.path) missing")
                    let type = info.st_mode & S_IFMT
                    #expect(type == (entry.kind == .file ? S_IFREG : S_IFDIR), "case \(cases): \(entry.path) has type \(type)")
                }
                #expect(Self.noLinks(below: sandbox.workArea.path), "case \(cases): a link appeared in the work area")
                try Self.emptyWorkArea(sandbox)
            case .failure(let error):
                refusals[error.kind, default: 0] += 1
                #expect(!error.rule.isEmpty && !error.message.vi.isEmpty && !error.message.en.isEmpty)
                if !sandbox.workAreaContents().isEmpty {
                    Issue.record("case \(cases) (\(error.rule)) left \(sandbox.workAreaContents()) behind")
                    try Self.emptyWorkArea(sandbox)
                }
            }
            if cases % 200 == 0 {
                #expect(outside() == before, "case \(cases) changed something outside the work area")
            }
        }
        try FileManager.default.removeItem(at: sandbox.url("case.bin"))
        sandbox.expectUntouched(since: before)
        let summary = refusals.sorted { $0.value > $1.value }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " ")
        print("Archive fuzz: \(cases) cases in \(String(format: "%.1f", Date().timeIntervalSince(started))) s (seed 0x\(String(Self.seed, radix: 16))); \(accepted) accepted; refused: \(summary)")
        #expect(cases >= 200, "too few fuzz cases ran: \(cases)")
        #expect(refusals.count >= 4, "mutations should trip several different rules")
    }

    /// One random damage: bit flips, byte overwrites, truncation, insertion, deletion, duplication or a header field tweak.
    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        func offset() -> Int { Int(random.next() % UInt64(bytes.count)) }
        switch random.next() % 8 {
        case 0:
            for _ in 0...(random.next() % 8) { bytes[offset()] ^= UInt8(1 << (random.next() % 8)) }
        case 1:
            for _ in 0...(random.next() % 4) { bytes[offset()] = UInt8(truncatingIfNeeded: random.next()) }
        case 2:
            bytes.removeLast(bytes.count - offset())
        case 3:
            let insert = (0..<(1 + random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: insert, at: offset())
        case 4:
            let start = offset()
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + Int(random.next() % 600)))
        case 5:
            let start = offset(), length = min(bytes.count - start, 1 + Int(random.next() % 512))
            bytes.insert(contentsOf: bytes[start..<(start + length)], at: offset())
        default:
            tweakHeaderField(&bytes, &random)
        }
    }

    /// Overwrites a field of a zip header or a tar header with an extreme or random value.
    static func tweakHeaderField(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        var starts: [Int] = []
        if bytes.count > 4 {
            for index in 0..<(bytes.count - 4) where bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] < 8 {
                starts.append(index)
            }
        }
        let isTar = bytes.count >= 512 && Array(bytes[257..<262]) == Array("ustar".utf8)
        if isTar { starts += stride(from: 0, to: bytes.count - 512, by: 512).filter { bytes[$0 + 257] == UInt8(ascii: "u") } }
        guard let start = starts.randomElement(using: &random) else { return }
        if isTar && bytes.count > start + 512 && random.next() % 2 == 0 {
            let fields: [(Int, Int)] = [(0, 100), (124, 12), (136, 12), (156, 1), (157, 100), (345, 155)]
            let (fieldStart, width) = fields[Int(random.next() % UInt64(fields.count))]
            let choices: [[UInt8]] = [Array("../../x".utf8), Array("77777777777".utf8), [0x80] + Array(repeating: 0xFF, count: 11),
                                      Array("0125xgLKS3467".utf8).shuffled(using: &random)]
            let value = choices[Int(random.next() % UInt64(choices.count))]
            for index in 0..<min(width, value.count) where start + fieldStart + index < bytes.count {
                bytes[start + fieldStart + index] = value[index]
            }
            // Usually keep the checksum valid so the tweak reaches deeper checks.
            if random.next() % 4 != 0 {
                for index in 148..<156 { bytes[start + index] = 0x20 }
                let sum = bytes[start..<(start + 512)].reduce(0) { $0 + Int($1) }
                let digits = Array(String(sum, radix: 8).utf8)
                let field = Array(repeating: UInt8(ascii: "0"), count: max(0, 6 - digits.count)) + digits + [0, 0x20]
                for (index, byte) in field.prefix(8).enumerated() { bytes[start + 148 + index] = byte }
            }
            return
        }
        let fieldOffset = 4 + Int(random.next() % 44)
        let width = [1, 2, 4, 8][Int(random.next() % 4)]
        let values: [UInt64] = [0, .max, 0xFFFF_FFFF, 0xFFFF, UInt64(random.next() % 1024), random.next()]
        let value = values[Int(random.next() % UInt64(values.count))]
        for index in 0..<width where start + fieldOffset + index < bytes.count {
            bytes[start + fieldOffset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))
        }
    }

    static func emptyWorkArea(_ sandbox: ArchiveSandbox) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: sandbox.workArea.path) {
            try FileManager.default.removeItem(at: sandbox.workArea.appendingPathComponent(name))
        }
    }

    static func noLinks(below path: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
        for name in names {
            var info = stat()
            let child = path + "/" + name
            guard lstat(child, &info) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: return false
            case S_IFDIR: if !noLinks(below: child) { return false }
            default: continue
            }
        }
        return true
    }
}
