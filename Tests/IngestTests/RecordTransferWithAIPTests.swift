import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// `Catalogue.record(aip:transfer:)`, which ingest uses: the accepted transfer and its AIP version are one
/// transaction, so a version the catalogue refuses leaves no transfer row behind.
@Suite("Catalogue: transfer and AIP version in one transaction")
struct RecordTransferWithAIPTests {
    func entries(duplicateDocument: Bool) -> (AIPEntry, TransferEntry) {
        let documents = [DocumentEntry(docId: "H49.1.1", subject: "Nghị quyết Đảng ủy")]
            + (duplicateDocument ? [DocumentEntry(docId: "H49.1.1", subject: "bản trùng / duplicate")] : [])
        let aip = AIPEntry(objectID: "urn:uuid:00000000-0000-5000-8000-000000000001", version: 1, created: "2026-11-21T10:00:00+07:00",
                           fonds: FondsEntry(code: "H49", name: "Đảng ủy xã Tân Lập"), transferID: "T-1",
                           dossier: DossierEntry(fileCode: "H49.1", title: "Hồ sơ"), documents: documents)
        let transfer = TransferEntry(id: "T-1", transferringUnit: "Đảng ủy xã Tân Lập", receivedAt: "2026-11-21T10:00:00+07:00",
                                     packageSHA256: String(repeating: "a", count: 64), packageName: "sip.zip", status: .accepted)
        return (aip, transfer)
    }

    @Test("a refused version records no transfer; an accepted one records both, once")
    func bothOrNeither() throws {
        let temp = try TemporaryDirectory("kho-record-pair")
        let catalogue = try Catalogue(path: temp.path + "/kho.sqlite")
        let (bad, transfer) = entries(duplicateDocument: true)
        #expect(throws: CatalogueError.self) { try catalogue.record(aip: bad, transfer: transfer) }
        #expect(try catalogue.count(table: "transfers") == 0 && catalogue.count(table: "aip_versions") == 0)
        let (good, _) = entries(duplicateDocument: false)
        #expect(try catalogue.record(aip: good, transfer: transfer) == .recorded)
        #expect(try catalogue.record(aip: good, transfer: transfer) == .alreadyRecorded)
        #expect(try catalogue.count(table: "transfers") == 1 && catalogue.count(table: "aip_versions") == 1)
    }
}
