/// Tells whether bytes are text and in which encoding: BOMs, UTF-16 zero patterns, UTF-8 validity.
enum TextEncodingDetector {
    /// The encoding of `bytes`, or nil when they look binary (control bytes, NULs without a UTF-16 pattern).
    /// `truncated` says the bytes were cut at an arbitrary point, so a partial UTF-8 sequence at the end is fine.
    static func detect(_ bytes: [UInt8], truncated: Bool) -> TextEncoding? {
        if bytes.has([0xEF, 0xBB, 0xBF], at: 0) {
            return isUTF8(bytes.dropFirst(3), truncated: truncated) ? .utf8WithBOM : nil
        }
        if bytes.has([0xFF, 0xFE], at: 0) { return .utf16LittleEndian }
        if bytes.has([0xFE, 0xFF], at: 0) { return .utf16BigEndian }
        guard !bytes.isEmpty else { return nil }
        let sample = bytes.prefix(4096)
        let zeros = sample.filter { $0 == 0 }.count
        if zeros > 0 {
            // UTF-16 without a BOM: ASCII-range text puts a zero in every other byte.
            var even = 0, odd = 0
            for (i, b) in sample.enumerated() where b == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
            if odd * 3 > sample.count && even * 20 < sample.count { return .utf16LittleEndian }
            if even * 3 > sample.count && odd * 20 < sample.count { return .utf16BigEndian }
            return nil
        }
        // Control bytes other than tab, LF, FF, CR, ESC are not text.
        if bytes.contains(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains($0) || $0 == 0x7F }) { return nil }
        if bytes.allSatisfy({ $0 < 0x80 }) { return .ascii }
        return isUTF8(bytes[...], truncated: truncated) ? .utf8 : .legacy8Bit
    }

    /// True when the bytes are well-formed UTF-8 (a sequence cut off at the very end is allowed when truncated).
    static func isUTF8(_ bytes: ArraySlice<UInt8>, truncated: Bool) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if i + length > bytes.endIndex { return truncated }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
