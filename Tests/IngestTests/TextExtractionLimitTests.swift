import Foundation
import Ingest
import KhoTestSupport
import Testing

/// The time limit and the output cap on the PDF text tool, with stand-in tools written as shell scripts.
@Suite struct TextExtractionLimitTests {
    /// Writes an executable shell script standing in for `pdftotext`.
    static func tool(_ samples: SampleMaker, _ body: String) throws -> URL {
        let url = samples.url("fake-pdftotext")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    static func pdf(_ samples: SampleMaker) throws -> (URL, FormatIdentification) {
        let url = try samples.write("a.pdf", Array("%PDF-1.7\n%%EOF\n".utf8))
        return (url, try FormatIdentifier().identify(fileAt: url))
    }

    @Test func slowToolIsStoppedAtTheTimeLimit() throws {
        let samples = try SampleMaker()
        let extractor = TextExtractor(pdftotext: try Self.tool(samples, "exec sleep 30"), timeout: .milliseconds(500))
        let (url, id) = try Self.pdf(samples)
        let clock = ContinuousClock()
        let start = clock.now
        #expect { try extractor.extract(fileAt: url, identification: id) } throws: { error in
            (error as? TextExtractionError)?.kind == .timedOut
        }
        #expect(clock.now - start < .seconds(10))
    }

    @Test func chattyToolIsCutAtTheCap() throws {
        let samples = try SampleMaker()
        let extractor = TextExtractor(pdftotext: try Self.tool(samples, "exec yes 'Tỉnh ủy'"), maxTextBytes: 100_000)
        let (url, id) = try Self.pdf(samples)
        guard case .extracted(let extraction) = try extractor.extract(fileAt: url, identification: id) else {
            Issue.record("no text")
            return
        }
        #expect(extraction.truncated)
        #expect(extraction.text.utf8.count <= 100_000)
        #expect(extraction.text.hasPrefix("Tỉnh ủy\n"))
        #expect(!extraction.text.contains("\u{FFFD}"))
    }

    @Test func failingToolIsAnError() throws {
        let samples = try SampleMaker()
        let extractor = TextExtractor(pdftotext: try Self.tool(samples, "echo 'Syntax Error' >&2; exit 1"))
        let (url, id) = try Self.pdf(samples)
        do {
            _ = try extractor.extract(fileAt: url, identification: id)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .toolFailed)
            #expect(error.rule == "KHO-TEXT-TOOL-FAILED")
        }
    }
}
