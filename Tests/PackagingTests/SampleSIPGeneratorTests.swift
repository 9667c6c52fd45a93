import Foundation
import KhoCore
import KhoTestSupport
@testable import Packaging
import Testing

/// `kho sample sip`'s generator: realistic, valid, deterministic TT05 SIP_hoso packages.
@Suite struct SampleSIPGeneratorTests {
    /// Every file under `root` with its bytes, keyed by relative path.
    static func snapshot(_ root: String) throws -> [String: Data] {
        let tree = try PackageTree(root: root)
        var result: [String: Data] = [:]
        for file in tree.files {
            result[file.path] = try Data(contentsOf: URL(fileURLWithPath: tree.fullPath(file.path)))
        }
        return result
    }

    @Test func sameSeedWritesByteIdenticalPackages() throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        let options = SampleSIPOptions(dossiers: 2, documents: 4, seed: 42, images: true)
        _ = try SampleSIPGenerator(options: options).generate(into: first.path)
        _ = try SampleSIPGenerator(options: options).generate(into: second.path)
        let a = try Self.snapshot(first.path), b = try Self.snapshot(second.path)
        #expect(a.count == 2 * (3 + 4 * 3))
        #expect(a == b)
    }

    @Test func differentSeedsWriteDifferentPackages() throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        let one = try SampleSIPGenerator(options: SampleSIPOptions(seed: 1)).generate(into: first.path)
        let two = try SampleSIPGenerator(options: SampleSIPOptions(seed: 2)).generate(into: second.path)
        #expect(one[0].objid != two[0].objid)
    }

    @Test(arguments: [UInt64(1), 7, 99, 2026])
    func samplesAreValidWithSchemaValidation(seed: UInt64) throws {
        let dir = try TemporaryDirectory()
        let packages = try SampleSIPGenerator(options: SampleSIPOptions(dossiers: 1, documents: 5, seed: seed, images: seed % 2 == 1))
            .generate(into: dir.path)
        let report = try SIPTestSupport.validate(packages[0].path)
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.schemaValidated)
        #expect(report.objid == packages[0].objid)
        #expect(TT05PackageRules.isSIPObjid(packages[0].objid))
        // Only the documented folder advice remains.
        #expect(Set(report.findings.map(\.code)).isSubset(of: ["CSIPSTR15", "CSIPSTR16"]))
    }

    @Test func recordsCarryRealisticCodes() throws {
        let dir = try TemporaryDirectory()
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 5, documents: 2)
        let ead = try String(contentsOfFile: package + "/metadata/descriptive/EAD.xml", encoding: .utf8)
        let fileCode = try #require(ead.firstMatch(of: /<fileCode>(H49[0-9.]+)<\/fileCode>/)?.1)
        #expect(fileCode.split(separator: ".").count >= 3)
        let docPath = package + "/representations/rep1/metadata/descriptive/EAD_doc_\(fileCode).1.xml"
        let doc = try String(contentsOfFile: docPath, encoding: .utf8)
        #expect(doc.contains("<docId>\(fileCode).1</docId>"))
        #expect(doc.contains("<docCode>\(fileCode).0000001</docCode>"))
        #expect(doc.contains(/<codeNotation>[A-ZĐi]+\/[A-ZĐ]+<\/codeNotation>/))
        #expect(doc.contains(/<issuedDate>\d\d\/\d\d\/\d{4}<\/issuedDate>/))
        #expect(doc.contains("<language>01</language>"))
    }

    @Test(.enabled(if: which("pdftotext") != nil, "needs pdftotext (poppler-utils)"))
    func pdfTextLayerIsExtractedExactly() throws {
        let lines = [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG ỦY XÃ TÂN LẬP",
            "Số 12-NQ/ĐU",
            "Tân Lập, ngày 15 tháng 3 năm 2021",
            "NGHỊ QUYẾT về lãnh đạo phát triển kinh tế - xã hội, xây dựng nông thôn mới",
            "Ủy ban Kiểm tra Huyện ủy; ưu tiên; Hòa Bình; thuở ấy; Phố Ràng",
        ]
        let dir = try TemporaryDirectory()
        let path = dir.path + "/test.pdf"
        try Data(PDFWriter(title: "NGHỊ QUYẾT 12-NQ/ĐU", author: "Đảng ủy xã Tân Lập", creationDate: "D:20210315000000+07'00'")
            .data(lines: lines)).write(to: URL(fileURLWithPath: path))
        let result = try runProcess(try #require(which("pdftotext")), ["-enc", "UTF-8", path, "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let extracted = result.stdout.split(separator: "\n").map { $0.precomposedStringWithCanonicalMapping }
        for line in lines {
            #expect(extracted.contains(line.precomposedStringWithCanonicalMapping), "missing: \(line) in \(extracted)")
        }
    }

    @Test func paddedPDFsReachTheRequestedSizeAndStayValid() throws {
        let dir = try TemporaryDirectory()
        let packages = try SampleSIPGenerator(options: SampleSIPOptions(documents: 2, seed: 3, payloadBytes: 3_000_000)).generate(into: dir.path)
        let tree = try PackageTree(root: packages[0].path)
        let pdfs = tree.files.filter { $0.path.hasSuffix(".pdf") }
        #expect(pdfs.count == 2)
        #expect(pdfs.allSatisfy { $0.size > 2_990_000 && $0.size < 3_010_000 })
        let report = try SIPTestSupport.validate(packages[0].path)
        #expect(report.isValid)
        #expect(report.bytesVerified > 6_000_000)
    }

    @Test func tiffIsBaselineLittleEndian() {
        let bytes = TIFFWriter(width: 10, height: 4, dpi: 200).data(seed: 1)
        #expect(Array(bytes[0..<4]) == [0x49, 0x49, 42, 0])
        #expect(bytes.count == 8 + 2 + 12 * 12 + 4 + 16 + 40)
    }

    @Test func zippedSamplesAreDeterministicAndValid() throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        let options = SampleSIPOptions(dossiers: 1, documents: 2, seed: 8, zip: true)
        let one = try SampleSIPGenerator(options: options, zipper: SampleZipper.zip).generate(into: first.path)
        let two = try SampleSIPGenerator(options: options, zipper: SampleZipper.zip).generate(into: second.path)
        #expect(one[0].path.hasSuffix("001\(one[0].objid).zip"))
        let a = try Data(contentsOf: URL(fileURLWithPath: one[0].path))
        let b = try Data(contentsOf: URL(fileURLWithPath: two[0].path))
        #expect(a == b)
        #expect(try FileManager.default.contentsOfDirectory(atPath: first.path) == [URL(fileURLWithPath: one[0].path).lastPathComponent])
        let report = try SIPTestSupport.validate(one[0].path)
        #expect(report.isValid, "\(report.findings.map(\.line))")
    }
}
