#if canImport(CZlib)
import CZlibKho
#elseif canImport(zlib)
import zlib
#endif

/// CRC-32 as zip uses it, computed by zlib (ZIPFoundation's fallback is a slow table loop on Linux).
struct CRC32Checksum {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let length = Swift.min(bytes.count - offset, 1 << 30)
            let pointer = (base + offset).assumingMemoryBound(to: UInt8.self)
            value = UInt32(truncatingIfNeeded: crc32(UInt(value), pointer, UInt32(length)))
            offset += length
        }
    }
}
