import Foundation
import KhoTestSupport
import Metadata
import Testing
@testable import Ingest

@Suite("AIP builder: OBJID, arcFileCode and input rules")
struct AIPBuilderRulesTests {
    private func failure(_ change: (inout AIPContent) -> Void) throws -> AIPBuildError? {
        let work = try TemporaryDirectory("kho-aip-sip"), out = try TemporaryDirectory("kho-aip")
        var content = try AIPFixture.content(workArea: work.path)
        change(&content)
        do {
            _ = try AIPBuilder(durable: false).build(content, into: out.path)
            return nil
        } catch {
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "input errors must write nothing")
            return error
        }
    }

    @Test("OBJID must be urn:uuid:<lower-case UUID>", arguments: [
        "uuid-3f0c2a7e-5b1d-4c8e-9a6f-0d2e4b7c1a95",
        "urn:uuid:3F0C2A7E-5B1D-4C8E-9A6F-0D2E4B7C1A95",
        "urn:uuid:not-a-uuid",
        "3f0c2a7e-5b1d-4c8e-9a6f-0d2e4b7c1a95",
        "",
    ])
    func objectID(_ bad: String) throws {
        #expect(try failure { $0.objectID = bad }?.rule == "KHO-AIP-OBJID")
    }

    @Test("arcFileCode needs an archive code and a fileCode, and must start with the archive code")
    func arcFileCode() throws {
        #expect(try failure { $0.dossier.fileCode = nil }?.rule == "KHO-AIP-ARCFILECODE")
        #expect(try failure { $0.archiveCode = "" }?.rule == "KHO-AIP-ARCFILECODE")
        #expect(try failure { $0.dossier.arcFileCode = "KHAC.H49.64.33.2001.160" }?.rule == "KHO-AIP-ARCFILECODE")
        var content = try AIPFixture.content(workArea: try TemporaryDirectory().path)
        #expect(content.arcFileCode == "KLTD-BN.H49.64.33.2001.160")
        content.dossier.arcFileCode = "KLTD-BN.H49.64.33.2001.160.MLL05"
        #expect(content.arcFileCode == "KLTD-BN.H49.64.33.2001.160.MLL05", "an arcFileCode given with an inventory number is kept")
    }

    @Test("a given arcFileCode is written as is")
    func keepsGivenArcFileCode() throws {
        let work = try TemporaryDirectory("kho-aip-sip"), out = try TemporaryDirectory("kho-aip")
        var content = try AIPFixture.content(workArea: work.path)
        content.dossier.arcFileCode = "KLTD-BN.H49.64.33.2001.160.MLL05"
        _ = try AIPBuilder(durable: false).build(content, into: out.path)
        let dossier = try DossierRecord.read(fileAt: out.path + "/" + AIPLayout.dossierEAD)
        #expect(dossier.arcFileCode == "KLTD-BN.H49.64.33.2001.160.MLL05")
    }

    @Test("unsafe, misplaced or duplicate payload paths, bad digests and dangling references are refused")
    func payloadRules() throws {
        #expect(try failure { $0.files[0].path = "representations/rep1/data/../../../etc/passwd" }?.rule == "KHO-AIP-PATH")
        #expect(try failure { $0.files[0].path = "metadata/other/x.pdf" }?.rule == "KHO-AIP-PATH")
        #expect(try failure { $0.files[1].path = $0.files[0].path }?.rule == "KHO-AIP-DUPLICATE-PATH")
        #expect(try failure { $0.files[0].sha256 = "abc" }?.rule == "KHO-AIP-DIGEST")
        #expect(try failure { $0.files[0].sha512 = String(repeating: "z", count: 128) }?.rule == "KHO-AIP-DIGEST")
        #expect(try failure { $0.documents[0].filePaths = ["representations/rep1/data/khong-co.pdf"] }?.rule == "KHO-AIP-DOCUMENT-FILE")
        #expect(try failure { $0.documents[1].record.docId = $0.documents[0].record.docId }?.rule == "KHO-AIP-DOCUMENT-NAME")
        #expect(try failure { $0.events[0].linkingAgents.append(.init(identifier: "ai-do")) }?.rule == "KHO-AIP-EVENT")
        #expect(try failure { $0.approvers.append($0.software) }?.rule == "KHO-AIP-AGENT")
    }

    @Test("the target directory must be empty")
    func nonEmptyDirectory() throws {
        let work = try TemporaryDirectory("kho-aip-sip"), out = try TemporaryDirectory("kho-aip")
        try Data("x".utf8).write(to: out.url.appendingPathComponent("stale.txt"))
        #expect(throws: AIPBuildError.self) { try AIPBuilder(durable: false).build(try AIPFixture.content(workArea: work.path), into: out.path) }
        do {
            _ = try AIPBuilder(durable: false).build(try AIPFixture.content(workArea: work.path), into: out.path + "/missing")
            Issue.record("a missing directory must be refused")
        } catch let error as AIPBuildError {
            #expect(error.rule == "KHO-AIP-DIRECTORY")
        }
    }
}

@Suite("AIP builder: supplements and files outside documents")
struct AIPBuilderVariantsTests {
    @Test("a SUPPLEMENT keeps its status; a file no document claims is listed without DMDID directly under Data")
    func supplementWithLooseFile() throws {
        let work = try TemporaryDirectory("kho-aip-sip"), out = try TemporaryDirectory("kho-aip")
        var content = try AIPFixture.content(workArea: work.path)
        content.recordStatus = .supplement
        content.documents[2].filePaths = []
        _ = try AIPBuilder(durable: false).build(content, into: out.path)
        let root = try XMLDocument.parse(fileAt: out.path + "/" + AIPLayout.rootMETS)
        #expect(root.root.firstChild(named: "metsHdr", namespace: XMLNamespace.mets)?.attribute("RECORDSTATUS") == "SUPPLEMENT")
        let rep = try XMLDocument.parse(fileAt: out.path + "/" + AIPLayout.representationMETS)
        let loose = try rep.elements(xpath: "//mets:file[@ID='file-3']")
        #expect(loose.count == 1 && loose[0].attribute("DMDID") == nil)
        #expect(try rep.elements(xpath: "//mets:div[@LABEL='Data']/mets:fptr").compactMap { $0.attribute("FILEID") } == ["file-3"])
        #expect(try rep.elements(xpath: "//mets:div[@DMDID='dmd-doc-3']/mets:fptr").isEmpty)
        let schemas = try AIPFixture.schemas.get()
        #expect(schemas.validate(rep).filter { $0.severity == .error }.isEmpty)
    }
}
