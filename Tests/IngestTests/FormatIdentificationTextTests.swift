import Foundation
import Ingest
import KhoTestSupport
import Testing

/// Text formats and encodings, and the findings for empty, truncated and unknown files.
@Suite struct FormatIdentificationTextTests {
    let vietnamese = "Quyết định số 15-QĐ/TU về việc thành lập Hội đồng xác định giá trị tài liệu\n"

    @Test func unicodeEncodingsAreReported() throws {
        let samples = try SampleMaker()
        try vietnamese.write(to: samples.url("u8.txt"), atomically: true, encoding: .utf8)
        _ = try samples.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array(vietnamese.utf8))
        try vietnamese.write(to: samples.url("u16.txt"), atomically: true, encoding: .utf16)  // Foundation writes a BOM
        try "plain ascii\n".write(to: samples.url("a.txt"), atomically: true, encoding: .utf8)
        let cases: [(String, TextEncoding)] = [("u8.txt", .utf8), ("bom.txt", .utf8WithBOM), ("a.txt", .ascii)]
        for (name, encoding) in cases {
            let id = try samples.identify(name)
            #expect(id.puid == "x-fmt/111", "\(name)")
            #expect(id.textEncoding == encoding, "\(name)")
        }
        let utf16 = try samples.identify("u16.txt")
        #expect([TextEncoding.utf16LittleEndian, .utf16BigEndian].contains(utf16.textEncoding ?? .ascii))
        #expect(utf16.puid == "x-fmt/111")
    }

    @Test func legacyVietnameseEncodingIsFlaggedNotUTF8() throws {
        let samples = try SampleMaker()
        // "Quyết định" as TCVN3 (ABC) bytes: ® = đ (0xAE), Õ = ế (0xD5), Þ = ị (0xDE).
        let url = try samples.write("tcvn3.txt", Array("Quy".utf8) + [0xD5] + Array("t ".utf8) + [0xAE] + Array("".utf8) + [0xDE] + Array("nh\n".utf8))
        let (id, findings) = try FormatIdentifier().identify(fileAt: url, declaredMIMEType: "text/plain")
        #expect(id.textEncoding == .legacy8Bit)
        #expect(findings.map(\.code) == ["KHO-FMT-NOT-UTF8"])
    }

    @Test func csvXmlAndNonUTF8TailInLongFile() throws {
        let samples = try SampleMaker()
        try "Mã hồ sơ,Tiêu đề,Năm\nH49.1,\"Báo cáo, tổng kết\",2001\nH49.2,Nghị quyết,2002\n"
            .write(to: samples.url("list.dat"), atomically: true, encoding: .utf8)
        #expect(try samples.identify("list.dat").puid == "x-fmt/18")
        try "<?xml version=\"1.0\"?>\n<simpledc><title>Hồ sơ</title></simpledc>\n".write(to: samples.url("a.xml"), atomically: true, encoding: .utf8)
        let xml = try samples.identify("a.xml")
        #expect(xml.puid == "fmt/101")
        #expect(xml.mimeType == "application/xml")
        // 100 KB of ASCII, then one Latin-1 byte near the end: the tail read catches it.
        let url = try samples.write("long.txt", [UInt8](repeating: 0x61, count: 100_000) + [0x0A, 0xE9, 0x0A])
        #expect(try FormatIdentifier().identify(fileAt: url).textEncoding == .legacy8Bit)
    }

    @Test func emptyTruncatedAndUnknownFilesGiveFindings() throws {
        let samples = try SampleMaker()
        let identifier = FormatIdentifier()
        let empty = try identifier.identify(fileAt: try samples.write("empty.pdf", []), declaredMIMEType: "application/pdf")
        #expect(empty.identification.isUnknown)
        #expect(empty.findings.map(\.code) == ["KHO-FMT-EMPTY", "KHO-FMT-MIME-UNVERIFIED"])
        let binary = try identifier.identify(fileAt: try samples.write("x.bin", [0x00, 0x01, 0x02, 0x9F, 0xFE, 0x10, 0x00, 0x07]), declaredMIMEType: nil)
        #expect(binary.identification.puid == nil)
        #expect(binary.findings.map(\.code) == ["KHO-FMT-UNKNOWN"])
        // Three bytes of a JPEG marker and nothing else: still a JPEG signature, but a lone "%PD" is not a PDF.
        let cut = try identifier.identify(fileAt: try samples.write("cut.pdf", Array("%PD".utf8) + [0x00, 0xFF]), declaredMIMEType: "application/pdf")
        #expect(cut.identification.isUnknown)
        #expect(cut.findings.contains { $0.code == "KHO-FMT-UNKNOWN" })
    }

    @Test func directoryIsAnError() throws {
        let samples = try SampleMaker()
        #expect(throws: FormatIdentificationError.self) { try FormatIdentifier().identify(fileAt: samples.directory.url) }
    }
}
