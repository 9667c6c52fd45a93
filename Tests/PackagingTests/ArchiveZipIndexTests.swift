import Foundation
import KhoTestSupport
import Packaging
import Testing

@Suite struct ArchiveZipIndexTests {
    /// A zip made by Python's zipfile: a stored `mimetype`, a deflated part and a large deflated part.
    private func makeZip(in dir: TemporaryDirectory) throws -> String {
        let path = dir.path + "/tài liệu.odt"
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], 'w') as z:
            z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
            z.writestr('META-INF/manifest.xml', '<manifest manifest:version="1.3">' + 'x' * 5000 + '</manifest>', zipfile.ZIP_DEFLATED)
            z.writestr('content.xml', 'Nghị quyết ' * 100000, zipfile.ZIP_DEFLATED)
        """
        let result = try runProcess(try #require(which("python3")), ["-c", script, path])
        try #require(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test func listsEntriesAndReadsSmallPartsStoredOrDeflated() throws {
        let dir = try TemporaryDirectory()
        let index = try ZipIndex.read(zipAt: try makeZip(in: dir))
        #expect(index.names == ["mimetype", "META-INF/manifest.xml", "content.xml"])
        #expect(try index.contents(of: "mimetype") == Array("application/vnd.oasis.opendocument.text".utf8))
        let manifest = try #require(try index.contents(of: "META-INF/manifest.xml"))
        #expect(manifest.count == 33 + 5000 + 11)
        #expect(String(decoding: manifest.prefix(33), as: UTF8.self) == "<manifest manifest:version=\"1.3\">")
        // A large part is read only up to the cap, however big it inflates.
        let capped = try #require(try index.contents(of: "content.xml", maxBytes: 1000))
        #expect(capped.count == 1000)
        #expect(String(decoding: capped.prefix(14), as: UTF8.self) == "Nghị quyết")
        #expect(try index.contents(of: "khong-co.xml") == nil)
    }

    @Test func truncatedZipIsRefusedWithArchiveError() throws {
        let dir = try TemporaryDirectory()
        let path = try makeZip(in: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = dir.path + "/cut.zip"
        try bytes.prefix(bytes.count - 30).write(to: URL(fileURLWithPath: cut))
        #expect(throws: ArchiveError.self) { _ = try ZipIndex.read(zipAt: cut) }
    }
}
