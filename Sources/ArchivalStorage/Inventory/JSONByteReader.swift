/// A small pull parser over JSON bytes, for inventories: strings keep their exact bytes, and values are read
/// straight into the caller's structures (no intermediate tree), so memory stays near the size of the result.
final class JSONByteReader {
    private let bytes: [UInt8]
    private var index = 0
    /// Where the bytes came from, for error messages.
    let path: String

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// A parse error naming the byte offset.
    func failure(_ what: String) -> OCFLStorageError {
        OCFLStorageError("E033", path: path,
                         vi: "Bản kê JSON không hợp lệ tại byte \(index): \(what)",
                         en: "Inventory JSON is invalid at byte \(index): \(what)")
    }

    private func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private func expect(_ byte: UInt8) throws(OCFLStorageError) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// The next non-space byte, without consuming it.
    func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Reads `{ "key": value, … }`, calling `member` for each key; it must consume the value.
    func object(_ member: (String) throws(OCFLStorageError) -> Void) throws(OCFLStorageError) {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(key)
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            throw failure("expected ',' or '}'")
        }
    }

    /// Reads `[ value, … ]`, calling `element` for each; it must consume the value.
    func array(_ element: () throws(OCFLStorageError) -> Void) throws(OCFLStorageError) {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element()
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw failure("expected ',' or ']'")
        }
    }

    /// An array of strings.
    func stringArray() throws(OCFLStorageError) -> [String] {
        var result: [String] = []
        try array { () throws(OCFLStorageError) in result.append(try string()) }
        return result
    }

    /// Digest strings already read: the same digest keys the manifest, every state and fixity, so each
    /// occurrence shares one string's storage. (Digests are ASCII hex, so `String` equality is byte equality.)
    private var digests: [String: String] = [:]

    /// An object whose values are arrays of strings (manifest, state, one fixity algorithm), keyed by digests.
    func pathMap() throws(OCFLStorageError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        try object { (key: String) throws(OCFLStorageError) in
            let shared: String
            if let existing = digests[key] {
                shared = existing
            } else {
                digests[key] = key
                shared = key
            }
            result[shared] = try stringArray()
        }
        return result
    }

    /// A JSON string, unescaped; other bytes are kept exactly.
    func string() throws(OCFLStorageError) -> String {
        try expect(UInt8(ascii: "\""))
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar) else { throw failure("bad \\u escape") }
                    out.append(contentsOf: Array(String(Character(value)).utf8))
                default: out.append(escape)  // \" \\ \/
                }
            default:
                if byte < 0x20 { throw failure("control character in string") }
                out.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private func hex4() throws(OCFLStorageError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw failure("bad hex digit")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Skips any value (for keys Kho does not read).
    func skipValue() throws(OCFLStorageError) {
        switch peek() {
        case UInt8(ascii: "{"): try object { (_: String) throws(OCFLStorageError) in try skipValue() }
        case UInt8(ascii: "["): try array { () throws(OCFLStorageError) in try skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case nil: throw failure("unexpected end")
        default:
            while index < bytes.count, !",}] \n\r\t".utf8.contains(bytes[index]) { index += 1 }
        }
    }

    /// True when only white space remains.
    var atEnd: Bool { peek() == nil }
}
