import Foundation
import Ingest
import KhoTestSupport
import Testing

/// Text extraction from a Ghostscript PDF/A-2b made from an fpdf2 PDF with Vietnamese text (pdftotext
/// from Debian poppler-utils), and from text formats read directly.
@Suite struct TextExtractionTests {
    @Test func pdfA2bTextLayerIsExtractedInNFC() throws {
        let samples = try SampleMaker()
        try FormatIdentificationPDFTests.makeVietnamesePDF(samples)
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sOutputFile=a2b.pdf vi.pdf")
        let extractor = TextExtractor()
        try #require(extractor.pdftotext != nil, "pdftotext missing: CI must install poppler-utils")
        #expect(extractor.notice == nil)
        let url = samples.url("a2b.pdf")
        let outcome = try extractor.extract(fileAt: url, identification: try FormatIdentifier().identify(fileAt: url))
        guard case .extracted(let extraction) = outcome else { Issue.record("\(outcome)"); return }
        #expect(extraction.source == .pdfTextLayer)
        #expect(extraction.text.contains("Nghị quyết của Tỉnh ủy"))
        #expect(extraction.text == extraction.text.precomposedStringWithCanonicalMapping)
        #expect(!extraction.truncated)
    }

    @Test func missingPdftotextGivesOneNoticeNotAnError() throws {
        let samples = try SampleMaker()
        let url = try samples.write("a.pdf", Array("%PDF-1.4\n%%EOF\n".utf8))
        let extractor = TextExtractor(pdftotext: nil)
        let notice = try #require(extractor.notice)
        #expect(notice.tool == "pdftotext")
        let id = try FormatIdentifier().identify(fileAt: url)
        #expect(try extractor.extract(fileAt: url, identification: id) == .toolUnavailable(tool: "pdftotext"))
        // Text formats still work without the tool.
        let text = try samples.write("t.txt", Array("Hà Nội\n".utf8))
        #expect(try extractor.extract(fileAt: text, identification: try FormatIdentifier().identify(fileAt: text))
            == .extracted(TextExtraction(text: "Hà Nội\n", source: .plainText, truncated: false)))
    }

    @Test func textIsNormalizedAndCappedAndHTMLStripped() throws {
        let samples = try SampleMaker()
        // NFD input (e + combining circumflex + combining acute) comes out NFC.
        let decomposed = "Quye\u{0302}\u{0301}t \u{0111}i\u{0323}nh\n"
        let nfd = try samples.write("nfd.txt", Array(decomposed.utf8))
        var extractor = TextExtractor(pdftotext: nil)
        let result = try extractor.extract(fileAt: nfd, identification: try FormatIdentifier().identify(fileAt: nfd))
        #expect(result == .extracted(TextExtraction(text: "Quyết định\n", source: .plainText, truncated: false)))

        // UTF-16 with BOM.
        try "Tỉnh ủy".write(to: samples.url("u16.txt"), atomically: true, encoding: .utf16)
        let u16 = samples.url("u16.txt")
        #expect(try extractor.extract(fileAt: u16, identification: try FormatIdentifier().identify(fileAt: u16))
            == .extracted(TextExtraction(text: "Tỉnh ủy", source: .plainText, truncated: false)))

        // The cap cuts between characters, never inside one.
        extractor.maxTextBytes = 4
        let capped = try samples.write("cap.txt", Array("ệệệ".utf8))
        #expect(try extractor.extract(fileAt: capped, identification: try FormatIdentifier().identify(fileAt: capped))
            == .extracted(TextExtraction(text: "ệ", source: .plainText, truncated: true)))

        extractor.maxTextBytes = 1 << 20
        let html = try samples.write("a.html", Array("""
            <!DOCTYPE html><html><head><style>p{color:red}</style><script>var x = "<b>";</script></head>
            <body><p>Biên bản &amp; Tờ trình</p><p>s&#7889; 12</p></body></html>
            """.utf8))
        let stripped = try extractor.extract(fileAt: html, identification: try FormatIdentifier().identify(fileAt: html))
        guard case .extracted(let extraction) = stripped else { Issue.record("\(stripped)"); return }
        #expect(extraction.source == .markupStripped)
        #expect(extraction.text.contains("Biên bản & Tờ trình"))
        #expect(extraction.text.contains("số 12"))
        #expect(!extraction.text.contains("color"))
        #expect(!extraction.text.contains("var x"))
    }

    @Test func legacyEncodingAndImagesAreNotExtracted() throws {
        let samples = try SampleMaker()
        let legacy = try samples.write("l.txt", Array("Quy".utf8) + [0xD5, 0x74, 0x0A])
        let extractor = TextExtractor(pdftotext: nil)
        #expect(try extractor.extract(fileAt: legacy, identification: try FormatIdentifier().identify(fileAt: legacy)) == .undecodableEncoding)
        let gif = try samples.write("a.gif", Array("GIF89a".utf8) + [0, 0, 0, 0])
        #expect(try extractor.extract(fileAt: gif, identification: try FormatIdentifier().identify(fileAt: gif)) == .notApplicable)
    }
}
