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
/// `kinds` has one byte per phrase of the MATCH expression, in order, and `|` between the query's
/// clauses (words): `E` a word as typed with its diacritics (exact columns), `F` a folded word or the
/// words of a number, `N` a number token, `X` a filter (facets; not scored). Each phrase adds the weight
/// of the best column it hits: exact title 8, exact body 6, folded title 3, folded body 1, number token 10.
/// A word typed with diacritics is both an `E` and an `F` phrase, so an exact hit scores 8 + 3 in a title
/// and 6 + 1 in a body against 3 or 1 folded only: every word exact anywhere outranks every word folded in
/// the title. Below one unit, ties break on word order — the share of consecutive query words found next
/// to each other in the same column, up to 0.9 (`Hà Lộc` before `Lộc Hà`) — then on term frequency
/// (0.001 per hit, at most 0.09).
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
            var kindBytes = 0
            if argc >= 1, let argv, let value = argv[0] {
                kinds = sqlite3_value_text(value)
                kindBytes = Int(sqlite3_value_bytes(value))
            }
            let phrases = Int(api.pointee.xPhraseCount?(fts) ?? 0)
            var instances: Int32 = 0
            guard let instCount = api.pointee.xInstCount, let inst = api.pointee.xInst,
                  instCount(fts, &instances) == SQLITE_OK else {
                sqlite3_result_error(context, "kho_rank: no phrase instances", -1)
                return
            }
            let score = SearchRank.score(phrases: phrases, kinds: kinds, kindBytes: kindBytes, instances: Int(instances)) { index in
                var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
                guard inst(fts, Int32(index), &phrase, &column, &offset) == SQLITE_OK else { return nil }
                return (Int(phrase), column, offset)
            } phraseSize: { phrase in
                Int32(api.pointee.xPhraseSize?(fts, Int32(phrase)) ?? 1)
            }
            sqlite3_result_double(context, score)
        }, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "FTS5 cannot register \(functionName)")
        }
    }

    /// The score of one row; `instance(i)` gives the i-th phrase instance (FTS5 orders them by column, then offset).
    static func score(phrases: Int, kinds: UnsafePointer<UInt8>?, kindBytes: Int, instances: Int,
                      instance: (Int) -> (phrase: Int, column: Int32, offset: Int32)?,
                      phraseSize: (Int) -> Int32) -> Double {
        guard phrases > 0, let kinds else { return 0 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: phrases * 2) { table -> Double in
            // table[p]: phrase p's kind byte; table[phrases + p]: its clause (query word) number.
            table.initialize(repeating: 0)
            var phrase = 0, clause = 0
            for byte in UnsafeBufferPointer(start: kinds, count: kindBytes) where phrase < phrases {
                if byte == UInt8(ascii: "|") { clause += 1; continue }
                table[phrase] = Int(byte)
                table[phrases + phrase] = clause
                phrase += 1
            }
            var wordClauses = 0
            for p in 0..<phrase where table[p] != Int(Kind.filter.rawValue) { wordClauses = max(wordClauses, table[phrases + p] + 1) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: phrases + max(wordClauses, 1)) { marks -> Double in
                // marks[p]: phrase p's best weight; marks[phrases + c]: 1 when words c and c + 1 stand side by side.
                marks.initialize(repeating: 0)
                var hits = 0
                var previous: [(phrase: Int, column: Int32, offset: Int32)] = []
                for index in 0..<instances {
                    guard let hit = instance(index), hit.phrase >= 0, hit.phrase < phrase else { continue }
                    let weight = SearchRank.weight(kind: UInt8(truncatingIfNeeded: table[hit.phrase]), column: hit.column)
                    guard weight > 0 else { continue }
                    hits += 1
                    if weight > marks[hit.phrase] { marks[hit.phrase] = weight }
                    // Instances come in (column, offset) order: a word just before this one is among the last few.
                    let clause = table[phrases + hit.phrase]
                    for earlier in previous.suffix(8) where earlier.column == hit.column && clause > 0
                        && table[phrases + earlier.phrase] == clause - 1
                        && earlier.offset + phraseSize(earlier.phrase) == hit.offset {
                        marks[phrases + clause - 1] = 1
                    }
                    previous.append(hit)
                }
                var total = 0
                for p in 0..<phrases { total += Int(marks[p]) }
                var adjacent = 0
                for c in 0..<max(wordClauses - 1, 0) { adjacent += Int(marks[phrases + c]) }
                let order = wordClauses > 1 ? 0.9 * Double(adjacent) / Double(wordClauses - 1) : 0
                return Double(total) + order + Double(min(hits, 90)) / 1000
            }
        }
    }
}
