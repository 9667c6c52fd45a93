import Foundation
import KhoCore
import Testing
@testable import Metadata

@Suite("TT05 document record (tài liệu)")
struct DocumentRecordTests {
    let name = "SIP/representations/rep1/metadata/descriptive/EAD_doc_H49.64.33.2001.160.1.xml"

    func dossier() throws -> DossierRecord {
        DossierRecord(reading: try TT05Fixtures.document(TT05Fixtures.dossierXML, name: "EAD.xml"))
    }

    func read(_ text: String) throws -> DocumentRecord {
        DocumentRecord(reading: try TT05Fixtures.document(text, name: name))
    }

    func codes(_ findings: [Finding]) -> [String] { findings.map(\.code) }

    @Test func readsChecksWritesAndValidates() throws {
        let record = try read(TT05Fixtures.documentXML)
        #expect(record.docId == "H49.64.33.2001.160.1")
        #expect(record.code == "H49.64.33.2001.160.0000001")
        #expect(record.typeName?.value == .resolution)
        #expect(record.typeName?.value?.vietnameseLabel == "Nghị quyết")
        #expect(record.documentNumber == "12-NQ/ĐU")
        #expect(record.issuedDate?.value == TT05Date(day: 15, month: 3, year: 2001))
        #expect(record.organName == "Đảng ủy xã Tân Phú")
        #expect(record.numberOfPage?.value == 6)
        #expect(record.process?.isEmpty == true)
        let findings = record.check(dossier: try dossier())
        #expect(findings.isEmpty, "\(findings.map(\.line))")

        let data = try record.xmlData()
        let document = try XMLDocument.parse(data: data, sourceName: "EAD_doc.xml")
        #expect(document.root.children.count == 21)
        #expect(try TT05Schemas.document().validate(document).isEmpty)
        var again = DocumentRecord(reading: document)
        again.source = nil
        var original = record
        original.source = nil
        #expect(again == original)
        #expect(try TT05Schemas.document().validate(try TT05Fixtures.document(TT05Fixtures.documentXML, name: name)).isEmpty)
    }

    @Test func recordsRoundTripThroughJSONKeepingInvalidText() throws {
        let record = try read(TT05Fixtures.documentText(setting: "typeName", to: "99"))
        let json = try JSONEncoder().encode(record)
        let decoded = try JSONDecoder().decode(DocumentRecord.self, from: json)
        #expect(decoded == record)
        #expect(decoded.typeName?.text == "99")
        #expect(String(decoding: json, as: UTF8.self).contains("\"typeName\":\"99\""))
        #expect(decoded.check(dossier: nil).map(\.code) == ["TT05-DOC-CODELIST-TYPENAME"])
    }

    @Test func docCodeYearContradictingTheFileCodeIsReported() throws {
        let record = try read(TT05Fixtures.documentText(setting: "docCode", to: "H49.64.33.2002.160.0000001"))
        let finding = try #require(record.check(dossier: try dossier()).first { $0.code == "TT05-DOC-PREFIX-DOCCODE" })
        #expect(finding.severity == .error)
        #expect(finding.path == name)
        #expect(finding.location == "/simpledc/docCode[1] (line 4)")
        #expect(finding.message.vi.hasPrefix("Mã tài liệu (docCode): mã 'H49.64.33.2002.160.0000001' không bắt đầu bằng Mã hồ sơ 'H49.64.33.2001.160'"))
        #expect(finding.message.en.contains("year 2002 contradicts year 2001"))
        #expect(record.check(dossier: nil).isEmpty, "without the dossier only the format is checked")
    }

    @Test func docIdMustBelongToTheDossierAndAgreeWithDocCode() throws {
        let foreign = try read(TT05Fixtures.documentText(setting: "docId", to: "H49.64.33.2001.161.1"))
        #expect(codes(foreign.check(dossier: try dossier())) == ["TT05-DOC-PREFIX-DOCID"])
        let mismatch = try read(TT05Fixtures.documentText(setting: "docId", to: "H49.64.33.2001.160.2"))
        #expect(codes(mismatch.check(dossier: try dossier())) == ["TT05-DOC-DOCID-DOCCODE"])
        let badOrdinal = try read(TT05Fixtures.documentText(setting: "docCode", to: "H49.64.33.2001.160.1"))
        #expect(codes(badOrdinal.check(dossier: try dossier())) == ["TT05-DOC-FORMAT-DOCCODE"])
        let missingId = try read(TT05Fixtures.documentText(setting: "docId", to: nil))
        let idFinding = try #require(missingId.check(dossier: try dossier()).first)
        #expect(idFinding.code == "TT05-DOC-REQUIRED-DOCID")
        #expect(idFinding.severity == .warning)
    }

    @Test func bothCodeSpellingsAreTolerated() throws {
        let variant = TT05Fixtures.documentXML
            .replacingOccurrences(of: "<docCode>", with: "<arcDocCode>").replacingOccurrences(of: "</docCode>", with: "</arcDocCode>")
        let record = try read(variant)
        #expect(record.docCode == nil)
        #expect(record.arcDocCode == "H49.64.33.2001.160.0000001")
        #expect(record.code == "H49.64.33.2001.160.0000001")
        #expect(record.check(dossier: try dossier()).isEmpty)
        #expect(try TT05Schemas.document().validate(try TT05Fixtures.document(variant, name: name)).isEmpty)
        let written = String(decoding: try record.xmlData(), as: UTF8.self)
        #expect(written.contains("<arcDocCode>H49.64.33.2001.160.0000001</arcDocCode>"))
        #expect(!written.contains("<docCode"))

        let both = TT05Fixtures.documentXML.replacingOccurrences(of: "<maintenance>", with: "<arcDocCode>H49.64.33.2001.160.0000002</arcDocCode><maintenance>")
        #expect(codes(try read(both).check(dossier: try dossier())).contains("TT05-DOC-DOCCODE-SPELLING"))
        let neither = try read(TT05Fixtures.documentText(setting: "docCode", to: nil))
        #expect(codes(neither.check(dossier: try dossier())).contains("TT05-DOC-REQUIRED-DOCCODE"))
    }

    @Test func aStricterDocumentInAnOpenDossierIsReported() throws {
        let secret = try read(TT05Fixtures.documentText(setting: "mode", to: "03"))
        let finding = try #require(secret.check(dossier: try dossier()).first)
        #expect(finding.code == "TT05-DOC-MODE-DOSSIER")
        #expect(finding.severity == .warning)
        #expect(finding.message.vi.hasPrefix("Chế độ sử dụng (mode): tài liệu là 03 Mật nhưng hồ sơ chỉ là 01 Công khai"))
        let longer = DossierRecord(reading: try TT05Fixtures.document(TT05Fixtures.dossier(setting: "maintenance", to: "04"), name: "EAD.xml"))
        let codes = try read(TT05Fixtures.documentXML).check(dossier: longer, options: TT05CheckOptions(historicalArchive: false)).map(\.code)
        #expect(codes == ["TT05-DOC-RETENTION-DOSSIER"])
        #expect(Maintenance.permanent.retentionRank ?? 0 > Maintenance.years70.retentionRank ?? 0)
        #expect(Maintenance.other.retentionRank == nil)
    }

    @Test func bornDigitalDocumentsNeedProcess() throws {
        let record = try read(TT05Fixtures.documentText(setting: "confidenceLevel", to: "01"))
        let finding = try #require(record.check(dossier: try dossier()).first)
        #expect(finding.code == "TT05-DOC-PROCESS")
        #expect(finding.location == "/simpledc/process[1] (line 22)")
        #expect(finding.message.vi.contains("Quy trình xử lý (process)"))
        let withProcess = try read(TT05Fixtures.replace(in: TT05Fixtures.documentText(setting: "confidenceLevel", to: "01"), element: "process", with: "1"))
        #expect(withProcess.check(dossier: try dossier()).isEmpty)
        let badFlag = try read(TT05Fixtures.documentText(setting: "process", to: "yes"))
        #expect(codes(badFlag.check(dossier: try dossier())) == ["TT05-DOC-CODELIST-PROCESS"])
    }

    @Test(arguments: [
        ("typeName", "33", "TT05-DOC-CODELIST-TYPENAME", Severity.error),
        ("typeName", nil, "TT05-DOC-REQUIRED-TYPENAME", .error),
        ("subject", "", "TT05-DOC-REQUIRED-SUBJECT", .error),
        ("organName", nil, "TT05-DOC-REQUIRED-ORGANNAME", .error),
        ("issuedDate", "15-03-2001", "TT05-DOC-DATE-ISSUEDDATE", .error),
        ("issuedDate", "15/03/2003", "TT05-DOC-DATE-RANGE-ISSUEDDATE", .warning),
        ("issuedDate", "03/2001", "TT05-DOC-DATE-PRECISION-ISSUEDDATE", .warning),
        ("mode", "4", "TT05-DOC-CODELIST-MODE", .error),
        ("maintenance", "06", "TT05-DOC-RETENTION", .error),
        ("numberOfPage", "sáu", "TT05-DOC-INTEGER-NUMBEROFPAGE", .error),
        ("riskRecovery", "1", "TT05-DOC-RISK-STATUS", .error),
        ("subject", String(repeating: "a", count: 501), "TT05-DOC-LENGTH-SUBJECT", .warning),
        ("organName", String(repeating: "a", count: 201), "TT05-DOC-LENGTH-ORGANNAME", .warning),
    ] as [(String, String?, String, Severity)])
    func rules(element: String, text: String?, expected: String, severity: Severity) throws {
        let findings = try read(TT05Fixtures.documentText(setting: element, to: text)).check(dossier: try dossier())
        #expect(findings.map(\.code) == [expected], "\(findings.map(\.line))")
        #expect(findings.first?.severity == severity)
        #expect(findings.first?.path == name)
    }
}
