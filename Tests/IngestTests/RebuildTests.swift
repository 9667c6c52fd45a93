import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Metadata
import Testing
@testable import Ingest

/// `CatalogueRebuilder`: AIPs archived by the real ingest pipeline (AIPBuilder, OCFLObjectWriter, the
/// catalogue record); the catalogue rebuilt from storage alone must equal the original, table by table.
@Suite struct RebuildTests {
    /// A home filled by the real ingest pipeline: three sample transfers (a zip with two dossiers and
    /// a folder), then a SUPPLEMENT of the folder's dossier, which becomes v2 of its AIP.
    final class Home {
        let temp: TemporaryDirectory
        let pipeline: IngestPipeline
        let storage: OCFLStorageRoot
        var cataloguePath: String { pipeline.home.cataloguePath }
        var supplementedID = ""

        init() throws {
            temp = try TemporaryDirectory("kho-rebuild")
            pipeline = PipelineSupport.pipeline(temp)
            var packages = try PipelineSupport.samples(in: temp.path + "/zip", dossiers: 2, documents: 3, seed: 31, zip: true, images: true)
            packages += try PipelineSupport.samples(in: temp.path + "/folder", documents: 2, seed: 22, zip: false)
            for package in packages {
                guard case .accepted = try pipeline.ingest(package.path) else { throw RebuildTestFailure.notAccepted(package.path) }
            }
            let folder = try #require(packages.last).path
            let supplement = temp.path + "/supplement/" + (folder as NSString).lastPathComponent
            try FileManager.default.createDirectory(atPath: temp.path + "/supplement", withIntermediateDirectories: true)
            try PipelineSupport.copy(folder, to: supplement, editing: "METS.xml", replace: "RECORDSTATUS=\"NEW\"", with: "RECORDSTATUS=\"SUPPLEMENT\"")
            guard case .accepted(let receipt, _) = try pipeline.ingest(supplement) else { throw RebuildTestFailure.notAccepted(supplement) }
            supplementedID = receipt.aipObjectID
            storage = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot)
        }

        func snapshots() throws -> [String: [String]] {
            try Catalogue(path: cataloguePath).tableSnapshots().mapValues { rows in rows.map { "\($0)" } }
        }
    }

    enum RebuildTestFailure: Error { case notAccepted(String) }

    @Test func rebuiltCatalogueEqualsTheOriginalTableByTable() throws {
        let home = try Home()
        // A fixity sweep after ingest: an event in the catalogue that no AIP version holds yet.
        try Catalogue(path: home.cataloguePath).record(event: EventEntry(
            identifier: "fixity-sweep-2026-07-01", type: .fixityCheck, dateTime: "2026-07-01T02:00:00.000+07:00",
            outcome: .success, detail: "kho fixity sweep", linkingObjects: [home.supplementedID],
            agent: AgentEntry(identifier: "kho/0.1.0", name: "Kho 0.1.0", kind: .software, version: "0.1.0")),
            aipObjectID: home.supplementedID)
        let before = try home.snapshots()
        #expect(before["aip_versions"]?.count == 4)
        #expect(before["documents"]?.count == 8)
        #expect(before["transfers"]?.count == 4)  // three packages and the supplement
        let events = try #require(before["premis_events"]?.count)
        #expect(events > 20)
        #expect(before["search_entries"]?.contains { $0.contains("body_exact") } == true)

        let report = try CatalogueRebuilder(storage: home.storage, cataloguePath: home.cataloguePath).rebuild()
        #expect(report.objects == 3 && report.versions == 4 && report.documents == 8)
        #expect(report.auditEntriesKept == Int64(events) && report.transfersKept == 4)
        #expect(report.eventsKept == 1)
        let after = try home.snapshots()
        #expect(Set(after.keys) == Set(before.keys))
        for table in before.keys.sorted() {
            #expect(after[table] == before[table], "table \(table) differs after rebuild")
        }
        #expect(!FileManager.default.fileExists(atPath: home.cataloguePath + ".before-rebuild"))
        #expect(try AuditChain.verify(Catalogue(path: home.cataloguePath)).isIntact)
        let catalogue = try Catalogue(path: home.cataloguePath)
        #expect(try catalogue.versions(objectID: home.supplementedID).map(\.version) == [1, 2])
        #expect(try catalogue.versions(objectID: home.supplementedID).allSatisfy { $0.transferID != nil })
        #expect(try catalogue.dossier(aipObjectID: home.supplementedID)?.recordStatus == "SUPPLEMENT")
    }

    @Test func withoutTheOldCatalogueOnlyTransfersAndTheAuditLogDiffer() throws {
        let home = try Home()
        let before = try home.snapshots()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: home.cataloguePath + suffix) }
        let report = try CatalogueRebuilder(storage: home.storage, cataloguePath: home.cataloguePath).rebuild()
        #expect(report.auditEntriesKept == 0 && report.transfersKept == 0)
        let after = try home.snapshots()
        for table in before.keys.sorted() where !["transfers", "aip_versions", "audit_log"].contains(table) {
            #expect(after[table] == before[table], "table \(table) differs after rebuild")
        }
        #expect(after["transfers"]?.isEmpty == true)
        #expect(after["aip_versions"]?.count == 4)
        // A new chain holding every event found in storage, one entry each.
        let verification = try AuditChain.verify(Catalogue(path: home.cataloguePath))
        #expect(verification.isIntact && verification.length == Int64(before["premis_events"]?.count ?? 0))
    }

    @Test func unreadableAIPLeavesTheOldCatalogueUntouched() throws {
        let home = try Home()
        let before = try home.snapshots()
        let object = try home.storage.object(home.supplementedID)
        let ead = try object.contentFile(logicalPath: AIPLayout.dossierEAD)
        try FileManager.default.removeItem(atPath: ead)
        do {
            try CatalogueRebuilder(storage: home.storage, cataloguePath: home.cataloguePath).rebuild()
            Issue.record("rebuild should have failed")
        } catch {
            #expect(error.rule == "KHO-REBUILD-METADATA")
            #expect(error.path == "\(home.supplementedID)/\(AIPLayout.dossierEAD)")
        }
        #expect(try home.snapshots() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.pipeline.home.path).filter { $0.contains("rebuild") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aRebuildInterruptedMidSwapIsRecoveredWithItsAuditLog() throws {
        let home = try Home()
        let before = try home.snapshots()
        // The crash window: the old catalogue renamed to the backup, the new one not yet moved in,
        // and a partial file of the interrupted run still there.
        let rebuilder = CatalogueRebuilder(storage: home.storage, cataloguePath: home.cataloguePath)
        try FileManager.default.moveItem(atPath: home.cataloguePath, toPath: rebuilder.backupPath)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: home.cataloguePath + suffix) {
            try FileManager.default.moveItem(atPath: home.cataloguePath + suffix, toPath: rebuilder.backupPath + suffix)
        }
        try Data("partial".utf8).write(to: URL(fileURLWithPath: home.cataloguePath + ".rebuild-0000"))
        let report = try rebuilder.rebuild()
        #expect(report.auditEntriesKept == Int64(before["audit_log"]?.count ?? -1) && report.auditEntriesKept > 0)
        #expect(try home.snapshots() == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: home.pipeline.home.path)
        #expect(!names.contains { $0.contains(".rebuild-") || $0.contains("before-rebuild") }, "\(names)")
    }
}
