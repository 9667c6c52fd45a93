/// A catalogue search: words (with or without diacritics), document numbers as typed, and filters.
public struct SearchQuery: Sendable, Hashable {
    /// What to look for in dossiers (hồ sơ) or documents (tài liệu).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Hồ sơ.
        case dossier
        /// Tài liệu.
        case document
    }

    /// The words typed: `dang uy xa tan lap`, `Hà Lộc`, `12-NQ/ĐU`; a trailing `*` makes the word a prefix.
    /// Empty text lists by filters alone.
    public var text: String
    /// Only this fonds (mã phông).
    public var fondsCode: String?
    /// Only records whose dossier dates reach this year or later.
    public var yearFrom: Int?
    /// Only records whose dossier dates begin this year or earlier.
    public var yearTo: Int?
    /// Only documents of this type (typeName code, e.g. `01` Nghị quyết).
    public var typeName: String?
    /// Only records with this access regime (mode code).
    public var mode: String?
    /// Dossiers, documents or both.
    public var kinds: Set<Kind>
    /// At most this many hits.
    public var limit: Int
    /// Skip this many hits (paging).
    public var offset: Int
    /// At most this many matches are scored for relevance (at least `offset + limit`). When more match
    /// (a query like "dang uy" matches nearly every record of a Party archive), the newest
    /// `rankingWindow` matches, by catalogue order, are ranked and the older ones are not returned at all:
    /// an older record with a better score (an exact-diacritic title hit, say) is missed until the query
    /// is narrowed (more words, a filter) or the window raised. Below the window nothing is missed. This
    /// bounds a search's cost by the window, not by the catalogue (see DataManagement's README).
    public var rankingWindow: Int

    /// A query; every filter is optional.
    public init(_ text: String, fondsCode: String? = nil, yearFrom: Int? = nil, yearTo: Int? = nil,
                typeName: String? = nil, mode: String? = nil, kinds: Set<Kind> = Set(Kind.allCases),
                limit: Int = 20, offset: Int = 0, rankingWindow: Int = 2_000) {
        self.text = text
        self.fondsCode = fondsCode
        self.yearFrom = yearFrom
        self.yearTo = yearTo
        self.typeName = typeName
        self.mode = mode
        self.kinds = kinds
        self.limit = limit
        self.offset = offset
        self.rankingWindow = rankingWindow
    }
}
