/// Builds a short extract around the best-matching words, matches in [brackets], diacritics kept.
///
/// Matching runs on the folded copy the index already stores, so no folding happens at query time;
/// `VietnameseFolding.fold` keeps every whitespace scalar, so the n-th token of the folded text is
/// the n-th token of the original. Scanning stops once a window holds every query word, or after `scanLimit` tokens.
enum Snippet {
    /// Words shown before the first match.
    static let lead = 6
    /// Words shown in all.
    static let width = 20

    /// Tokens scanned at most when looking for the best window (long OCR text stays cheap).
    static let scanLimit = 50_000

    /// The extract of `exact` around the window of `width` tokens that holds the most distinct query
    /// words (the earliest such window); nil when nothing matches.
    static func make(exact: String, folded: String, words: Set<String>, prefixes: [String]) -> String? {
        func matched(_ token: Substring) -> Set<String> {
            var found = Set<String>()
            for word in alphanumericRuns(token) {
                if words.contains(word) { found.insert(word) }
                for prefix in prefixes where word.hasPrefix(prefix) { found.insert(prefix + "*") }
            }
            return found
        }
        let wanted = words.count + prefixes.count
        var foldedTokens: [Substring] = []
        var hits: [(index: Int, items: Set<String>)] = []
        var best: (first: Int, last: Int, score: Int)?
        var stopAt = Int.max
        var windowStart = 0
        forEachToken(folded) { token in
            let index = foldedTokens.count
            foldedTokens.append(token)
            if index >= stopAt { return false }
            let items = matched(token)
            if !items.isEmpty, stopAt == .max {
                hits.append((index, items))
                while hits[windowStart].index <= index - width { windowStart += 1 }
                let inWindow = hits[windowStart...]
                let score = inWindow.reduce(into: Set<String>()) { $0.formUnion($1.items) }.count
                if score > (best?.score ?? 0), let first = inWindow.first?.index {
                    best = (first, index, score)
                }
                if score >= wanted { stopAt = index + width }
            }
            if index >= scanLimit, stopAt == .max, let best { stopAt = best.last + width }
            return true
        }
        guard let best else { return nil }
        let start = max(0, best.first - min(lead, width - 1 - (best.last - best.first)))
        var exactTokens: [Substring] = []
        var more = false
        forEachToken(exact) { token in
            if exactTokens.count == start + width { more = true; return false }
            exactTokens.append(token)
            return true
        }
        let end = min(exactTokens.count, start + width)
        guard start < end else { return nil }
        var out = (start..<end).map { i in
            i < foldedTokens.count && !matched(foldedTokens[i]).isEmpty ? "[\(exactTokens[i])]" : String(exactTokens[i])
        }.joined(separator: " ")
        if start > 0 { out = "… " + out }
        if more { out += " …" }
        return out
    }

    /// Runs of letters and digits in an already folded token (no normalization needed).
    static func alphanumericRuns(_ token: Substring) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in token.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }

    /// Calls `body` with each whitespace-separated token (split on Unicode scalars) until it returns false.
    static func forEachToken(_ text: String, _ body: (Substring) -> Bool) {
        let scalars = text.unicodeScalars
        var tokenStart: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index].properties.isWhitespace {
                if let s = tokenStart {
                    if !body(text[s..<index]) { return }
                    tokenStart = nil
                }
            } else if tokenStart == nil {
                tokenStart = index
            }
            index = scalars.index(after: index)
        }
        if let s = tokenStart { _ = body(text[s..<scalars.endIndex]) }
    }
}
