import Foundation
import KhoCore
import Testing
@testable import Metadata

@Suite("TT05 dossier record (hồ sơ)")
struct DossierRecordTests {
    func read(_ text: String, name: String = "SIP/metadata/descriptive/EAD.xml") throws -> DossierRecord {
        DossierRecord(reading: try TT05Fixtures.document(text, name: name))
    }

    func codes(_ findings: [Finding]) -> [String] { findings.map(\.code) }

    @Test func readsARealisticRecordInAnyOrder() throws {
        let record = try read(TT05Fixtures.dossierXML)
        #expect(record.fileCode == "H49.64.33.2001.160")
        #expect(record.code == "H49.64.33.2001.160")
        #expect(record.title?.hasPrefix("Hồ sơ Hội nghị") == true)
        #expect(record.maintenance?.value == .permanent)
        #expect(record.mode?.value == .open)
        #expect(record.language.map(\.value) == [.vietnamese])
        #expect(record.startDate?.value == TT05Date(day: 5, month: 1, year: 2001))
        #expect(record.keyword == ["Hội nghị", "Ban Chấp hành"])
        #expect(record.totalDoc?.value == 2)
        #expect(record.format?.value == .normal)
        #expect(record.inforSign == "")
        #expect(record.confidenceLevel?.value == .digitized)
        #expect(record.riskRecovery?.value == TT05Flag.no)
        #expect(record.riskRecoveryStatus?.isEmpty == true)
        #expect(record.source?.elements["title"]?.xpath == "/simpledc/title[1]")
        #expect(record.source?.elements["title"]?.line == 3)
        #expect(record.check().isEmpty, "\(record.check().map(\.line))")
    }

    @Test func writesTheSameXMLBackAndItValidatesAgainstKhoSchema() throws {
        let record = try read(TT05Fixtures.dossierXML)
        let data = try record.xmlData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<fileCode>H49.64.33.2001.160</fileCode>"))
        #expect(text.contains("<inforSign/>"))
        #expect(text.contains("<keyword>Hội nghị; Ban Chấp hành</keyword>"))
        let document = try XMLDocument.parse(data: data, sourceName: "EAD.xml")
        var again = DossierRecord(reading: document)
        again.source = nil
        var original = record
        original.source = nil
        #expect(again == original)
        #expect(try TT05Schemas.dossier().validate(document).isEmpty)
        #expect(try TT05Schemas.dossier().validate(try TT05Fixtures.document(TT05Fixtures.dossierXML, name: "EAD.xml")).isEmpty)
    }

    @Test func aRecordBuiltInCodeIsWrittenWithEveryField() throws {
        var record = DossierRecord()
        record.arcFileCode = "LTĐ.H49.64.33.2001.160"
        record.title = "Hồ sơ"
        record.maintenance = .init(.permanent)
        record.mode = .init(.conditional)
        record.language = [.init(.vietnamese), .init(.french)]
        record.startDate = .init(try #require(TT05Date(tt05Text: "2001")))
        record.endDate = .init(try #require(TT05Date(tt05Text: "12/2001")))
        record.totalDoc = .init(3)
        record.confidenceLevel = .init(.bornDigital)
        let writer = XMLStreamWriter(inMemoryNamed: "EAD.xml")
        try writer.startDocument()
        try record.write(to: writer)
        let data = try writer.finishData()
        let document = try XMLDocument.parse(data: data, sourceName: "EAD.xml")
        #expect(document.root.children.count == 18)
        #expect(document.root.firstChild(named: "fileCode") == nil)
        #expect(document.root.firstChild(named: "language")?.text == "01, 03")
        #expect(try TT05Schemas.dossier().validate(document).isEmpty)
        #expect(record.check(options: .aip).isEmpty, "\(record.check(options: .aip).map(\.line))")
        #expect(codes(record.check(options: .sip)).contains("TT05-DOS-DATE-PRECISION-STARTDATE"))
        #expect(DossierRecord(reading: document).language.map(\.value) == [.vietnamese, .french])
    }

    @Test func codeListViolationNamesFieldFileAndXPath() throws {
        let record = try read(TT05Fixtures.dossier(setting: "mode", to: "04"))
        let finding = try #require(record.check().first { $0.code == "TT05-DOS-CODELIST-MODE" })
        #expect(finding.severity == .error)
        #expect(finding.path == "SIP/metadata/descriptive/EAD.xml")
        #expect(finding.location == "/simpledc/mode[1] (line 6)")
        #expect(finding.message.vi.hasPrefix("Chế độ sử dụng (mode): giá trị '04' không có trong bảng mã"))
        #expect(finding.message.en.hasPrefix("access regime (mode): value '04' is not in the code list (01, 02, 03)"))
        #expect(!(try TT05Schemas.dossier().validate(try TT05Fixtures.document(TT05Fixtures.dossier(setting: "mode", to: "04"), name: "EAD.xml")).isEmpty))
    }

    @Test(arguments: [
        ("title", nil, "TT05-DOS-REQUIRED-TITLE"),
        ("title", "   ", "TT05-DOS-REQUIRED-TITLE"),
        ("fileCode", nil, "TT05-DOS-REQUIRED-FILECODE"),
        ("maintenance", "", "TT05-DOS-REQUIRED-MAINTENANCE"),
        ("language", nil, "TT05-DOS-REQUIRED-LANGUAGE"),
        ("language", "01, 12", "TT05-DOS-CODELIST-LANGUAGE"),
        ("startDate", "2001-01-05", "TT05-DOS-DATE-STARTDATE"),
        ("endDate", "31/02/2001", "TT05-DOS-DATE-ENDDATE"),
        ("totalDoc", "hai", "TT05-DOS-INTEGER-TOTALDOC"),
        ("format", "9", "TT05-DOS-CODELIST-FORMAT"),
        ("riskRecovery", "2", "TT05-DOS-CODELIST-RISKRECOVERY"),
        ("maintenance", "04", "TT05-DOS-RETENTION"),
        ("endDate", "04/01/2001", "TT05-DOS-DATE-ORDER"),
        ("paperFileCode", nil, "TT05-DOS-PAPERCODE"),
        ("paperFileCode", "", "TT05-DOS-PAPERCODE"),
        ("riskRecovery", "1", "TT05-DOS-RISK-STATUS"),
    ] as [(String, String?, String)])
    func errorRules(element: String, text: String?, expected: String) throws {
        let findings = try read(TT05Fixtures.dossier(setting: element, to: text)).check()
        let finding = try #require(findings.first { $0.code == expected }, "\(findings.map(\.line))")
        #expect(finding.severity == .error)
        #expect(finding.path == "SIP/metadata/descriptive/EAD.xml")
        #expect(finding.location?.hasPrefix("/simpledc") == true)
        #expect(!finding.message.vi.isEmpty && !finding.message.en.isEmpty)
    }

    @Test func missingElementIsLocatedAtTheRoot() throws {
        let finding = try #require(try read(TT05Fixtures.dossier(setting: "title", to: nil)).check().first)
        #expect(finding.code == "TT05-DOS-REQUIRED-TITLE")
        #expect(finding.location == "/simpledc (line 2)")
        #expect(finding.message.vi == "Tiêu đề hồ sơ (title): trường bắt buộc bị thiếu")
        #expect(finding.message.en == "dossier title (title): required field is missing")
    }

    @Test func lengthsOverTheMaximaAreWarningsOnly() throws {
        let long = String(repeating: "Hồ sơ ", count: 200)
        let findings = try read(TT05Fixtures.dossier(setting: "title", to: long)).check()
        #expect(findings.map(\.code) == ["TT05-DOS-LENGTH-TITLE"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.isValid)
        #expect(findings.first?.message.en.contains("over the maximum of 1000") == true)
        #expect(try read(TT05Fixtures.dossier(setting: "inforSign", to: String(repeating: "x", count: 31))).check().map(\.code) == ["TT05-DOS-LENGTH-INFORSIGN"])
    }

    @Test func retentionIsOnlyAnErrorForTheHistoricalArchive() throws {
        let record = try read(TT05Fixtures.dossier(setting: "maintenance", to: "04"))
        let finding = try #require(record.check().first)
        #expect(finding.code == "TT05-DOS-RETENTION")
        #expect(finding.message.vi.contains("30 năm"))
        #expect(finding.location == "/simpledc/maintenance[1] (line 5)")
        #expect(record.check(options: TT05CheckOptions(historicalArchive: false)).isEmpty)
    }

    @Test func conditionalFieldsAndFormats() throws {
        let status = try read(TT05Fixtures.dossier(setting: "riskRecovery", to: "1")
            .replacingOccurrences(of: "<riskRecoveryStatus/>", with: "<riskRecoveryStatus>01</riskRecoveryStatus>"))
        #expect(status.check().isEmpty)
        let bornDigital = try read(TT05Fixtures.replace(in: TT05Fixtures.dossier(setting: "confidenceLevel", to: "01"), element: "paperFileCode", with: nil))
        #expect(bornDigital.check().isEmpty, "no paper original, no paperFileCode needed")
        let badPaper = try read(TT05Fixtures.dossier(setting: "paperFileCode", to: "160"))
        #expect(codes(badPaper.check()) == ["TT05-DOS-FORMAT-PAPERFILECODE"])
        let noYear = try read(TT05Fixtures.dossier(setting: "fileCode", to: "H49.64.33.160"))
        #expect(codes(noYear.check()) == ["TT05-DOS-FORMAT-FILECODE"])
        let partial = try read(TT05Fixtures.dossier(setting: "startDate", to: "2001"))
        #expect(codes(partial.check()) == ["TT05-DOS-DATE-PRECISION-STARTDATE"])
        #expect(partial.check(options: .aip).isEmpty)
    }

    @Test func structuralVariantsAreReportedNotFatal() throws {
        let text = TT05Fixtures.dossierXML
            .replacingOccurrences(of: "<mode>01</mode>", with: "<mode>01</mode><mode>02</mode><agencyName>UBND</agencyName>")
        let record = try read(text)
        #expect(record.mode?.value == .open, "the first value is used")
        let found = codes(record.check())
        #expect(found.contains("TT05-DOS-DUPLICATE-MODE"))
        #expect(found.contains("TT05-DOS-UNKNOWN-ELEMENT"))
        #expect(record.check().first { $0.code == "TT05-DOS-DUPLICATE-MODE" }?.severity == .error)

        let wrongRoot = try read("<ead xmlns=\"urn:isbn:1-931666-22-9\"><title>x</title></ead>")
        let rootCodes = codes(wrongRoot.check())
        #expect(rootCodes.contains("TT05-DOS-ROOT"))
        #expect(rootCodes.contains("TT05-DOS-NAMESPACE"))
        #expect(wrongRoot.title == "x", "fields are still read tolerantly")
    }

    @Test func toleratesBOMCRLFAndUTF16() throws {
        let crlf = TT05Fixtures.dossierXML.replacingOccurrences(of: "\n", with: "\r\n")
        let withBOM = Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8)
        let record = DossierRecord(reading: try XMLDocument.parse(data: withBOM, sourceName: "EAD.xml"))
        #expect(record.title?.hasPrefix("Hồ sơ Hội nghị") == true)
        #expect(record.check().isEmpty)
        #expect(record.source?.elements["mode"]?.line == 6)

        let utf16Text = TT05Fixtures.dossierXML.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var utf16 = Data([0xFF, 0xFE])
        for unit in utf16Text.utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        let fromUTF16 = DossierRecord(reading: try XMLDocument.parse(data: utf16, sourceName: "EAD-utf16.xml"))
        #expect(fromUTF16.title == record.title)
    }

    @Test func totalDocHelperComparesWithDocumentsPresent() throws {
        let record = try read(TT05Fixtures.dossierXML)
        #expect(record.checkDocumentCount(2) == nil)
        let finding = try #require(record.checkDocumentCount(3))
        #expect(finding.code == "TT05-DOS-TOTALDOC")
        #expect(finding.message.vi == "Tổng số tài liệu (totalDoc) ghi 2 nhưng gói có 3 tài liệu")
        #expect(finding.location == "/simpledc/totalDoc[1] (line 11)")
    }
}
