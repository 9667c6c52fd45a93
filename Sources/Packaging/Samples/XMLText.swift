/// Escaping for the XML that the sample generator writes (text and attribute values).
enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` escaped; everything else (Vietnamese included) kept as UTF-8.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
