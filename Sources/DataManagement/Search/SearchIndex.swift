import Foundation
import GRDB

/// The full-text index: one FTS5 table `search_fts` holding, for each dossier (hồ sơ) and document
/// (tài liệu), the title and body twice — as given (NFC; `unicode61 remove_diacritics 0` lower-cases
/// it) and folded by `VietnameseFolding` — plus a column of normalized number tokens (`12nqdu`) and,
/// from `v3-search-facets` on, a column of filter tokens (`SearchFacets`).
/// `search_entries` maps each FTS rowid to its record and carries the filter columns.
enum SearchIndex {
    /// The `v1-search` schema (kept as shipped; `v3-search-facets` rebuilds `search_fts`).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE search_entries (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('dossier', 'document')),
                aipObjectID TEXT NOT NULL,
                docId TEXT,
                fileCode TEXT,
                fondsCode TEXT NOT NULL,
                startYear INTEGER,
                endYear INTEGER,
                typeName TEXT,
                mode TEXT
            ) STRICT;
            CREATE INDEX search_entries_aip ON search_entries(aipObjectID);
            CREATE INDEX search_entries_filters ON search_entries(fondsCode, startYear, endYear);
            CREATE VIRTUAL TABLE search_fts USING fts5(
                title_exact, title_folded, body_exact, body_folded, numbers,
                tokenize = 'unicode61 remove_diacritics 0',
                prefix = '2 3'
            );
            """)
    }

    /// `v3-search-facets`: `search_fts` again with a `facets` column, filled for the rows already there
    /// from `search_entries` (FTS5 cannot add a column, so the table is copied and renamed).
    static func addFacets(_ db: Database) throws {
        db.add(function: DatabaseFunction("kho_search_facets", argumentCount: 6, pure: true) { values in
            SearchFacets.tokens(kind: String.fromDatabaseValue(values[0]) ?? "", fondsCode: String.fromDatabaseValue(values[1]) ?? "",
                                startYear: Int.fromDatabaseValue(values[2]), endYear: Int.fromDatabaseValue(values[3]),
                                typeName: String.fromDatabaseValue(values[4]), mode: String.fromDatabaseValue(values[5]))
        })
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search_fts_v3 USING fts5(
                title_exact, title_folded, body_exact, body_folded, numbers, facets,
                tokenize = 'unicode61 remove_diacritics 0',
                prefix = '2 3'
            );
            INSERT INTO search_fts_v3 (rowid, title_exact, title_folded, body_exact, body_folded, numbers, facets)
                SELECT f.rowid, f.title_exact, f.title_folded, f.body_exact, f.body_folded, f.numbers,
                       kho_search_facets(e.kind, e.fondsCode, e.startYear, e.endYear, e.typeName, e.mode)
                FROM search_fts f JOIN search_entries e ON e.id = f.rowid ORDER BY f.rowid;
            DROP TABLE search_fts;
            ALTER TABLE search_fts_v3 RENAME TO search_fts;
            """)
    }

    /// Indexes a dossier: title; keywords; file codes as number tokens.
    static func add(_ db: Database, dossier: Dossier) throws {
        let start = dossier.startYear ?? dossier.endYear
        let end = dossier.endYear ?? dossier.startYear
        try db.execute(sql: """
            INSERT INTO search_entries (kind, aipObjectID, docId, fileCode, fondsCode, startYear, endYear, typeName, mode)
            VALUES ('dossier', ?, NULL, ?, ?, ?, ?, NULL, ?)
            """, arguments: [dossier.aipObjectID, dossier.fileCode, dossier.fondsCode, start, end, dossier.mode])
        let body = dossier.keywords.joined(separator: "; ")
        let numbers = [dossier.fileCode, dossier.arcFileCode, dossier.paperFileCode]
        let facets = SearchFacets.tokens(kind: SearchQuery.Kind.dossier.rawValue, fondsCode: dossier.fondsCode,
                                         startYear: start, endYear: end, typeName: nil, mode: dossier.mode)
        try insertText(db, rowid: db.lastInsertedRowID, title: dossier.title, body: body, numbers: numbers, facets: facets)
    }

    /// Indexes a document: subject; number and notation, issuer, keywords, extracted text; numbers.
    /// Filters come from its dossier (fonds, years) and itself (type, mode).
    static func add(_ db: Database, document: Document, fullText: String?, dossier: Dossier?) throws {
        let start = dossier?.startYear ?? dossier?.endYear ?? document.issuedYear
        let end = dossier?.endYear ?? dossier?.startYear ?? document.issuedYear
        try db.execute(sql: """
            INSERT INTO search_entries (kind, aipObjectID, docId, fileCode, fondsCode, startYear, endYear, typeName, mode)
            VALUES ('document', ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [document.aipObjectID, document.docId, dossier?.fileCode, document.fondsCode,
                             start, end, document.typeName, document.mode])
        let number = [document.codeNumber, document.codeNotation].compactMap { $0 }.joined(separator: " ")
        let body = ([number, document.organName ?? ""] + document.keywords + [fullText ?? ""])
            .filter { !$0.isEmpty }.joined(separator: "\n")
        let numbers = [
            (document.codeNumber ?? "") + (document.codeNotation ?? ""), document.codeNotation,
            document.docId, document.docCode,
        ]
        let facets = SearchFacets.tokens(kind: SearchQuery.Kind.document.rawValue, fondsCode: document.fondsCode,
                                         startYear: start, endYear: end, typeName: document.typeName, mode: document.mode)
        try insertText(db, rowid: db.lastInsertedRowID, title: document.subject, body: body, numbers: numbers, facets: facets)
    }

    static func insertText(_ db: Database, rowid: Int64, title: String, body: String, numbers: [String?], facets: String) throws {
        let tokens = numbers.compactMap { $0 }.map(VietnameseFolding.numberToken).filter { !$0.isEmpty }
        try db.execute(sql: """
            INSERT INTO search_fts (rowid, title_exact, title_folded, body_exact, body_folded, numbers, facets)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                rowid,
                title.precomposedStringWithCanonicalMapping, VietnameseFolding.fold(title),
                body.precomposedStringWithCanonicalMapping, VietnameseFolding.fold(body),
                tokens.joined(separator: " "), facets,
            ])
    }

    /// Removes an AIP's entries from the index.
    static func delete(_ db: Database, aipObjectID: String) throws {
        try db.execute(sql: """
            DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_entries WHERE aipObjectID = ?)
            """, arguments: [aipObjectID])
        try db.execute(sql: "DELETE FROM search_entries WHERE aipObjectID = ?", arguments: [aipObjectID])
    }

    /// Entries and their indexed text by natural key (no rowids), for `tableSnapshots()`.
    static let snapshotSQL = """
        SELECT e.kind, e.aipObjectID, e.docId, e.fileCode, e.fondsCode, e.startYear, e.endYear, e.typeName, e.mode,
               f.title_exact, f.title_folded, f.body_exact, f.body_folded, f.numbers, f.facets
        FROM search_entries e JOIN search_fts f ON f.rowid = e.id
        ORDER BY e.aipObjectID, e.kind, e.docId
        """
}
