import Dispatch
import Foundation
import Ingest
import KhoTestSupport
import Packaging
import Synchronization
import Testing

/// poppler-glib used from many threads at once, one document per thread at a time, as the pipeline's
/// workers use it: every result equals the one read alone, damaged files fail alone.
@Suite struct TextExtractionParallelTests {
    @Test func manyThreadsGiveTheSameTextAsOne() throws {
        let samples = try SampleMaker()
        var names: [String] = []
        // Distinct Kho sample PDFs (each names its own number, so a mixed-up result shows).
        for index in 0..<40 {
            let lines = (0..<(index % 3 == 0 ? 90 : 12)).map { "Tài liệu số \(index), dòng \($0): Nghị quyết Đảng ủy xã Tân Lập" }
            let writer = PDFWriter(title: "Tài liệu \(index)", author: "Kho", creationDate: "D:20241120103000+07'00'")
            _ = try samples.write("k\(index).pdf", writer.data(lines: lines))
            names.append("k\(index).pdf")
        }
        // Ghostscript PDF/A-2b, and damaged files among them.
        try FormatIdentificationPDFTests.makeVietnamesePDF(samples)
        try samples.run("gs", package: "ghostscript",
                        "gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB -sOutputFile=a2b.pdf vi.pdf")
        names += ["a2b.pdf", "vi.pdf"]
        for index in 0..<4 {
            _ = try samples.write("bad\(index).pdf", Array("%PDF-1.7\n\(index) 0 obj <<".utf8))
            names.append("bad\(index).pdf")
        }

        let urls = names.map(samples.url)
        let alone = urls.map(Self.outcome)
        #expect(alone.filter { $0 == "error" }.count == 4)
        #expect(alone[0].contains("Tài liệu số 0, dòng 89:"))
        #expect(alone[names.firstIndex(of: "a2b.pdf") ?? 0].contains("Nghị quyết của Tỉnh ủy"))

        // 8 threads on 2 cores, each file read 4 times in an interleaved order (8 × steps covers every index 4 times).
        let rounds = 4
        let results = Mutex<[[String]]>(Array(repeating: [], count: urls.count))
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for step in 0..<(urls.count * rounds / 8) {
                let index = (step * 8 + worker) % urls.count
                let text = Self.outcome(urls[index])
                results.withLock { $0[index].append(text) }
            }
        }
        let gathered = results.withLock { $0 }
        for (index, texts) in gathered.enumerated() {
            #expect(texts.count == rounds, "\(names[index]) read \(texts.count) times")
            #expect(texts.allSatisfy { $0 == alone[index] }, "\(names[index]) differs under parallel load")
        }
    }

    /// The text read from `url`, "none" when not extracted, "error" when the reader refused the file.
    @Sendable static func outcome(_ url: URL) -> String {
        do {
            let id = try FormatIdentifier().identify(fileAt: url)
            guard case .extracted(let extraction) = try TextExtractor().extract(fileAt: url, identification: id) else { return "none" }
            return extraction.text
        } catch {
            return "error"
        }
    }
}
