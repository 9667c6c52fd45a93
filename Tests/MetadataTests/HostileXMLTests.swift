import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Metadata

/// Hostile inputs a SIP may carry. Each must be refused (or neutralised) with a clear message naming the
/// file, and must never read a local file, fetch a URL or blow up memory.
@Suite("Hostile XML")
struct HostileXMLTests {
    static let secret = "KHO-SECRET-\(UUID().uuidString)"

    /// Parses and expects a refusal; returns the error.
    func refusal(_ text: String, name: String = "hostile/EAD.xml") throws -> XMLError {
        do {
            let document = try XMLDocument.parse(data: Data(text.utf8), sourceName: name)
            Issue.record("expected a refusal, parsed root \(document.root.name)")
            return XMLError(.malformed, path: nil, vi: "", en: "")
        } catch {
            return error
        }
    }

    @Test func externalEntityReadingALocalFileIsRefusedAndLeaksNothing() throws {
        let temporary = try TemporaryDirectory()
        let secretFile = temporary.url.appendingPathComponent("secret.txt")
        try Data(Self.secret.utf8).write(to: secretFile)
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE simpledc [ <!ENTITY xxe SYSTEM "file://\(secretFile.path)"> ]>
        <simpledc><title>&xxe;</title></simpledc>
        """
        let error = try refusal(text)
        #expect(error.kind == .externalEntity)
        #expect(error.rule == "KHO-XML-EXTERNAL-ENTITY")
        #expect(error.path == "hostile/EAD.xml")
        #expect(error.line == 2)
        #expect(error.message.vi.contains("thực thể ngoài"))
        #expect(error.message.en.contains("external entity &xxe;"))
        #expect(!error.description.contains(Self.secret))
        #expect(!"\(error.finding)".contains(Self.secret))

        // The same attack with a relative path and no scheme.
        let relative = try refusal("<!DOCTYPE a [<!ENTITY x SYSTEM \"secret.txt\">]><a>&x;</a>", name: secretFile.deletingLastPathComponent().appendingPathComponent("doc.xml").path)
        #expect(relative.kind == .externalEntity)
        #expect(!relative.description.contains(Self.secret))
    }

    @Test func billionLaughsIsRefusedFast() throws {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        var error: XMLError?
        let elapsed = try clock.measure { error = try refusal(text, name: "laughs.xml") }
        #expect(elapsed < .seconds(1))
        #expect(error?.kind == .dtd)
        #expect(error?.rule == "KHO-XML-DTD")
        #expect(error?.path == "laughs.xml")
        #expect(error?.line == 3, "refused at the first declaration")
        #expect(error?.message.en.contains("billion-laughs") == true)
        #expect(error?.message.vi.contains("thực thể &lol;") == true)
    }

    @Test func quadraticBlowupWithOneLargeEntityIsRefused() throws {
        let big = String(repeating: "x", count: 100_000)
        let references = String(repeating: "&a;", count: 10_000)
        let error = try refusal("<!DOCTYPE r [<!ENTITY a \"\(big)\">]><r>\(references)</r>")
        #expect(error.kind == .dtd)
    }

    @Test func networkDTDIsNeverFetched() throws {
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)/x.dtd"
        let error = try refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"\(url)\">\n<x/>")
        #expect(error.kind == .externalEntity)
        #expect(error.message.en.contains(url))
        #expect(error.message.vi.contains("DTD ngoài"))
        #expect(error.path == "hostile/EAD.xml")
        #expect(listener.acceptedConnections() == 0)

        let publicID = try refusal("<!DOCTYPE x PUBLIC \"-//K//DTD X//EN\" \"\(url)\"><x/>")
        #expect(publicID.kind == .externalEntity)
        #expect(listener.acceptedConnections() == 0)
    }

    @Test func parameterEntitiesAreRefusedBeforeUse() throws {
        let listener = try LoopbackListener()
        let external = try refusal("""
        <!DOCTYPE x [
          <!ENTITY % remote SYSTEM "http://127.0.0.1:\(listener.port)/evil.dtd">
          %remote;
        ]><x/>
        """)
        #expect(external.kind == .externalEntity)
        #expect(external.message.en.contains("%remote;"))
        #expect(external.line == 2)
        #expect(listener.acceptedConnections() == 0)

        let internalPE = try refusal("<!DOCTYPE x [<!ENTITY % p \"<!ENTITY y 'z'>\"> %p;]><x>&y;</x>")
        #expect(internalPE.kind == .dtd)
        #expect(internalPE.message.en.contains("%p;"))
    }

    @Test func unparsedEntityIsRefused() throws {
        let error = try refusal("<!DOCTYPE x [<!NOTATION gif SYSTEM \"image/gif\"><!ENTITY pic SYSTEM \"/etc/passwd\" NDATA gif>]><x/>")
        #expect(error.kind == .externalEntity)
    }

    @Test func xincludeIsNotProcessed() throws {
        let temporary = try TemporaryDirectory()
        let secretFile = temporary.url.appendingPathComponent("secret.xml")
        try Data("<s>\(Self.secret)</s>".utf8).write(to: secretFile)
        let text = """
        <doc xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="\(secretFile.path)" parse="text"/></doc>
        """
        let document = try XMLDocument.parse(data: Data(text.utf8), sourceName: "xinclude.xml")
        let include = try #require(document.root.children.first)
        #expect(include.name == "include")
        #expect(include.namespaceURI == "http://www.w3.org/2001/XInclude")
        #expect(!document.root.text.contains(Self.secret))
        #expect(try document.elements(xpath: "//s").isEmpty)
    }

    @Test func hostileSchemasAreRefusedBeforeLibxml2CompilesThem() throws {
        let temporary = try TemporaryDirectory()
        let secretFile = temporary.url.appendingPathComponent("secret.txt")
        try Data(Self.secret.utf8).write(to: secretFile)
        let xxe = """
        <!DOCTYPE xs:schema [<!ENTITY s SYSTEM "file://\(secretFile.path)">]>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="a"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="&s;"/></xs:restriction></xs:simpleType></xs:element>
        </xs:schema>
        """
        let schemaPath = temporary.url.appendingPathComponent("evil.xsd").path
        try Data(xxe.utf8).write(to: URL(fileURLWithPath: schemaPath))
        do {
            _ = try XMLSchemaSet(schemaAt: schemaPath)
            Issue.record("a schema with an external entity must be refused")
        } catch {
            #expect(error.kind == .externalEntity)
            #expect(error.path?.hasSuffix("evil.xsd") == true)
            #expect(!error.description.contains(Self.secret))
        }
        var laughs = "<!DOCTYPE xs:schema [<!ENTITY a \"aaaaaaaaaa\">"
        for level in 1...8 { laughs += "<!ENTITY a\(level) \"" + String(repeating: level == 1 ? "&a;" : "&a\(level - 1);", count: 10) + "\">" }
        laughs += "]><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:annotation><xs:documentation>&a8;</xs:documentation></xs:annotation></xs:schema>"
        do {
            _ = try XMLSchemaSet(schemaText: laughs, sourceName: "laughs.xsd")
            Issue.record("billion laughs in a schema must be refused")
        } catch {
            #expect(error.kind == .dtd)
            #expect(error.path == "laughs.xsd")
        }
    }

    @Test func aPlainDoctypeWithoutDeclarationsIsAccepted() throws {
        let document = try XMLDocument.parse(data: Data("<!DOCTYPE simpledc><simpledc><title>x</title></simpledc>".utf8), sourceName: "ok.xml")
        #expect(document.root.firstChild(named: "title")?.text == "x")
    }

    @Test func predefinedEntitiesAndCharacterReferencesStillWork() throws {
        let document = try XMLDocument.parse(data: Data("<a t=\"&quot;&#x1EA1;\">&lt;&amp;&#273;</a>".utf8), sourceName: "ok.xml")
        #expect(document.root.text == "<&đ")
        #expect(document.root.attribute("t") == "\"ạ")
    }

    @Test func deepNestingIsRefusedNotCrashing() throws {
        let depth = 5_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = try refusal(text, name: "deep.xml")
        #expect(error.kind == .malformed)
        #expect(error.path == "deep.xml")
    }
}
