import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import KhoTestSupport
import Packaging
import Testing
@testable import Ingest

/// BagIt bags: bag-info mapped to the dossier, payload verified and archived, text searchable.
@Suite("Ingest pipeline: BagIt")
struct PipelineBagTests {
    @Test("a bag made by BagCreator is archived with its bag-info mapped to the dossier; the bag is untouched")
    func bagIsArchived() throws {
        let temp = try TemporaryDirectory("kho-ingest-bag")
        let payload = temp.path + "/payload"
        try FileManager.default.createDirectory(atPath: payload + "/văn bản", withIntermediateDirectories: true)
        try Data("Nghị quyết của Đảng ủy xã Tân Lập về công tác chuyển đổi số năm 2024\n".utf8)
            .write(to: URL(fileURLWithPath: payload + "/văn bản/nghi-quyet.txt"))
        let sample = try PipelineSupport.samples(in: temp.path + "/sip", seed: 41, zip: false)[0]
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: sample.path + "/representations/rep1/data").first)
        try FileManager.default.copyItem(atPath: sample.path + "/representations/rep1/data/" + pdf, toPath: payload + "/" + pdf)
        let info: [(String, String)] = [
            ("Source-Organization", "Đảng ủy xã Tân Lập"), ("External-Identifier", "bag-tan-lap-2024-07"),
            ("TT05-fileCode", "X12.05.2024.07"), ("Title", "Hồ sơ chuyển đổi số của Đảng ủy xã Tân Lập năm 2024"),
            ("TT05-maintenance", "01"), ("TT05-mode", "01"), ("TT05-language", "01"), ("TT05-startDate", "02/01/2024"),
            ("TT05-endDate", "30/12/2024"), ("TT05-totalDoc", "0"), ("TT05-confidenceLevel", "01"),
            ("Internal-Sender-Description", "Nộp lưu bằng túi BagIt"),
        ]
        let bag = temp.path + "/bag"
        _ = try BagCreator(options: BagCreationOptions(bagInfo: info.map { BagInfo.Element(label: $0.0, value: $0.1) }))
            .create(from: payload, to: bag)
        let before = try PipelineSupport.snapshot(bag)
        let pipeline = PipelineSupport.pipeline(temp, unit: nil)
        let outcome = try pipeline.ingest(bag)
        guard case .accepted(let receipt, _) = outcome else { Issue.record("bag not accepted: \(outcome)"); return }
        #expect(receipt.packageKind == "bagit" && receipt.fileCode == "X12.05.2024.07")
        #expect(receipt.transferringUnit == "Đảng ủy xã Tân Lập" && receipt.submissionObjectID == "bag-tan-lap-2024-07")
        #expect(try PipelineSupport.snapshot(bag) == before)
        let catalogue = try Catalogue(path: pipeline.home.cataloguePath)
        let dossier = try #require(try catalogue.dossier(aipObjectID: receipt.aipObjectID))
        #expect(dossier.title == "Hồ sơ chuyển đổi số của Đảng ủy xã Tân Lập năm 2024")
        #expect(dossier.maintenance == "01" && dossier.mode == "01" && dossier.languages == ["01"])
        #expect(dossier.startDate == "02/01/2024" && dossier.endDate == "30/12/2024" && dossier.confidenceLevel == "01")
        #expect(dossier.description == "Nộp lưu bằng túi BagIt")
        let files = try catalogue.files(aipObjectID: receipt.aipObjectID).filter { $0.path.contains("/data/") }
        #expect(Set(files.map(\.path)) == ["representations/rep1/data/văn bản/nghi-quyet.txt", "representations/rep1/data/" + pdf])
        let manifest = try String(contentsOfFile: bag + "/manifest-sha256.txt", encoding: .utf8)
        for file in files { #expect(manifest.contains(file.sha256), "\(file.path)") }
        #expect(files.first { $0.path.hasSuffix(".txt") }?.mimeType == "text/plain")
        #expect(files.first { $0.path.hasSuffix(".pdf") }?.puid?.hasPrefix("fmt/") == true)
        let report = OCFLValidator().validate(storageRootAt: URL(fileURLWithPath: pipeline.home.ocflRoot))
        #expect(report.isValid, "\(report.findings.map(\.line))")
        // Provenance: bag-info.txt is kept inside the AIP.
        let reader = try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).object(receipt.aipObjectID)
        let kept = try String(contentsOfFile: try reader.contentFile(logicalPath: AIPLayout.submissionMETS), encoding: .utf8)
        let infoBytes = try Data(contentsOf: URL(fileURLWithPath: bag + "/bag-info.txt"))
        #expect(kept.contains(infoBytes.base64EncodedString()))
    }

    @Test("a bag whose payload no longer matches its manifest is quarantined")
    func corruptBag() throws {
        let temp = try TemporaryDirectory("kho-ingest-badbag")
        let payload = temp.path + "/payload"
        try FileManager.default.createDirectory(atPath: payload, withIntermediateDirectories: true)
        try Data("Biên bản họp chi bộ".utf8).write(to: URL(fileURLWithPath: payload + "/bien-ban.txt"))
        let bag = temp.path + "/bag"
        _ = try BagCreator(options: BagCreationOptions(bagInfo: [BagInfo.Element(label: "TT05-fileCode", value: "X1.2024.1")])).create(from: payload, to: bag)
        try Data("Biên bản họp chi bộ (đã sửa)".utf8).write(to: URL(fileURLWithPath: bag + "/data/bien-ban.txt"))
        let pipeline = PipelineSupport.pipeline(temp)
        guard case .rejected(_, let report) = try pipeline.ingest(bag) else { Issue.record("corrupt bag accepted"); return }
        #expect(report.errors.contains { $0.code.hasPrefix("BAGIT-") })
        #expect(try OCFLStorageRoot.open(at: pipeline.home.ocflRoot).objectIDs().isEmpty)
    }
}
