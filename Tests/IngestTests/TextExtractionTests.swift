import Foundation
import Ingest
import KhoTestSupport
import Packaging
import Testing

/// Text extraction: PDF text layers read in process through poppler-glib, from PDFs made by real producers
/// (fpdf2 + Ghostscript PDF/A-2b, pandoc + Chromium, an ImageMagick page image printed by Chromium, Kho's
/// own sample writer), and text formats read directly. Vietnamese words must come out exactly, in NFC.
@Suite struct TextExtractionTests {
    /// Extracted text of `name`, or a recorded issue.
    static func text(_ samples: SampleMaker, _ name: String, extractor: TextExtractor = TextExtractor()) throws -> TextExtraction? {
        let url = samples.url(name)
        let outcome = try extractor.extract(fileAt: url, identification: try FormatIdentifier().identify(fileAt: url))
        guard case .extracted(let extraction) = outcome else {
            Issue.record("\(name): \(outcome)")
            return nil
        }
        return extraction
    }

    @Test func pdfA2bFromGhostscriptGivesItsVietnameseTextInNFC() throws {
        let samples = try SampleMaker()
        try FormatIdentificationPDFTests.makeVietnamesePDF(samples)
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sOutputFile=a2b.pdf vi.pdf")
        let extractor = TextExtractor()
        #expect(extractor.notice == nil)
        let extraction = try #require(try Self.text(samples, "a2b.pdf", extractor: extractor))
        #expect(extraction.source == .pdfTextLayer)
        #expect(extraction.text.contains("Nghị quyết của Tỉnh ủy về công tác lưu trữ"))
        #expect(extraction.text == extraction.text.precomposedStringWithCanonicalMapping)
        #expect(!extraction.truncated)
    }

    @Test func khoSamplePDFsGiveEveryVietnameseWordExactly() throws {
        let samples = try SampleMaker()
        // More lines than fit on one page, so pages are read one after another; the writer maps codes to NFC
        // characters through its ToUnicode CMap, and the input here is deliberately NFD.
        let lines = (1...60).map { "Dòng \($0): Nghị quyết của Đảng ủy xã Tân Lập về phát triển đảng viên" }
            + ["Quye\u{0302}\u{0301}t \u{0111}i\u{0323}nh cu\u{0309}a U\u{0309}y ban nha\u{0302}n da\u{0302}n tỉnh Hà Tĩnh"]
        let pdf = PDFWriter(title: "Biên bản", author: "Đảng ủy xã Tân Lập", creationDate: "D:20241120103000+07'00'")
        _ = try samples.write("kho.pdf", pdf.data(lines: lines))
        let extraction = try #require(try Self.text(samples, "kho.pdf"))
        #expect(extraction.text == extraction.text.precomposedStringWithCanonicalMapping)
        let words = Set(extraction.text.split(whereSeparator: { $0.isWhitespace || $0 == ":" }).map(String.init))
        for word in ["Nghị", "quyết", "của", "Đảng", "ủy", "xã", "Tân", "Lập", "phát", "triển", "đảng", "viên",
                     "Quyết", "định", "Ủy", "ban", "nhân", "dân", "tỉnh", "Hà", "Tĩnh"] {
            #expect(words.contains(word), "\(word) missing")
        }
        #expect(extraction.text.contains("Dòng 1: Nghị quyết"))
        #expect(extraction.text.contains("Dòng 60: Nghị quyết"))
        #expect(extraction.text.contains("Quyết định của Ủy ban nhân dân tỉnh Hà Tĩnh"))
    }

    @Test func pandocThroughChromiumGivesVietnameseText() throws {
        let samples = try SampleMaker()
        _ = try samples.write("in.md", Array("# Biên bản họp Đảng ủy\n\nTrích yếu: phát triển đảng viên trong thanh niên; số 12-NQ/ĐU.\n".utf8))
        try samples.run("pandoc", package: "pandoc", "pandoc in.md -s --metadata title=BB -o in.html")
        try samples.run("chromium", package: "chromium",
                        "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=ch.pdf in.html 2>/dev/null")
        let extraction = try #require(try Self.text(samples, "ch.pdf"))
        #expect(extraction.text.contains("Biên bản họp Đảng ủy"))
        #expect(extraction.text.contains("Trích yếu: phát triển đảng viên trong thanh niên; số 12-NQ/ĐU."))
        #expect(extraction.text == extraction.text.precomposedStringWithCanonicalMapping)
    }

    @Test func scanWithoutTextLayerGivesEmptyText() throws {
        let samples = try SampleMaker()
        // A page image (ImageMagick; its PDF coder is disabled by Debian's policy) printed to PDF by Chromium.
        try samples.run("convert", package: "imagemagick", "convert -size 600x800 xc:white -draw \"rectangle 60,60 540,740\" page.png")
        _ = try samples.write("scan.html", Array("<html><body style=\"margin:0\"><img src=\"page.png\"></body></html>".utf8))
        try samples.run("chromium", package: "chromium",
                        "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=scan.pdf scan.html 2>/dev/null")
        let extraction = try #require(try Self.text(samples, "scan.pdf"))
        #expect(extraction.source == .pdfTextLayer)
        #expect(extraction.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(!extraction.truncated)
    }

    @Test func damagedAndEncryptedPDFsAreNamedErrors() throws {
        let samples = try SampleMaker()
        let damaged = try samples.write("damaged.pdf", Array("%PDF-1.4\n1 0 obj << /Type /Cat".utf8))
        let damagedID = try FormatIdentifier().identify(fileAt: damaged)
        do {
            _ = try TextExtractor().extract(fileAt: damaged, identification: damagedID)
            Issue.record("a damaged PDF gave text")
        } catch {
            #expect(error.rule == "KHO-TEXT-PDF-DAMAGED")
            #expect(error.path == damaged.path)
            #expect(error.message.vi.contains("hỏng") && error.message.en.contains("damaged"))
        }

        try FormatIdentificationPDFTests.makeVietnamesePDF(samples)
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOwnerPassword=chu -sUserPassword=doc -sOutputFile=locked.pdf vi.pdf")
        let locked = samples.url("locked.pdf")
        let lockedID = try FormatIdentifier().identify(fileAt: locked)
        do {
            _ = try TextExtractor().extract(fileAt: locked, identification: lockedID)
            Issue.record("a password-protected PDF gave text")
        } catch {
            #expect(error.kind == .encrypted)
            #expect(error.rule == "KHO-TEXT-PDF-ENCRYPTED")
        }
        // Only an owner password (printing, copying restrictions): the text is readable.
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOwnerPassword=chu -dPermissions=-4 -sOutputFile=owner.pdf vi.pdf")
        let owner = try #require(try Self.text(samples, "owner.pdf"))
        #expect(owner.text.contains("Nghị quyết của Tỉnh ủy"))
    }

    @Test func pdfTextSwitchedOffGivesOneNoticeNotAnError() throws {
        let samples = try SampleMaker()
        let url = try samples.write("a.pdf", Array("%PDF-1.4\n%%EOF\n".utf8))
        let extractor = TextExtractor(pdfText: false)
        let notice = try #require(extractor.notice)
        #expect(notice.tool == "poppler-glib")
        #expect(notice.message.contains("PDF"))
        let id = try FormatIdentifier().identify(fileAt: url)
        #expect(try extractor.extract(fileAt: url, identification: id) == .toolUnavailable(tool: "poppler-glib"))
        // Text formats still work.
        let text = try samples.write("t.txt", Array("Hà Nội\n".utf8))
        #expect(try extractor.extract(fileAt: text, identification: try FormatIdentifier().identify(fileAt: text))
            == .extracted(TextExtraction(text: "Hà Nội\n", source: .plainText, truncated: false)))
    }

    @Test func textIsNormalizedAndCappedAndHTMLStripped() throws {
        let samples = try SampleMaker()
        // NFD input (e + combining circumflex + combining acute) comes out NFC.
        let decomposed = "Quye\u{0302}\u{0301}t \u{0111}i\u{0323}nh\n"
        let nfd = try samples.write("nfd.txt", Array(decomposed.utf8))
        var extractor = TextExtractor()
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
        let extractor = TextExtractor()
        #expect(try extractor.extract(fileAt: legacy, identification: try FormatIdentifier().identify(fileAt: legacy)) == .undecodableEncoding)
        let gif = try samples.write("a.gif", Array("GIF89a".utf8) + [0, 0, 0, 0])
        #expect(try extractor.extract(fileAt: gif, identification: try FormatIdentifier().identify(fileAt: gif)) == .notApplicable)
    }
}
