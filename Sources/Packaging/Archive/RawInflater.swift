import CZlibKho

/// Inflates a small raw DEFLATE stream (a zip entry's data) in memory with zlib, stopping at a cap.
/// For reading a few KiB of a part (an ODF manifest); unpacking streams through `ZipUnpacker` instead.
enum RawInflater {
    /// The first `maxOutput` bytes of the raw DEFLATE stream `input`, or nil when it is not valid DEFLATE.
    static func inflate(_ input: [UInt8], maxOutput: Int) -> [UInt8]? {
        guard maxOutput > 0 else { return [] }
        var stream = z_stream()
        // Negative window bits: a raw DEFLATE stream, as zip entries hold (no zlib header).
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: maxOutput)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlibKho.inflate(&stream, Z_FINISH)
            }
        }
        let produced = maxOutput - Int(stream.avail_out)
        // Z_BUF_ERROR with a full buffer means the cap was reached: the prefix is what was asked for.
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_out == 0) else { return nil }
        return Array(output.prefix(produced))
    }
}
