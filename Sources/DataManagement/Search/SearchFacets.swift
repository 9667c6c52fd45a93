import Foundation

/// Search filters as FTS5 tokens in the `facets` column of `search_fts` (migration `v3-search-facets`),
/// so a filtered search is ONE FTS5 intersection: FTS5 skips through the words' doclists to the rows of
/// the filter's (short) doclist, instead of walking every match and looking each one up in
/// `search_entries` (a fonds of 1 in 97 made the old join walk ~97 matches per hit).
///
/// Each value is spelled as a letter naming the field and the lower-case hex of its UTF-8 bytes, so no two
/// values share a token whatever they contain (`H49.3` and `H4.93` differ, punctuation survives) and the
/// unicode61 tokenizer keeps the token whole: `f` fonds code, `t` typeName, `m` access mode, `k` kind,
/// `y` + the year in decimal for every year of the record's span (dossier dates, or the issue year).
enum SearchFacets {
    /// Year filters wider than this many years use the exact SQL condition on `search_entries` rather
    /// than an OR of year tokens (one-sided ranges always do).
    static let maxQueryYears = 60
    /// Years outside this range are not spelled as tokens (they cannot be typed as filters either).
    static let years = 0...9999

    /// The facet tokens of one `search_entries` row.
    static func tokens(kind: String, fondsCode: String, startYear: Int?, endYear: Int?, typeName: String?, mode: String?) -> String {
        var tokens = [code("k", kind), code("f", fondsCode)]
        if let typeName { tokens.append(code("t", typeName)) }
        if let mode { tokens.append(code("m", mode)) }
        if let start = startYear ?? endYear, let end = endYear ?? startYear {
            // A reversed span (bad dates) is read as the years between them.
            let low = max(min(start, end), years.lowerBound), high = min(max(start, end), years.upperBound)
            if low <= high { tokens += (low...high).map { "y\($0)" } }
        }
        return tokens.joined(separator: " ")
    }

    /// `prefix` followed by the lower-case hex of `value`'s UTF-8 bytes.
    static func code(_ prefix: String, _ value: String) -> String {
        prefix + value.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// The FTS5 clauses for a query's filters, and the filters left to SQL on `search_entries e`.
    struct Filter {
        /// Clauses over the `facets` column, to AND with the words; each holds one or more phrases.
        var clauses: [(text: String, phrases: Int)] = []
        /// SQL conditions on `search_entries e` (wide or one-sided year ranges) and their arguments.
        var conditions: [String] = []
        var arguments: [Int] = []
        /// No row can match (no kind asked for).
        var matchesNothing = false
    }

    static func filter(for query: SearchQuery) -> Filter {
        var filter = Filter()
        func clause(_ token: String) { filter.clauses.append(("facets : \"\(token)\"", 1)) }
        if query.kinds.isEmpty { filter.matchesNothing = true }
        if query.kinds.count == 1, let kind = query.kinds.first { clause(code("k", kind.rawValue)) }
        if let fonds = query.fondsCode { clause(code("f", fonds)) }
        if let type = query.typeName { clause(code("t", type)) }
        if let mode = query.mode { clause(code("m", mode)) }
        if let from = query.yearFrom, let to = query.yearTo, from <= to, to - from < maxQueryYears,
           years.contains(from), years.contains(to) {
            let tokens = (from...to).map { "facets : \"y\($0)\"" }
            filter.clauses.append((tokens.count == 1 ? tokens[0] : "(" + tokens.joined(separator: " OR ") + ")", tokens.count))
        } else {
            if let from = query.yearFrom { filter.conditions.append("e.endYear >= ?"); filter.arguments.append(from) }
            if let to = query.yearTo { filter.conditions.append("e.startYear <= ?"); filter.arguments.append(to) }
        }
        return filter
    }
}
