/// The entries of a zip file, read with Kho's own checked central-directory parser, and small entries
/// read back in memory — what format identification needs to tell a DOCX from an ODT without unpacking.
public struct ZipIndex: Sendable {
    /// One entry: its name and sizes.
    public struct Entry: Sendable, Hashable {
        /// The name as stored (UTF-8; names that are not are shown with replacement characters).
        public var name: String
        /// Bytes after decompression, as the central directory declares.
        public var uncompressedSize: Int64
        /// Bytes stored in the archive.
        public var compressedSize: Int64
        /// 0 stored, 8 deflated, others unsupported here.
        public var method: UInt16
        /// Where the stored bytes start.
        let dataOffset: Int64
        let encrypted: Bool
    }

    /// The zip file.
    public let path: String
    /// Entries in central-directory order.
    public let entries: [Entry]

    /// Entry names in central-directory order.
    public var names: [String] { entries.map(\.name) }

    /// Reads the central directory of the zip at `path` (cross-checked with the local headers).
    public static func read(zipAt path: String, limits: ExtractionLimits = ExtractionLimits()) throws(ArchiveError) -> ZipIndex {
        let file = try ArchiveFile(path: path)
        let directory = try ZipDirectory.read(file, limits: limits)
        let entries = directory.entries.map { entry in
            Entry(name: String(decoding: entry.nameBytes, as: UTF8.self), uncompressedSize: entry.uncompressedSize,
                  compressedSize: entry.compressedSize, method: entry.method, dataOffset: entry.dataOffset,
                  encrypted: entry.isEncrypted)
        }
        return ZipIndex(path: path, entries: entries)
    }

    /// The first `maxBytes` of entry `name` (stored or deflated); nil when absent, encrypted, stored with
    /// another method, larger than `maxCompressedBytes` in the archive, or damaged.
    public func contents(of name: String, maxBytes: Int = 256 * 1024, maxCompressedBytes: Int = 1 << 20) throws(ArchiveError) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.name == name }), !entry.encrypted,
              entry.compressedSize <= Int64(maxCompressedBytes) else { return nil }
        let file = try ArchiveFile(path: path)
        let stored = try file.bytes(at: entry.dataOffset, count: Int(entry.compressedSize), what: "dữ liệu mục / entry data")
        switch entry.method {
        case 0: return Array(stored.prefix(maxBytes))
        case 8: return RawInflater.inflate(stored, maxOutput: maxBytes)
        default: return nil
        }
    }
}
