extension Array where Element == UInt8 {
    /// Little-endian unsigned integer of `width` bytes at `offset` (caller guarantees bounds).
    func littleEndian(_ offset: Int, _ width: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<width).reversed() { value = value << 8 | UInt64(self[offset + index]) }
        return value
    }
}
