import Foundation
import KhoTestSupport
import Metadata
import Testing
@testable import Ingest
#if canImport(Glibc)
import Glibc
#endif

@Suite("AIP builder at scale")
struct AIPBuilderScaleTests {
    /// Peak resident set size of the process in bytes (Linux reports KiB, macOS bytes).
    private func peakRSS() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }

    @Test("a 20 000-file AIP builds with bounded memory in reasonable time, and its METS and PREMIS validate")
    func twentyThousandFiles() throws {
        let out = try TemporaryDirectory("kho-aip-large")
        var content = try AIPFixture.content(workArea: try TemporaryDirectory().path)
        let count = 20_000
        var files: [AIPFile] = []
        var documents: [AIPDocument] = []
        files.reserveCapacity(count)
        for n in 1...count {
            let name = "\(AIPFixture.fileCode).\(n).pdf"
            let hex = String(repeating: String(n % 16, radix: 16), count: 64)
            files.append(AIPFile(path: "representations/rep1/data/\(name)", source: "/sip/work/\(name)", originalPath: "representations/rep1/data/\(name)",
                                 size: Int64(1000 + n), sha256: hex, mimeType: "application/pdf",
                                 format: AIPFileFormat(name: "Acrobat PDF/A - Portable Document Format", version: "2b", puid: "fmt/476")))
            if n % 10 == 1 {
                documents.append(AIPDocument(record: AIPFixture.document(n, type: "22", number: "\(n)", notation: "CV/HU", date: "15/01/2001", subject: "Công văn số \(n)"), filePaths: []))
            }
            documents[documents.count - 1].filePaths.append(files[n - 1].path)
        }
        content.files = files
        content.documents = documents
        content.dossier.totalDoc = TT05Value(text: String(documents.count))
        content.events = []

        let before = peakRSS()
        let clock = ContinuousClock()
        let start = clock.now
        let result = try AIPBuilder(durable: false).build(content, into: out.path)
        let elapsed = clock.now - start
        let growth = peakRSS() - before
        #expect(growth < 100 * 1024 * 1024, "peak RSS grew by \(growth / 1024 / 1024) MiB")
        #expect(elapsed < .seconds(120), "took \(elapsed)")
        #expect(result.payload.count == count)
        #expect(result.metadata.count == 2000 + 6)

        let schemas = try AIPFixture.schemas.get()
        for path in [AIPLayout.representationMETS, AIPLayout.representationPREMIS, AIPLayout.rootMETS] {
            let document = try XMLDocument.parse(fileAt: out.path + "/" + path)
            #expect(schemas.validate(document).filter { $0.severity == .error }.isEmpty, "\(path)")
        }
        let mets = try XMLDocument.parse(fileAt: out.path + "/" + AIPLayout.representationMETS)
        #expect(try mets.elements(xpath: "//mets:file").count == count)
        #expect(try mets.elements(xpath: "//mets:structMap//mets:fptr").count == count)
    }
}
