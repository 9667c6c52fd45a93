import Foundation
import Ingest
import KhoTestSupport
import Testing

/// Office documents from pandoc (Debian), openpyxl, xlwt and odfpy (PyPI); DOC and PPT only from a
/// hand-built OLE2 directory (no light producer of those exists).
@Suite struct FormatIdentificationOfficeTests {
    @Test func pandocDocumentsAreIdentified() throws {
        let samples = try SampleMaker()
        try "# Báo cáo\n\nNội dung tiếng Việt.\n".write(to: samples.url("in.md"), atomically: true, encoding: .utf8)
        try samples.run("pandoc", package: "pandoc",
                        "pandoc in.md -o a.docx && pandoc in.md -o a.odt && pandoc in.md -s -o a.rtf && pandoc in.md -s -o a.html && pandoc in.md -o a.pptx")
        let docx = try samples.identify("a.docx")
        #expect(docx.puid == "fmt/412")
        #expect(docx.basis == .container)
        #expect(try samples.identify("a.pptx").puid == "fmt/215")
        let odt = try samples.identify("a.odt")
        #expect(odt.mimeType == "application/vnd.oasis.opendocument.text")
        #expect(odt.formatName == "OpenDocument Text")
        #expect(["fmt/290", "fmt/291", "fmt/1756"].contains(odt.puid ?? ""), "\(odt)")
        let rtf = try samples.identify("a.rtf")
        #expect(rtf.mimeType == "application/rtf")
        #expect(["fmt/45", "fmt/50", "fmt/52", "fmt/53", "fmt/355"].contains(rtf.puid ?? ""), "\(rtf)")
        let html = try samples.identify("a.html")
        #expect(html.puid == "fmt/471")
        #expect(html.mimeType == "text/html")
        #expect(html.textEncoding == .utf8)
    }

    @Test func spreadsheetsFromPythonProducers() throws {
        let samples = try SampleMaker()
        try samples.python("openpyxl", """
            import openpyxl
            wb = openpyxl.Workbook(); wb.active["A1"] = "Hồ sơ"; wb.save("a.xlsx")
            """)
        try samples.python("xlwt", """
            import xlwt
            wb = xlwt.Workbook(); ws = wb.add_sheet("S"); ws.write(0, 0, "Hồ sơ"); wb.save("a.xls")
            """)
        try samples.python("odf", """
            from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentPresentation
            from odf.table import Table
            doc = OpenDocumentSpreadsheet(); doc.spreadsheet.addElement(Table(name="S")); doc.save("a.ods")
            OpenDocumentPresentation().save("a.odp")
            """)
        #expect(try samples.identify("a.xlsx").puid == "fmt/214")
        let xls = try samples.identify("a.xls")
        #expect(xls.puid == "fmt/61", "\(xls)")
        #expect(xls.mimeType == "application/vnd.ms-excel")
        let ods = try samples.identify("a.ods")
        #expect(ods.mimeType == "application/vnd.oasis.opendocument.spreadsheet")
        #expect(["fmt/294", "fmt/295", "fmt/1755"].contains(ods.puid ?? ""), "\(ods)")
        let odp = try samples.identify("a.odp")
        #expect(odp.mimeType == "application/vnd.oasis.opendocument.presentation")
        #expect(["fmt/292", "fmt/293", "fmt/1754"].contains(odp.puid ?? ""), "\(odp)")
    }

    /// A minimal OLE2 file (512-byte sectors): header, one FAT sector, one directory sector holding
    /// the root entry and a stream called `stream`.
    static func compoundFile(stream: String) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        func put32(_ array: inout [UInt8], _ offset: Int, _ value: UInt32) {
            for i in 0..<4 { array[offset + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) }
        }
        header[24] = 0x3E; header[26] = 0x03; header[28] = 0xFE; header[29] = 0xFF; header[30] = 9; header[32] = 6
        put32(&header, 44, 1)        // one FAT sector
        put32(&header, 48, 1)        // directory starts at sector 1
        put32(&header, 60, 0xFFFF_FFFE)
        for i in 0..<109 { put32(&header, 76 + 4 * i, 0xFFFF_FFFF) }
        put32(&header, 76, 0)        // FAT is sector 0
        var fat = [UInt8](repeating: 0xFF, count: 512)
        put32(&fat, 0, 0xFFFF_FFFD)  // sector 0: FAT
        put32(&fat, 4, 0xFFFF_FFFE)  // sector 1: end of directory chain
        var directory = [UInt8](repeating: 0, count: 512)
        func entry(_ index: Int, _ name: String, type: UInt8) {
            let units = Array(name.utf16) + [0]
            for (i, unit) in units.enumerated() {
                directory[128 * index + 2 * i] = UInt8(unit & 0xFF)
                directory[128 * index + 2 * i + 1] = UInt8(unit >> 8)
            }
            directory[128 * index + 64] = UInt8(units.count * 2)
            directory[128 * index + 66] = type
        }
        entry(0, "Root Entry", type: 5)
        entry(1, stream, type: 2)
        return header + fat + directory
    }

    @Test func legacyOfficeByOLE2StreamName() throws {
        let samples = try SampleMaker()
        let cases: [(String, String, String)] = [
            ("WordDocument", "fmt/40", "application/msword"),
            ("PowerPoint Document", "fmt/126", "application/vnd.ms-powerpoint"),
            ("Workbook", "fmt/61", "application/vnd.ms-excel"),
            ("Something", "fmt/111", "application/x-ole-storage"),
        ]
        for (stream, puid, mime) in cases {
            let url = try samples.write("\(puid.replacingOccurrences(of: "/", with: "_")).bin", Self.compoundFile(stream: stream))
            let id = try FormatIdentifier().identify(fileAt: url)
            #expect(id.puid == puid, "\(stream): \(id)")
            #expect(id.mimeType == mime)
        }
    }

    @Test func rtfVersionsFollowPRONOMControlWords() throws {
        let samples = try SampleMaker()
        let styleFonts = "\\stshfdbch0\\stshfloch31506\\stshfhich31506\\stshfbi31506"
        let cases: [(String, String)] = [
            ("{\\rtf1\\ansi\\deff0 x}", "fmt/45"),
            ("{\\rtf1\\ansi\\ansicpg1258\\deff0 x}", "fmt/50"),
            ("{\\rtf1\\adeflang1025\\ansi\\ansicpg1258\\uc1\\adeff0\\deff0\\\(styleFonts) x}", "fmt/52"),
            ("{\\rtf1\\adeflang1025\\ansi\\ansicpg1258\\uc1\\adeff0\\deff0\\\(styleFonts){\\*\\latentstyles\\lsdstimax267 x}}", "fmt/53"),
            ("{\\rtf1\\adeflang1025\\ansi\\ansicpg1258\\uc1\\adeff0\\deff0\\\(styleFonts){\\*\\defchp \\f31506}x}", "fmt/355"),
        ]
        for (index, (text, puid)) in cases.enumerated() {
            let url = try samples.write("r\(index).rtf", Array(text.utf8))
            #expect(try FormatIdentifier().identify(fileAt: url).puid == puid, "\(text)")
        }
    }

    @Test func odfVersionIsReadFromTheDeflatedManifest() throws {
        // Python's zipfile deflates the manifest (zlib, a real DEFLATE producer); the version decides the PUID.
        let samples = try SampleMaker()
        try samples.python("zipfile", """
            import zipfile
            for version in ["1.1", "1.2", "1.3"]:
                z = zipfile.ZipFile("v" + version + ".odt", "w")
                z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
                body = "" if version == "1.1" else ' manifest:version="' + version + '"'
                padding = "".join('<manifest:file-entry manifest:full-path="p%d.png" manifest:media-type="image/png"/>' % i for i in range(300))
                z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest' + body + '>' + padding + '</manifest:manifest>', zipfile.ZIP_DEFLATED)
                z.writestr("meta.xml", '<?xml version="1.0"?><office:document-meta office:version="' + version + '"/>', zipfile.ZIP_DEFLATED)
                z.close()
            """)
        for (version, puid) in [("1.1", "fmt/290"), ("1.2", "fmt/291"), ("1.3", "fmt/1756")] {
            let id = try samples.identify("v\(version).odt")
            #expect(id.puid == puid, "\(id)")
            #expect(id.version == version)
        }
    }

    @Test func plainZipIsNotAnOfficeDocument() throws {
        let samples = try SampleMaker()
        try "x".write(to: samples.url("x.txt"), atomically: true, encoding: .utf8)
        try samples.run("python3", package: "python3", "python3 -c \"import zipfile; z = zipfile.ZipFile('p.zip', 'w'); z.write('x.txt'); z.close()\"")
        let id = try samples.identify("p.zip")
        #expect(id.puid == "x-fmt/263")
        #expect(id.mimeType == "application/zip")
    }
}
