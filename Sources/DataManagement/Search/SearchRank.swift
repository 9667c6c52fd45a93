import GRDB
import GRDBSQLite

/// `kho_rank(search_fts, kinds)`: an FTS5 auxiliary function that scores one matching row from where
/// its phrases hit, without FTS5's `bm25()`.
///
/// Why: bm25 needs, for every phrase of the query, the number of rows holding it, and FTS5 counts them
/// by walking that phrase's whole doclist once per query. Vietnamese queries are short, very common
/// syllables (xã, ủy, đảng), so on 1,000,000 documents that pass cost 100–150 ms whatever the number of
/// rows scored. `kho_rank` reads only the current row's phrase instances (`xInstCount`/`xInst`).
///
/// `kinds` has one byte per phrase of the MATCH expression, in order: `E` a word as typed with its
/// diacritics (exact columns), `F` a folded word or the words of a number, `N` a number token, `X` a
/// filter (facets; not scored). Each phrase adds the weight of the best column it hits:
/// exact title 8, exact body 6, folded title 3, folded body 1, number token 10. A word typed with
/// diacritics is both an `E` and an `F` phrase, so an exact hit scores 8 + 3 in a title and 6 + 1 in a
/// body against 3 or 1 folded only: every word exact anywhere outranks every word folded in the title.
/// Weights are whole numbers; a term-frequency bonus below 1 (0.01 per hit, at most 0.5) only breaks ties.
enum SearchRank {
    static let functionName = "kho_rank"

    /// Phrase kinds, as written into the `kinds` argument.
    enum Kind: UInt8 {
        case exact = 0x45  // E
        case folded = 0x46  // F
        case number = 0x4E  // N
        case filter = 0x58  // X
    }

    /// Column order of `search_fts` (see `SearchIndex`).
    static func weight(kind: UInt8, column: Int32) -> UInt8 {
        switch (kind, column) {
        case (Kind.exact.rawValue, 0): 8
        case (Kind.exact.rawValue, 2): 6
        case (Kind.folded.rawValue, 1): 3
        case (Kind.folded.rawValue, 3): 1
        case (Kind.number.rawValue, 4): 10
        default: 0
        }
    }

    /// Registers `kho_rank` on a connection (every connection of the pool, before first use).
    static func register(_ db: Database) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "FTS5 cannot register \(functionName)")
        }
        let code = create(UnsafeMutablePointer(mutating: api), functionName, nil, { api, fts, context, argc, argv in
            guard let api, let fts else { return }
            var kinds: UnsafePointer<UInt8>?
            var kindCount = 0
            if argc >= 1, let argv, let value = argv[0] {
                kinds = sqlite3_value_text(value)
                kindCount = Int(sqlite3_value_bytes(value))
            }
            let phrases = Int(api.pointee.xPhraseCount?(fts) ?? 0)
            var instances: Int32 = 0
            guard let instCount = api.pointee.xInstCount, let inst = api.pointee.xInst,
                  instCount(fts, &instances) == SQLITE_OK else {
                sqlite3_result_error(context, "kho_rank: no phrase instances", -1)
                return
            }
            let score = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(phrases, 1)) { best -> Double in
                best.initialize(repeating: 0)
                var hits = 0
                for index in 0..<instances {
                    var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
                    guard inst(fts, index, &phrase, &column, &offset) == SQLITE_OK,
                          phrase >= 0, Int(phrase) < phrases, Int(phrase) < kindCount, let kinds else { continue }
                    let weight = SearchRank.weight(kind: kinds[Int(phrase)], column: column)
                    if weight > 0 { hits += 1 }
                    if weight > best[Int(phrase)] { best[Int(phrase)] = weight }
                }
                let total = best.reduce(0) { $0 + Int($1) }
                return Double(total) + Double(min(hits, 50)) / 100
            }
            sqlite3_result_double(context, score)
        }, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "FTS5 cannot register \(functionName)")
        }
    }
}
