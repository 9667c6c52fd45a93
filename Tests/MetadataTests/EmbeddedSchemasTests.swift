import Foundation
import KhoTestSupport
import Testing
@testable import Metadata

@Suite("Kho's own TT05 schemas")
struct EmbeddedSchemasTests {
    static let folder = TestEnvironment.repositoryRoot.appendingPathComponent("schemas/tt05")

    @Test(arguments: [("EAD-hoso.xsd", EmbeddedSchemas.eadDossier), ("EAD-doc.xsd", EmbeddedSchemas.eadDocument)])
    func embeddedTextEqualsTheFileInSchemas(file: String, embedded: String) throws {
        let onDisk = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        #expect(embedded + "\n" == onDisk, "run schemas/tt05/embed.sh after editing \(file)")
    }

    @Test func theFilesCompileFromDiskToo() throws {
        _ = try XMLSchemaSet(schemaAt: Self.folder.appendingPathComponent("EAD-hoso.xsd").path)
        _ = try XMLSchemaSet(schemaAt: Self.folder.appendingPathComponent("EAD-doc.xsd").path)
    }

    @Test func dossierSchemaDeclaresTheEighteenFieldsInAnAll() throws {
        let document = try XMLDocument.parse(data: Data(EmbeddedSchemas.eadDossier.utf8), sourceName: "EAD-hoso.xsd")
        let names = try document.elements(xpath: "/xs:schema/xs:element[@name='simpledc']/xs:complexType/xs:all/xs:element").compactMap { $0.attribute("name") }
        #expect(Set(names) == Set(DossierField.all.map(\.element)))
        #expect(names.count == 19, "18 fields + arcFileCode")
        let documentSchema = try XMLDocument.parse(data: Data(EmbeddedSchemas.eadDocument.utf8), sourceName: "EAD-doc.xsd")
        let documentNames = try documentSchema.elements(xpath: "//xs:all/xs:element").compactMap { $0.attribute("name") }
        #expect(Set(documentNames) == Set(DocumentField.all.map(\.element)))
        #expect(documentNames.count == 22, "21 fields, docCode in two spellings")
    }

    @Test func schemaAcceptsAnyOrderAndEmptyOptionalsButNotEmptyRequireds() throws {
        let schema = try TT05Schemas.dossier()
        let reordered = TT05Fixtures.dossierXML
            .replacingOccurrences(of: "  <title>", with: "  <totalDoc>2</totalDoc><title>")
            .replacingOccurrences(of: "  <totalDoc>2</totalDoc>\n", with: "")
        #expect(schema.validate(try TT05Fixtures.document(reordered, name: "EAD.xml")).isEmpty)
        #expect(schema.validate(try TT05Fixtures.document(TT05Fixtures.dossier(setting: "numberOfPage", to: ""), name: "EAD.xml")).isEmpty)
        #expect(schema.validate(try TT05Fixtures.document(TT05Fixtures.dossier(setting: "endDate", to: "2001"), name: "EAD.xml")).isEmpty)
        #expect(schema.validate(try TT05Fixtures.document(TT05Fixtures.dossier(setting: "language", to: "01; 02"), name: "EAD.xml")).isEmpty)
        for (element, text) in [("title", ""), ("maintenance", ""), ("startDate", "2001-01-05"), ("totalDoc", "-1"), ("title", nil)] as [(String, String?)] {
            let findings = schema.validate(try TT05Fixtures.document(TT05Fixtures.dossier(setting: element, to: text), name: "EAD.xml"))
            #expect(!findings.isEmpty, "\(element)=\(text ?? "absent") must be refused")
            #expect(findings.allSatisfy { $0.path == "EAD.xml" && $0.code == "KHO-XSD-INVALID" })
        }
        let longTitle = TT05Fixtures.dossier(setting: "title", to: String(repeating: "x", count: 1500))
        #expect(schema.validate(try TT05Fixtures.document(longTitle, name: "EAD.xml")).isEmpty, "lengths are warnings in code, not XSD errors")
    }

    @Test func xmllintAgreesOnWrittenRecords() throws {
        guard let xmllint = which("xmllint") else { return }
        let temporary = try TemporaryDirectory()
        let dossier = DossierRecord(reading: try TT05Fixtures.document(TT05Fixtures.dossierXML, name: "EAD.xml"))
        let document = DocumentRecord(reading: try TT05Fixtures.document(TT05Fixtures.documentXML, name: "EAD_doc.xml"))
        var bad = dossier
        bad.mode = TT05Value(text: "04")
        for (data, schema, valid) in [(try dossier.xmlData(), "EAD-hoso.xsd", true), (try document.xmlData(), "EAD-doc.xsd", true),
                                      (try bad.xmlData(), "EAD-hoso.xsd", false)] {
            let file = temporary.url.appendingPathComponent(UUID().uuidString + ".xml")
            try data.write(to: file)
            let result = try runProcess(xmllint, ["--nonet", "--noout", "--schema", Self.folder.appendingPathComponent(schema).path, file.path])
            #expect((result.status == 0) == valid, "xmllint \(schema): \(result.stderr)")
        }
    }
}
