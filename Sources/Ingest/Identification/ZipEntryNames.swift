/// The entry names of a zip file, read from its central directory with bounded reads.
///
/// Enough to tell an Office Open XML document from a spreadsheet or a presentation; nothing is inflated.
/// Packaging's zip reader is internal to that module, so identification keeps this small reader of its own.
struct ZipEntryNames {
    /// One central-directory record: enough to find and inflate a small entry.
    struct Entry {
        var name: String
        var method: Int
        var compressedSize: Int64
        var localHeaderOffset: Int64
    }

    /// Entries, in central-directory order (at most `limit`).
    var entries: [Entry]

    /// Entry names, in central-directory order.
    var names: [String] { entries.map(\.name) }

    /// The largest central directory read (bytes); bigger ones are read only this far.
    static let maxDirectoryBytes = 4 << 20

    /// Reads the names, or nil when the end-of-central-directory record is not found in the last 64 KiB.
    init?(_ reader: borrowing BoundedFileReader, limit: Int = 20_000) throws(FormatIdentificationError) {
        let tail = try reader.tail(66_000)
        var eocd: Int?
        var i = tail.count - 22
        while i >= 0 {
            if tail.has([0x50, 0x4B, 0x05, 0x06], at: i) { eocd = i; break }
            i -= 1
        }
        guard let eocd else { return nil }
        var directorySize = Int64(tail.uint32LE(eocd + 12))
        var directoryOffset = Int64(tail.uint32LE(eocd + 16))
        if directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
            // Zip64: the locator sits just before the EOCD and points at the zip64 EOCD record.
            let locator = eocd - 20
            guard locator >= 0, tail.has([0x50, 0x4B, 0x06, 0x07], at: locator) else { return nil }
            let record64 = Int64(tail.uint32LE(locator + 8)) | Int64(tail.uint32LE(locator + 12)) << 32
            let record = try reader.read(at: record64, count: 56)
            guard record.has([0x50, 0x4B, 0x06, 0x06], at: 0) else { return nil }
            directorySize = Int64(record.uint32LE(40)) | Int64(record.uint32LE(44)) << 32
            directoryOffset = Int64(record.uint32LE(48)) | Int64(record.uint32LE(52)) << 32
        }
        let directory = try reader.read(at: directoryOffset, count: Int(min(directorySize, Int64(Self.maxDirectoryBytes))))
        var entries: [Entry] = []
        var p = 0
        while p + 46 <= directory.count, directory.has([0x50, 0x4B, 0x01, 0x02], at: p), entries.count < limit {
            let nameLength = directory.uint16LE(p + 28)
            let extraLength = directory.uint16LE(p + 30)
            let commentLength = directory.uint16LE(p + 32)
            guard p + 46 + nameLength <= directory.count else { break }
            // Zip64 sizes and offsets (0xFFFFFFFF) are not followed: such entries are never the small XML read here.
            entries.append(Entry(name: String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                                 method: directory.uint16LE(p + 10),
                                 compressedSize: Int64(directory.uint32LE(p + 20)),
                                 localHeaderOffset: Int64(directory.uint32LE(p + 42))))
            p += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The first `maxBytes` of entry `name` (stored or deflated), nil when absent, too big or damaged.
    func contents(of name: String, _ reader: borrowing BoundedFileReader, maxBytes: Int = 256 * 1024,
                  maxCompressedBytes: Int = 1 << 20) throws(FormatIdentificationError) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.name == name }), entry.compressedSize <= Int64(maxCompressedBytes),
              entry.compressedSize < 0xFFFF_FFFF, entry.localHeaderOffset < 0xFFFF_FFFF else { return nil }
        let header = try reader.read(at: entry.localHeaderOffset, count: 30)
        guard header.has([0x50, 0x4B, 0x03, 0x04], at: 0) else { return nil }
        let start = entry.localHeaderOffset + 30 + Int64(header.uint16LE(26)) + Int64(header.uint16LE(28))
        let data = try reader.read(at: start, count: Int(entry.compressedSize))
        switch entry.method {
        case 0: return Array(data.prefix(maxBytes))
        case 8: return Inflater.inflate(data, maxOutput: maxBytes)
        default: return nil
        }
    }
}
