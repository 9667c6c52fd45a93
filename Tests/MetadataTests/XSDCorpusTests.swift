import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Metadata

/// The METS 1.x examples of `corpora/xsd/mets/`, validated through the catalog with no network against the
/// corpus driver (METS, PREMIS 2 and 3, DC, EAD, E-ARK), and the verdicts compared with xmllint's (the
/// reference, when installed). Two examples carry PREMIS 2, so Kho's METS+PREMIS 3 driver alone must
/// refuse them.
@Suite("XSD corpus: METS 1.12 examples")
struct XSDCorpusTests {
    static let folder = TestEnvironment.corpus("xsd")
    static let examples = [
        "mets/sample-mets1.xml",
        "mets/v2-examples/archivematica-demo-transfer-mets1.xml",
        "mets/v2-examples/complex-mets1.xml",
        "mets/v2-examples/dspace-sword-mets1.xml",
        "mets/v2-examples/hathitrust-mets1.xml",
        "mets/v2-examples/simple-mets1.xml",
    ]

    static let schema: Result<XMLSchemaSet, XMLError> = Result { () throws(XMLError) -> XMLSchemaSet in
        let catalog = try XMLCatalog(fileAt: folder.appendingPathComponent("catalog.xml").path)
        return try XMLSchemaSet(schemaAt: folder.appendingPathComponent("all-driver.xsd").path, catalog: catalog)
    }

    @Test(arguments: examples)
    func exampleValidatesAgainstMETSAndPREMIS(_ relative: String) throws {
        let findings = try Self.schema.get().validate(fileAt: Self.folder.appendingPathComponent(relative).path)
        #expect(findings.isEmpty, "\(findings.map(\.line))")
    }

    @Test func premis2ContentIsRefusedByTheInformationPackageDriver() throws {
        let catalog = try XMLCatalog(fileAt: Self.folder.appendingPathComponent("catalog.xml").path)
        let driver = try XMLSchemaSet(importing: XMLSchemaImport.informationPackage, catalog: catalog)
        #expect(driver.label == "mets.xsd + xlink.xsd + DILCISExtensionMETS.xsd + DILCISExtensionSIPMETS.xsd + premis.xsd")
        let findings = driver.validate(fileAt: Self.folder.appendingPathComponent("mets/v2-examples/hathitrust-mets1.xml").path)
        let first = try #require(findings.first)
        #expect(first.message.en.hasPrefix("Not valid against mets.xsd + xlink.xsd"))
        #expect(first.message.en.contains("premis-v2"))
        #expect(first.location == "/mets:mets/mets:amdSec[1]/mets:digiprovMD[1]/mets:mdWrap[1]/mets:xmlData[1]/PREMIS:premis[1]/PREMIS:object[1] (line 36)")
    }

    @Test func brokenPREMISInsideMETSIsFoundAndXmllintAgrees() throws {
        let original = try String(contentsOf: Self.folder.appendingPathComponent("mets/v2-examples/archivematica-demo-transfer-mets1.xml"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "<premis:objectIdentifierType>", with: "<premis:objectIdentifierKind>")
            .replacingOccurrences(of: "</premis:objectIdentifierType>", with: "</premis:objectIdentifierKind>")
        #expect(broken != original)
        let temporary = try TemporaryDirectory()
        let path = temporary.url.appendingPathComponent("broken-METS.xml").path
        try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
        let findings = try Self.schema.get().validate(fileAt: path)
        let first = try #require(findings.first)
        #expect(first.severity == .error)
        #expect(first.path == path)
        #expect(first.message.en.contains("objectIdentifierKind"))
        #expect(first.location?.contains("premis:objectIdentifier[1]") == true)

        guard let xmllint = which("xmllint") else { return }
        for (file, expectValid) in [(path, false), (Self.folder.appendingPathComponent(Self.examples[1]).path, true)] {
            let result = try runProcess(xmllint, ["--nonet", "--noout", "--schema", Self.folder.appendingPathComponent("all-driver.xsd").path, file],
                                        environment: ["XML_CATALOG_FILES": Self.folder.appendingPathComponent("catalog.xml").path])
            #expect((result.status == 0) == expectValid, "xmllint: \(result.stderr)")
        }
    }
}
