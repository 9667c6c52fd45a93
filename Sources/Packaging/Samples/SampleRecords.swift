import Foundation
import KhoCore
import Metadata

/// The TT05 fields of one sample record, in the order the generator writes them.
///
/// Written as the flat `<simpledc>` element real packages carry (no namespace, one child per field).
struct SampleRecord: Sendable {
    /// (element name, value) pairs.
    var fields: [(String, String)]

    /// The record as an `EAD.xml` / `EAD_doc_….xml` document.
    var xml: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<simpledc>\n"
        for (name, value) in fields {
            out += value.isEmpty ? "  <\(name)/>\n" : "  <\(name)>\(MarkupText.escape(value))</\(name)>\n"
        }
        return out + "</simpledc>\n"
    }

    /// The value of a field, if present.
    subscript(_ name: String) -> String? {
        fields.first { $0.0 == name }?.1
    }
}

/// One generated document (tài liệu): its record and the lines of its PDF text layer.
struct SampleDocument: Sendable {
    var docId: String
    var record: SampleRecord
    var lines: [String]
    var title: String
    var issuedDate: CivilDate
}

/// One generated dossier (hồ sơ) with its documents.
struct SampleDossier: Sendable {
    var fileCode: String
    var title: String
    var agency: SampleVocabulary.Agency
    var record: SampleRecord
    var documents: [SampleDocument]
}

extension SampleDossier {
    /// A dossier of `count` documents drawn from `random`.
    static func make(count: Int, random: inout SeededGenerator) -> SampleDossier {
        let agency = random.pick(SampleVocabulary.agencies)
        let year = random.int(2001...2024)
        let number = random.int(1...400)
        let fileCode = "\(agency.code).\(year).\(number)"
        let title = fill(random.pick(SampleVocabulary.dossierTitles), agency: agency, year: year)
        let digitized = random.int(0...2) == 0
        var documents: [SampleDocument] = []
        var pages = 0
        var firstDay = CivilDate.days(year: year, month: 12, day: 31)
        var lastDay = CivilDate.days(year: year, month: 1, day: 1)
        var codeNumber = random.int(1...40)
        // A dossier takes its strictest document's access regime.
        var strictestMode = "01"
        for ordinal in 1...max(count, 1) where count > 0 {
            let type = random.pick(SampleVocabulary.documentTypes)
            codeNumber += random.int(1...6)
            let day = CivilDate.days(year: year, month: 1, day: 1) + random.int(0...364)
            firstDay = min(firstDay, day)
            lastDay = max(lastDay, day)
            let issued = CivilDate(daysSinceEpoch: day)
            let subject = fill(random.pick(SampleVocabulary.subjects), agency: agency, year: year)
            let notation = "\(type.abbreviation)/\(agency.issuer)"
            let docId = "\(fileCode).\(ordinal)"
            let ordinalText = String(ordinal)
            let docCode = "\(fileCode)." + String(repeating: "0", count: max(0, 7 - ordinalText.count)) + ordinalText
            var lines = [
                "ĐẢNG CỘNG SẢN VIỆT NAM",
                agency.name.uppercased(),
                "Số \(codeNumber)-\(notation)",
                "\(agency.place), ngày \(issued.day) tháng \(issued.month) năm \(issued.year)",
                "",
                type.heading,
                subject,
                "",
            ]
            for _ in 0..<random.int(4...12) { lines.append(random.pick(SampleVocabulary.bodySentences)) }
            lines += ["", "T/M BAN CHẤP HÀNH", "BÍ THƯ", random.pick(SampleVocabulary.signers)]
            let pageCount = 1 + lines.count / PDFWriter.linesPerPage
            pages += pageCount
            let riskRecovery = random.int(0...1)
            let mode = random.pick(["01", "01", "02"])
            strictestMode = max(strictestMode, mode)
            let record = SampleRecord(fields: [
                ("docId", docId),
                ("docCode", docCode),
                ("maintenance", "01"),
                ("typeName", type.code),
                ("codeNumber", String(codeNumber)),
                ("codeNotation", notation),
                ("issuedDate", issued.vietnamese),
                ("organName", agency.name),
                ("subject", subject),
                ("language", "01"),
                ("numberOfPage", String(pageCount)),
                ("inforSign", ""),
                ("keyword", random.pick(SampleVocabulary.keywords)),
                ("mode", mode),
                ("confidenceLevel", digitized ? "02" : "01"),
                ("autograph", ""),
                ("format", "01"),
                ("riskRecovery", String(riskRecovery)),
                ("riskRecoveryStatus", riskRecovery == 1 ? "01" : ""),
                ("process", digitized ? "0" : "1"),
                ("description", ""),
            ])
            documents.append(SampleDocument(docId: docId, record: record, lines: lines,
                                            title: "\(type.heading) \(codeNumber)-\(notation)", issuedDate: issued))
        }
        if documents.isEmpty { firstDay = CivilDate.days(year: year, month: 1, day: 1); lastDay = firstDay }
        let riskRecovery = random.int(0...1)
        let record = SampleRecord(fields: [
            ("fileCode", fileCode),
            ("title", title),
            ("maintenance", "01"),
            ("mode", strictestMode),
            ("language", "01"),
            ("startDate", CivilDate(daysSinceEpoch: firstDay).vietnamese),
            ("endDate", CivilDate(daysSinceEpoch: lastDay).vietnamese),
            ("keyword", random.pick(SampleVocabulary.keywords)),
            ("totalDoc", String(documents.count)),
            ("numberOfPaper", digitized ? String(pages) : "0"),
            ("numberOfPage", String(pages)),
            ("format", "01"),
            ("inforSign", ""),
            ("confidenceLevel", digitized ? "02" : "01"),
            ("paperFileCode", digitized ? "\(agency.code).K\(random.int(1...9)).\(random.int(10...99)).\(number)" : ""),
            ("riskRecovery", String(riskRecovery)),
            ("riskRecoveryStatus", riskRecovery == 1 ? "01" : ""),
            ("description", "Hồ sơ mẫu do Kho tạo để kiểm thử / sample dossier generated by Kho"),
        ])
        return SampleDossier(fileCode: fileCode, title: title, agency: agency, record: record, documents: documents)
    }

    private static func fill(_ template: String, agency: SampleVocabulary.Agency, year: Int) -> String {
        template.replacingOccurrences(of: "%AGENCY%", with: agency.name)
            .replacingOccurrences(of: "%PLACE%", with: agency.place)
            .replacingOccurrences(of: "%YEAR%", with: String(year))
    }
}
