import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Packaging

/// Legitimate archives unpack completely and byte-exactly.
@Suite struct ArchiveExtractorTests {
    @Test func zipWithFoldersStoredAndDeflatedEntries() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("transfer.bin")  // the extension says nothing: magic bytes decide
        try ArchiveCrafter.craft("""
        with zipfile.ZipFile(out, 'w') as zf:
            zf.writestr('SIP_hoso/', b'')
            zf.writestr(zipfile.ZipInfo('SIP_hoso/METS.xml'), b'<mets/>' * 100, compress_type=zipfile.ZIP_DEFLATED)
            zf.writestr(zipfile.ZipInfo('SIP_hoso/representations/rep1/data/scan.tif'), bytes(range(256)) * 40, compress_type=zipfile.ZIP_STORED)
            zf.writestr('./SIP_hoso/ghi chú.txt', 'Hồ sơ số 12'.encode())
        """, to: archive)
        #expect(try ArchiveExtractor().format(of: archive) == .zip)
        let report = try ArchiveExtractor().extract(archive: archive, into: sandbox.workArea)
        #expect(report.format == .zip)
        #expect(report.fileCount == 3)
        #expect(report.totalBytes == 700 + 10240 + Int64("Hồ sơ số 12".utf8.count))
        let scan = try Data(contentsOf: sandbox.workArea.appendingPathComponent("SIP_hoso/representations/rep1/data/scan.tif"))
        #expect(scan == Data(Array(0...255).map(UInt8.init) + Array(repeating: Array(0...255).map(UInt8.init), count: 39).flatMap { $0 }))
        #expect(try String(contentsOf: sandbox.workArea.appendingPathComponent("SIP_hoso/ghi chú.txt"), encoding: .utf8) == "Hồ sơ số 12")
        #expect(report.entries.map(\.path.string).contains("SIP_hoso/ghi chú.txt"))
    }

    @Test func tarWithPaxGnuAndUstarLongNames() throws {
        let sandbox = try ArchiveSandbox()
        let long = String(repeating: "thư mục dài/", count: 12) + "tài liệu.txt"
        for (index, format) in ["tarfile.PAX_FORMAT", "tarfile.GNU_FORMAT"].enumerated() {
            let archive = sandbox.url("long\(index).tar")
            try ArchiveCrafter.craft("""
            t([(tinfo('goc', tarfile.DIRTYPE), None), f('goc/ngắn.txt', b'ngan'), f(\(pythonLiteral(long)), b'dai' * 1000),
               f('\(String(repeating: "p", count: 90))/\(String(repeating: "q", count: 90)).txt', b'prefix')], fmt=\(format))
            """, to: archive)
            let work = sandbox.url("work\(index)")
            let report = try ArchiveExtractor().extract(archive: archive, into: work)
            #expect(report.format == .tar)
            #expect(report.fileCount == 3)
            #expect(try Data(contentsOf: work.appendingPathComponent(long)) == Data(String(repeating: "dai", count: 1000).utf8))
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("goc/ngắn.txt").path))
        }
    }

    @Test func ustarPrefixAndTarGzip() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("nop-luu.tgz")
        let name = String(repeating: "a", count: 120) + "/b.txt"
        try ArchiveCrafter.craft("t([f('\(name)', b'x' * 5000), f('c/d.txt', b'')], fmt=tarfile.USTAR_FORMAT, mode='w:gz')", to: archive)
        #expect(try ArchiveExtractor().format(of: archive) == .tarGzip)
        let report = try ArchiveExtractor().extract(archive: archive, into: sandbox.workArea)
        #expect(report.entries.map(\.path.string) == [name, "c/d.txt"])
        #expect(try Data(contentsOf: sandbox.workArea.appendingPathComponent(name)).count == 5000)
    }

    @Test func vietnameseNamesKeepTheirBytes() throws {
        let sandbox = try ArchiveSandbox()
        let composed = "Quyết định số 1.txt".nfc
        let decomposed = "Biên bản họp.txt".nfd
        #expect(!UnicodeNames.sameBytes(decomposed, decomposed.nfc))
        for (index, script) in ["z([(n1, b'1'), (n2, b'2')])", "t([f(n1, b'1'), f(n2, b'2')])"].enumerated() {
            let archive = sandbox.url("names\(index)")
            try ArchiveCrafter.craft("n1 = \(pythonLiteral(composed)); n2 = \(pythonLiteral(decomposed))\n" + script, to: archive)
            let work = sandbox.url("w\(index)")
            let report = try ArchiveExtractor().extract(archive: archive, into: work)
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: work.path)
            #expect(onDisk.contains { UnicodeNames.sameBytes($0, decomposed) })
            #expect(onDisk.contains { UnicodeNames.sameBytes($0, composed) })
            #expect(report.entries.contains { UnicodeNames.sameBytes($0.path.string, decomposed) })
        }
    }

    @Test func modificationTimesAreKept() throws {
        let sandbox = try ArchiveSandbox()
        let zip = sandbox.url("times.zip")
        try ArchiveCrafter.craft("""
        with zipfile.ZipFile(out, 'w') as zf:
            zf.writestr(zipfile.ZipInfo('dos.txt', date_time=(2019, 9, 2, 8, 30, 14)), b'1')
            zi = zipfile.ZipInfo('utc.txt', date_time=(2019, 9, 2, 8, 30, 14))
            zi.extra = struct.pack('<HHBi', 0x5455, 5, 1, 1600000000)
            zf.writestr(zi, b'2')
        """, to: zip)
        let report = try ArchiveExtractor().extract(archive: zip, into: sandbox.workArea)
        let local = Calendar(identifier: .gregorian).date(from: DateComponents(year: 2019, month: 9, day: 2, hour: 8, minute: 30, second: 14))
        #expect(report.entries.first { $0.path.string == "dos.txt" }?.modified == local)
        #expect(report.entries.first { $0.path.string == "utc.txt" }?.modified == Date(timeIntervalSince1970: 1_600_000_000))
        let utcOnDisk = try FileManager.default.attributesOfItem(atPath: sandbox.workArea.appendingPathComponent("utc.txt").path)[.modificationDate] as? Date
        #expect(utcOnDisk == Date(timeIntervalSince1970: 1_600_000_000))

        let tar = sandbox.url("times.tar")
        try ArchiveCrafter.craft("t([f('a.txt', b'1')])", to: tar)  // tinfo sets mtime 1700000000
        let work = sandbox.url("w2")
        let tarReport = try ArchiveExtractor().extract(archive: tar, into: work)
        #expect(tarReport.entries.first?.modified == Date(timeIntervalSince1970: 1_700_000_000))
        let tarOnDisk = try FileManager.default.attributesOfItem(atPath: work.appendingPathComponent("a.txt").path)[.modificationDate] as? Date
        #expect(tarOnDisk == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func checkWritesNothing() throws {
        let sandbox = try ArchiveSandbox()
        let archive = sandbox.url("a.zip")
        try ArchiveCrafter.craft("z([('a/b.txt', b'1' * 10)])", to: archive)
        let entries = try ArchiveExtractor().check(archive: archive)
        #expect(entries.map(\.path.string) == ["a/b.txt"])
        #expect(entries.first?.size == 10)
        let tar = sandbox.url("a.tar")
        try ArchiveCrafter.craft("t([(tinfo('d', tarfile.DIRTYPE), None), f('d/e.txt', b'12345')])", to: tar)
        let tarEntries = try ArchiveExtractor().check(archive: tar)
        #expect(tarEntries.map(\.path.string) == ["d", "d/e.txt"])
        #expect(tarEntries.map(\.size) == [0, 5])
        #expect(sandbox.workAreaContents().isEmpty)
    }
}

/// A Python string literal for `text` (escapes every non-ASCII scalar so the bytes survive exactly).
func pythonLiteral(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
        switch scalar {
        case "'": out += "\\'"
        case "\\": out += "\\\\"
        case _ where scalar.isASCII && scalar.value >= 0x20: out.unicodeScalars.append(scalar)
        default: out += String(format: "\\U%08x", scalar.value)
        }
    }
    return out + "'"
}
