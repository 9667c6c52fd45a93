/// Builds a short extract around the first matching word, with matches in [brackets].
/// Works on the original text (diacritics kept) and compares folded words, so "dang uy" highlights "Đảng ủy".
enum Snippet {
    /// Words shown before the first match.
    static let lead = 6
    /// Words shown in all.
    static let width = 20

    static func make(_ text: String, words: Set<String>, prefixes: [String]) -> String? {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        func matches(_ token: Substring) -> Bool {
            VietnameseFolding.words(String(token)).contains { word in
                let folded = VietnameseFolding.fold(word)
                return words.contains(folded) || prefixes.contains { folded.hasPrefix($0) }
            }
        }
        guard let first = tokens.firstIndex(where: matches) else { return nil }
        let start = max(0, first - lead)
        let end = min(tokens.count, start + width)
        var out = tokens[start..<end].map { matches($0) ? "[\($0)]" : String($0) }.joined(separator: " ")
        if start > 0 { out = "… " + out }
        if end < tokens.count { out += " …" }
        return out
    }
}
