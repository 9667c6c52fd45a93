import Foundation

extension String {
    /// The same result as `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's NSString
    /// bridging when there is nothing to trim.
    ///
    /// TT05 field texts almost always begin and end with a printable ASCII character (`0x21`–`0x7E`), which is
    /// never whitespace, so the string is returned as is; anything else (empty, a space, a tab, a non-ASCII
    /// first or last character such as U+00A0 or a Vietnamese letter) goes through Foundation, so the answer
    /// is exactly Foundation's.
    var trimmingTT05Whitespace: String {
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Substring {
    /// `String(self).trimmingTT05Whitespace`: Foundation's whitespace-and-newline trimming with an ASCII fast path.
    var trimmingTT05Whitespace: String { String(self).trimmingTT05Whitespace }
}
