/// Helpers for TT05 codes: `fileCode` `H49.64.33.2001.160`, `docId` `H49.64.33.2001.160.1`,
/// `docCode` `H49.64.33.2001.160.0000001`.
public enum TT05Identifiers {
    /// True when some dot-separated segment is a plausible four-digit year (1900–2199 … kept wide: 1000–2999).
    public static func hasYearSegment(_ code: String) -> Bool {
        year(in: code) != nil
    }

    /// The first dot-separated segment of four digits between 1000 and 2999, if any.
    public static func year(in code: String) -> Int? {
        for segment in code.split(separator: ".") where segment.count == 4 && segment.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let value = Int(segment), (1000...2999).contains(value) { return value }
        }
        return nil
    }

    /// The part of `code` after `prefix + "."`, or nil when `code` does not start with it.
    public static func suffix(of code: String, after prefix: String) -> Substring? {
        guard !prefix.isEmpty, code.hasPrefix(prefix + ".") else { return nil }
        return code.dropFirst(prefix.count + 1)
    }
}
