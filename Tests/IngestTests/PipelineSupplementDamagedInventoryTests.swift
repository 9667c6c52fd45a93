import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Ingest

/// A SUPPLEMENT onto an object whose root inventory no longer matches its sidecar is refused by the writer, and
/// neither the object nor the catalogue changes.
@Suite("Ingest pipeline: SUPPLEMENT onto a damaged inventory")
struct PipelineSupplementDamagedInventoryTests {
    @Test("root and head inventories edited the same way: the SUPPLEMENT is refused (E060), nothing changed")
    func supplementOntoEditedInventoryIsRefused() throws {
        let temp = try TemporaryDirectory("kho-ingest-damaged")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 3, seed: 31, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted(let first, _) = try pipeline.ingest(package.path) else { Issue.record("v1 refused"); return }
        let (supplement, edit) = try PipelineSupplementTests.reducedCopy(of: package.path, keep: 2, into: temp.path + "/s", temp: temp)
        #expect(edit.status == 0)

        // The same edit in the root and the v1 inventory (recovery sees them equal); only the sidecars tell.
        let objectRoot = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).objectPath(for: first.aipObjectID)
        for file in [objectRoot + "/inventory.json", objectRoot + "/v1/inventory.json"] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains(" ingest "))
            try Data(text.replacingOccurrences(of: " ingest ", with: " INGEST ").utf8).write(to: URL(fileURLWithPath: file))
        }
        let before = try PipelineSupport.snapshot(objectRoot)
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        let versionsBefore = try catalogue.versions(objectID: first.aipObjectID).map(\.version)
        let documentsBefore = try catalogue.documents(aipObjectID: first.aipObjectID).map(\.docId)

        do {
            let outcome = try pipeline.ingest(supplement)
            Issue.record("the SUPPLEMENT was not refused: \(outcome)")
        } catch {
            let text = "\(error)"
            for part in ["E060", first.aipObjectID, "inventory.json", "kho fixity sweep", "kho repair"] {
                #expect(text.contains(part), "error lacks \(part): \(text)")
            }
        }
        #expect(try PipelineSupport.snapshot(objectRoot) == before)
        #expect(!FileManager.default.fileExists(atPath: objectRoot + "/v2"))
        #expect(try catalogue.versions(objectID: first.aipObjectID).map(\.version) == versionsBefore)
        #expect(try catalogue.documents(aipObjectID: first.aipObjectID).map(\.docId) == documentsBefore)
    }
}
