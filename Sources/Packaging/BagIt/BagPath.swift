public import KhoCore

/// Byte-level helpers for paths in manifests and `fetch.txt` (RFC 8493 §2.1.3).
///
/// Paths stay `[UInt8]` from the manifest to the `open` call: Swift `String` equality is canonical
/// equivalence, which would silently merge NFC and NFD names.
public enum BagPath {
    /// Decodes `%0A`, `%0D` and `%25` (any case), the only escapes RFC 8493 defines; all else is literal.
    public static func percentDecode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "%"), i + 2 < input.count {
                let a = input[i + 1], b = input[i + 2]
                if a == UInt8(ascii: "0"), b == UInt8(ascii: "A") || b == UInt8(ascii: "a") {
                    out.append(0x0A); i += 3; continue
                }
                if a == UInt8(ascii: "0"), b == UInt8(ascii: "D") || b == UInt8(ascii: "d") {
                    out.append(0x0D); i += 3; continue
                }
                if a == UInt8(ascii: "2"), b == UInt8(ascii: "5") {
                    out.append(UInt8(ascii: "%")); i += 3; continue
                }
            }
            out.append(input[i])
            i += 1
        }
        return out
    }

    /// Encodes CR and LF, and each `%` that would otherwise read back as an escape (`%25`, `%0A`, `%0D`).
    ///
    /// RFC 8493 asks for every `%` to be encoded, but bagit.py (and, per bagit-python issue #157, every
    /// other common tool) decodes only `%0A`/`%0D`; a lone `%` is therefore written as is, which every
    /// reader, strict or not, maps back to the same name. Ambiguous ones are encoded as the RFC says.
    public static func percentEncode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        for (index, byte) in input.enumerated() {
            switch byte {
            case 0x0A: out += Array("%0A".utf8)
            case 0x0D: out += Array("%0D".utf8)
            case UInt8(ascii: "%") where startsEscape(input, at: index): out += Array("%25".utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    /// True when `input[index...]` is `%25`, `%0A` or `%0D` (any case).
    static func startsEscape(_ input: [UInt8], at index: Int) -> Bool {
        guard index + 2 < input.count, input[index] == UInt8(ascii: "%") else { return false }
        let a = input[index + 1], b = input[index + 2] | 0x20
        return (a == UInt8(ascii: "2") && input[index + 2] == UInt8(ascii: "5"))
            || (a == UInt8(ascii: "0") && (b == UInt8(ascii: "a") || b == UInt8(ascii: "d")))
    }

    /// Why a relative path could reach outside the bag, or nil when it is safe.
    public static func safetyProblem(_ bytes: [UInt8]) -> BilingualMessage? {
        if bytes.isEmpty { return BilingualMessage(vi: "đường dẫn rỗng", en: "empty path") }
        if bytes.contains(0) { return BilingualMessage(vi: "đường dẫn chứa ký tự NUL", en: "path contains a NUL byte") }
        if bytes.first == UInt8(ascii: "/") {
            return BilingualMessage(vi: "đường dẫn tuyệt đối", en: "absolute path")
        }
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty { return BilingualMessage(vi: "đường dẫn có đoạn rỗng", en: "path has an empty segment") }
            if segment.elementsEqual([UInt8(ascii: ".")]) || segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                return BilingualMessage(vi: "đường dẫn chứa '.' hoặc '..'", en: "path contains '.' or '..'")
            }
        }
        return nil
    }

    /// True when `bytes` starts with `data/`.
    public static func isPayload(_ bytes: [UInt8]) -> Bool {
        bytes.count > 5 && bytes.starts(with: payloadPrefix)
    }

    /// `data/`.
    public static let payloadPrefix: [UInt8] = Array("data/".utf8)

    /// A printable form of the bytes for messages (invalid UTF-8 shown as U+FFFD).
    public static func display(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The NFC key used to match names that differ only in normalization (§6.2.2).
    ///
    /// Names made only of code points that are stable under NFC in every context (ASCII, Latin-1,
    /// Latin Extended-A/B, spacing modifiers, and the precomposed Vietnamese letters U+1E00–U+1EFF)
    /// are their own key; anything else (combining marks, other scripts) goes through Foundation.
    public static func nfcKey(_ bytes: [UInt8]) -> [UInt8] {
        if isCertainlyNFC(bytes) { return bytes }
        return Array(UnicodeNames.nfcKey(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// True when every code point is below U+0300 or in U+1E00–U+1EFF (valid UTF-8 assumed; any
    /// other lead byte answers false, which only costs a slower, exact check).
    static func isCertainlyNFC(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 { i += 1; continue }
            if byte >= 0xC2 && byte <= 0xCB, i + 1 < count { i += 2; continue }  // U+0080–U+02FF
            if byte == 0xE1, i + 2 < count, bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB { i += 3; continue }  // U+1E00–U+1EFF
            return false
        }
        return true
    }
}
