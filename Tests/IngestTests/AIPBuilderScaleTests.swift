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
    static let fileCount = 20_000
    /// The builder streams its METS and PREMIS; holding the whole file list as XML would cost several times this.
    static let memoryBound = 100 * 1024 * 1024
    static let growthMarker = "peak-growth-bytes="

    /// Peak resident set size of this process in bytes (Linux reports KiB, macOS bytes).
    static func peakRSS() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }

    static func content() throws -> AIPContent {
        var content = try AIPFixture.content(workArea: try TemporaryDirectory().path)
        var files: [AIPFile] = []
        var documents: [AIPDocument] = []
        files.reserveCapacity(fileCount)
        for n in 1...fileCount {
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
        return content
    }

    /// Builds the 20,000-file AIP into `folder` and prints how much the process's peak memory grew while building.
    static func buildAndReportGrowth(into folder: String) throws {
        let content = try content()
        let before = peakRSS()
        let result = try AIPBuilder(durable: false).build(content, into: folder)
        guard result.payload.count == fileCount, result.metadata.count == fileCount / 10 + 6 else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "payload \(result.payload.count), metadata \(result.metadata.count)"])
        }
        print(growthMarker + String(peakRSS() - before))
    }

    @Test("a 20 000-file AIP builds with bounded memory, and its METS and PREMIS validate")
    func twentyThousandFiles() async throws {
        let out = try TemporaryDirectory("kho-aip-large")
        let folder = out.path
        // Peak RSS is per process and the other suites run beside this one, so the build gets a process of its own.
        let exit = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) { [folder = folder as String] in
            try AIPBuilderScaleTests.buildAndReportGrowth(into: folder)
        }
        let build = try #require(exit)
        let printed = String(decoding: build.standardOutputContent, as: UTF8.self)
        let growthLine = try #require(printed.split(separator: "\n").last { $0.hasPrefix(Self.growthMarker) })
        let growth = try #require(Int(growthLine.dropFirst(Self.growthMarker.count)))
        #expect(growth < Self.memoryBound, "peak RSS grew by \(growth / 1024 / 1024) MiB")

        let schemas = try AIPFixture.schemas.get()
        for path in [AIPLayout.representationMETS, AIPLayout.representationPREMIS, AIPLayout.rootMETS] {
            let document = try XMLDocument.parse(fileAt: folder + "/" + path)
            #expect(schemas.validate(document).filter { $0.severity == .error }.isEmpty, "\(path)")
        }
        let mets = try XMLDocument.parse(fileAt: folder + "/" + AIPLayout.representationMETS)
        #expect(try mets.elements(xpath: "//mets:file").count == Self.fileCount)
        #expect(try mets.elements(xpath: "//mets:structMap//mets:fptr").count == Self.fileCount)
    }
}
