/// Turns METS `xlink:href` values into package-relative paths, refusing anything that leaves the package.
enum HrefResolver {
    /// The package-relative path `href` names, seen from the folder `base` ("" for the package root);
    /// nil for absolute, remote or escaping references.
    static func resolve(_ href: String, base: String) -> String? {
        var text = href.trimmingSpaces
        if text.hasPrefix("file://") { return nil }
        if text.hasPrefix("file:") { text.removeFirst(5) }
        if text.contains("://") || text.hasPrefix("/") || text.isEmpty { return nil }
        guard let decoded = percentDecoded(text) else { return nil }
        var segments = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        if segments.isEmpty || segments.contains(where: { $0.utf8.contains(0) || $0.contains("\\") }) { return nil }
        return segments.joined(separator: "/")
    }

    /// `%XX` escapes decoded as UTF-8; nil when an escape is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.popFirst(), let low = iterator.popFirst(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
