import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Metadata
import Testing
@testable import Ingest

/// `CatalogueRebuilder`: AIPs built by `AIPBuilder`, committed with `OCFLObjectWriter`, recorded as ingest
/// records them; the catalogue rebuilt from storage alone must equal the original, table by table.
@Suite struct RebuildTests {
    /// A home with one AIP in two versions (NEW, then a SUPPLEMENT with a fourth event and a retitled
    /// dossier) and a second AIP whose SIP METS names its fonds, all recorded in the catalogue.
    final class Home {
        let directory: TemporaryDirectory
        let storage: OCFLStorageRoot
        var cataloguePath: String { directory.path + "/kho.sqlite" }
        static let secondID = "urn:uuid:9a8b7c6d-0000-4000-8000-00000000beef"

        init() throws {
            directory = try TemporaryDirectory("kho-rebuild")
            storage = try OCFLStorageRoot.create(at: directory.path + "/ocfl")
            let catalogue = try Catalogue(path: cataloguePath)
            try catalogue.record(transfer: TransferEntry(
                id: "transfer-2026-001", transferringUnit: "Huyện ủy Thuận Thành", receivedAt: "2026-06-12T11:40:00+07:00",
                packageSHA256: String(repeating: "ab", count: 32), packageName: "1uuid-1B3C.zip", status: .accepted))
            try catalogue.record(transfer: TransferEntry(
                id: "transfer-2026-002", transferringUnit: "Đảng ủy xã Tân Lập", receivedAt: "2026-06-13T08:00:00+07:00",
                packageSHA256: String(repeating: "cd", count: 32), packageName: "2uuid-77AA.zip", status: .accepted))

            var content = try AIPFixture.content(workArea: directory.path + "/work1")
            try commitAndRecord(content, catalogue: catalogue, transferID: "transfer-2026-001")

            content.recordStatus = .supplement
            content.dossier.title = "Hồ sơ Đại hội Đảng bộ huyện Thuận Thành lần thứ XVIII (bổ sung)"
            content.events.append(AIPEvent(
                identifier: "ev-7", type: .informationPackageCreation, dateTime: AIPFixture.created.addingTimeInterval(86_400),
                outcome: .success, detail: "Bổ sung hồ sơ / supplement",
                linkingAgents: [.init(identifier: AIPFixture.software.identifier, role: "executing program")]))
            try commitAndRecord(content, catalogue: catalogue, transferID: nil)

            var second = try AIPFixture.content(workArea: directory.path + "/work2")
            second.objectID = Self.secondID
            second.dossier.fileCode = "H49.64.33.2005.012"
            second.dossier.title = "Hồ sơ Hội nghị Ban Chấp hành Đảng ủy xã Tân Lập năm 2005"
            second.documents = [second.documents[0]]
            second.documents[0].record.docId = "H49.64.33.2005.012.1"
            second.documents[0].record.docCode = "H49.64.33.2005.012.0000001"
            second.documents[0].record.codeNumber = "12"
            second.documents[0].record.codeNotation = "NQ/ĐU"
            second.events = second.events.map { var e = $0; e.identifier = "second-" + e.identifier; return e }
            second.submissionMETS = Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" OBJID="uuid-77AA"><mets:metsHdr>
                <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION"><mets:name>Đảng ủy xã Tân Lập</mets:name><mets:note csip:NOTETYPE="IDENTIFICATIONCODE">H49.64.33</mets:note></mets:agent>
                </mets:metsHdr></mets:mets>
                """.utf8)
            try commitAndRecord(second, catalogue: catalogue, transferID: "transfer-2026-002")
        }

        /// Builds the AIP, commits it as the object's next version, records it as ingest does.
        func commitAndRecord(_ content: AIPContent, catalogue: Catalogue, transferID: String?) throws {
            let tree = directory.path + "/tree-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
            let built = try AIPBuilder().build(content, into: tree)
            for file in built.payload {
                let target = tree + "/" + file.path
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: file.source, toPath: target)
            }
            let commit = try OCFLObjectWriter(root: storage).commit(
                objectID: content.objectID, tree: tree,
                metadata: VersionMetadata(message: "Nộp lưu \(content.recordStatus.rawValue)",
                                          user: InventoryUser(name: "Kho", address: nil), created: content.created))
            let object = try storage.object(content.objectID)
            let block = try #require(object.inventory.versions[commit.version])
            let fonds = CatalogueProjection.fonds(submissionMETS: content.submissionMETS, fileCode: content.dossier.fileCode)
            let entry = CatalogueProjection.entry(
                content: content, version: try #require(Inventory.versionNumber(commit.version)),
                created: block.created, message: block.message, fonds: fonds, transferID: transferID)
            #expect(try catalogue.record(aip: entry) == .recorded)
        }

        func snapshots() throws -> [String: [String]] {
            try Catalogue(path: cataloguePath).tableSnapshots().mapValues { rows in rows.map { "\($0)" } }
        }
    }

    @Test func rebuiltCatalogueEqualsTheOriginalTableByTable() throws {
        let home = try Home()
        let before = try home.snapshots()
        #expect(before["aip_versions"]?.count == 3)
        #expect(before["documents"]?.count == 4)
        #expect(before["premis_events"]?.count == 13)
        #expect(before["transfers"]?.count == 2)

        let report = try CatalogueRebuilder(storage: home.storage, cataloguePath: home.cataloguePath).rebuild()
        #expect(report.objects == 2 && report.versions == 3 && report.documents == 4)
        #expect(report.auditEntriesKept == 13 && report.transfersKept == 2)
        let after = try home.snapshots()
        #expect(Set(after.keys) == Set(before.keys))
        for table in before.keys.sorted() {
            #expect(after[table] == before[table], "table \(table) differs after rebuild")
        }
        #expect(!FileManager.default.fileExists(atPath: home.cataloguePath + ".before-rebuild"))
        #expect(try AuditChain.verify(Catalogue(path: home.cataloguePath)).isIntact)
        // The second AIP's fonds came from its SIP METS, the first one's from its dossier code.
        let catalogue = try Catalogue(path: home.cataloguePath)
        #expect(try catalogue.fonds(code: "H49.64.33")?.name == "Đảng ủy xã Tân Lập")
        #expect(try catalogue.dossier(aipObjectID: AIPFixture.objectID)?.title.hasSuffix("(bổ sung)") == true)
        #expect(try catalogue.versions(objectID: AIPFixture.objectID).map(\.transferID) == ["transfer-2026-001", nil])
        #expect(try catalogue.search(SearchQuery("12-NQ/ĐU")).first?.aipObjectID == Home.secondID)
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
        #expect(after["aip_versions"]?.count == 3)
        // A new chain holding every event found in storage, one entry each.
        let verification = try AuditChain.verify(Catalogue(path: home.cataloguePath))
        #expect(verification.isIntact && verification.length == 13)
    }

    @Test func unreadableAIPLeavesTheOldCatalogueUntouched() throws {
        let home = try Home()
        let before = try home.snapshots()
        let object = try home.storage.object(Home.secondID)
        let ead = try object.contentFile(logicalPath: AIPLayout.dossierEAD)
        try FileManager.default.removeItem(atPath: ead)
        do {
            try CatalogueRebuilder(storage: home.storage, cataloguePath: home.cataloguePath).rebuild()
            Issue.record("rebuild should have failed")
        } catch {
            #expect(error.rule == "KHO-REBUILD-METADATA")
            #expect(error.path == "\(Home.secondID)/\(AIPLayout.dossierEAD)")
        }
        #expect(try home.snapshots() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.directory.path).filter { $0.contains("rebuild") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
