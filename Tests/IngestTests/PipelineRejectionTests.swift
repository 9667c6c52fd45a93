import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Ingest

/// A bad package is refused to quarantine with a bilingual report, and nothing else changes.
@Suite("Ingest pipeline: rejection")
struct PipelineRejectionTests {
    @Test("a data file that does not match its declared SHA-256 is quarantined; storage, catalogue and source unchanged")
    func checksumMismatch() throws {
        let temp = try TemporaryDirectory("kho-ingest-reject")
        let good = try PipelineSupport.samples(in: temp.path + "/good", seed: 31, zip: false)[0]
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .accepted = try pipeline.ingest(good.path) else { Issue.record("good package refused"); return }
        // A second dossier whose first PDF was altered after its METS was written.
        let bad = try PipelineSupport.samples(in: temp.path + "/bad", seed: 32, zip: false)[0]
        let data = bad.path + "/representations/rep1/data"
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: data).sorted().first)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: data + "/" + pdf))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("% sửa đổi trái phép\n".utf8))
        try handle.close()
        let source = try PipelineSupport.snapshot(bad.path)
        let storage = try PipelineSupport.snapshot(pipeline.home.ocflRoot)
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        let tables = ["aip_versions", "dossiers", "documents", "files", "premis_events", "transfers", "audit_log", "search_entries"]
        let rows = try tables.map { try catalogue.count(table: $0) }
        let receipts = try FileManager.default.contentsOfDirectory(atPath: pipeline.home.receipts)

        let outcome = try pipeline.ingest(bad.path)
        guard case .rejected(let folder, let report) = outcome else { Issue.record("accepted: \(outcome)"); return }
        #expect(report.errors.contains { $0.code == "KHO-FIX-CHECKSUM" && $0.path?.hasSuffix(pdf) == true })
        #expect(report.errors.contains { $0.code == "KHO-FIX-SIZE" })
        // Quarantine: the report as JSON and bilingual text, and a pointer to the untouched source.
        #expect(folder.hasPrefix(pipeline.home.quarantine + "/") && folder.hasSuffix("-" + (bad.path as NSString).lastPathComponent))
        let decoded = try JSONDecoder().decode(IngestReport.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json")))
        #expect(decoded == report)
        let text = try String(contentsOfFile: folder + "/report.txt", encoding: .utf8)
        #expect(text.contains("TỪ CHỐI") && text.contains("REJECTED") && text.contains("KHO-FIX-CHECKSUM"))
        #expect(try String(contentsOfFile: folder + "/source.txt", encoding: .utf8).hasPrefix(bad.path))
        // The unit the archivist named is kept, so the monthly report counts the refusal against it.
        #expect(report.transferringUnit == "Đảng ủy xã Tân Lập" && text.contains("Đảng ủy xã Tân Lập"))
        #expect(QuarantineListing(folder: pipeline.home.quarantine).rejectedPackages().map(\.transferringUnit) == ["Đảng ủy xã Tân Lập"])
        // Nothing else changed.
        #expect(try PipelineSupport.snapshot(bad.path) == source)
        #expect(try PipelineSupport.snapshot(pipeline.home.ocflRoot) == storage)
        #expect(try tables.map { try catalogue.count(table: $0) } == rows)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pipeline.home.receipts) == receipts)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pipeline.home.staging).isEmpty)
    }

    @Test("a zip with a path traversal entry is refused before anything is unpacked")
    func unsafeZip() throws {
        let temp = try TemporaryDirectory("kho-ingest-evil")
        let zipPath = temp.path + "/evil.zip"
        let work = temp.path + "/w"
        try FileManager.default.createDirectory(atPath: work + "/pkg", withIntermediateDirectories: true)
        try Data("<x/>".utf8).write(to: URL(fileURLWithPath: work + "/pkg/METS.xml"))
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import zipfile
            with zipfile.ZipFile('\(zipPath)', 'w') as z:
                z.writestr('pkg/METS.xml', '<x/>')
                z.writestr('pkg/../../escape.txt', 'ra ngoài')
            """])
        #expect(result.status == 0, "\(result.stderr)")
        let before = try PipelineSupport.snapshot(zipPath)
        let pipeline = PipelineSupport.pipeline(temp)
        let outcome = try pipeline.ingest(zipPath)
        guard case .rejected(_, let report) = outcome else { Issue.record("accepted: \(outcome)"); return }
        #expect(report.errors.map(\.code) == ["KHO-ARCHIVE-TRAVERSAL"])
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/escape.txt"))
        #expect(!FileManager.default.fileExists(atPath: pipeline.home.path + "/escape.txt"))
        #expect(try PipelineSupport.snapshot(zipPath) == before)
        #expect(try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).objectIDs().isEmpty)
    }
}
