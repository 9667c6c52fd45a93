/// The escapes of a JSON string (RFC 8259 §7), decoded one way for every JSON reader of this module — the
/// validator's tape, the inventory reader and the fixity check's fast reader — so that none accepts what another
/// refuses: the eight one-letter escapes and `\uXXXX`, a high surrogate only with a low one straight after it.
enum JSONStringEscape {
    /// Why an escape cannot be decoded; the reader's index is left on the byte at fault.
    enum Failure: Error, Equatable {
        /// Nothing after the backslash.
        case truncated
        /// The letter after the backslash is none of `" \ / b f n r t u`.
        case unknownLetter
        /// `\u` is not followed by four hex digits.
        case badHexDigit
        /// A high surrogate not followed by `\u` and a low surrogate.
        case missingLowSurrogate
        /// A low surrogate with no high one before it.
        case loneLowSurrogate
    }

    /// Decodes the escape whose backslash is just before `index` in `bytes`, appends its UTF-8 bytes to `out`, and
    /// moves `index` past it. On failure `index` is on the byte at fault (the letter, the bad hex digit, or where
    /// the low surrogate should start).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, into out: inout [UInt8]) throws(Failure) {
        guard index < bytes.count else { throw .truncated }
        let letter = bytes[index]
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            index += 1
            var scalar = try hex4(bytes, at: &index)
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw .missingLowSurrogate
                }
                index += 2
                let low = try hex4(bytes, at: &index)
                guard (0xDC00...0xDFFF).contains(low) else { throw .missingLowSurrogate }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let value = Unicode.Scalar(scalar) else { throw .loneLowSurrogate }
            UTF8.encode(value) { out.append($0) }
            return
        default:
            throw .unknownLetter
        }
        index += 1
    }

    /// `decode` over an array.
    static func decode(_ bytes: [UInt8], at index: inout Int, into out: inout [UInt8]) throws(Failure) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) in try decode(buffer, at: &index, into: &out) }
    }

    /// The longest escape after its backslash (`uD83D\uDE00`): a windowed reader keeps this many bytes in view.
    static let longest = 11

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw .badHexDigit }
            let digit: UInt32
            switch bytes[index] {
            case 0x30...0x39: digit = UInt32(bytes[index] - 0x30)
            case 0x41...0x46: digit = UInt32(bytes[index] - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(bytes[index] - 0x61 + 10)
            default: throw .badHexDigit
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
