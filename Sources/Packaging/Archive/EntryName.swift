import KhoCore

/// Turns the raw name bytes of an archive entry into a safe relative path, or says why it cannot.
///
/// Rules (README "Unpacking"): names must be UTF-8; `\` counts as a separator (zips made on Windows);
/// a leading `/`, `\`, a drive letter (`C:`) or a UNC prefix is absolute; any `..` segment is traversal;
/// `.` and empty segments are dropped; NUL is refused; length and depth are bounded by the limits.
enum EntryName {
    /// A validated name: the safe path (nil for the archive root itself, e.g. `./`) and whether it names a folder.
    struct Parsed {
        var path: RelativePath?
        var isDirectory: Bool
    }

    /// A readable rendering of name bytes for messages, even when they are not UTF-8.
    /// Control characters (NUL, newline, escape…) are shown as `\u{…}` so a name cannot forge log lines.
    static func display(_ bytes: [UInt8]) -> String {
        var shown = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    static func parse(_ bytes: [UInt8], limits: ExtractionLimits, archive: String) throws(ArchiveError) -> Parsed {
        let shown = display(bytes)
        func refuse(_ kind: ArchiveError.Kind, _ vi: String, _ en: String) -> ArchiveError {
            ArchiveError(kind, archive: archive, entry: shown, vi: vi, en: en)
        }
        if bytes.isEmpty { throw refuse(.invalidName, "tên rỗng", "empty name") }
        if bytes.contains(0) { throw refuse(.invalidName, "tên chứa byte NUL", "name contains a NUL byte") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw refuse(.encoding, "tên không phải UTF-8; hãy nén lại bằng công cụ ghi tên UTF-8",
                         "name bytes are not UTF-8; re-pack with a tool that writes UTF-8 names")
        }
        let unified = text.replacingOccurrences(of: "\\", with: "/")
        let utf8 = Array(unified.utf8)
        if utf8.first == UInt8(ascii: "/") {
            throw refuse(.absolute, "tên bắt đầu bằng '/' hoặc '\\'", "name starts with '/' or '\\'")
        }
        if utf8.count >= 2, utf8[1] == UInt8(ascii: ":"),
           (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(utf8[0] & 0xDF) {
            throw refuse(.absolute, "tên bắt đầu bằng ký hiệu ổ đĩa Windows", "name starts with a Windows drive letter")
        }
        let isDirectory = utf8.last == UInt8(ascii: "/")
        var kept: [Substring] = []
        for segment in unified.split(separator: "/", omittingEmptySubsequences: true) {
            if segment.utf8.elementsEqual(".".utf8) { continue }
            if segment.utf8.elementsEqual("..".utf8) {
                throw refuse(.traversal, "tên chứa đoạn '..'", "name contains a '..' segment")
            }
            if segment.utf8.count > 255 {
                throw refuse(.pathLimit, "một đoạn tên dài hơn 255 byte", "a name segment is longer than 255 bytes")
            }
            kept.append(segment)
        }
        if kept.isEmpty {
            guard isDirectory || utf8.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }) else {
                throw refuse(.invalidName, "tên không có đoạn nào", "name has no segment")
            }
            return Parsed(path: nil, isDirectory: true)
        }
        if kept.count > limits.maxPathDepth {
            throw refuse(.pathLimit, "sâu \(kept.count) cấp, giới hạn \(limits.maxPathDepth)",
                         "\(kept.count) levels deep, limit \(limits.maxPathDepth)")
        }
        let joined = kept.joined(separator: "/")
        if joined.utf8.count > limits.maxPathBytes {
            throw refuse(.pathLimit, "dài \(joined.utf8.count) byte, giới hạn \(limits.maxPathBytes)",
                         "\(joined.utf8.count) bytes long, limit \(limits.maxPathBytes)")
        }
        do {
            return Parsed(path: try RelativePath(joined), isDirectory: isDirectory)
        } catch {
            throw refuse(.invalidName, error.message.vi, error.message.en)
        }
    }
}
