import Foundation
import KhoCore
import KhoTestSupport
import Metadata
@testable import Ingest

/// A realistic AIP_hoso input: a dossier of Huyện ủy Thuận Thành, three documents (two scanned PDFs, a
/// photograph), with small generated payload files hashed the way Ingest does.
enum AIPFixture {
    static let objectID = "urn:uuid:3f0c2a7e-5b1d-4c8e-9a6f-0d2e4b7c1a95"
    static let fileCode = "H49.64.33.2001.160"
    static let archiveCode = "KLTD-BN"
    static let created = Date(timeIntervalSince1970: 1_781_239_537.690) // 2026-06-12T11:45:37.690+07:00

    static let software = AIPAgent(identifier: "kho-0.4.0", name: "Kho", kind: .software, version: "0.4.0")
    static let approver = AIPAgent(identifier: "nguoi-duyet-1", name: "Nguyễn Thị Hoa", kind: .person, note: "Trưởng phòng Lưu trữ")
    static let transferor = AIPAgent(identifier: "huyen-uy-thuan-thanh", name: "Huyện ủy Thuận Thành", kind: .organization)

    static let sipMETS = Data("""
    <?xml version="1.0" encoding="UTF-8"?>
    <mets:mets xmlns:mets="http://www.loc.gov/METS/" OBJID="uuid-1B3C5D7E-0000-4000-8000-000000000001"><mets:metsHdr CREATEDATE="2026-06-10T09:00:00.000+07:00"/></mets:mets>

    """.utf8)

    static var dossier: DossierRecord {
        var d = DossierRecord()
        d.fileCode = fileCode
        d.title = "Hồ sơ Đại hội đại biểu Đảng bộ huyện Thuận Thành lần thứ XVIII, nhiệm kỳ 2000–2005"
        d.maintenance = TT05Value(text: "01")
        d.mode = TT05Value(text: "01")
        d.language = [TT05Value(text: "01")]
        d.startDate = TT05Value(text: "05/01/2001")
        d.endDate = TT05Value(text: "28/12/2001")
        d.keyword = ["Đại hội Đảng bộ", "nhiệm kỳ 2000–2005"]
        d.totalDoc = TT05Value(text: "3")
        d.numberOfPaper = TT05Value(text: "14")
        d.numberOfPage = TT05Value(text: "15")
        d.format = TT05Value(text: "01")
        d.confidenceLevel = TT05Value(text: "02")
        d.paperFileCode = "KLTD-BN.K3G2H5.160"
        d.riskRecovery = TT05Value(text: "0")
        d.description = "Số hóa năm 2026"
        return d
    }

    static func document(_ n: Int, type: String, number: String, notation: String, date: String, subject: String) -> DocumentRecord {
        var r = DocumentRecord()
        r.docId = "\(fileCode).\(n)"
        r.docCode = "\(fileCode).\(String(repeating: "0", count: 7 - String(n).count))\(n)"
        r.maintenance = TT05Value(text: "01")
        r.typeName = TT05Value(text: type)
        r.codeNumber = number
        r.codeNotation = notation
        r.issuedDate = TT05Value(text: date)
        r.organName = "Huyện ủy Thuận Thành"
        r.subject = subject
        r.language = [TT05Value(text: "01")]
        r.numberOfPage = TT05Value(text: "5")
        r.mode = TT05Value(text: "01")
        r.confidenceLevel = TT05Value(text: "02")
        r.format = TT05Value(text: "01")
        r.riskRecovery = TT05Value(text: "0")
        return r
    }

    /// Writes the payload under `workArea` and returns the content (digests computed once, as Ingest does).
    static func content(workArea: String) throws -> AIPContent {
        let specs: [(name: String, bytes: Data, mime: String, format: AIPFileFormat)] = [
            ("\(fileCode).1.pdf", pdf("Nghị quyết Đại hội"), "application/pdf", AIPFileFormat(name: "Acrobat PDF/A - Portable Document Format", version: "2b", puid: "fmt/476")),
            ("\(fileCode).2.pdf", pdf("Báo cáo chính trị"), "application/pdf", AIPFileFormat(name: "Acrobat PDF/A - Portable Document Format", version: "2b", puid: "fmt/476")),
            ("\(fileCode).3.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF ảnh Đại hội".utf8) + Data([0xFF, 0xD9]), "image/jpeg", AIPFileFormat(name: "JPEG File Interchange Format", version: "1.01", puid: "fmt/43")),
        ]
        var files: [AIPFile] = []
        for spec in specs {
            let source = workArea + "/data/" + spec.name
            try FileManager.default.createDirectory(atPath: workArea + "/data", withIntermediateDirectories: true)
            try spec.bytes.write(to: URL(fileURLWithPath: source))
            let digest = try FileHasher().digest(fileAt: source, algorithms: [.sha256, .sha512])
            files.append(AIPFile(path: "representations/rep1/data/\(spec.name)", source: source,
                                 originalPath: "representations/rep1/data/\(spec.name)", size: digest.size,
                                 sha256: digest.digests[.sha256] ?? "", sha512: digest.digests[.sha512],
                                 mimeType: spec.mime, format: spec.format))
        }
        let documents = [
            AIPDocument(record: document(1, type: "01", number: "01", notation: "NQ/ĐH", date: "15/01/2001", subject: "Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XVIII"), filePaths: [files[0].path]),
            AIPDocument(record: document(2, type: "14", number: "02", notation: "BC/HU", date: "14/01/2001", subject: "Báo cáo chính trị của Ban Chấp hành Đảng bộ huyện khóa XVII"), filePaths: [files[1].path]),
            AIPDocument(record: document(3, type: "32", number: "", notation: "", date: "15/01/2001", subject: "Ảnh toàn cảnh Đại hội"), filePaths: [files[2].path]),
        ]
        let sip = AIPEvent.LinkedObject(identifierType: "SIP OBJID", identifierValue: "uuid-1B3C5D7E-0000-4000-8000-000000000001", role: "source")
        let kho = AIPEvent.LinkedAgent(identifier: software.identifier, role: "executing program")
        let events = [
            AIPEvent(identifier: "ev-1", type: .ingestionStart, dateTime: created.addingTimeInterval(-60), outcome: .success, linkingObjects: [sip], linkingAgents: [kho, .init(identifier: transferor.identifier, role: "implementer")]),
            AIPEvent(identifier: "ev-2", type: .virusCheck, dateTime: created.addingTimeInterval(-50), outcome: .success, detail: "clamdscan không có: bỏ qua / not installed: skipped", linkingAgents: [kho]),
            AIPEvent(identifier: "ev-3", type: .fixityCheck, dateTime: created.addingTimeInterval(-40), outcome: .success, outcomeDetail: "3 tệp khớp SHA-256", linkingObjects: files.map { .init(identifierType: "local", identifierValue: $0.path) }, linkingAgents: [kho]),
            AIPEvent(identifier: "ev-4", type: .formatIdentification, dateTime: created.addingTimeInterval(-30), outcome: .success, linkingAgents: [kho]),
            AIPEvent(identifier: "ev-5", type: .validation, dateTime: created.addingTimeInterval(-20), outcome: .warning, outcomeDetail: "TT05-DOS-DATE-PRECISION-ENDDATE", linkingAgents: [kho]),
            AIPEvent(identifier: "ev-6", type: .informationPackageCreation, dateTime: created, outcome: .success, linkingObjects: [sip, .init(identifierType: "URN", identifierValue: objectID, role: "outcome")], linkingAgents: [kho, .init(identifier: approver.identifier, role: "authorizer")]),
        ]
        return AIPContent(objectID: objectID, recordStatus: .new, created: created, archiveCode: archiveCode,
                          software: software, approvers: [approver], agents: [transferor], dossier: dossier,
                          documents: documents, files: files, events: events, submissionMETS: sipMETS,
                          submissionObjectID: "uuid-1B3C5D7E-0000-4000-8000-000000000001")
    }

    static func pdf(_ text: String) -> Data {
        Data("%PDF-1.7\n% \(text)\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
    }

    /// METS + xlink + CSIP + SIP + PREMIS 3 compiled from the shared corpus through its catalog (no network).
    static let schemas: Result<XMLSchemaSet, XMLError> = {
        Result { () throws(XMLError) -> XMLSchemaSet in
            let catalog = try XMLCatalog(fileAt: TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path)
            return try XMLSchemaSet(importing: XMLSchemaImport.informationPackage, catalog: catalog)
        }
    }()
}
