import Foundation
import Ingest
import KhoTestSupport
import Packaging
import Testing

/// The limits on one PDF's text: the size cap (cut at a character boundary, marked truncated) and the time
/// budget (no page started after it is spent), on PDFs from Kho's sample writer.
@Suite struct TextExtractionLimitTests {
    /// A PDF of `pages` pages (44 lines each) of Vietnamese text, and its identification.
    static func pdf(_ samples: SampleMaker, pages: Int) throws -> (URL, FormatIdentification) {
        let lines = (1...(pages * 44)).map { "Dòng \($0) — Tỉnh ủy Hà Tĩnh, Đảng ủy xã Kỳ Anh, văn bản lưu trữ" }
        let writer = PDFWriter(title: "Giới hạn", author: "Kho", creationDate: "D:20241120103000+07'00'")
        let url = try samples.write("long.pdf", writer.data(lines: lines))
        return (url, try FormatIdentifier().identify(fileAt: url))
    }

    @Test func longTextIsCutAtTheCapBetweenCharacters() throws {
        let samples = try SampleMaker()
        let (url, id) = try Self.pdf(samples, pages: 20)
        guard case .extracted(let whole) = try TextExtractor().extract(fileAt: url, identification: id) else {
            Issue.record("no text")
            return
        }
        #expect(!whole.truncated)
        #expect(whole.text.contains("Dòng 880 —"))
        let cap = whole.text.utf8.count / 3 + 1
        guard case .extracted(let cut) = try TextExtractor(maxTextBytes: cap).extract(fileAt: url, identification: id) else {
            Issue.record("no text")
            return
        }
        #expect(cut.truncated)
        #expect(cut.text.utf8.count <= cap)
        #expect(cut.text.utf8.count > cap - 4)
        #expect(cut.text.hasPrefix("Dòng 1 — Tỉnh ủy Hà Tĩnh"))
        #expect(!cut.text.contains("\u{FFFD}"))
        #expect(whole.text.hasPrefix(cut.text))
    }

    @Test func spentTimeBudgetStopsBeforeTheNextPage() throws {
        let samples = try SampleMaker()
        let (url, id) = try Self.pdf(samples, pages: 3)
        guard case .extracted(let stopped) = try TextExtractor(timeout: .zero).extract(fileAt: url, identification: id) else {
            Issue.record("no outcome")
            return
        }
        #expect(stopped.truncated)
        #expect(stopped.text.isEmpty)
        guard case .extracted(let whole) = try TextExtractor(timeout: .seconds(60)).extract(fileAt: url, identification: id) else {
            Issue.record("no text")
            return
        }
        #expect(!whole.truncated)
        #expect(whole.text.contains("Dòng 132 —"))
    }

    @Test func unreadableFileIsAnError() throws {
        let samples = try SampleMaker()
        let (url, id) = try Self.pdf(samples, pages: 1)
        let missing = url.deletingLastPathComponent().appendingPathComponent("gone.pdf")
        do {
            _ = try TextExtractor().extract(fileAt: missing, identification: id)
            Issue.record("a missing file gave text")
        } catch {
            #expect(error.rule == "KHO-TEXT-UNREADABLE")
            #expect(error.path == missing.path)
        }
    }
}
