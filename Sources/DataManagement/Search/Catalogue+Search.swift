import GRDB

extension Catalogue {
    /// Searches dossiers (hồ sơ) and documents (tài liệu): one FTS5 MATCH of the words AND the filters
    /// (`SearchFacets`), walked newest first and stopped after `query.rankingWindow` matches, each scored
    /// on the way by `kho_rank` (`SearchRank`: exact-diacritic hits first, titles before bodies, the
    /// document's own number before mentions); the best page is sorted in Swift and only its rows are
    /// read back for titles and snippets. No bm25 (its per-query document-frequency pass is what cost
    /// 150 ms on a million documents), no LIKE.
    public func search(_ query: SearchQuery) throws(CatalogueError) -> [SearchHit] {
        let expression = SearchExpression(query.text)
        let filter = SearchFacets.filter(for: query)
        let limit = max(0, query.limit), offset = max(0, query.offset)
        if filter.matchesNothing || limit == 0 { return [] }
        guard let words = expression.match else { return try list(query, filter: filter, limit: limit, offset: offset) }

        let match = ([words] + filter.clauses.map(\.text)).joined(separator: " AND ")
        let kinds = ([expression.phraseKinds] + filter.clauses.map { String(repeating: "X", count: $0.phrases) })
            .joined(separator: "|")
        let window = max(1, query.rankingWindow, offset + limit)
        let join = filter.conditions.isEmpty ? "" : " JOIN search_entries e ON e.id = f.rowid"
        let conditions = filter.conditions.map { " AND " + $0 }.joined()
        // FTS5 walks rowids descending and stops at the window; kho_rank runs on those rows only.
        let candidatesSQL = """
            SELECT f.rowid, \(SearchRank.functionName)(search_fts, ?) FROM search_fts f\(join)
            WHERE search_fts MATCH ?\(conditions)
            ORDER BY f.rowid DESC LIMIT \(window)
            """
        var arguments: [(any DatabaseValueConvertible)?] = [kinds, match]
        arguments += filter.arguments.map { $0 as (any DatabaseValueConvertible)? }
        return try read("search") { db in
            var scored: [(rowid: Int64, score: Double)] = []
            let cursor = try Row.fetchCursor(db, sql: candidatesSQL, arguments: StatementArguments(arguments))
            while let row = try cursor.next() { scored.append((row[0], row[1])) }
            // Best score first; newest first among equals.
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.rowid > $1.rowid }
            let page = scored.dropFirst(offset).prefix(limit)
            guard !page.isEmpty else { return [] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id, e.kind, e.aipObjectID, e.fileCode, e.docId, f.title_exact AS title, f.body_exact AS body,
                       f.title_folded AS titleFolded, f.body_folded AS bodyFolded
                FROM search_entries e JOIN search_fts f ON f.rowid = e.id
                WHERE e.id IN (\(page.map { String($0.rowid) }.joined(separator: ",")))
                """)
            var byID: [Int64: Row] = [:]
            for row in rows { byID[row["id"]] = row }
            let words = expression.highlightWords, prefixes = expression.highlightPrefixes
            return page.compactMap { candidate -> SearchHit? in
                guard let row = byID[candidate.rowid] else { return nil }
                let title: String = row["title"]
                let snippet = Snippet.make(exact: row["body"], folded: row["bodyFolded"], words: words, prefixes: prefixes)
                    ?? Snippet.make(exact: title, folded: row["titleFolded"], words: words, prefixes: prefixes)
                return Self.hit(row, title: title, snippet: snippet, rank: candidate.score)
            }
        }
    }

    /// Filters alone, no words: records in catalogue order (dossier first, then its documents).
    private func list(_ query: SearchQuery, filter: SearchFacets.Filter, limit: Int, offset: Int) throws(CatalogueError) -> [SearchHit] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if query.kinds.count < SearchQuery.Kind.allCases.count {
            let kinds = query.kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
            conditions.append("e.kind IN (\(kinds))")
        }
        if let fonds = query.fondsCode { conditions.append("e.fondsCode = ?"); arguments.append(fonds) }
        if let from = query.yearFrom { conditions.append("e.endYear >= ?"); arguments.append(from) }
        if let to = query.yearTo { conditions.append("e.startYear <= ?"); arguments.append(to) }
        if let type = query.typeName { conditions.append("e.typeName = ?"); arguments.append(type) }
        if let mode = query.mode { conditions.append("e.mode = ?"); arguments.append(mode) }
        let filters = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT e.kind, e.aipObjectID, e.fileCode, e.docId, f.title_exact AS title
            FROM search_entries e JOIN search_fts f ON f.rowid = e.id\(filters)
            ORDER BY e.aipObjectID, e.kind DESC, e.docId
            LIMIT \(limit) OFFSET \(offset)
            """
        return try read("search") { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                Self.hit(row, title: row["title"], snippet: nil, rank: 0)
            }
        }
    }

    private static func hit(_ row: Row, title: String, snippet: String?, rank: Double) -> SearchHit {
        SearchHit(kind: SearchQuery.Kind(rawValue: row["kind"]) ?? .document,
                  aipObjectID: row["aipObjectID"], fileCode: row["fileCode"], docId: row["docId"],
                  title: title, snippet: snippet, rank: rank)
    }
}
