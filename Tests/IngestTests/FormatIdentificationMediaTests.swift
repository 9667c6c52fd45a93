import Foundation
import Ingest
import KhoTestSupport
import Testing

/// Audio and video made by ffmpeg (Debian ffmpeg) from its built-in test sources.
@Suite struct FormatIdentificationMediaTests {
    @Test func audioFromFFmpeg() throws {
        let samples = try SampleMaker()
        try samples.run("ffmpeg", package: "ffmpeg",
                        "for f in a.mp3 a.wav a.m4a a.aac a.wma; do ffmpeg -v error -y -f lavfi -i sine=frequency=440:duration=1 $f || exit 1; done")
        let expected: [(String, String?, String)] = [
            ("a.mp3", "fmt/134", "audio/mpeg"),
            ("a.m4a", "fmt/199", "audio/mp4"),
            ("a.aac", nil, "audio/aac"),
            ("a.wma", "fmt/132", "audio/x-ms-wma"),
        ]
        for (name, puid, mime) in expected {
            let id = try samples.identify(name)
            #expect(id.puid == puid, "\(name): \(id)")
            #expect(id.mimeType == mime, "\(name)")
        }
        let wav = try samples.identify("a.wav")
        #expect(["fmt/141", "fmt/142", "fmt/143"].contains(wav.puid ?? ""), "\(wav)")
        #expect(wav.mimeType == "audio/x-wav")
    }

    @Test func videoFromFFmpeg() throws {
        let samples = try SampleMaker()
        let source = "-f lavfi -i testsrc=duration=1:size=64x48:rate=25"
        try samples.run("ffmpeg", package: "ffmpeg", """
            ffmpeg -v error -y \(source) v.mp4 && ffmpeg -v error -y \(source) v.mov && \
            ffmpeg -v error -y \(source) v.avi && ffmpeg -v error -y \(source) v.wmv && \
            ffmpeg -v error -y \(source) -c:v mpeg1video -f mpeg v1.mpg && \
            ffmpeg -v error -y \(source) -c:v mpeg2video -f vob v2.mpg && \
            ffmpeg -v error -y \(source) -c:v mpeg2video -f mpegts v.ts && \
            ffmpeg -v error -y \(source) -f mpeg1video v.m1v && ffmpeg -v error -y \(source) -f mpeg2video v.m2v
            """)
        let expected: [(String, String, String)] = [
            ("v.mp4", "fmt/199", "video/mp4"),
            ("v.mov", "x-fmt/384", "video/quicktime"),
            ("v.avi", "fmt/5", "video/x-msvideo"),
            ("v.wmv", "fmt/133", "video/x-ms-wmv"),
            ("v1.mpg", "x-fmt/385", "video/mpeg"),
            ("v2.mpg", "x-fmt/386", "video/mpeg"),
            ("v.m1v", "fmt/649", "video/mpeg"),
            ("v.m2v", "fmt/640", "video/mpeg"),
            ("v.ts", "fmt/585", "video/mp2t"),
        ]
        for (name, puid, mime) in expected {
            let id = try samples.identify(name)
            #expect(id.puid == puid, "\(name): \(id)")
            #expect(id.mimeType == mime, "\(name)")
        }
    }

    @Test func bigSparseVideoIsReadOnlyAtItsEnds() throws {
        // A 6 GB sparse file after an MP4 header: identification must not read it all (it would take minutes).
        let samples = try SampleMaker()
        let url = try samples.write("big.mp4", [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 6 << 30)
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        let id = try FormatIdentifier().identify(fileAt: url)
        #expect(id.puid == "fmt/199")
        #expect(clock.now - start < .seconds(2))
    }
}
