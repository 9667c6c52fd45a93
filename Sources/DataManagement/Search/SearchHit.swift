/// One search result: which dossier (hồ sơ) or document (tài liệu), its title, a snippet, its rank.
public struct SearchHit: Sendable, Hashable, Codable {
    /// Dossier or document.
    public var kind: SearchQuery.Kind
    /// The AIP holding it.
    public var aipObjectID: String
    /// The dossier's fileCode (for a document: its dossier's, if any).
    public var fileCode: String?
    /// The document's docId (nil for a dossier).
    public var docId: String?
    /// Dossier title or document subject (trích yếu).
    public var title: String
    /// A few words around the first match, matches in [brackets]; nil when listing by filters only.
    public var snippet: String?
    /// Relevance, higher is better (`SearchRank`'s score: column weights of the words' best hits); 0 when listing by filters.
    public var rank: Double
}
