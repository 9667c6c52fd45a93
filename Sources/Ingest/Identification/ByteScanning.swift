/// Small helpers for looking at raw bytes; all bounds-checked.
extension Array where Element == UInt8 {
    /// True when the bytes at `offset` equal `pattern`.
    func has(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= count else { return false }
        for i in 0..<pattern.count where self[offset + i] != pattern[i] { return false }
        return true
    }

    /// True when the ASCII string appears at `offset`.
    func has(ascii text: String, at offset: Int) -> Bool { has(Array(text.utf8), at: offset) }

    /// The first offset at or after `start` where `pattern` occurs.
    func firstOffset(of pattern: [UInt8], from start: Int = 0) -> Int? {
        guard let first = pattern.first, pattern.count <= count else { return nil }
        var i = Swift.max(0, start)
        while i + pattern.count <= count {
            if self[i] == first && has(pattern, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// The first offset where the ASCII string occurs.
    func firstOffset(ofASCII text: String, from start: Int = 0) -> Int? { firstOffset(of: Array(text.utf8), from: start) }

    /// Little-endian unsigned 16-bit value at `offset`, 0 when out of range.
    func uint16LE(_ offset: Int) -> Int {
        guard offset >= 0, offset + 2 <= count else { return 0 }
        return Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    /// Little-endian unsigned 32-bit value at `offset`, 0 when out of range.
    func uint32LE(_ offset: Int) -> Int {
        guard offset >= 0, offset + 4 <= count else { return 0 }
        return uint16LE(offset) | uint16LE(offset + 2) << 16
    }

    /// Big-endian unsigned 16-bit value at `offset`, 0 when out of range.
    func uint16BE(_ offset: Int) -> Int {
        guard offset >= 0, offset + 2 <= count else { return 0 }
        return Int(self[offset]) << 8 | Int(self[offset + 1])
    }

    /// Big-endian unsigned 32-bit value at `offset`, 0 when out of range.
    func uint32BE(_ offset: Int) -> Int {
        guard offset >= 0, offset + 4 <= count else { return 0 }
        return uint16BE(offset) << 16 | uint16BE(offset + 2)
    }

    /// The bytes in `range` clamped to the array, as Latin-1 text (every byte one character).
    func latin1(_ range: Range<Int>) -> String {
        let lower = Swift.max(0, Swift.min(range.lowerBound, count))
        let upper = Swift.max(lower, Swift.min(range.upperBound, count))
        return String(self[lower..<upper].map { Character(Unicode.Scalar($0)) })
    }
}
