import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Metadata

@Suite("XSD validation through the catalog, without network")
struct XMLSchemaSetTests {
    static let xsdFolder = TestEnvironment.corpus("xsd")
    static func catalog() throws(XMLError) -> XMLCatalog {
        try XMLCatalog(fileAt: xsdFolder.appendingPathComponent("catalog.xml").path)
    }

    @Test func catalogMapsPublicLocationsToLocalFiles() throws {
        let catalog = try Self.catalog()
        let xlink = try #require(catalog.resolve("http://www.loc.gov/standards/xlink/xlink.xsd"))
        #expect(xlink.hasSuffix("/xsd/xlink/xlink.xsd"))
        #expect(FileManager.default.fileExists(atPath: xlink))
        #expect(catalog.resolve("https://www.loc.gov/standards/premis/v3/premis.xsd")?.hasSuffix("premis/premis-v3-0.xsd") == true)
        #expect(catalog.resolve("http://example.org/unknown.xsd") == nil)
    }

    @Test func sampleMETSValidatesAgainstMETSThroughTheCatalog() throws {
        let schema = try XMLSchemaSet(schemaAt: Self.xsdFolder.appendingPathComponent("mets/mets.xsd").path, catalog: try Self.catalog())
        let findings = schema.validate(fileAt: Self.xsdFolder.appendingPathComponent("mets/sample-mets1.xml").path)
        #expect(findings.isEmpty, "\(findings.map(\.line))")
    }

    @Test func metsWithoutCatalogCannotReachXLinkAndIsRefused() throws {
        do {
            _ = try XMLSchemaSet(schemaAt: Self.xsdFolder.appendingPathComponent("mets/mets.xsd").path)
            Issue.record("compiling mets.xsd without a catalog must refuse the remote xlink import")
        } catch {
            #expect(error.kind == .networkRefused)
            #expect(error.message.en.contains("http://www.loc.gov/standards/xlink/xlink.xsd"))
            #expect(error.message.vi.contains("Từ chối"))
        }
    }

    @Test func unresolvableRemoteImportIsRefusedNotFetched() throws {
        let listener = try LoopbackListener()
        let text = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:import namespace="urn:evil" schemaLocation="http://127.0.0.1:\(listener.port)/evil.xsd"/>
          <xs:element name="a" type="xs:string"/>
        </xs:schema>
        """
        do {
            _ = try XMLSchemaSet(schemaText: text, sourceName: "evil-driver.xsd", catalog: try Self.catalog())
            Issue.record("an import the catalog cannot map must be refused")
        } catch {
            #expect(error.kind == .networkRefused)
            #expect(error.path == "evil-driver.xsd")
        }
        #expect(listener.acceptedConnections() == 0)
    }

    @Test func localImportOutsideAllowedFoldersIsRefused() throws {
        let temporary = try TemporaryDirectory()
        let outside = temporary.url.appendingPathComponent("outside.xsd")
        try Data("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:o\"/>".utf8).write(to: outside)
        let text = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:import namespace="urn:o" schemaLocation="\(outside.path)"/>
        </xs:schema>
        """
        #expect(throws: XMLError.self) { try XMLSchemaSet(schemaText: text, sourceName: "driver.xsd", catalog: try Self.catalog()) }
    }

    @Test func informationPackageDriverValidatesMETSWithPREMIS() throws {
        let schema = try XMLSchemaSet(importing: XMLSchemaImport.informationPackage, catalog: try Self.catalog())
        func mets(_ premisBody: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
                xmlns:premis="http://www.loc.gov/premis/v3" OBJID="urn:uuid:1" csip:OAISPACKAGETYPE="AIP">
              <mets:amdSec><mets:digiprovMD ID="d1"><mets:mdWrap MDTYPE="PREMIS"><mets:xmlData>
                <premis:premis version="3.0">\(premisBody)</premis:premis>
              </mets:xmlData></mets:mdWrap></mets:digiprovMD></mets:amdSec>
              <mets:structMap LABEL="CSIP"><mets:div/></mets:structMap>
            </mets:mets>
            """
        }
        let good = """
        <premis:object xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="premis:file">
          <premis:objectIdentifier><premis:objectIdentifierType>local</premis:objectIdentifierType>
            <premis:objectIdentifierValue>f1</premis:objectIdentifierValue></premis:objectIdentifier>
          <premis:objectCharacteristics><premis:format><premis:formatDesignation><premis:formatName>PDF/A</premis:formatName>
          </premis:formatDesignation></premis:format></premis:objectCharacteristics>
        </premis:object>
        """
        let valid = try XMLDocument.parse(data: Data(mets(good).utf8), sourceName: "AIP/METS.xml")
        #expect(schema.validate(valid).isEmpty, "\(schema.validate(valid).map(\.line))")

        let bad = try XMLDocument.parse(data: Data(mets("<premis:object><premis:bogus/></premis:object>").utf8), sourceName: "AIP/METS.xml")
        let findings = schema.validate(bad)
        let first = try #require(findings.first)
        #expect(first.code == "KHO-XSD-INVALID")
        #expect(first.severity == .error)
        #expect(first.path == "AIP/METS.xml")
        #expect(first.location?.contains("/mets:mets/mets:amdSec[1]/mets:digiprovMD[1]/mets:mdWrap[1]/mets:xmlData[1]/premis:premis[1]/premis:object[1]") == true)
        #expect(first.location?.contains("(line 5)") == true)
        #expect(first.message.vi.hasPrefix("Không hợp lệ theo lược đồ"))
    }

    @Test func invalidMETSNamesFileLineAndXPath() throws {
        let schema = try XMLSchemaSet(schemaAt: Self.xsdFolder.appendingPathComponent("mets/mets.xsd").path, catalog: try Self.catalog())
        let text = """
        <mets xmlns="http://www.loc.gov/METS/">
          <fileSec>
            <fileGrp><file ID="1-not-an-NCName"/></fileGrp>
          </fileSec>
          <structMap><div/></structMap>
        </mets>
        """
        let document = try XMLDocument.parse(data: Data(text.utf8), sourceName: "rep1/METS.xml")
        let findings = schema.validate(document)
        #expect(!findings.isValid)
        #expect(findings.contains { $0.location == "/mets:mets/mets:fileSec[1]/mets:fileGrp[1]/mets:file[1] (line 3)" })
        #expect(findings.allSatisfy { $0.path == "rep1/METS.xml" })
    }

    @Test func instanceSchemaLocationOnTheNetworkIsIgnored() throws {
        let listener = try LoopbackListener()
        let schema = try XMLSchemaSet(schemaAt: Self.xsdFolder.appendingPathComponent("mets/mets.xsd").path, catalog: try Self.catalog())
        let text = """
        <mets xmlns="http://www.loc.gov/METS/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.loc.gov/METS/ http://127.0.0.1:\(listener.port)/mets.xsd urn:x http://127.0.0.1:\(listener.port)/x.xsd">
          <structMap><div/></structMap>
        </mets>
        """
        let findings = schema.validate(try XMLDocument.parse(data: Data(text.utf8), sourceName: "METS.xml"))
        #expect(findings.isEmpty)
        #expect(listener.acceptedConnections() == 0)
    }

    /// A fresh process compiling schemas on several threads at once: libxml2 2.9 would build its XSD built-in types
    /// on each of them without a lock, and a thread could see a half-built anyType. Each child compiles METS on six
    /// threads released together, several times over (new processes, so the built-in types start unbuilt).
    @Test(arguments: 0..<4)
    func schemasCompiledAtOnceInAFreshProcessAllCompile(_ round: Int) async {
        await #expect(processExitsWith: .success) {
            let path = XMLSchemaSetTests.xsdFolder.appendingPathComponent("mets/mets.xsd").path
            let catalog = try XMLSchemaSetTests.catalog()
            let start = DispatchSemaphore(value: 0)
            let failures = DispatchQueue(label: "failures")
            nonisolated(unsafe) var failed: [String] = []
            let group = DispatchGroup()
            for _ in 0..<6 {
                DispatchQueue.global().async(group: group) {
                    start.wait()
                    do { _ = try XMLSchemaSet(schemaAt: path, catalog: catalog) } catch {
                        failures.sync { failed.append(String(describing: error)) }
                    }
                }
            }
            for _ in 0..<6 { start.signal() }
            group.wait()
            if let first = failures.sync(execute: { failed.first }) {
                FileHandle.standardError.write(Data(first.utf8))
                exit(1)
            }
        }
    }

    @Test func oneCompiledSchemaValidatesFromManyTasks() async throws {
        let schema = try XMLSchemaSet(schemaAt: Self.xsdFolder.appendingPathComponent("mets/mets.xsd").path, catalog: try Self.catalog())
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<12 {
                group.addTask {
                    let body = index.isMultiple(of: 2) ? "<structMap><div/></structMap>" : "<bogus/>"
                    let text = "<mets xmlns=\"http://www.loc.gov/METS/\">\(body)</mets>"
                    guard let document = try? XMLDocument.parse(data: Data(text.utf8), sourceName: "m\(index).xml") else { return -1 }
                    return schema.validate(document).count
                }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(counts.filter { $0 == 0 }.count == 6)
        #expect(counts.filter { $0 > 0 }.count == 6)
    }
}
