import ArchivalStorage
import DataManagement
import Foundation
@testable import Ingest
import KhoCore
import KhoTestSupport
import Metadata
import Packaging
import Preservation
import Testing

/// Real sample transfers (zip and folder) through the whole pipeline into a real OCFL root and SQLite catalogue.
@Suite("Ingest pipeline: end to end")
struct PipelineEndToEndTests {
    @Test("zip and folder SIPs are archived, catalogued field by field, valid in storage and XSD, sources untouched")
    func zipAndFolder() throws {
        let temp = try TemporaryDirectory("kho-ingest-e2e")
        let zips = try PipelineSupport.samples(in: temp.path + "/zip", dossiers: 1, documents: 3, seed: 11, zip: true)
        let folders = try PipelineSupport.samples(in: temp.path + "/dir", dossiers: 1, documents: 4, seed: 12, zip: false, images: true)
        let packages = zips + folders
        let before = try packages.map { try PipelineSupport.snapshot($0.path) }
        let pipeline = PipelineSupport.pipeline(temp)
        var receipts: [IngestReceipt] = []
        for package in packages {
            let outcome = try pipeline.ingest(package.path)
            guard case .accepted(let receipt, let files) = outcome else {
                Issue.record("not accepted: \(outcome)")
                return
            }
            #expect(receipt.fileCode == package.fileCode)
            #expect(receipt.documents.count == package.documentCount)
            #expect(files.count == 2 && files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            let html = try String(contentsOfFile: files[1], encoding: .utf8)
            #expect(html.contains("BIÊN BẢN GIAO NHẬN") && html.contains(receipt.packageSHA256) && html.contains("Đảng ủy xã Tân Lập"))
            receipts.append(receipt)
        }
        // The source is never modified (invariant 3): paths, sizes, times and bytes.
        for (package, snapshot) in zip(packages, before) {
            #expect(try PipelineSupport.snapshot(package.path) == snapshot, "\(package.path) changed")
        }
        // The zip's SHA-256 is what the receipt names.
        let zipDigest = try FileHasher().digest(fileAt: zips[0].path, algorithms: [.sha256]).digests[.sha256]
        #expect(receipts[0].packageSHA256 == zipDigest)
        #expect(receipts[0].packageKind == "zip" && receipts[1].packageKind == "folder")

        let home = pipeline.home
        let catalogue = try Catalogue(path: home.cataloguePath)
        for (package, receipt) in zip(packages, receipts) {
            try checkCatalogue(catalogue, package: package, receipt: receipt, home: home)
        }
        // Storage: Kho's validator on the whole root, no errors and no warnings.
        let report = OCFLValidator().validate(storageRootAt: URL(fileURLWithPath: home.ocflRoot))
        #expect(report.isValid, "\(report.findings.map(\.line))")
        #expect(report.objectCount == 2)
        // Every METS and PREMIS Kho wrote validates against the official XSDs.
        let schemas = try AIPFixture.schemas.get()
        let root = try OCFLStorageRoot.open(at: home.ocflRoot)
        for receipt in receipts {
            let reader = try root.object(receipt.aipObjectID)
            let xml = try reader.state().keys.map(\.string).filter {
                $0.hasSuffix("METS.xml") || $0.contains("PREMIS")
            }
            #expect(xml.count == 5, "\(xml)")  // METS, rep METS, SIP-METS, PREMIS, PREMIS_rep1
            for path in xml where path != AIPLayout.submissionMETS {
                let document = try XMLDocument.parse(fileAt: try reader.contentFile(logicalPath: path))
                let errors = schemas.validate(document).filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(path): \(errors.map(\.line))")
            }
            // The SIP's METS is kept byte for byte as provenance.
            let kept = try Data(contentsOf: URL(fileURLWithPath: try reader.contentFile(logicalPath: AIPLayout.submissionMETS)))
            #expect(String(decoding: kept, as: UTF8.self).contains(receipt.submissionObjectID ?? "?"))
        }
        // Nothing left in staging, nothing in quarantine.
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.staging).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.quarantine).isEmpty)
    }

    /// The catalogue holds what the package's EAD.xml / EAD_doc say, field by field, and what storage holds.
    func checkCatalogue(_ catalogue: Catalogue, package: GeneratedPackage, receipt: IngestReceipt, home: RepositoryHome) throws {
        let unpacked = try TemporaryDirectory("kho-ingest-read")
        let folder: String
        if package.path.hasSuffix(".zip") {
            let sip = try SubmissionPackage.open(package.path, workArea: unpacked.path)
            folder = sip.root
        } else {
            folder = package.path
        }
        let ead = try DossierRecord.read(fileAt: folder + "/metadata/descriptive/EAD.xml")
        let dossier = try #require(try catalogue.dossier(aipObjectID: receipt.aipObjectID))
        #expect(dossier.fileCode == ead.fileCode)
        #expect(dossier.arcFileCode == "LTTU-BN." + (ead.fileCode ?? ""))
        #expect(dossier.title == ead.title)
        #expect(dossier.maintenance == ead.maintenance?.text)
        #expect(dossier.mode == ead.mode?.text)
        #expect(dossier.languages == ead.language.map(\.text))
        #expect(dossier.startDate == ead.startDate?.text)
        #expect(dossier.endDate == ead.endDate?.text)
        #expect(dossier.keywords == ead.keyword)
        #expect(dossier.totalDoc == ead.totalDoc?.value)
        #expect(dossier.numberOfPaper == ead.numberOfPaper?.value)
        #expect(dossier.numberOfPage == ead.numberOfPage?.value)
        #expect(dossier.format == ead.format?.text.nilIfEmpty)
        #expect(dossier.inforSign == ead.inforSign?.nilIfEmpty)
        #expect(dossier.confidenceLevel == ead.confidenceLevel?.text)
        #expect(dossier.paperFileCode == ead.paperFileCode?.nilIfEmpty)
        #expect(dossier.riskRecovery == ead.riskRecovery.map { $0.text == "1" })
        #expect(dossier.riskRecoveryStatus == ead.riskRecoveryStatus?.text.nilIfEmpty)
        #expect(dossier.description == ead.description?.nilIfEmpty)
        #expect(dossier.recordStatus == "NEW")

        let documents = try catalogue.documents(aipObjectID: receipt.aipObjectID)
        #expect(documents.count == package.documentCount)
        let docFolder = folder + "/representations/rep1/metadata/descriptive"
        for document in documents {
            let record = try DocumentRecord.read(fileAt: docFolder + "/EAD_doc_\(document.docId).xml")
            #expect(document.docCode == record.docCode)
            #expect(document.typeName == record.typeName?.text)
            #expect(document.codeNumber == record.codeNumber?.nilIfEmpty)
            #expect(document.codeNotation == record.codeNotation?.nilIfEmpty)
            #expect(document.issuedDate == record.issuedDate?.text)
            #expect(document.organName == record.organName)
            #expect(document.subject == record.subject)
            #expect(document.languages == record.language.map(\.text))
            #expect(document.mode == record.mode?.text)
            #expect(document.confidenceLevel == record.confidenceLevel?.text)
            #expect(document.numberOfPage == record.numberOfPage?.value)
        }
        // Files: SHA-256 as declared, SHA-512 as OCFL stores it, PUID and MIME identified.
        let reader = try OCFLStorageRoot.open(at: home.ocflRoot).object(receipt.aipObjectID)
        let state = Dictionary(uniqueKeysWithValues: try reader.state().map { ($0.key.string, $0.value) })
        let files = try catalogue.files(aipObjectID: receipt.aipObjectID)
        #expect(Set(files.map(\.path)) == Set(state.keys))
        for file in files {
            #expect(file.sha512 == state[file.path])
            let bytes = try reader.contentFile(logicalPath: file.path)
            #expect(try FileHasher().digest(fileAt: bytes, algorithms: [.sha256]).digests[.sha256] == file.sha256)
            if file.path.hasSuffix(".pdf") {
                #expect(file.mimeType == "application/pdf" && file.puid?.hasPrefix("fmt/") == true && file.docId != nil)
            }
            if file.path.hasSuffix(".tif") { #expect(file.mimeType == "image/tiff" && file.puid != nil) }
        }
        // Versions, transfer, events with outcome and agent.
        #expect(try catalogue.versions(objectID: receipt.aipObjectID).map(\.version) == [1])
        let transfer = try #require(try catalogue.transfer(id: receipt.transferID))
        #expect(transfer.packageSHA256 == receipt.packageSHA256 && transfer.status == .accepted)
        #expect(transfer.transferringUnit == "Đảng ủy xã Tân Lập")
        let events = try catalogue.events(aipObjectID: receipt.aipObjectID)
        let types = Set(events.map(\.type.rawValue))
        for wanted in ["ingestion start", "validation", "fixity check", "format identification", "information package creation"] {
            #expect(types.contains(wanted), "missing event \(wanted)")
        }
        #expect(events.allSatisfy { $0.agent?.name.hasPrefix("Kho ") == true && $0.agent?.kind == .software })
        // Searchable at once, without diacritics too.
        let folded = VietnameseFolding.fold(ead.title ?? "")
        let hits = try catalogue.search(SearchQuery(folded))
        #expect(hits.contains { $0.aipObjectID == receipt.aipObjectID }, "search '\(folded)' missed the dossier")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
