import Foundation

/// The deterministic JSON used for audit content: sorted keys, no whitespace, slashes unescaped,
/// absent optionals left out. The stored bytes are what is hashed, so verification never re-encodes.
enum CanonicalJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension CanonicalJSON {
    /// The integer value of the top-level member `key` of a JSON object, read by a scan of the bytes (verifying
    /// a long audit chain reads one per entry; a `JSONDecoder` per entry was half the time). `nil` means "not
    /// read here" — an escape in a key, the key twice, a non-integer value, anything unusual — and the caller then
    /// decodes the whole document as before, so the answer never differs from the decoder's on valid JSON.
    static func topLevelInteger(_ key: String, in text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            var scanner = TopLevelScanner(bytes: bytes)
            return scanner.integer(member: Array(key.utf8))
        }
    }
}

/// A forward scan over one JSON object's top-level members: keys compared as bytes, values skipped by brackets
/// and strings. Gives up (nil) on whatever it does not expect.
private struct TopLevelScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func integer(member key: [UInt8]) -> Int64? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var found: Int64?
        var first = true
        while true {
            skipSpace()
            if take(UInt8(ascii: "}")) { break }
            if !first { guard take(UInt8(ascii: ",")) else { return nil }; skipSpace() }
            first = false
            guard let name = plainString() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            if name.elementsEqual(key) {
                guard found == nil, let value = plainInteger() else { return nil }
                found = value
            } else {
                guard skipValue() else { return nil }
            }
        }
        skipSpace()
        return at == bytes.count ? found : nil
    }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// A string without escapes or control characters, as a slice of the bytes.
    private mutating func plainString() -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                at += 1
                return bytes[start..<(at - 1)]
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            at += 1
        }
        return nil
    }

    /// Digits, optionally negative, ending where the member ends.
    private mutating func plainInteger() -> Int64? {
        let start = at
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        var value: Int64 = 0
        var digits = 0
        while at < bytes.count, (0x30...0x39).contains(bytes[at]) {
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (plus, overflowB) = times.addingReportingOverflow(Int64(bytes[at] - 0x30))
            guard !overflowA, !overflowB else { return nil }
            value = plus
            digits += 1
            at += 1
        }
        guard digits > 0, digits == 1 || bytes[at - digits] != 0x30 else { return nil }
        let end = at
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: ",") || bytes[at] == UInt8(ascii: "}") else { return nil }
        at = end
        return bytes[start] == UInt8(ascii: "-") ? -value : value
    }

    /// Steps over one value: strings (escapes honoured), arrays and objects by depth, literals and numbers up to
    /// the next delimiter. Whether the skipped value is itself valid is left to the full decoder on the rare
    /// document that fails elsewhere.
    private mutating func skipValue() -> Bool {
        var depth = 0
        var inString = false
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if inString {
                if byte == UInt8(ascii: "\\") { at += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                if byte < 0x20 { return false }
                at += 1
                if !inString && depth == 0 { return true }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return at > start }
                depth -= 1
                if depth == 0 { at += 1; return true }
            case UInt8(ascii: ","):
                if depth == 0 { return at > start }
            default: break
            }
            at += 1
        }
        return false
    }
}
