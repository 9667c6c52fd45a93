import GRDB

extension Catalogue {
    /// Searches dossiers (hồ sơ) and documents (tài liệu): FTS5 MATCH on the Vietnamese-folded index,
    /// filters on indexed columns, bm25 ranking with exact-diacritic hits first; no LIKE scans.
    /// At most `query.rankingWindow` matches are scored (see there), which bounds the cost of a search.
    public func search(_ query: SearchQuery) throws(CatalogueError) -> [SearchHit] {
        let expression = SearchExpression(query.text)
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if query.kinds.count < SearchQuery.Kind.allCases.count {
            let kinds = query.kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
            conditions.append("e.kind IN (\(kinds.isEmpty ? "NULL" : kinds))")
        }
        if let fonds = query.fondsCode { conditions.append("e.fondsCode = ?"); arguments.append(fonds) }
        if let from = query.yearFrom { conditions.append("e.endYear >= ?"); arguments.append(from) }
        if let to = query.yearTo { conditions.append("e.startYear <= ?"); arguments.append(to) }
        if let type = query.typeName { conditions.append("e.typeName = ?"); arguments.append(type) }
        if let mode = query.mode { conditions.append("e.mode = ?"); arguments.append(mode) }
        let limit = max(0, query.limit), offset = max(0, query.offset)

        let filters = conditions.map { " AND " + $0 }.joined()
        // Probe: the newest matches by rowid, no scoring (FTS5 walks rowids descending and stops).
        let window = max(1, query.rankingWindow)
        let probeSQL = """
            SELECT f.rowid FROM search_fts f JOIN search_entries e ON e.id = f.rowid
            WHERE search_fts MATCH ?\(filters)
            ORDER BY f.rowid DESC LIMIT \(window + 1)
            """
        let sql: String
        if let match = expression.match {
            arguments.insert(match, at: 0)
            sql = """
                SELECT e.kind, e.aipObjectID, e.fileCode, e.docId, f.title_exact AS title, f.body_exact AS body,
                       f.title_folded AS titleFolded, f.body_folded AS bodyFolded,
                       -bm25(search_fts, \(SearchIndex.weights)) AS rank
                FROM search_fts f JOIN search_entries e ON e.id = f.rowid
                WHERE search_fts MATCH ?\(filters) AND f.rowid >= ?
                ORDER BY bm25(search_fts, \(SearchIndex.weights)), e.id
                LIMIT \(limit) OFFSET \(offset)
                """
        } else {
            let filters = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            sql = """
                SELECT e.kind, e.aipObjectID, e.fileCode, e.docId, f.title_exact AS title, NULL AS body, 0.0 AS rank
                FROM search_entries e JOIN search_fts f ON f.rowid = e.id\(filters)
                ORDER BY e.aipObjectID, e.kind DESC, e.docId
                LIMIT \(limit) OFFSET \(offset)
                """
        }
        return try read("search") { db in
            var arguments = arguments
            if expression.match != nil {
                let newest = try Int64.fetchAll(db, sql: probeSQL, arguments: StatementArguments(arguments))
                arguments.append(newest.count > window ? newest[window - 1] : Int64.min)
            }
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let title: String = row["title"]
                var snippet: String?
                if expression.match != nil {
                    let words = expression.highlightWords, prefixes = expression.highlightPrefixes
                    snippet = Snippet.make(exact: row["body"], folded: row["bodyFolded"], words: words, prefixes: prefixes)
                        ?? Snippet.make(exact: title, folded: row["titleFolded"], words: words, prefixes: prefixes)
                }
                return SearchHit(
                    kind: SearchQuery.Kind(rawValue: row["kind"]) ?? .document,
                    aipObjectID: row["aipObjectID"], fileCode: row["fileCode"], docId: row["docId"],
                    title: title, snippet: snippet, rank: row["rank"])
            }
        }
    }
}
