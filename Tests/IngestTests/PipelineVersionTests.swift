import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Packaging
import Testing
@testable import Ingest

/// Re-ingest is recognised; SUPPLEMENT and REPLACEMENT make new versions of the same AIP.
@Suite("Ingest pipeline: idempotency and versions")
struct PipelineVersionTests {
    /// Row counts of the tables an ingest writes.
    func counts(_ catalogue: Catalogue) throws -> [Int] {
        try ["aip_versions", "dossiers", "documents", "files", "premis_events", "transfers", "audit_log"].map { try catalogue.count(table: $0) }
    }

    @Test("the same package twice (zip, then unpacked folder) is archived once: second run writes nothing")
    func reingestIsNoOp() throws {
        let temp = try TemporaryDirectory("kho-ingest-again")
        let package = try PipelineSupport.samples(in: temp.path + "/in", seed: 21, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted(let receipt, _) = try pipeline.ingest(package.path) else { Issue.record("not accepted"); return }
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        let rows = try counts(catalogue)
        let storage = try PipelineSupport.snapshot(pipeline.home.ocflRoot)
        let receipts = try FileManager.default.contentsOfDirectory(atPath: pipeline.home.receipts).count
        let again = try pipeline.ingest(package.path)
        #expect(again == .alreadyArchived(objectID: receipt.aipObjectID, version: "v1", recovered: false))
        // The same content in a zip is the same package.
        let zipPath = temp.path + "/again.zip"
        try SampleZipper.zip(package.path, zipPath)
        #expect(try pipeline.ingest(zipPath) == .alreadyArchived(objectID: receipt.aipObjectID, version: "v1", recovered: false))
        #expect(try counts(catalogue) == rows)
        #expect(try PipelineSupport.snapshot(pipeline.home.ocflRoot) == storage)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pipeline.home.receipts).count == receipts)
    }

    @Test("SUPPLEMENT for an archived dossier becomes v2 of the same AIP, with an event; a NEW one is refused")
    func supplementMakesVersion2() throws {
        let temp = try TemporaryDirectory("kho-ingest-supplement")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 3, seed: 22, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted(let first, _) = try pipeline.ingest(package.path) else { Issue.record("not accepted"); return }
        // Same dossier sent again as NEW with other metadata: refused, nothing written.
        let renamed = temp.path + "/new-again/" + (package.path as NSString).lastPathComponent
        try FileManager.default.createDirectory(atPath: temp.path + "/new-again", withIntermediateDirectories: true)
        try PipelineSupport.copy(package.path, to: renamed, editing: "METS.xml", replace: "RECORDSTATUS=\"NEW\"", with: "RECORDSTATUS=\"NEW\"  ")
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        let rows = try counts(catalogue)
        let refused = try pipeline.ingest(renamed)
        guard case .rejected(_, let report) = refused else { Issue.record("NEW for an archived dossier accepted: \(refused)"); return }
        #expect(report.errors.map(\.code) == ["KHO-INGEST-EXISTS"])
        #expect(try counts(catalogue) == rows)

        let supplement = temp.path + "/supplement/" + (package.path as NSString).lastPathComponent
        try FileManager.default.createDirectory(atPath: temp.path + "/supplement", withIntermediateDirectories: true)
        try PipelineSupport.copy(package.path, to: supplement, editing: "METS.xml", replace: "RECORDSTATUS=\"NEW\"", with: "RECORDSTATUS=\"SUPPLEMENT\"")
        let before = try PipelineSupport.snapshot(supplement)
        guard case .accepted(let second, _) = try pipeline.ingest(supplement) else { Issue.record("supplement not accepted"); return }
        #expect(second.aipObjectID == first.aipObjectID)
        #expect(second.version == "v2" && second.recordStatus == "SUPPLEMENT")
        #expect(try PipelineSupport.snapshot(supplement) == before)
        let reader = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).object(first.aipObjectID)
        #expect(reader.versions == ["v1", "v2"])
        // The payload was not stored twice (same digests deduplicated), every data file is still in v2.
        let v1 = try reader.state(version: "v1"), v2 = try reader.state(version: "v2")
        let data = v1.keys.filter { $0.string.contains("/data/") }
        #expect(!data.isEmpty && data.allSatisfy { v2[$0] == v1[$0] })
        #expect(try catalogue.versions(objectID: first.aipObjectID).map(\.version) == [1, 2])
        #expect(try catalogue.dossier(aipObjectID: first.aipObjectID)?.recordStatus == "SUPPLEMENT")
        #expect(try catalogue.documents(aipObjectID: first.aipObjectID).count == 3)
        let creation = try catalogue.events(aipObjectID: first.aipObjectID).filter { $0.type.rawValue == "information package creation" }
        #expect(creation.count == 2 && creation.contains { $0.detail?.contains("SUPPLEMENT, v2") == true })
        let validation = OCFLValidator().validate(storageRootAt: URL(fileURLWithPath: pipeline.home.ocflRoot))
        #expect(validation.isValid, "\(validation.findings.map(\.line))")
    }

    @Test("a SUPPLEMENT for a dossier not archived is rejected to quarantine")
    func supplementWithoutAIP() throws {
        let temp = try TemporaryDirectory("kho-ingest-orphan")
        let package = try PipelineSupport.samples(in: temp.path + "/in", seed: 23, zip: false)[0]
        let supplement = temp.path + "/s/" + (package.path as NSString).lastPathComponent
        try FileManager.default.createDirectory(atPath: temp.path + "/s", withIntermediateDirectories: true)
        try PipelineSupport.copy(package.path, to: supplement, editing: "METS.xml", replace: "RECORDSTATUS=\"NEW\"", with: "RECORDSTATUS=\"SUPPLEMENT\"")
        let outcome = try PipelineSupport.pipeline(temp).ingest(supplement)
        guard case .rejected(let folder, let report) = outcome else { Issue.record("accepted: \(outcome)"); return }
        #expect(report.errors.map(\.code) == ["KHO-INGEST-NO-AIP"])
        #expect(FileManager.default.fileExists(atPath: folder + "/report.json"))
    }
}
