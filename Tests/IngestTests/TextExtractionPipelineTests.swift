import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Preservation
import Testing
@testable import Ingest

/// PDF text switched off (`IngestOptions.extractText = false`, as `KHO_INGEST_PDF_TEXT=0` does): ingest
/// proceeds, says so once on the receipt, and indexes no PDF text; switched on, the same word is found.
@Suite("Ingest pipeline: PDF text on and off")
struct TextExtractionPipelineTests {
    @Test func switchedOffIngestProceedsAndSaysSoOnce() throws {
        let temp = try TemporaryDirectory("kho-ingest-text-off")
        let package = try PipelineSupport.samples(in: temp.path + "/in", documents: 4, seed: 83, zip: false)[0]
        var options = IngestOptions(transferringUnit: "Đảng ủy xã Tân Lập", archiveCode: "LTTU-BN",
                                    schemaCatalog: PipelineSupport.catalog, extractText: false, durable: false)
        let off = IngestPipeline(home: RepositoryHome(path: temp.path + "/off"), options: options)
        options.extractText = true
        let on = IngestPipeline(home: RepositoryHome(path: temp.path + "/on"), options: options)
        guard case .accepted(let offReceipt, _) = try off.ingest(package.path),
              case .accepted(let onReceipt, _) = try on.ingest(package.path) else {
            Issue.record("not accepted")
            return
        }
        let notice = try #require(TextExtractor(pdfText: false).notice)
        #expect(offReceipt.warnings.filter { $0 == notice.message }.count == 1)
        #expect(!onReceipt.warnings.contains(notice.message))

        // A word of the first PDF's text layer that the metadata does not hold.
        let metadata = ([onReceipt.title] + onReceipt.documents.map(\.subject) + onReceipt.documents.compactMap(\.number))
            .joined(separator: " ").lowercased()
        let pdf = try #require(onReceipt.files.first { $0.mimeType == "application/pdf" })
        let url = URL(fileURLWithPath: package.path + "/" + pdf.path)
        guard case .extracted(let extraction) = try TextExtractor().extract(fileAt: url, identification: try FormatIdentifier().identify(fileAt: url)) else {
            Issue.record("no text layer")
            return
        }
        let word = try #require(extraction.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
            .first { $0.count >= 5 && !metadata.contains($0.lowercased()) && $0.contains { !$0.isASCII } })
        let query = SearchQuery(VietnameseFolding.fold(word))
        let onHits = try Catalogue(path: on.home.cataloguePath).search(query)
        let offHits = try Catalogue(path: off.home.cataloguePath).search(query)
        #expect(onHits.contains { $0.aipObjectID == onReceipt.aipObjectID }, "'\(word)' not found with text on")
        #expect(!offHits.contains { $0.aipObjectID == offReceipt.aipObjectID }, "'\(word)' found with text off")
    }
}
