/// Escaping for text and attribute values written into XML or HTML by string building (sample packages,
/// receipts, driver schemas, report pages); Metadata's `XMLStreamWriter` escapes on its own as it streams.
public enum MarkupText {
    /// `&`, `<`, `>`, `"` and `'` escaped; everything else (Vietnamese included) kept as UTF-8.
    /// Safe in element content and in single- or double-quoted attributes, in XML and in HTML.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
