import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Preservation
import Testing
@testable import Ingest

/// A SUPPLEMENT that adds a document: the document carried over from v1 keeps its full text in search
/// (extracted again from its stored copy), and the catalogue rebuilt from storage equals the original.
@Suite("Ingest pipeline: SUPPLEMENT keeps the text of carried-over documents")
struct PipelineSupplementTextTests {
    /// A copy of `package` holding only document `keep` (0-based), as a SUPPLEMENT, or as NEW when `asNew`.
    func reduced(_ package: String, keep: Int, into folder: String, asNew: Bool, temp: TemporaryDirectory) throws -> String {
        let (copy, edit) = try PipelineSupplementTests.reducedCopy(of: package, keep: keep, into: folder, temp: temp)
        try #require(edit.status == 0, "\(edit.stderr)")
        if asNew {
            let mets = copy + "/METS.xml"
            let text = try String(contentsOfFile: mets, encoding: .utf8)
            try text.replacingOccurrences(of: "RECORDSTATUS=\"SUPPLEMENT\"", with: "RECORDSTATUS=\"NEW\"")
                .write(toFile: mets, atomically: true, encoding: .utf8)
        }
        return copy
    }

    /// The text of every XML file under `folder` (the package's metadata), folded.
    func foldedMetadata(_ folder: String) throws -> String {
        let xml = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
        return try xml.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
            .map(VietnameseFolding.fold).joined(separator: " ")
    }

    @Test("v1 with document 1, SUPPLEMENT adds document 3: a word only in document 1's PDF text is still found; rebuild equals the original",
          arguments: [false, true])
    func carriedOverTextStaysSearchable(pdfWorkers: Bool) throws {
        let temp = try TemporaryDirectory("kho-ingest-carry-text")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 3, seed: 93, zip: false)[0]
        let original = try reduced(package.path, keep: 0, into: temp.path + "/v1", asNew: true, temp: temp)
        let supplement = try reduced(package.path, keep: 2, into: temp.path + "/v2", asNew: false, temp: temp)
        // With `pdfWorkers`, the run's own pool of `kho-pdf-text` workers named explicitly, as `kho ingest` starts them;
        // without, the pipeline's default (the worker beside this test program).
        let pipeline = pdfWorkers
            ? IngestPipeline(home: RepositoryHome(path: temp.path + "/home"),
                             options: IngestOptions(transferringUnit: "Đảng ủy xã Tân Lập", archiveCode: "LTTU-BN", schemaCatalog: PipelineSupport.catalog,
                                                    durable: false, pdfTextWorker: [TestEnvironment.pdfTextWorkerExecutable.path]))
            : PipelineSupport.pipeline(temp)
        guard case .accepted(let first, _) = try pipeline.ingest(original) else { Issue.record("v1 refused"); return }
        let kept = try #require(first.documents.first).docId
        #expect(first.documents.count == 1)

        // A word of document 1's PDF text layer that no metadata of either package holds.
        let pdf = try #require(first.files.first { $0.mimeType == "application/pdf" })
        let source = URL(fileURLWithPath: original + "/" + pdf.path)
        let identification = try FormatIdentifier().identify(fileAt: source)
        guard case .extracted(let extraction) = try TextExtractor().extract(fileAt: source, identification: identification) else {
            Issue.record("no text layer extracted from \(pdf.path)")
            return
        }
        let metadata = try foldedMetadata(package.path)
        let word = try #require(extraction.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
            .first { $0.count >= 5 && !metadata.contains(VietnameseFolding.fold($0)) })
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        func found() throws -> Bool {
            try catalogue.search(SearchQuery(VietnameseFolding.fold(word))).contains { $0.aipObjectID == first.aipObjectID && $0.docId == kept }
        }
        #expect(try found(), "'\(word)' not found after v1")

        guard case .accepted(let second, _) = try pipeline.ingest(supplement) else { Issue.record("supplement refused"); return }
        #expect(second.aipObjectID == first.aipObjectID && second.version == "v2")
        #expect(second.documents.count == 2 && second.documents.contains { $0.docId == kept })
        #expect(try found(), "'\(word)' of carried-over document \(kept) lost from search after the SUPPLEMENT")

        // The catalogue rebuilt from storage alone equals the one ingest wrote, table by table.
        let snapshot = { () throws -> [String: [String]] in
            try Catalogue(path: pipeline.home.cataloguePath).tableSnapshots().mapValues { rows in rows.map { "\($0)" } }
        }
        let before = try snapshot()
        let storage = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot)
        let report = try CatalogueRebuilder(storage: storage, cataloguePath: pipeline.home.cataloguePath).rebuild()
        #expect(report.objects == 1 && report.versions == 2 && report.documents == 2)
        let after = try snapshot()
        #expect(Set(after.keys) == Set(before.keys))
        for table in before.keys.sorted() {
            #expect(after[table] == before[table], "table \(table) differs after rebuild")
        }
    }
    /// Many carried-over documents: their PDFs are read again on the extraction threads (two workers at once), and
    /// each document's text still lands on that document, not on a neighbour.
    @Test("v1 with ten documents, SUPPLEMENT re-sends the last: each of the nine carried over keeps its own PDF words")
    func manyCarriedOverDocumentsKeepTheirOwnText() throws {
        let temp = try TemporaryDirectory("kho-ingest-carry-many")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 10, seed: 94, zip: false)[0]
        let supplement = try reduced(package.path, keep: 9, into: temp.path + "/v2", asNew: false, temp: temp)
        let pipeline = IngestPipeline(home: RepositoryHome(path: temp.path + "/home"),
                                      options: IngestOptions(transferringUnit: "Đảng ủy xã Tân Lập", archiveCode: "LTTU-BN",
                                                             schemaCatalog: PipelineSupport.catalog, durable: false,
                                                             pdfTextWorker: [TestEnvironment.pdfTextWorkerExecutable.path]))
        guard case .accepted(let first, _) = try pipeline.ingest(package.path) else { Issue.record("v1 refused"); return }
        #expect(first.documents.count == 10)

        // Per document: the folded words of its PDFs' text layers.
        var words: [String: Set<String>] = [:]
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        for file in try catalogue.files(aipObjectID: first.aipObjectID) where file.mimeType == "application/pdf" {
            guard let docId = file.docId else { continue }
            let source = URL(fileURLWithPath: package.path + "/" + file.path)
            guard case .extracted(let extraction) = try TextExtractor().extract(fileAt: source, identification: try FormatIdentifier().identify(fileAt: source)) else {
                continue
            }
            words[docId, default: []].formUnion(extraction.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
                .filter { $0.count >= 5 }.map(VietnameseFolding.fold))
        }
        // The folded metadata outside document `docId`'s own EAD_doc record (METS, EAD.xml, the other records).
        let xml = try FileManager.default.subpathsOfDirectory(atPath: package.path).filter { $0.hasSuffix(".xml") }
        func metadata(besides docId: String) throws -> String {
            try xml.filter { !$0.hasSuffix("EAD_doc_\(docId).xml") }
                .map { VietnameseFolding.fold(try String(contentsOfFile: package.path + "/" + $0, encoding: .utf8)) }.joined(separator: " ")
        }
        guard case .accepted(let second, _) = try pipeline.ingest(supplement) else { Issue.record("supplement refused"); return }
        #expect(second.version == "v2" && second.documents.count == 10)
        let resent = try #require(second.documents.last?.docId)
        var checked = 0
        for (docId, own) in words.sorted(by: { $0.key < $1.key }) where docId != resent {
            let others = words.filter { $0.key != docId }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            // A word of this document's PDF that no other document's PDF or record holds: text put on a neighbour
            // would make the neighbour a hit.
            let elsewhere = try metadata(besides: docId)
            guard let word = own.subtracting(others).sorted().first(where: { !elsewhere.contains($0) }) else { continue }
            let hits = try catalogue.search(SearchQuery(word)).filter { $0.aipObjectID == first.aipObjectID }.compactMap(\.docId)
            #expect(hits == [docId], "'\(word)' of carried-over \(docId) found in \(hits)")
            checked += 1
        }
        #expect(checked >= 2, "too few documents with a word of their own: \(checked) of \(words.mapValues(\.count))")
    }
}
