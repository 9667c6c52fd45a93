/// A forward-only stream of tar bytes: the archive file itself, or the output of gunzip.
protocol TarByteSource {
    /// Reads up to `buffer.count` bytes; 0 means the end of the stream.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int
    /// Skips `count` bytes, or throws `truncated` if the stream ends first.
    mutating func skip(_ count: Int64) throws(ArchiveError)
}

/// Tar bytes read straight from the archive file; skipping is a seek.
struct PlainTarSource: TarByteSource {
    let file: ArchiveFile
    private var position: Int64 = 0

    init(file: ArchiveFile) {
        self.file = file
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let count = try file.read(at: position, into: buffer)
        position += Int64(count)
        return count
    }

    mutating func skip(_ count: Int64) throws(ArchiveError) {
        guard count <= file.size - position else {
            throw ArchiveError(.truncated, archive: file.path, vi: "tệp kết thúc giữa dữ liệu của một mục",
                               en: "the file ends inside an entry's data")
        }
        position += count
    }
}
