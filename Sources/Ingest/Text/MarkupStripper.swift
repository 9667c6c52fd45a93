/// Removes tags from HTML or XML, keeping the character data; drops HTML `script` and `style`
/// content and decodes the common entities and numeric character references.
enum MarkupStripper {
    /// The text of `markup`, with whitespace runs between elements collapsed to one space or line break.
    static func text(of markup: String, isHTML: Bool) -> String {
        var out = ""
        var index = markup.startIndex
        while index < markup.endIndex {
            let c = markup[index]
            if c == "<" {
                guard let close = markup[index...].firstIndex(of: ">") else { break }
                let tag = markup[markup.index(after: index)..<close].lowercased()
                index = markup.index(after: close)
                if isHTML, tag.hasPrefix("script") || tag.hasPrefix("style") {
                    let end = "</" + (tag.hasPrefix("script") ? "script" : "style")
                    if let range = markup[index...].range(of: end, options: .caseInsensitive) {
                        index = markup[range.upperBound...].firstIndex(of: ">").map { markup.index(after: $0) } ?? markup.endIndex
                    }
                }
                if tag.hasPrefix("!--"), !tag.hasSuffix("--") {
                    if let range = markup[index...].range(of: "-->") { index = range.upperBound }
                }
                if let last = out.last, !last.isWhitespace { out.append(" ") }
            } else if c == "&", let semicolon = markup[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(markup[markup.index(after: index)..<semicolon])
                if let decoded = decode(entity) {
                    out.append(decoded)
                    index = markup.index(after: semicolon)
                } else {
                    out.append(c)
                    index = markup.index(after: index)
                }
            } else {
                out.append(c)
                index = markup.index(after: index)
            }
        }
        return collapse(out)
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// Collapses runs of spaces to one space and runs of blank lines to one line break.
    private static func collapse(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if !words.isEmpty { lines.append(words.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n")
    }
}
