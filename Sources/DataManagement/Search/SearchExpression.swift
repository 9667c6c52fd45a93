import Foundation
/// Turns typed text into an FTS5 MATCH expression over `search_fts`.
///
/// Each word must match (AND). A word typed without diacritics matches the folded columns; a word
/// typed with them matches the exact columns OR the folded ones, so it still finds other spellings
/// but exact-diacritic hits score higher (`SearchRank`). A chunk that looks
/// like a document number (`12-NQ/ĐU`) matches its normalized token in `numbers`, or the same words
/// in a row in the text.
struct SearchExpression {
    /// The FTS5 expression; nil when the text holds no word at all.
    let match: String?
    /// One `SearchRank.Kind` byte per phrase of `match`, in order, clauses (words) separated by `|`, for `kho_rank`.
    let phraseKinds: String
    /// Folded words to highlight in snippets.
    let highlightWords: Set<String>
    /// Folded prefixes to highlight in snippets.
    let highlightPrefixes: [String]

    init(_ text: String) {
        var clauses: [String] = []
        var words = Set<String>()
        var prefixes: [String] = []
        var kinds: [String] = []
        for chunk in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            if VietnameseFolding.looksLikeNumber(chunk) {
                let token = VietnameseFolding.numberToken(chunk)
                let parts = VietnameseFolding.words(chunk).map(VietnameseFolding.fold)
                guard !token.isEmpty else { continue }
                words.formUnion(parts)
                clauses.append("(numbers : \(Self.quote(token)) OR {title_folded body_folded} : \(Self.quote(parts.joined(separator: " "))))")
                kinds.append("NF")
                continue
            }
            let isPrefix = chunk.hasSuffix("*")
            let pieces = VietnameseFolding.words(chunk)
            for (index, piece) in pieces.enumerated() {
                let prefix = isPrefix && index == pieces.count - 1
                let star = prefix ? "*" : ""
                let folded = VietnameseFolding.fold(piece)
                if prefix { prefixes.append(folded) } else { words.insert(folded) }
                let foldedClause = "{title_folded body_folded} : \(Self.quote(folded))\(star)"
                if VietnameseFolding.hasDiacritics(piece) {
                    let exact = VietnameseFolding.exact(piece)
                    clauses.append("({title_exact body_exact} : \(Self.quote(exact))\(star) OR \(foldedClause))")
                    kinds.append("EF")
                } else {
                    clauses.append(foldedClause)
                    kinds.append("F")
                }
            }
        }
        match = clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
        phraseKinds = kinds.joined(separator: "|")
        highlightWords = words
        highlightPrefixes = prefixes
    }

    /// An FTS5 string literal.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
