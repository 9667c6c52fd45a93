import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Ingest

/// The text layer of the PDFs reaches full-text search (read in process through poppler-glib).
@Suite("Ingest pipeline: extracted text")
struct PipelineTextTests {
    @Test("a word found only in a PDF's text layer finds its document, typed without diacritics")
    func textLayerIsSearchable() throws {
        let temp = try TemporaryDirectory("kho-ingest-text")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 3, seed: 81, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted(let receipt, _) = try pipeline.ingest(package.path) else { Issue.record("not accepted"); return }
        let metadata = ([receipt.title] + receipt.documents.map(\.subject) + receipt.documents.compactMap(\.number))
            .joined(separator: " ").lowercased()
        let pdf = try #require(receipt.files.first { $0.mimeType == "application/pdf" })
        let source = package.path + "/" + pdf.path
        let identification = try FormatIdentifier().identify(fileAt: URL(fileURLWithPath: source))
        guard case .extracted(let extraction) = try TextExtractor().extract(fileAt: URL(fileURLWithPath: source), identification: identification) else {
            Issue.record("no text layer extracted")
            return
        }
        let word = try #require(extraction.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
            .first { $0.count >= 5 && !metadata.contains($0.lowercased()) && $0.contains { !$0.isASCII } })
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        let hits = try catalogue.search(SearchQuery(VietnameseFolding.fold(word)))
        #expect(hits.contains { $0.aipObjectID == receipt.aipObjectID && $0.docId != nil }, "'\(word)' (\(VietnameseFolding.fold(word))) not found")
    }
}
