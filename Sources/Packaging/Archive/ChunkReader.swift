/// Sequential reads of a byte range in 64 KiB chunks, so a large central directory never sits whole in memory.
struct ChunkReader {
    let file: ArchiveFile
    private var position: Int64
    private let end: Int64
    private var buffer: [UInt8] = []
    private var bufferIndex = 0

    init(file: ArchiveFile, start: Int64, end: Int64) throws(ArchiveError) {
        self.file = file
        self.position = start
        self.end = end
    }

    /// Bytes of the range not yet taken.
    var remaining: Int64 { end - position + Int64(buffer.count - bufferIndex) }

    mutating func take(_ count: Int) throws(ArchiveError) -> [UInt8] {
        if buffer.count - bufferIndex < count {
            let keep = Array(buffer[bufferIndex...])
            let want = Int(min(Int64(max(count - keep.count, 1 << 16)), end - position))
            guard keep.count + want >= count else {
                throw ArchiveError(.truncated, archive: file.path,
                                   vi: "thư mục trung tâm bị cụt", en: "central directory is truncated")
            }
            buffer = keep + (try file.bytes(at: position, count: want, what: "central directory"))
            position += Int64(want)
            bufferIndex = 0
        }
        defer { bufferIndex += count }
        return Array(buffer[bufferIndex..<(bufferIndex + count)])
    }
}
