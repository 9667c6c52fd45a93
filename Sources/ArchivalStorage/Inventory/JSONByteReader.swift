#if canImport(Glibc)
import Glibc
#endif

/// A small pull parser over JSON bytes, for inventories: strings keep their exact bytes, and values are read
/// straight into the caller's structures (no intermediate tree), so memory stays near the size of the result.
///
/// Reads either bytes held whole or a file through a window of about 1 MiB (`init(fd:path:)`), so a large
/// inventory need not be in memory at once.
final class JSONByteReader {
    /// The bytes held: all of them, or the window of the file from `base` on.
    private var bytes: [UInt8]
    /// Index of the next byte in `bytes`.
    private var index = 0
    /// File offset of `bytes[0]`.
    private var base = 0
    /// The file read through the window, nil when `bytes` holds everything.
    private let fd: Int32?
    private var endOfFile = false
    /// File offset before which the window keeps bytes (see `pin(at:)`).
    private var pinned: Int?
    /// Where the bytes came from, for error messages.
    let path: String

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        self.fd = nil
    }

    /// A reader over an open file, read 1 MiB at a time; the caller closes `fd` after reading.
    init(fd: Int32, path: String) {
        self.bytes = []
        self.path = path
        self.fd = fd
    }

    /// True when `count` bytes from the next one are in the window, reading more of the file if needed.
    @inline(__always) private func available(_ count: Int = 1) -> Bool {
        index + count <= bytes.count || refill(count)
    }

    private func refill(_ count: Int) -> Bool {
        guard let fd, !endOfFile else { return false }
        let drop = min(index, (pinned ?? Int.max) - base)
        if drop > 0 {
            bytes.removeSubrange(0..<drop)
            base += drop
            index -= drop
        }
        // At most 1 MiB at a time, but no more than the file holds (plus one byte, and at least 4 KiB, in case it
        // grew): a 10 KB inventory is one 10 KB read, not a zero-filled 1 MiB window.
        var chunk = 1 << 20
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            chunk = max(4096, min(chunk, Int(info.st_size) - (base + bytes.count) + 1))
        }
        while index + count > bytes.count, !endOfFile {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            var got = 0
            repeat { got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + start }, chunk) } } while got < 0 && errno == EINTR
            bytes.removeSubrange((start + max(got, 0))...)
            if got <= 0 { endOfFile = true }  // a read error ends the input: the parse then fails and says where
        }
        return index + count <= bytes.count
    }

    /// Keeps the bytes from file offset `offset` on in the window until `unpin()`, for `matches(_:_:)`.
    func pin(at offset: Int) { pinned = offset }

    /// Lets the window drop bytes again.
    func unpin() { pinned = nil }

    /// A parse error naming the byte offset.
    func failure(_ what: String) -> OCFLStorageError {
        OCFLStorageError("E033", path: path,
                         vi: "Bản kê JSON không hợp lệ tại byte \(base + index): \(what)",
                         en: "Inventory JSON is invalid at byte \(base + index): \(what)")
    }

    private func skipSpace() {
        while available(), bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private func expect(_ byte: UInt8) throws(OCFLStorageError) {
        skipSpace()
        guard available(), bytes[index] == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// The next non-space byte, without consuming it.
    func peek() -> UInt8? {
        skipSpace()
        return available() ? bytes[index] : nil
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
            guard available() else { throw failure("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            throw failure("expected ',' or '}'")
        }
    }

    /// Reads `{ "key": value, … }` without building the keys, calling `member` for each value; it must consume it.
    func objectValues(_ member: () throws(OCFLStorageError) -> Void) throws(OCFLStorageError) {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key") }
            try skipValue()
            try expect(UInt8(ascii: ":"))
            try member()
            skipSpace()
            guard available() else { throw failure("unterminated object") }
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
            guard available() else { throw failure("unterminated array") }
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
        // Fast path: a string without escapes inside the window becomes a String straight from the bytes.
        var end = index
        let count = bytes.count
        while end < count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[index..<end]), as: UTF8.self) }
                index = end + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            end += 1
        }
        var out: [UInt8] = []
        while available() {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                _ = available(JSONStringEscape.longest)  // the whole escape in the window, when the file has it
                do throws(JSONStringEscape.Failure) {
                    try JSONStringEscape.decode(bytes, at: &index, into: &out)
                } catch {
                    throw failure(error.reason)
                }
            default:
                if byte < 0x20 { throw failure("control character in string") }
                out.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// Skips any value (for keys Kho does not read).
    /// Objects, arrays and strings are stepped over byte by byte (brackets counted outside strings, escapes
    /// honoured) without building a key or a string: skipping every version block of a 20,000-file inventory
    /// costs no allocation. Structure inside a skipped value is not checked beyond its brackets and quotes.
    func skipValue() throws(OCFLStorageError) {
        switch peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""):
            var depth = 0
            var inString = false
            while available() {
                let byte = bytes[index]
                index += 1
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        guard available() else { break }
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 0 { return }
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return }
                default: continue
                }
            }
            throw failure("unterminated value")
        case nil: throw failure("unexpected end")
        default:
            while available(), !",}] \n\r\t".utf8.contains(bytes[index]) { index += 1 }
        }
    }

    /// Byte offset of the next value (white space skipped).
    var offset: Int {
        skipSpace()
        return base + index
    }

    /// Byte offset just after the last value read.
    var position: Int { base + index }

    /// True when the file bytes at `range` (pinned, still in the window) equal `other` byte for byte.
    func matches(_ range: Range<Int>, _ other: [UInt8]) -> Bool {
        range.count == other.count && range.lowerBound >= base && range.upperBound - base <= bytes.count
            && bytes[(range.lowerBound - base)..<(range.upperBound - base)].elementsEqual(other)
    }

    /// True when only white space remains.
    var atEnd: Bool { peek() == nil }
}

private extension JSONStringEscape.Failure {
    /// How the inventory reader's error names the fault.
    var reason: String {
        switch self {
        case .truncated: "unterminated string"
        case .unknownLetter: "unknown escape"
        case .badHexDigit: "bad hex digit in \\u escape"
        case .missingLowSurrogate: "\\u high surrogate without its low surrogate"
        case .loneLowSurrogate: "\\u low surrogate without a high surrogate"
        }
    }
}
