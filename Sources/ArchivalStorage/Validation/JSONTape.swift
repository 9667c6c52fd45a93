#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON document kept as its bytes plus a flat array of 12-byte nodes that point into them (cf. simdjson's
/// tape): a 20,000-file inventory costs a few MB beside its bytes instead of a tree of Strings and enums.
/// Object members keep their order and duplicates; strings compare byte for byte (NFC ≠ NFD).
struct JSONTape: Sendable {
    /// What a node is.
    enum Kind: UInt8, Sendable { case object, array, string, number, `true`, `false`, null }

    /// One value. Containers: `a` = number of members/elements, `b` = index one past their last descendant.
    /// Strings and numbers: `a..<b` is their byte range (in `decoded` when `escaped`).
    struct Node: Sendable {
        var kind: Kind
        var escaped: Bool
        var a: UInt32
        var b: UInt32
    }

    /// The document.
    let bytes: [UInt8]
    /// Every value in document order; object members are a key node followed by its value.
    private(set) var nodes: [Node] = []
    /// Strings that held escapes, decoded.
    private(set) var decoded: [UInt8] = []

    /// Parses `bytes` strictly (RFC 8259); the root value is node 0.
    init(parsing bytes: [UInt8]) throws(JSONSyntaxError) {
        self.bytes = bytes
        guard bytes.count < Int(UInt32.max) else { throw JSONSyntaxError(offset: 0, reason: "expected a document under 4 GiB") }
        var parser = TapeParser(bytes: bytes)
        try parser.parseDocument()
        nodes = parser.nodes
        decoded = parser.decoded
    }

    subscript(_ i: Int) -> Node { nodes[i] }

    /// Index one past the value at `i` and its descendants.
    @inline(__always) func next(_ i: Int) -> Int {
        let n = nodes[i]
        return n.kind == .object || n.kind == .array ? Int(n.b) : i + 1
    }

    /// The members of object `i` as (key node, value node), in order.
    func members(_ i: Int) -> [(key: Int, value: Int)] {
        guard nodes[i].kind == .object else { return [] }
        var out: [(key: Int, value: Int)] = []
        out.reserveCapacity(Int(nodes[i].a))
        var j = i + 1
        let end = Int(nodes[i].b)
        while j < end {
            out.append((j, j + 1))
            j = next(j + 1)
        }
        return out
    }

    /// Calls `body` with (key node, value node) for each member of object `i`.
    @inline(__always) func forEachMember(_ i: Int, _ body: (Int, Int) -> Void) {
        guard nodes[i].kind == .object else { return }
        var j = i + 1
        let end = Int(nodes[i].b)
        while j < end {
            body(j, j + 1)
            j = next(j + 1)
        }
    }

    /// Calls `body` with each element node of array `i`.
    @inline(__always) func forEachElement(_ i: Int, _ body: (Int) -> Void) {
        guard nodes[i].kind == .array else { return }
        var j = i + 1
        let end = Int(nodes[i].b)
        while j < end {
            body(j)
            j = next(j)
        }
    }

    /// The value of the first member of object `i` whose key is `key` (byte-exact).
    func member(_ i: Int, _ key: String) -> Int? {
        guard nodes[i].kind == .object else { return nil }
        var j = i + 1
        let end = Int(nodes[i].b)
        while j < end {
            if equals(j, key) { return j + 1 }
            j = next(j + 1)
        }
        return nil
    }

    /// Calls `body` with the bytes of string (or number) node `i`.
    @inline(__always) func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = nodes[i]
        if n.escaped {
            return decoded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(n.a)..<Int(n.b)])) }
        }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(n.a)..<Int(n.b)])) }
    }

    /// The string at node `i` (empty when it is not a string).
    func string(_ i: Int) -> String {
        guard nodes[i].kind == .string else { return "" }
        return withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The string at node `i`, or `nil` when it is another kind of value.
    func stringValue(_ i: Int) -> String? { nodes[i].kind == .string ? string(i) : nil }

    /// True when node `i` is a string whose bytes are those of `text`.
    func equals(_ i: Int, _ text: String) -> Bool {
        guard nodes[i].kind == .string else { return false }
        var t = text
        return t.withUTF8 { tb in withBytes(i) { Bytes.equal($0, tb) } }
    }

    /// True when string nodes `i` here and `j` in `other` have the same bytes.
    func equals(_ i: Int, _ other: JSONTape, _ j: Int) -> Bool {
        withBytes(i) { a in other.withBytes(j) { b in Bytes.equal(a, b) } }
    }

    /// True when string nodes `i` here and `j` in `other` are equal ignoring ASCII case (hex digests).
    func equalsIgnoringCase(_ i: Int, _ other: JSONTape, _ j: Int) -> Bool {
        withBytes(i) { a in other.withBytes(j) { b in Self.asciiCaseInsensitiveEqual(a, b) } }
    }

    static func asciiCaseInsensitiveEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where lower(a[k]) != lower(b[k]) { return false }
        return true
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// The JSON type of node `i`, for messages.
    func typeName(_ i: Int) -> String {
        switch nodes[i].kind {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .true, .false: "boolean"
        case .null: "null"
        }
    }

    /// Node `i` and its descendants as a `JSONValue` (for small subtrees: version metadata, layout config).
    func value(_ i: Int) -> JSONValue {
        switch nodes[i].kind {
        case .object: return .object(members(i).map { (key: string($0.key), value: value($0.value)) })
        case .array:
            var elements: [JSONValue] = []
            forEachElement(i) { elements.append(value($0)) }
            return .array(elements)
        case .string: return .string(string(i))
        case .number: return .number(withBytes(i) { Double(String(decoding: $0, as: UTF8.self)) } ?? 0)
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        }
    }
}

extension JSONTape {
    /// The number of `"` bytes and of `{` or `[` bytes, 8 bytes at a time (this pass sees every byte of every
    /// inventory, so it is worth not branching per byte).
    static func countQuotesAndOpenings(_ b: UnsafeBufferPointer<UInt8>) -> (quotes: Int, openings: Int) {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte of `x` that is zero, exactly (no false positives from borrows).
        @inline(__always) func zeroBytes(_ x: UInt64) -> Int { (~(((x & low) &+ low) | x | low)).nonzeroBitCount }
        var quotes = 0, openings = 0
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= b.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                quotes &+= zeroBytes(w ^ 0x2222_2222_2222_2222)
                openings &+= zeroBytes(w ^ 0x7B7B_7B7B_7B7B_7B7B) &+ zeroBytes(w ^ 0x5B5B_5B5B_5B5B_5B5B)
                i += 8
            }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x22 { quotes += 1 } else if c == 0x7B || c == 0x5B { openings += 1 }
            i += 1
        }
        return (quotes, openings)
    }
}

/// Byte-string helpers for the validator's hot loops.
enum Bytes {
    /// Same length and bytes (memcmp).
    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }
}

/// The strict RFC 8259 grammar writing `JSONTape` nodes (errors name the byte offset, as before).
private struct TapeParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    var nodes: [JSONTape.Node] = []
    var decoded: [UInt8] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Size the node array once: about one node per string (two quotes) and per container. Growing it by
        // doubling would hold up to twice the tape (plus the copy) beside an inventory of tens of MB.
        let (quotes, containers) = bytes.withUnsafeBufferPointer { JSONTape.countQuotesAndOpenings($0) }
        nodes.reserveCapacity(quotes / 2 + containers + 16)
    }

    mutating func parseDocument() throws(JSONSyntaxError) {
        // Tolerate a UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw fail("end of document") }
    }

    private func fail(_ expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: "expected \(expected)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            index += 1
        }
    }

    private mutating func push(_ kind: JSONTape.Kind, _ a: Int = 0, _ b: Int = 0, escaped: Bool = false) {
        nodes.append(JSONTape.Node(kind: kind, escaped: escaped, a: UInt32(a), b: UInt32(b)))
    }

    private mutating func parseValue() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw fail("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"): try literal("true"); push(.true)
        case UInt8(ascii: "f"): try literal("false"); push(.false)
        case UInt8(ascii: "n"): try literal("null"); push(.null)
        default: try parseNumber()
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard index + n <= bytes.count else { throw fail("\(word)") }
        let matches = word.withUTF8Buffer { w in (0..<n).allSatisfy { bytes[index + $0] == w[$0] } }
        guard matches else { throw fail("\(word)") }
        index += n
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { throw fail("less nesting") }
        index += 1
        let me = nodes.count
        push(.object)
        var count = 0
        defer { nodes[me].a = UInt32(count); nodes[me].b = UInt32(nodes.count) }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("a string key") }
            try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("':'") }
            index += 1
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw fail("',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            throw fail("',' or '}'")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { throw fail("less nesting") }
        index += 1
        let me = nodes.count
        push(.array)
        var count = 0
        defer { nodes[me].a = UInt32(count); nodes[me].b = UInt32(nodes.count) }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
        while true {
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw fail("',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw fail("',' or ']'")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) {
        index += 1
        // Fast path: no escapes, so the string is the bytes up to the closing quote.
        var end = index
        var ascii = true
        bytes.withUnsafeBufferPointer { b in
            while end < b.count {
                let c = b[end]
                if c == 0x22 || c == 0x5C || c < 0x20 { break }
                if c >= 0x80 { ascii = false }
                end += 1
            }
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            if !ascii {
                let valid = bytes.withUnsafeBufferPointer { UTF8Check.isValid(UnsafeBufferPointer(rebasing: $0[index..<end])) }
                guard valid else { throw fail("valid UTF-8") }
            }
            push(.string, index, end)
            index = end + 1
            return
        }
        let start = decoded.count
        while true {
            guard index < bytes.count else { throw fail("closing '\"'") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; break }
            if b < 0x20 { throw fail("no control character in string") }
            if b != UInt8(ascii: "\\") { decoded.append(b); index += 1; continue }
            index += 1
            do throws(JSONStringEscape.Failure) {
                try JSONStringEscape.decode(bytes, at: &index, into: &decoded)
            } catch {
                throw fail(error.expected)
            }
        }
        let valid = decoded.withUnsafeBufferPointer { UTF8Check.isValid(UnsafeBufferPointer(rebasing: $0[start...])) }
        guard valid else { throw fail("valid UTF-8") }
        push(.string, start, decoded.count, escaped: true)
    }

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout TapeParser) -> Int {
            let s = p.index
            while p.index < p.bytes.count, (0x30...0x39).contains(p.bytes[p.index]) { p.index += 1 }
            return p.index - s
        }
        guard digits(&self) > 0 else { index = start; throw fail("a value") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw fail("a digit") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw fail("a digit") }
        }
        push(.number, start, index)
    }
}

/// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), without building a String.
enum UTF8Check {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
            if c >= 0xC2 && c <= 0xDF {
                guard cont(i + 1) else { return false }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard cont(i + 1), cont(i + 2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }  // overlong
                if c == 0xED && c1 >= 0xA0 { return false }  // surrogate
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }  // overlong
                if c == 0xF4 && c1 >= 0x90 { return false }  // above U+10FFFF
                i += 4
            } else {
                return false
            }
        }
        return true
    }
}

private extension JSONStringEscape.Failure {
    /// What the tape's syntax error says was expected.
    var expected: String {
        switch self {
        case .truncated: "an escape"
        case .unknownLetter: "a valid escape"
        case .badHexDigit: "a hex digit"
        case .missingLowSurrogate: "a low surrogate"
        case .loneLowSurrogate: "a valid code point"
        }
    }
}
