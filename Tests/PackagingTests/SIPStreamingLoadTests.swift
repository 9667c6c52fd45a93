import Foundation
import KhoCore
import KhoTestSupport
import Metadata
@testable import Packaging
import Testing

/// The streaming METS reader and the streaming schema check must give exactly what the tree path gives:
/// the same `METSElement` tree, the same load failure, the same schema findings.
@Suite struct SIPStreamingLoadTests {
    /// Loads `text` both ways: from a file (streamed when possible) and from memory (always the libxml2 tree).
    private static func compareLoads(_ text: String, in dir: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = dir.path + "/METS.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let streamed = XMLLoader.load(path, relativePath: "METS.xml")
        let tree = Result { () throws(XMLLoadFailure) -> METSElement in try XMLLoader.load(data: Data(text.utf8), relativePath: "METS.xml") }
        switch (streamed, tree) {
        case let (.success(a), .success(b)):
            #expect(a == b, sourceLocation: sourceLocation)
        case let (.failure(a), .failure(b)):
            #expect(a.finding.code == b.finding.code && a.finding.location == b.finding.location && a.finding.message == b.finding.message,
                    sourceLocation: sourceLocation)
        default:
            Issue.record("streamed and tree loads disagree", sourceLocation: sourceLocation)
        }
    }

    @Test func streamedMETSEqualsTheTreeForSampleAndMutatedDocuments() throws {
        let dir = try TemporaryDirectory("kho-sip-stream")
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 5, documents: 3)
        let work = try TemporaryDirectory("kho-sip-stream-work")
        var random = SeededGenerator(seed: 20_261_122)
        for mets in ["METS.xml", "representations/rep1/METS.xml"] {
            let original = try String(contentsOfFile: package + "/" + mets, encoding: .utf8)
            // A clean document really takes the streaming path.
            var starts = 0
            #expect(XMLElementStream.read(fileAt: package + "/" + mets) { if case .start = $0 { starts += 1 } })
            #expect(starts > 10)
            try Self.compareLoads(original, in: work)
            for _ in 0..<150 {
                try Self.compareLoads(SIPFuzzTests.mutate(original, random: &random), in: work)
            }
        }
    }

    @Test func streamedMETSEqualsTheTreeForUnusualDocuments() throws {
        let work = try TemporaryDirectory("kho-sip-stream-edge")
        let mets = "xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        let cases = [
            "<mets:mets \(mets) OBJID=\"x\"><mets:metsHdr><mets:agent><mets:name> a <![CDATA[<b>]]> <!-- c --> d </mets:name></mets:agent></mets:metsHdr><mets:fileSec/></mets:mets>",
            "<?xml version=\"1.0\"?>\n<!-- lead -->\n<mets \(mets) xmlns=\"http://www.loc.gov/METS/\"><?pi x?><file ID=\"a\" xlink:href=\"&amp;&#233;\"/><file/><other xmlns=\"urn:o\"><file/></other></mets>",
            "<!DOCTYPE mets [<!ENTITY e \"x\">]><mets:mets \(mets)>&e;</mets:mets>",
            "<!DOCTYPE mets><mets:mets \(mets)/>",
            "<mets:mets \(mets)>" + String(repeating: "\n", count: 70_000) + "<mets:fileSec><mets:fileGrp/>\n</mets:fileSec>\n<mets:x/></mets:mets>",
            "<mets:mets \(mets)><mets:a></mets:b></mets:mets>",
            "",
            "<mets:mets \(mets) a=\"1\" a=\"2\"/>",
        ]
        for text in cases { try Self.compareLoads(text, in: work) }
    }

    @Test func streamingSchemaCheckGivesTheTreeFindings() throws {
        let dir = try TemporaryDirectory("kho-sip-stream-xsd")
        let package = try SIPTestSupport.samplePackage(in: dir, seed: 6, documents: 2)
        let schema = try XMLSchemaSet(importing: XMLSchemaImport.informationPackage, catalog: try XMLCatalog(fileAt: SIPTestSupport.catalog))
        let work = try TemporaryDirectory("kho-sip-stream-xsd-work")
        let path = work.path + "/METS.xml"
        var random = SeededGenerator(seed: 20_261_123)
        var invalid = 0
        for mets in ["METS.xml", "representations/rep1/METS.xml"] {
            let original = try String(contentsOfFile: package + "/" + mets, encoding: .utf8)
            for round in 0..<60 {
                let text = round == 0 ? original : SIPFuzzTests.mutate(original, random: &random)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                let viaFile = schema.validate(fileAt: path)
                let viaTree: [Finding]
                do { viaTree = schema.validate(try XMLDocument.parse(fileAt: path)) } catch { viaTree = [error.finding] }
                #expect(viaFile == viaTree)
                if !viaFile.isEmpty { invalid += 1 }
            }
        }
        #expect(invalid > 20)
    }
}
