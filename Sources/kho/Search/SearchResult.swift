import Foundation
import DataManagement

/// One search hit as `kho search` presents it: the catalogue's hit plus the document number and date
/// an archivist recognises a record by.
struct SearchResult: Encodable {
    /// The `--json` document.
    struct Output: Encodable {
        /// The words as typed.
        var query: String
        /// Number of hits shown.
        var count: Int
        /// The hits, best first.
        var hits: [SearchResult]
    }

    /// `dossier` or `document`.
    var kind: SearchQuery.Kind
    /// The AIP (OCFL object) holding the record.
    var aipObjectID: String
    /// Mã hồ sơ.
    var fileCode: String?
    /// docId, for a document.
    var docId: String?
    /// Dossier title or document abstract (trích yếu).
    var title: String
    /// Số, ký hiệu as written on the document: `12-NQ/ĐU` (Party) or `15/QĐ-BNV` (State).
    var documentNumber: String?
    /// Ngày ban hành for a document; start–end for a dossier.
    var date: String?
    /// Words around the match, matches in [brackets].
    var snippet: String?
    /// Relevance, higher is better.
    var rank: Double

    /// Looks up the number and date of each hit (one catalogue read per AIP).
    static func details(of hits: [SearchHit], in catalogue: Catalogue) throws -> [SearchResult] {
        var documents: [String: [String: Document]] = [:]
        var dossiers: [String: Dossier?] = [:]
        return try hits.map { hit in
            var result = SearchResult(kind: hit.kind, aipObjectID: hit.aipObjectID, fileCode: hit.fileCode,
                                      docId: hit.docId, title: hit.title, snippet: hit.snippet, rank: hit.rank)
            if let docId = hit.docId {
                if documents[hit.aipObjectID] == nil {
                    let rows = try catalogue.documents(aipObjectID: hit.aipObjectID)
                    documents[hit.aipObjectID] = Dictionary(rows.map { ($0.docId, $0) }, uniquingKeysWith: { a, _ in a })
                }
                let document = documents[hit.aipObjectID]?[docId]
                result.documentNumber = document.flatMap { number($0.codeNumber, $0.codeNotation) }
                result.date = document?.issuedDate
            } else {
                if dossiers[hit.aipObjectID] == nil {
                    dossiers[hit.aipObjectID] = .some(try catalogue.dossier(aipObjectID: hit.aipObjectID))
                }
                if let dossier = dossiers[hit.aipObjectID] ?? nil {
                    let range = [dossier.startDate, dossier.endDate].compactMap { $0 }.filter { !$0.isEmpty }
                    result.date = range.isEmpty ? nil : range.joined(separator: " – ")
                }
            }
            return result
        }
    }

    /// Joins Số and Ký hiệu the way each tradition writes them: Party `12` + `NQ/ĐU` → `12-NQ/ĐU`,
    /// State `15` + `QĐ-BNV` → `15/QĐ-BNV`.
    static func number(_ codeNumber: String?, _ codeNotation: String?) -> String? {
        let n = codeNumber?.trimmingCharacters(in: .whitespaces) ?? ""
        let k = codeNotation?.trimmingCharacters(in: .whitespaces) ?? ""
        switch (n.isEmpty, k.isEmpty) {
        case (true, true): return nil
        case (false, true): return n
        case (true, false): return k
        case (false, false): return k.contains("/") ? "\(n)-\(k)" : "\(n)/\(k)"
        }
    }

    /// The hit as lines for a terminal, Vietnamese labels.
    func text(number: Int) -> String {
        let label = kind == .dossier ? "Hồ sơ" : "Tài liệu"
        var lines = ["\(number). [\(label)] \(title)"]
        var facts: [String] = []
        if let fileCode { facts.append("Mã hồ sơ: \(fileCode)") }
        if let documentNumber { facts.append("Số, ký hiệu: \(documentNumber)") }
        if let date { facts.append(kind == .dossier ? "Thời gian: \(date)" : "Ngày: \(date)") }
        if !facts.isEmpty { lines.append("   " + facts.joined(separator: " · ")) }
        if let snippet, !snippet.isEmpty, snippet != title { lines.append("   \(snippet)") }
        lines.append("   AIP: \(aipObjectID)\(docId.map { " · docId: \($0)" } ?? "")")
        return lines.joined(separator: "\n") + "\n"
    }
}
