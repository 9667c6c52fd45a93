import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Testing
@testable import Ingest

/// An E-ARK SIP that is not TT05 (Dublin Core instead of the TT05 EAD.xml) is archived with what it has.
@Suite("Ingest pipeline: E-ARK SIP without TT05 records")
struct PipelineEARKTests {
    @Test("a Dublin Core described E-ARK SIP is archived: dc:title as title, SUBMISSIONAGREEMENT as code")
    func dublinCoreSIP() throws {
        let temp = try TemporaryDirectory("kho-ingest-eark")
        let sample = try PipelineSupport.samples(in: temp.path + "/in", documents: 2, seed: 51, zip: false)[0]
        let root = sample.path
        // Replace EAD.xml by a Dublin Core record (DC.xml) and fix the root METS reference, size and checksum.
        let dc = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tài liệu E-ARK</dc:title></metadata>

            """.utf8)
        try FileManager.default.removeItem(atPath: root + "/metadata/descriptive/EAD.xml")
        try dc.write(to: URL(fileURLWithPath: root + "/metadata/descriptive/DC.xml"))
        let digest = try FileHasher().digest(fileAt: root + "/metadata/descriptive/DC.xml", algorithms: [.sha256])
        var mets = try String(contentsOfFile: root + "/METS.xml", encoding: .utf8)
        let lines = mets.components(separatedBy: "\n").map { line -> String in
            guard line.contains("metadata/descriptive/EAD.xml") else { return line }
            var edited = line.replacingOccurrences(of: "metadata/descriptive/EAD.xml", with: "metadata/descriptive/DC.xml")
            edited = edited.replacingOccurrences(of: #"SIZE="\d+""#, with: "SIZE=\"\(digest.size)\"", options: .regularExpression)
            edited = edited.replacingOccurrences(of: #"CHECKSUM="[0-9A-Fa-f]+""#, with: "CHECKSUM=\"\(digest.digests[.sha256] ?? "")\"", options: .regularExpression)
            return edited
        }
        mets = lines.joined(separator: "\n")
        try Data(mets.utf8).write(to: URL(fileURLWithPath: root + "/METS.xml"))
        let pipeline = PipelineSupport.pipeline(temp)
        let outcome = try pipeline.ingest(root)
        guard case .accepted(let receipt, _) = outcome else { Issue.record("E-ARK SIP refused: \(outcome)"); return }
        #expect(receipt.fileCode == sample.fileCode)  // from altRecordID SUBMISSIONAGREEMENT
        #expect(receipt.title == "Tài liệu E-ARK")  // the DC element named like the TT05 field
        #expect(receipt.documents.count == 2)
        let dossier = try #require(try Catalogue(path: pipeline.home.cataloguePath).dossier(aipObjectID: receipt.aipObjectID))
        #expect(dossier.title == "Tài liệu E-ARK" && dossier.maintenance == nil && dossier.fileCode == sample.fileCode)
    }
}
