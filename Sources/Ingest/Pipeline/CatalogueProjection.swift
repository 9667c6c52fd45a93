import DataManagement
import Foundation
import Metadata

/// Turns the TT05 records and PREMIS events of an AIP into the catalogue's entries (and back, for a
/// SUPPLEMENT that carries documents over). Codes stay as the package gave them.
enum CatalogueProjection {
    /// The dossier's 18 fields (plus arcFileCode).
    static func dossier(_ record: DossierRecord, fileCode: String, arcFileCode: String) -> DossierEntry {
        DossierEntry(
            fileCode: fileCode, arcFileCode: arcFileCode, title: record.title ?? "", maintenance: text(record.maintenance),
            mode: text(record.mode), languages: record.language.map(\.text).filter { !$0.isEmpty },
            startDate: text(record.startDate), endDate: text(record.endDate), keywords: record.keyword,
            totalDoc: record.totalDoc?.value, numberOfPaper: record.numberOfPaper?.value, numberOfPage: record.numberOfPage?.value,
            format: text(record.format), inforSign: nonEmpty(record.inforSign), confidenceLevel: text(record.confidenceLevel),
            paperFileCode: nonEmpty(record.paperFileCode), riskRecovery: flag(record.riskRecovery),
            riskRecoveryStatus: text(record.riskRecoveryStatus), description: nonEmpty(record.description))
    }

    /// A document's 21 fields and its extracted text.
    static func document(_ record: DocumentRecord, fallbackID: String, fullText: String?) -> DocumentEntry {
        DocumentEntry(
            docId: nonEmpty(record.docId) ?? record.code ?? fallbackID, docCode: nonEmpty(record.docCode) ?? nonEmpty(record.arcDocCode),
            maintenance: text(record.maintenance), typeName: text(record.typeName), codeNumber: nonEmpty(record.codeNumber),
            codeNotation: nonEmpty(record.codeNotation), issuedDate: text(record.issuedDate), organName: nonEmpty(record.organName),
            subject: record.subject ?? "", languages: record.language.map(\.text).filter { !$0.isEmpty },
            numberOfPage: record.numberOfPage?.value, inforSign: nonEmpty(record.inforSign), keywords: record.keyword,
            mode: text(record.mode), confidenceLevel: text(record.confidenceLevel), autograph: nonEmpty(record.autograph),
            format: text(record.format), riskRecovery: flag(record.riskRecovery), riskRecoveryStatus: text(record.riskRecoveryStatus),
            process: flag(record.process), description: nonEmpty(record.description),
            fullText: fullText.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 })
    }

    /// A catalogued document back as a TT05 record (a SUPPLEMENT rewrites the documents it keeps).
    static func record(_ entry: DocumentEntry) -> DocumentRecord {
        var record = DocumentRecord()
        record.docId = entry.docId
        record.docCode = entry.docCode
        record.maintenance = entry.maintenance.map { TT05Value(text: $0) }
        record.typeName = entry.typeName.map { TT05Value(text: $0) }
        record.codeNumber = entry.codeNumber
        record.codeNotation = entry.codeNotation
        record.issuedDate = entry.issuedDate.map { TT05Value(text: $0) }
        record.organName = entry.organName
        record.subject = entry.subject
        record.language = entry.languages.map { TT05Value(text: $0) }
        record.numberOfPage = entry.numberOfPage.map { TT05Value(text: String($0)) }
        record.inforSign = entry.inforSign
        record.keyword = entry.keywords
        record.mode = entry.mode.map { TT05Value(text: $0) }
        record.confidenceLevel = entry.confidenceLevel.map { TT05Value(text: $0) }
        record.autograph = entry.autograph
        record.format = entry.format.map { TT05Value(text: $0) }
        record.riskRecovery = entry.riskRecovery.map { TT05Value(text: $0 ? "1" : "0") }
        record.riskRecoveryStatus = entry.riskRecoveryStatus.map { TT05Value(text: $0) }
        record.process = entry.process.map { TT05Value(text: $0 ? "1" : "0") }
        record.description = entry.description
        return record
    }

    /// A PREMIS event of the AIP as the catalogue keeps it.
    static func event(_ event: AIPEvent, agent: AIPAgent) -> EventEntry {
        EventEntry(identifier: event.identifier, type: PremisEventType(rawValue: event.type.rawValue) ?? .validation,
                   dateTime: vietnamTime(event.dateTime), outcome: EventOutcome(rawValue: event.outcome.rawValue) ?? .success,
                   detail: event.detail, outcomeDetail: event.outcomeDetail,
                   linkingObjects: event.linkingObjects.map(\.identifierValue),
                   agent: AgentEntry(identifier: agent.identifier, name: "Kho \(agent.version ?? "")", kind: .software, version: agent.version))
    }

    private static func text<V>(_ value: TT05Value<V>?) -> String? { value.flatMap { $0.text.isEmpty ? nil : $0.text } }
    private static func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
    private static func flag(_ value: TT05Value<TT05Flag>?) -> Bool? {
        guard let text = value?.text, !text.isEmpty else { return nil }
        return text == "1" || text == "01"
    }
}
