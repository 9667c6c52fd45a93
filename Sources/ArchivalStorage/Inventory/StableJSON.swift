/// A JSON value written with sorted keys and fixed indentation, so the same inventory always gives the same bytes.
///
/// Keys and arrays of paths are ordered by UTF-8 bytes; strings are written with their bytes unchanged
/// (an NFD name stays NFD), escaping only what JSON requires.
enum StableJSON {
    case string(String)
    case array([StableJSON])
    case object([(key: String, value: StableJSON)])

    /// The document as UTF-8 bytes with two-space indentation and a final newline.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Orders strings by their bytes, never by canonical equivalence.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text):
            Self.writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: Array("[]".utf8))
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                out.append(contentsOf: Self.newline(indent + 1))
                item.write(into: &out, indent: indent + 1)
                if index < items.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(contentsOf: Self.newline(indent))
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: Array("{}".utf8))
                return
            }
            let sorted = members.sorted { Self.byteOrder($0.key, $1.key) }
            out.append(UInt8(ascii: "{"))
            for (index, member) in sorted.enumerated() {
                out.append(contentsOf: Self.newline(indent + 1))
                Self.writeString(member.key, into: &out)
                out.append(contentsOf: Array(": ".utf8))
                member.value.write(into: &out, indent: indent + 1)
                if index < sorted.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(contentsOf: Self.newline(indent))
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int) -> [UInt8] {
        [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: indent * 2)
    }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
