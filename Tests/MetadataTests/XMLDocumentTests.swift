import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Metadata

@Suite("XMLDocument: parsing and navigation")
struct XMLDocumentTests {
    static let sampleMETS = """
    <?xml version="1.0" encoding="UTF-8"?>
    <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"
        xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" OBJID="uuid-1" csip:OAISPACKAGETYPE="SIP">
      <mets:fileSec>
        <mets:fileGrp USE="Documentation"/>
        <mets:fileGrp USE="Representations/rep1">
          <mets:file ID="ID-1" MIMETYPE="application/pdf">
            <mets:FLocat LOCTYPE="URL" xlink:href="data/H49.64.33.2001.160.1.pdf"/>
          </mets:file>
          <mets:file ID="ID-2"><mets:FLocat xlink:href="data/Tệp &amp; 2.pdf"/></mets:file>
        </mets:fileGrp>
      </mets:fileSec>
      <note>Hồ sơ <![CDATA[a < b]]> xong</note>
    </mets:mets>
    """

    static func sample() throws -> XMLDocument {
        try XMLDocument.parse(data: Data(sampleMETS.utf8), sourceName: "METS.xml")
    }

    @Test func navigatesNamesNamespacesAndAttributes() throws {
        let document = try Self.sample()
        let root = document.root
        #expect(root.name == "mets")
        #expect(root.namespaceURI == XMLNamespace.mets)
        #expect(root.prefix == "mets")
        #expect(root.attribute("OBJID") == "uuid-1")
        #expect(root.attribute("OAISPACKAGETYPE", namespace: XMLNamespace.csip) == "SIP")
        #expect(root.attribute("OAISPACKAGETYPE") == nil, "no-namespace lookup must not match csip:OAISPACKAGETYPE")
        #expect(root.attributes.map(\.name) == ["OBJID", "OAISPACKAGETYPE"])

        let fileSec = try #require(root.firstChild(named: "fileSec", namespace: XMLNamespace.mets))
        let groups = fileSec.children(named: "fileGrp", namespace: XMLNamespace.mets)
        #expect(groups.count == 2)
        #expect(groups[1].attribute("USE") == "Representations/rep1")
        let files = groups[1].children(named: "file")
        #expect(files.map { $0.attribute("ID") } == ["ID-1", "ID-2"])
        let locat = try #require(files[1].firstChild(named: "FLocat"))
        #expect(locat.attribute("href", namespace: XMLNamespace.xlink) == "data/Tệp & 2.pdf")
        #expect(locat.parent == files[1])
        #expect(fileSec.children(named: "fileGrp", namespace: XMLNamespace.premis).isEmpty)
        #expect(root.firstChild(named: "note")?.namespaceURI == nil)
    }

    @Test func textLinesAndLocations() throws {
        let document = try Self.sample()
        let note = try #require(document.root.firstChild(named: "note"))
        #expect(note.text == "Hồ sơ a < b xong")
        #expect(note.line == 13)
        let file = try document.elements(xpath: "//mets:file[@ID='ID-2']")
        #expect(file.count == 1)
        #expect(file.first?.line == 10)
        #expect(file.first?.xpath == "/mets:mets/mets:fileSec[1]/mets:fileGrp[2]/mets:file[2]")
        #expect(note.xpath == "/mets:mets/note[1]")
        #expect(document.root.xpath == "/mets:mets")
        // A location path evaluates back to the same element.
        let again = try document.elements(xpath: try #require(file.first).xpath)
        #expect(again == file)
    }

    @Test func xpathWithCustomPrefixesAndErrors() throws {
        let document = try Self.sample()
        let groups = try document.elements(xpath: "/m:mets/m:fileSec/m:fileGrp", namespaces: ["m": XMLNamespace.mets])
        #expect(groups.count == 2)
        #expect(try document.elements(xpath: "count(//mets:file)").isEmpty, "non-node results give no elements")
        #expect(throws: XMLError.self) { try document.elements(xpath: "//mets:file[") }
        do {
            _ = try document.elements(xpath: "//unknown:file")
            Issue.record("an unbound prefix must be an error")
        } catch {
            #expect(error.kind == .xpath)
            #expect(error.path == "METS.xml")
        }
    }

    @Test func xpathRelativeToAnElement() throws {
        let document = try Self.sample()
        let group = try #require(try document.elements(xpath: "//mets:fileGrp[2]").first)
        let locats = try group.elements(xpath: "mets:file/mets:FLocat")
        #expect(locats.count == 2)
        #expect(try group.elements(xpath: "mets:file[@ID='ID-2']").first?.line == 10)
        #expect(try group.elements(xpath: "../mets:fileGrp").count == 2)
    }

    @Test func locationsOfManySiblingsAreCheap() throws {
        var text = "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\"><mets:fileSec><mets:fileGrp>"
        for index in 0..<50_000 { text += index % 5 == 0 ? "<note/>" : "<mets:file/>" }
        text += "</mets:fileGrp></mets:fileSec></mets:mets>"
        let document = try XMLDocument.parse(data: Data(text.utf8), sourceName: "big.xml")
        let group = try #require(try document.elements(xpath: "//mets:fileGrp").first)
        let clock = ContinuousClock()
        var last = ""
        let elapsed = clock.measure {
            for child in group.children { last = child.xpath }
        }
        #expect(last == "/mets:mets/mets:fileSec[1]/mets:fileGrp[1]/mets:file[40000]")
        #expect(group.children[5].xpath == "/mets:mets/mets:fileSec[1]/mets:fileGrp[1]/note[2]")
        #expect(elapsed < .seconds(5), "O(n) over siblings, not O(n²): took \(elapsed)")
    }

    @Test func malformedNamesFileLineAndRule() throws {
        let text = "<a>\n<b>\n</a>\n"
        do {
            _ = try XMLDocument.parse(data: Data(text.utf8), sourceName: "representations/rep1/METS.xml")
            Issue.record("malformed XML must be refused")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.rule == "KHO-XML-MALFORMED")
            #expect(error.path == "representations/rep1/METS.xml")
            #expect(error.line == 3)
            #expect(error.message.vi.contains("không đúng cú pháp"))
            #expect(error.message.en.contains("not well-formed"))
            #expect(error.description.hasPrefix("KHO-XML-MALFORMED [representations/rep1/METS.xml:3]"))
        }
        #expect(throws: XMLError.self) { try XMLDocument.parse(data: Data(), sourceName: "empty.xml") }
    }

    @Test func parsesFilesAndReportsUnreadableOnes() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.url.appendingPathComponent("EAD.xml").path
        try Data("<simpledc><title>Hồ sơ</title></simpledc>".utf8).write(to: URL(fileURLWithPath: path))
        let document = try XMLDocument.parse(fileAt: path)
        #expect(document.sourceName == path)
        #expect(document.root.firstChild(named: "title")?.text == "Hồ sơ")
        do {
            _ = try XMLDocument.parse(fileAt: temporary.url.appendingPathComponent("missing.xml").path)
            Issue.record("missing file must throw")
        } catch {
            #expect(error.kind == .unreadable)
        }
    }

    @Test func parsesTheCorpusSampleMETS() throws {
        let path = TestEnvironment.corpus("xsd").appendingPathComponent("mets/sample-mets1.xml").path
        let document = try XMLDocument.parse(fileAt: path)
        #expect(document.root.name == "mets")
        #expect(try document.elements(xpath: "//mets:file").count > 0)
    }

    @Test func parsingIsSafeFromManyTasksAtOnce() async throws {
        let results = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? "<a><b/><b/></a>" : "<a><b></a>"
                    guard let document = try? XMLDocument.parse(data: Data(text.utf8), sourceName: "t\(index).xml") else { return -1 }
                    return document.root.children.count
                }
            }
            var collected: [Int] = []
            for await value in group { collected.append(value) }
            return collected
        }
        #expect(results.filter { $0 == 2 }.count == 8)
        #expect(results.filter { $0 == -1 }.count == 8)
    }
}
