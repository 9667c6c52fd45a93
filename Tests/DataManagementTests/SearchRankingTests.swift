import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// The ranking (`kho_rank`) and the filters as FTS5 tokens (`v3-search-facets`).
@Suite struct SearchRankingTests {
    static func catalogue(_ documents: [DocumentEntry], fonds: String = "F1", dossier: DossierEntry? = nil,
                          in dir: TemporaryDirectory, id: String = "rank") throws -> Catalogue {
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        try catalogue.record(aip: AIPEntry(objectID: "urn:uuid:\(id)", version: 1, created: "2026-06-12T11:46:02+07:00",
                                           fonds: FondsEntry(code: fonds, name: "Phông"), dossier: dossier, documents: documents))
        return catalogue
    }

    @Test func exactWordsAnywhereBeatFoldedTitlesAndTitlesBeatBodies() throws {
        let dir = try TemporaryDirectory()
        // Recorded oldest first, so newest-first order alone would put them the other way round.
        let catalogue = try Self.catalogue([
            DocumentEntry(docId: "exact-body", subject: "Biên bản họp", fullText: "Ý kiến của Đảng ủy xã Hà Lộc."),
            DocumentEntry(docId: "folded-title", subject: "Biên bản họp Dang uy xa Ha Loc"),
            DocumentEntry(docId: "folded-body", subject: "Biên bản họp", fullText: "Dang uy xa Ha Loc"),
        ], in: dir)
        let typed = try catalogue.search(SearchQuery("Đảng ủy xã Hà Lộc"))
        #expect(typed.map(\.docId) == ["exact-body", "folded-title", "folded-body"])
        #expect(typed[0].rank > typed[1].rank && typed[1].rank > typed[2].rank)
        // Without diacritics there is nothing exact to prefer: the title hit first, then newest first.
        #expect(try catalogue.search(SearchQuery("dang uy xa ha loc")).map(\.docId) == ["folded-title", "folded-body", "exact-body"])
    }

    /// Same words, same columns: the row holding them side by side and in the typed order comes first
    /// (the communes Hà Lộc and Lộc Hà share both syllables); the newest breaks the remaining ties.
    @Test func wordsSideBySideInTypedOrderBreakTies() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.catalogue([
            DocumentEntry(docId: "ha-loc", subject: "Báo cáo của Đảng ủy xã Hà Lộc"),
            DocumentEntry(docId: "loc-ha", subject: "Báo cáo của Đảng ủy xã Lộc Hà"),
            DocumentEntry(docId: "apart", subject: "Báo cáo về Hà Tĩnh và Đồng Lộc"),
        ], in: dir)
        #expect(try catalogue.search(SearchQuery("Hà Lộc")).map(\.docId) == ["ha-loc", "apart", "loc-ha"])
        #expect(try catalogue.search(SearchQuery("loc ha")).map(\.docId) == ["loc-ha", "apart", "ha-loc"])
        let ranks = try catalogue.search(SearchQuery("Hà Lộc")).map(\.rank)
        // The bonus only orders equals: it never lifts a row by a whole column weight.
        #expect(ranks[0] - ranks[2] < 1 && ranks[0] > ranks[1] && ranks[1] == ranks[2])
    }

    @Test func aDocumentsOwnNumberRanksAboveTextMentioningIt() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.catalogue([
            DocumentEntry(docId: "own", codeNumber: "12", codeNotation: "NQ/ĐU", subject: "Nghị quyết về kinh tế"),
            DocumentEntry(docId: "mention", subject: "Kế hoạch", fullText: "Thực hiện Nghị quyết số 12-NQ/ĐU của Đảng ủy."),
        ], in: dir)
        #expect(try catalogue.search(SearchQuery("12-NQ/ĐU")).map(\.docId) == ["own", "mention"])
    }

    /// `kho_rank` reads one kind byte per phrase: with a number, a word typed with diacritics and filters
    /// (fonds, a year range as OR'ed tokens) in one query, the weights still land on the right phrases.
    @Test func mixedQueriesScoreEachPhraseByItsKind() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.catalogue([
            DocumentEntry(docId: "exact", codeNumber: "12", codeNotation: "NQ/ĐU", subject: "Nghị quyết xã Hà Lộc"),
            DocumentEntry(docId: "folded", codeNumber: "12", codeNotation: "NQ/ĐU", subject: "Nghị quyết xã Hạ Lộc"),
            DocumentEntry(docId: "mention", subject: "Báo cáo xã Hà Lộc", fullText: "Theo Nghị quyết 12-NQ/ĐU."),
        ], fonds: "F3", dossier: DossierEntry(fileCode: "F3.2001", title: "Hồ sơ năm 2001", startDate: "2001", endDate: "2002"),
           in: dir)
        let query = SearchQuery("12-NQ/ĐU Hà", fondsCode: "F3", yearFrom: 2000, yearTo: 2003, kinds: [.document])
        let hits = try catalogue.search(query)
        #expect(hits.map(\.docId) == ["exact", "folded", "mention"])
        // own number 10 + its words in the body 1, exact "hà" in the title 8 + folded 3 = 22; "Hạ": folded 3 only.
        #expect(hits.map(\.rank).map { $0.rounded(.down) } == [22, 14, 12])
    }

    @Test func filterTokensNeverConfuseCodesThatFoldAlike() throws {
        let dir = try TemporaryDirectory()
        // As number tokens both codes would read "h493"; as facet tokens they differ.
        let catalogue = try Self.catalogue([DocumentEntry(docId: "a", subject: "Báo cáo năm", mode: "01")],
                                           fonds: "H49.3", in: dir, id: "a")
        try catalogue.record(aip: AIPEntry(objectID: "urn:uuid:b", version: 1, created: "2026-06-12T11:46:02+07:00",
                                           fonds: FondsEntry(code: "H4.93", name: "Phông"), dossier: nil,
                                           documents: [DocumentEntry(docId: "b", subject: "Báo cáo năm", mode: "1")]))
        #expect(try catalogue.search(SearchQuery("bao cao", fondsCode: "H49.3")).map(\.docId) == ["a"])
        #expect(try catalogue.search(SearchQuery("bao cao", fondsCode: "H4.93")).map(\.docId) == ["b"])
        #expect(try catalogue.search(SearchQuery("bao cao", fondsCode: "h49.3")).isEmpty)
        #expect(try catalogue.search(SearchQuery("bao cao", mode: "1")).map(\.docId) == ["b"])
        #expect(try catalogue.search(SearchQuery("bao cao", kinds: [.dossier])).isEmpty)
        #expect(try catalogue.search(SearchQuery("bao cao", kinds: [])).isEmpty)
    }

    /// Narrow year ranges are FTS5 year tokens, wide and one-sided ones SQL on `search_entries`: both agree.
    @Test func yearTokensAndYearConditionsAgree() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        let spans = [(1930, 1930), (1945, 1954), (1975, 1976), (2001, 2005), (2024, 2024)]
        for (n, span) in spans.enumerated() {
            try catalogue.record(aip: AIPEntry(
                objectID: "urn:uuid:y\(n)", version: 1, created: "2026-06-12T11:46:02+07:00",
                fonds: FondsEntry(code: "F1", name: "Phông"),
                dossier: DossierEntry(fileCode: "F1.\(n)", title: "Hồ sơ hội nghị", startDate: "\(span.0)", endDate: "\(span.1)"),
                documents: [DocumentEntry(docId: "F1.\(n).1", subject: "Nghị quyết hội nghị")]))
        }
        func found(_ from: Int?, _ to: Int?) throws -> Set<String> {
            Set(try catalogue.search(SearchQuery("hoi nghi", yearFrom: from, yearTo: to, limit: 100)).map(\.aipObjectID))
        }
        func expected(_ from: Int?, _ to: Int?) -> Set<String> {
            Set(spans.enumerated().filter { _, span in span.1 >= (from ?? .min) && span.0 <= (to ?? .max) }.map { "urn:uuid:y\($0.offset)" })
        }
        for (from, to) in [(1950, 1950), (1946, 1975), (1900, 2030), (1955, 1974), (2005, 2024), (nil, 1945), (2002, nil), (1976, 1976)] {
            #expect(try found(from, to) == expected(from, to), "\(String(describing: from))–\(String(describing: to))")
        }
        #expect(try found(1950, 1950) == ["urn:uuid:y1"])
        #expect(try found(2010, 2000).isEmpty)
    }

    /// A catalogue made before `v3-search-facets` gets its facets on opening, for the rows it holds.
    @Test func theFacetsMigrationFillsAnExistingCatalogue() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("kho.sqlite").path
        let catalogue = try Self.catalogue([
            DocumentEntry(docId: "F7.1", typeName: "08", subject: "Báo cáo tổng kết", mode: "02"),
            DocumentEntry(docId: "F7.2", typeName: "01", subject: "Nghị quyết về báo cáo", mode: "01"),
        ], fonds: "F7", dossier: DossierEntry(fileCode: "F7.1999", title: "Hồ sơ báo cáo", startDate: "1999", endDate: "2000"), in: dir)
        let before = try catalogue.tableSnapshots()
        // Put the file back as v1-search left it: no facets column, the migration not applied.
        try catalogue.unsafeExecute(sql: """
            CREATE VIRTUAL TABLE search_fts_v1 USING fts5(title_exact, title_folded, body_exact, body_folded, numbers,
                tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
            INSERT INTO search_fts_v1 (rowid, title_exact, title_folded, body_exact, body_folded, numbers)
                SELECT rowid, title_exact, title_folded, body_exact, body_folded, numbers FROM search_fts;
            DROP TABLE search_fts;
            ALTER TABLE search_fts_v1 RENAME TO search_fts;
            DELETE FROM grdb_migrations WHERE identifier = 'v3-search-facets';
            """)
        let migrated = try Catalogue(path: path)
        #expect(try migrated.appliedMigrations().last == "v3-search-facets")
        #expect(try migrated.tableSnapshots() == before)
        #expect(try migrated.search(SearchQuery("bao cao", typeName: "08", mode: "02")).map(\.docId) == ["F7.1"])
        #expect(try migrated.search(SearchQuery("bao cao", fondsCode: "F7", yearFrom: 2000, yearTo: 2000, kinds: [.dossier])).map(\.fileCode) == ["F7.1999"])
    }
}
