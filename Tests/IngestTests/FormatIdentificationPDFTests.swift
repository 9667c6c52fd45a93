import Foundation
import Ingest
import KhoTestSupport
import Testing

/// PDFs made by fpdf2 (PyPI, Vietnamese text with DejaVu Sans) and converted by Ghostscript,
/// including the PDF/A-2b that TT05 asks for scanned documents.
@Suite struct FormatIdentificationPDFTests {
    /// A one-page PDF 1.3 with a Vietnamese line, written by fpdf2.
    static func makeVietnamesePDF(_ samples: SampleMaker, name: String = "vi.pdf") throws {
        let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        try #require(FileManager.default.fileExists(atPath: font), "DejaVu Sans missing: CI must install fonts-dejavu-core")
        try samples.python("fpdf", """
            from fpdf import FPDF
            pdf = FPDF()
            pdf.add_page()
            pdf.add_font("DejaVu", fname="\(font)")
            pdf.set_font("DejaVu", size=14)
            pdf.cell(text="Nghị quyết của Tỉnh ủy về công tác lưu trữ")
            pdf.output("\(name)")
            """)
    }

    @Test func pdfVersionsFromRealProducers() throws {
        let samples = try SampleMaker()
        try Self.makeVietnamesePDF(samples)
        let plain = try samples.identify("vi.pdf")
        #expect(plain.puid == "fmt/17")
        #expect(plain.version == "1.3")
        #expect(plain.mimeType == "application/pdf")
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dCompatibilityLevel=1.4 -sOutputFile=p14.pdf vi.pdf")
        let v14 = try samples.identify("p14.pdf")
        #expect(v14.puid == "fmt/18")
        #expect(v14.basis == .signature)
    }

    @Test func pdfA2bFromGhostscriptIsFmt477() throws {
        let samples = try SampleMaker()
        try Self.makeVietnamesePDF(samples)
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sOutputFile=a2b.pdf vi.pdf")
        let id = try samples.identify("a2b.pdf")
        #expect(id.puid == "fmt/477", "\(id)")
        #expect(id.formatName == "PDF/A-2b")
        #expect(id.version == "1.7")
        #expect(id.basis == .embeddedMetadata)
    }

    @Test func pdfA1bFromGhostscriptIsFmt354() throws {
        let samples = try SampleMaker()
        try Self.makeVietnamesePDF(samples)
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFA=1 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sOutputFile=a1b.pdf vi.pdf")
        let id = try samples.identify("a1b.pdf")
        #expect(id.puid == "fmt/354", "\(id)")
    }

    @Test func pdfDeclaredAsJPEGIsFlagged() throws {
        let samples = try SampleMaker()
        try Self.makeVietnamesePDF(samples)
        let identifier = FormatIdentifier()
        let (id, findings) = try identifier.identify(fileAt: samples.url("vi.pdf"), declaredMIMEType: "image/jpeg")
        #expect(id.mimeType == "application/pdf")
        #expect(findings.map(\.code) == ["KHO-FMT-MIME-MISMATCH"])
        #expect(findings.first?.path == "vi.pdf")
        let (_, agreeing) = try identifier.identify(fileAt: samples.url("vi.pdf"), declaredMIMEType: "Application/PDF; charset=binary")
        #expect(agreeing.isEmpty)
    }

    @Test func pdfAElementFormXMPDeepInsideLargeFile() throws {
        // Element-form XMP near the end of a file bigger than both windows: found through the tail window.
        let samples = try SampleMaker()
        var bytes = Array("%PDF-1.7\n".utf8)
        bytes += [UInt8](repeating: 0x20, count: 700_000)
        bytes += Array("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>\n%%EOF\n".utf8)
        let url = try samples.write("deep.pdf", bytes)
        let id = try FormatIdentifier().identify(fileAt: url)
        #expect(id.puid == "fmt/481")
        // With a small window the middle is not read, and the plain PDF 1.7 id is given with a note.
        var small = FormatIdentifier()
        small.pdfWindow = 4096
        var middle = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: 20_000)
        middle += Array("pdfaid:part='2' pdfaid:conformance='B'".utf8) + [UInt8](repeating: 0x20, count: 20_000)
        let hidden = try small.identify(fileAt: try samples.write("mid.pdf", middle))
        #expect(hidden.puid == "fmt/276")
        #expect(!hidden.notes.isEmpty)
    }
}
