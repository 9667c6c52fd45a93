#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// The sha256 fixity block of an inventory as a `PathTable` with raw digests, read straight from the inventory's
/// bytes: no `String` per path, no dictionary of digests. What a `fixity`-mode check of an object Kho wrote needs.
struct FixityIndex {
    var table = PathTable()
    /// The digest of each path of `table`, nil when the inventory's value is not hex.
    var digests: [RawDigest?] = []
    /// The inventory's text of a digest that is not hex, by path number (for the message).
    var unreadable: [Int: String] = [:]
}

/// Reads an inventory for a `fixity`-mode check in one pass over its bytes: id, head, digestAlgorithm, the sha256
/// fixity block into a `FixityIndex`, and the manifest's paths, each of which must be in that index.
///
/// Only the common case is handled here; nil means "use `FixityInventory.decode`": the sha256 block missing or not
/// covering every manifest path, the content digests themselves sha256, the manifest before the fixity block, an
/// escape it does not know, a repeated key, or anything that is not well-formed. It never accepts what
/// `FixityInventory.decode` would reject.
struct FixityIndexReader {
    struct Result {
        var id: String
        var head: String
        var digestAlgorithm: String
        var index: FixityIndex
    }

    static func read(_ bytes: [UInt8]) -> Result? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = FixityIndexReader(bytes: buffer)
            return reader.inventory()
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    /// Unescaped bytes of the last string that had escapes.
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// The next string's bytes, unescaped, passed to `body`; false when it is not a well-formed string.
    private mutating func string(_ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard take(Self.quote) else { return false }
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == Self.quote {
                body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<at])))
                at += 1
                return true
            }
            if byte == Self.backslash { break }
            if byte < 0x20 { return false }
            at += 1
        }
        // With escapes: unescape into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<at])
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            if byte == Self.quote {
                scratch.withUnsafeBytes { body($0) }
                return true
            }
            if byte < 0x20 { return false }
            guard byte == Self.backslash else {
                scratch.append(byte)
                continue
            }
            do throws(JSONStringEscape.Failure) {
                try JSONStringEscape.decode(bytes, at: &at, into: &scratch)
            } catch {
                return false  // `FixityInventory.decode` refuses it too, and says why
            }
        }
        return false
    }

    private mutating func text() -> String? {
        var result: String?
        guard string({ result = String(decoding: $0, as: UTF8.self) }) else { return nil }
        return result
    }

    /// `{ key: value, … }`, `member` reading each value; false when malformed.
    private mutating func object(_ member: (inout FixityIndexReader, UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            var key: [UInt8] = []
            guard string({ key = Array($0) }), take(UInt8(ascii: ":")) else { return false }
            guard key.withUnsafeBytes({ member(&self, $0) }) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// `[ string, … ]`, each string's bytes passed to `element`; false when malformed or `element` says so.
    private mutating func strings(_ element: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        while true {
            var accepted = true
            guard string({ accepted = element($0) }), accepted else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// Steps over any value as `JSONByteReader.skipValue` does: brackets counted outside strings, escapes honoured.
    private mutating func skipValue() -> Bool {
        skipSpace()
        guard at < bytes.count else { return false }
        switch bytes[at] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), Self.quote:
            var depth = 0
            var inString = false
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                if inString {
                    if byte == Self.backslash {
                        at += 1
                    } else if byte == Self.quote {
                        inString = false
                        if depth == 0 { return true }
                    }
                    continue
                }
                switch byte {
                case Self.quote: inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return true }
                default: continue
                }
            }
            return false
        default:
            while at < bytes.count, !",}] \n\r\t".utf8.contains(bytes[at]) { at += 1 }
            return true
        }
    }

    private static func equal(_ key: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        guard let base = key.baseAddress else { return key.isEmpty }
        return memcmp(base, name.utf8Start, key.count) == 0
    }

    private mutating func inventory() -> Result? {
        var id: String?, head: String?, algorithm: String?
        var index: FixityIndex?
        var sawManifest = false
        let complete = object { reader, key in
            if Self.equal(key, "id") {
                guard id == nil, let value = reader.text() else { return false }
                id = value
            } else if Self.equal(key, "head") {
                guard head == nil, let value = reader.text() else { return false }
                head = value
            } else if Self.equal(key, "digestAlgorithm") {
                guard algorithm == nil, let value = reader.text() else { return false }
                algorithm = value
            } else if Self.equal(key, "fixity") {
                guard index == nil, !sawManifest else { return false }
                index = reader.fixity()
                return index != nil
            } else if Self.equal(key, "manifest") {
                // Every manifest path must have its sha256 in the index, or the general decoder is needed.
                guard !sawManifest, let index else { return false }
                sawManifest = true
                return reader.object { reader, _ in reader.strings { index.table.number(of: $0) != nil } }
            } else {
                return reader.skipValue()
            }
            return true
        }
        skipSpace()
        guard complete, at == bytes.count, sawManifest, let id, let head, let algorithm, let index,
              algorithm.lowercased() != DigestAlgorithm.sha256.rawValue else { return nil }
        return Result(id: id, head: head, digestAlgorithm: algorithm, index: index)
    }

    /// The fixity block: its sha256 member read into an index, other algorithms stepped over.
    private mutating func fixity() -> FixityIndex? {
        var index: FixityIndex?
        let complete = object { reader, name in
            guard Self.equal(name, "sha256") else {
                // Other algorithms Kho knows are read (and dropped) as strictly as `FixityInventory.decode` reads them.
                guard DigestAlgorithm(rawValue: String(decoding: name, as: UTF8.self)) != nil else { return reader.skipValue() }
                return reader.object { reader, _ in reader.strings { _ in true } }
            }
            guard index == nil else { return false }
            var found = FixityIndex()
            let read = reader.object { reader, digest in
                let raw = RawDigest(hex: digest)
                let text = raw == nil ? String(decoding: digest, as: UTF8.self) : nil
                return reader.strings { path in
                    let (number, added) = found.table.add(path)
                    // A path under two digests: the general decoder decides which one counts.
                    guard added else { return false }
                    found.digests.append(raw)
                    if let text { found.unreadable[number] = text }
                    return true
                }
            }
            index = found
            return read
        }
        guard complete else { return nil }
        return index
    }
}

extension RawDigest {
    /// The digest written as hex bytes in either case; nil when not an even number (≤ 128) of hex digits.
    init?(hex: UnsafeRawBufferPointer) {
        guard hex.count % 2 == 0, hex.count <= 128 else { return nil }
        var result = RawDigest()
        var ok = true
        withUnsafeMutableBytes(of: &result.bytes) { out in
            var index = 0
            while index < hex.count {
                guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else {
                    ok = false
                    return
                }
                out[index / 2] = high << 4 | low
                index += 2
            }
        }
        guard ok else { return nil }
        result.count = hex.count / 2
        self = result
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
