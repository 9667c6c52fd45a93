import Foundation
import Ingest
import KhoTestSupport
import Testing

/// Images made by ImageMagick (Debian imagemagick).
@Suite struct FormatIdentificationImageTests {
    @Test func imagesFromImageMagick() throws {
        let samples = try SampleMaker()
        try samples.run("convert", package: "imagemagick",
                        "convert -size 40x30 gradient:red-blue a.tiff && convert -size 40x30 gradient:red-blue a.jpg && convert -size 40x30 gradient:red-blue a.png && convert -size 40x30 gradient:red-blue a.gif")
        let expected: [(String, String, String)] = [
            ("a.tiff", "fmt/353", "image/tiff"), ("a.png", "fmt/11", "image/png"), ("a.gif", "fmt/4", "image/gif"),
        ]
        for (name, puid, mime) in expected {
            let id = try samples.identify(name)
            #expect(id.puid == puid, "\(name): \(id)")
            #expect(id.mimeType == mime)
        }
        let jpeg = try samples.identify("a.jpg")
        #expect(jpeg.mimeType == "image/jpeg")
        #expect(jpeg.formatName == "JPEG File Interchange Format")
        #expect(["fmt/42", "fmt/43", "fmt/44"].contains(jpeg.puid ?? ""), "\(jpeg)")
    }

    @Test func jpeg2000FromImageMagick() throws {
        let samples = try SampleMaker()
        try samples.run("convert", package: "imagemagick", "convert -size 16x16 xc:green a.jp2")
        let id = try samples.identify("a.jp2")
        #expect(id.puid == "x-fmt/392")
        #expect(id.mimeType == "image/jp2")
    }

    @Test func pngWithSRGBChunkIsVersion11() throws {
        let samples = try SampleMaker()
        try samples.run("convert", package: "imagemagick", "convert -size 8x8 xc:white -intent Perceptual PNG:s.png")
        let id = try samples.identify("s.png")
        #expect(id.mimeType == "image/png")
        #expect(["fmt/11", "fmt/12", "fmt/13"].contains(id.puid ?? ""))
    }
}
