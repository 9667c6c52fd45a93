import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Metadata

@Suite("XMLStreamWriter")
struct XMLStreamWriterTests {
    @Test func writesEscapedNamespacedXMLThatParsesBack() throws {
        let writer = XMLStreamWriter(inMemoryNamed: "METS.xml")
        try writer.startDocument()
        try writer.startElement("mets:mets", namespaces: ["mets": XMLNamespace.mets, "xlink": XMLNamespace.xlink],
                                attributes: ["OBJID": "uuid-1", "LABEL": "Hồ sơ \"A\" & <B>\n2"])
        try writer.startElement("mets:file", attributes: ["ID": "ID-1"])
        try writer.element("mets:FLocat", attributes: ["xlink:href": "data/Tệp 1.pdf"])
        try writer.endElement()
        try writer.element("mets:note", text: "a < b && c > d ]]> đ")
        try writer.element("empty")
        try writer.comment("Kho – kho lưu trữ số")
        #expect(throws: XMLError.self) { try writer.comment("a -- b") }
        try writer.endElement()
        let data = try writer.finishData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mets:mets xmlns:mets="))
        #expect(text.contains("\n  <mets:file ID=\"ID-1\">\n    <mets:FLocat"))
        #expect(text.contains("<empty/>"))
        #expect(text.contains("<!--Kho – kho lưu trữ số-->"))
        #expect(text.contains("&quot;A&quot; &amp; &lt;B&gt;&#10;2"))

        let document = try XMLDocument.parse(data: data, sourceName: "METS.xml")
        #expect(document.root.attribute("LABEL") == "Hồ sơ \"A\" & <B>\n2")
        #expect(document.root.firstChild(named: "note", namespace: XMLNamespace.mets)?.text == "a < b && c > d ]]> đ")
        let locat = try document.elements(xpath: "/mets:mets/mets:file/mets:FLocat")
        #expect(locat.first?.attribute("href", namespace: XMLNamespace.xlink) == "data/Tệp 1.pdf")
    }

    @Test func refusesInvalidCharactersNamesAndMisuse() throws {
        let writer = XMLStreamWriter(inMemoryNamed: "bad.xml")
        try writer.startDocument()
        try writer.startElement("a")
        #expect(throws: XMLError.self) { try writer.text("bell \u{07}") }
        #expect(throws: XMLError.self) { try writer.startElement("1bad") }
        #expect(throws: XMLError.self) { try writer.startElement("has space") }
        do {
            try writer.finish()
            Issue.record("finish with an open element must throw")
        } catch {
            #expect(error.kind == .write)
            #expect(error.message.en.contains("still open (a)"))
        }
        try writer.endElement()
        #expect(throws: XMLError.self) { try writer.endElement() }
        #expect(throws: XMLError.self) { try writer.startElement("second-root") }
        try writer.finish()
        #expect(throws: XMLError.self) { try writer.text("after") }
    }

    @Test func streamsOneHundredThousandElementsWithFlatMemory() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.url.appendingPathComponent("big-METS.xml").path
        let writer = try XMLStreamWriter(fileAt: path)
        try writer.startDocument()
        try writer.startElement("mets:mets", namespaces: ["mets": XMLNamespace.mets, "xlink": XMLNamespace.xlink])
        try writer.startElement("mets:fileSec")
        try writer.startElement("mets:fileGrp", attributes: ["USE": "Representations/rep1"])
        var largestBuffer = 0
        var sizeOnDiskHalfway: Int64 = 0
        for index in 0..<100_000 {
            try writer.startElement("mets:file", attributes: [
                "ID": "ID-\(index)", "MIMETYPE": "application/pdf", "SIZE": "\(index * 7)",
                "CHECKSUMTYPE": "SHA-256", "CHECKSUM": String(repeating: "ab", count: 32),
            ])
            try writer.element("mets:FLocat", attributes: ["LOCTYPE": "URL", "xlink:href": "data/H49.64.33.2001.160.\(index).pdf"])
            try writer.endElement()
            largestBuffer = max(largestBuffer, writer.bufferedByteCount)
            if index == 50_000 {
                sizeOnDiskHalfway = ((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map(Int64.init)) ?? 0
            }
        }
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.comment("100 000 files")
        try writer.finish(sync: true)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 20_000_000)
        #expect(Int64(size) == writer.bytesWritten)
        #expect(largestBuffer < 80 * 1024, "the writer holds at most one buffer, whatever the document size")
        #expect(sizeOnDiskHalfway > 10_000_000, "bytes reach the file while writing, not at the end")
        let document = try XMLDocument.parse(fileAt: path)
        #expect(try document.elements(xpath: "//mets:file").count == 100_000)
        #expect(try document.elements(xpath: "//mets:file[last()]/mets:FLocat").first?.attribute("href", namespace: XMLNamespace.xlink)
            == "data/H49.64.33.2001.160.99999.pdf")
    }
}
