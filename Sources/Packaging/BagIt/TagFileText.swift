/// A text tag file split into lines the RFC 8493 way: LF, CR or CRLF each end a line (§2.2.4).
public struct TagFileText: Sendable {
    /// One line without its terminator, with its 1-based number.
    public struct Line: Sendable {
        /// 1-based line number, for findings.
        public var number: Int
        /// The bytes of the line, terminator excluded.
        public var bytes: ArraySlice<UInt8>
    }

    /// The lines in order.
    public var lines: [Line]
    /// True when the file began with the UTF-8 byte order mark (EF BB BF).
    public var hadBOM: Bool
    /// True when the last line has a terminator (RECOMMENDED, §2.2.4).
    public var endsWithNewline: Bool
    /// True when the bytes (BOM excluded) are valid UTF-8.
    public var isValidUTF8: Bool

    /// Splits `bytes`; a BOM is noted and skipped.
    public init(_ bytes: [UInt8]) {
        var start = 0
        hadBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if hadBOM { start = 3 }
        isValidUTF8 = String(validating: bytes[start...], as: UTF8.self) != nil
        var lines: [Line] = []
        var lineStart = start
        var i = start
        var number = 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Line(number: number, bytes: bytes[lineStart..<i]))
                number += 1
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                lineStart = i
            } else {
                i += 1
            }
        }
        endsWithNewline = lineStart == bytes.count
        if lineStart < bytes.count {
            lines.append(Line(number: number, bytes: bytes[lineStart..<bytes.count]))
        }
        self.lines = lines
    }
}

extension UInt8 {
    /// Space or horizontal tab: RFC 5234 WSP.
    var isLinearWhitespace: Bool { self == 0x20 || self == 0x09 }
}

extension ArraySlice where Element == UInt8 {
    /// The slice without leading and trailing spaces and tabs.
    func trimmingLinearWhitespace() -> ArraySlice<UInt8> {
        var s = self
        while let first = s.first, first.isLinearWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isLinearWhitespace { s = s.dropLast() }
        return s
    }
}
