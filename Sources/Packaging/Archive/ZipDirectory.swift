import Foundation

/// One entry of a zip central directory, as parsed by Kho itself (not trusted to ZIPFoundation):
/// flags, method, sizes, host and attributes, and where its data starts.
struct ZipDirectoryEntry {
    var nameBytes: [UInt8]
    var flags: UInt16
    var method: UInt16
    var versionMadeBy: UInt16
    var externalAttributes: UInt32
    var crc32: UInt32
    var compressedSize: Int64
    var uncompressedSize: Int64
    var localHeaderOffset: Int64
    /// First byte of the stored data (after the local header), filled in by `ZipDirectory.read`.
    var dataOffset: Int64 = 0
    /// MS-DOS modification date and time (local time of the producer, 2-second steps).
    var dosDate: UInt16 = 0
    var dosTime: UInt16 = 0
    /// Modification time in Unix seconds (UTC) from the extended-timestamp extra field `0x5455`, if present.
    var unixModified: Int64?

    /// When the file was last modified: the UTC timestamp if the producer wrote one, else the DOS
    /// date and time read in this machine's time zone (zip has no zone; Kho runs in Vietnam's).
    var modified: Date? {
        if let unixModified { return Date(timeIntervalSince1970: TimeInterval(unixModified)) }
        var parts = DateComponents()
        parts.year = 1980 + Int(dosDate >> 9)
        parts.month = Int((dosDate >> 5) & 0x0F)
        parts.day = Int(dosDate & 0x1F)
        parts.hour = Int(dosTime >> 11)
        parts.minute = Int((dosTime >> 5) & 0x3F)
        parts.second = Int(dosTime & 0x1F) * 2
        guard (1...12).contains(parts.month ?? 0), (1...31).contains(parts.day ?? 0),
              (0...23).contains(parts.hour ?? -1), (0...59).contains(parts.minute ?? -1) else { return nil }
        return Calendar(identifier: .gregorian).date(from: parts)
    }

    /// Bit 0 (traditional/AES encryption), bit 6 (strong encryption) or method 99 (WinZip AES).
    var isEncrypted: Bool { flags & 0x0001 != 0 || flags & 0x0040 != 0 || method == 99 }
    /// Unix file type bits when the entry was made on a Unix host, else nil.
    var unixFileType: UInt32? {
        let host = versionMadeBy >> 8
        guard host == 3 || host == 19 else { return nil }  // Unix, OS X
        let type = (externalAttributes >> 16) & 0o170000
        return type == 0 ? nil : type
    }
}

/// The central directory of a zip, read and cross-checked with the local headers before anything is unpacked.
struct ZipDirectory {
    var entries: [ZipDirectoryEntry]
    var centralDirectoryOffset: Int64

    static let eocdSignature: UInt64 = 0x0605_4b50
    static let zip64LocatorSignature: UInt64 = 0x0706_4b50
    static let zip64EOCDSignature: UInt64 = 0x0606_4b50
    static let centralSignature: UInt64 = 0x0201_4b50
    static let localSignature: UInt64 = 0x0403_4b50

    static func read(_ file: ArchiveFile, limits: ExtractionLimits) throws(ArchiveError) -> ZipDirectory {
        let archive = file.path
        func malformed(_ vi: String, _ en: String) -> ArchiveError {
            ArchiveError(.malformed, archive: archive, vi: vi, en: en)
        }
        // End of central directory: 22 bytes + comment, within the last 64 KiB + 22.
        let tailLength = Int(min(file.size, 22 + 0xFFFF))
        let tailStart = file.size - Int64(tailLength)
        let tail = try file.bytes(at: tailStart, count: tailLength, what: "phần cuối tệp / the file's tail")
        // Every position where an EOCD whose comment runs exactly to the end of the file could start.
        // More than one means a record hidden in a comment: readers would disagree on the contents.
        var candidates: [Int] = []
        var index = tailLength - 22
        while index >= 0 {
            if tail.littleEndian(index, 4) == eocdSignature,
               Int(tail.littleEndian(index + 20, 2)) == tailLength - index - 22 {
                candidates.append(index)
            }
            index -= 1
        }
        if candidates.count > 1 {
            throw malformed("có nhiều bản ghi EOCD (một bản ẩn trong chú thích); các chương trình sẽ đọc khác nhau",
                            "several end-of-central-directory records (one hidden in a comment); readers would disagree")
        }
        guard let eocd = candidates.first else {
            throw ArchiveError(.truncated, archive: archive,
                               vi: "không thấy bản ghi cuối thư mục trung tâm (EOCD)",
                               en: "no end-of-central-directory record (EOCD)")
        }
        let eocdOffset = tailStart + Int64(eocd)
        let diskNumber = tail.littleEndian(eocd + 4, 2), cdDisk = tail.littleEndian(eocd + 6, 2)
        var count = tail.littleEndian(eocd + 10, 2)
        var cdSize = tail.littleEndian(eocd + 12, 4)
        var cdOffset = tail.littleEndian(eocd + 16, 4)
        var directoryEnd = eocdOffset
        if diskNumber != 0 || cdDisk != 0 || tail.littleEndian(eocd + 8, 2) != count {
            throw ArchiveError(.unsupported, archive: archive, vi: "gói nén nhiều phần (multi-disk)", en: "multi-disk archive")
        }
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            guard eocdOffset >= 20 else { throw malformed("thiếu bộ định vị ZIP64", "missing ZIP64 locator") }
            let locator = try file.bytes(at: eocdOffset - 20, count: 20, what: "ZIP64 locator")
            if locator.littleEndian(0, 4) == zip64LocatorSignature {
                let recordOffset = locator.littleEndian(8, 8)
                guard eocdOffset >= 76, recordOffset <= UInt64(eocdOffset - 76) else {
                    throw malformed("vị trí bản ghi ZIP64 EOCD sai", "bad ZIP64 EOCD offset")
                }
                let record = try file.bytes(at: Int64(recordOffset), count: 56, what: "ZIP64 EOCD")
                guard record.littleEndian(0, 4) == zip64EOCDSignature else {
                    throw malformed("chữ ký ZIP64 EOCD sai", "bad ZIP64 EOCD signature")
                }
                count = record.littleEndian(32, 8)
                cdSize = record.littleEndian(40, 8)
                cdOffset = record.littleEndian(48, 8)
                directoryEnd = Int64(recordOffset)
            }
        }
        if count > UInt64(limits.maxEntryCount) {
            throw ArchiveError(.bombCount, archive: archive,
                               vi: "khai báo \(count) mục, giới hạn \(limits.maxEntryCount)",
                               en: "declares \(count) entries, limit \(limits.maxEntryCount)")
        }
        guard cdOffset <= UInt64(directoryEnd), cdSize <= UInt64(directoryEnd) - cdOffset else {
            throw ArchiveError(.truncated, archive: archive,
                               vi: "thư mục trung tâm nằm ngoài tệp", en: "central directory lies outside the file")
        }
        var reader = try ChunkReader(file: file, start: Int64(cdOffset), end: Int64(cdOffset + cdSize))
        var entries: [ZipDirectoryEntry] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            let header = try reader.take(46)
            guard header.littleEndian(0, 4) == centralSignature else {
                throw malformed("chữ ký mục thư mục trung tâm sai", "bad central directory entry signature")
            }
            let nameLength = Int(header.littleEndian(28, 2))
            let extraLength = Int(header.littleEndian(30, 2))
            let commentLength = Int(header.littleEndian(32, 2))
            let name = try reader.take(nameLength)
            let extra = try reader.take(extraLength)
            _ = try reader.take(commentLength)
            var entry = ZipDirectoryEntry(
                nameBytes: name, flags: UInt16(header.littleEndian(8, 2)), method: UInt16(header.littleEndian(10, 2)),
                versionMadeBy: UInt16(header.littleEndian(4, 2)), externalAttributes: UInt32(header.littleEndian(38, 4)),
                crc32: UInt32(header.littleEndian(16, 4)),
                compressedSize: Int64(header.littleEndian(20, 4)), uncompressedSize: Int64(header.littleEndian(24, 4)),
                localHeaderOffset: Int64(header.littleEndian(42, 4)))
            entry.dosTime = UInt16(header.littleEndian(12, 2))
            entry.dosDate = UInt16(header.littleEndian(14, 2))
            entry.unixModified = extendedTimestamp(extra)
            if header.littleEndian(34, 2) != 0 {
                throw ArchiveError(.unsupported, archive: archive, entry: EntryName.display(name),
                                   vi: "mục nằm ở phần khác của gói nhiều phần", en: "entry lives on another disk")
            }
            try applyZip64(extra: extra, to: &entry, header: header, archive: archive)
            entries.append(entry)
        }
        if reader.remaining != 0 {
            throw malformed("số mục khai báo không khớp kích thước thư mục trung tâm",
                            "entry count does not match the central directory size")
        }
        try locateData(&entries, file: file, cdOffset: Int64(cdOffset))
        return ZipDirectory(entries: entries, centralDirectoryOffset: Int64(cdOffset))
    }

    /// The modification time of an extended-timestamp extra field (`0x5455`, flag bit 0), if any.
    private static func extendedTimestamp(_ extra: [UInt8]) -> Int64? {
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.littleEndian(position, 2)
            let length = Int(extra.littleEndian(position + 2, 2))
            let body = position + 4
            guard body + length <= extra.count else { return nil }
            if id == 0x5455, length >= 5, extra[body] & 1 != 0 {
                return Int64(Int32(bitPattern: UInt32(extra.littleEndian(body + 1, 4))))
            }
            position = body + length
        }
        return nil
    }

    /// Replaces 0xFFFFFFFF sizes/offset with their ZIP64 extra field values.
    private static func applyZip64(extra: [UInt8], to entry: inout ZipDirectoryEntry, header: [UInt8], archive: String) throws(ArchiveError) {
        let needUncompressed = header.littleEndian(24, 4) == 0xFFFF_FFFF
        let needCompressed = header.littleEndian(20, 4) == 0xFFFF_FFFF
        let needOffset = header.littleEndian(42, 4) == 0xFFFF_FFFF
        guard needUncompressed || needCompressed || needOffset else { return }
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.littleEndian(position, 2)
            let length = Int(extra.littleEndian(position + 2, 2))
            let body = position + 4
            guard body + length <= extra.count else { break }
            if id == 0x0001 {
                var field = body
                func next() throws(ArchiveError) -> Int64 {
                    guard field + 8 <= body + length else {
                        throw ArchiveError(.malformed, archive: archive, entry: EntryName.display(entry.nameBytes),
                                           vi: "trường ZIP64 quá ngắn", en: "ZIP64 extra field too short")
                    }
                    let value = extra.littleEndian(field, 8)
                    field += 8
                    guard value <= UInt64(Int64.max) else {
                        throw ArchiveError(.malformed, archive: archive, entry: EntryName.display(entry.nameBytes),
                                           vi: "giá trị ZIP64 quá lớn", en: "ZIP64 value too large")
                    }
                    return Int64(value)
                }
                if needUncompressed { entry.uncompressedSize = try next() }
                if needCompressed { entry.compressedSize = try next() }
                if needOffset { entry.localHeaderOffset = try next() }
                return
            }
            position = body + length
        }
        throw ArchiveError(.malformed, archive: archive, entry: EntryName.display(entry.nameBytes),
                           vi: "thiếu trường ZIP64", en: "missing ZIP64 extra field")
    }

    /// Reads each local header: same name as the central directory, data inside the file, no two entries overlapping.
    private static func locateData(_ entries: inout [ZipDirectoryEntry], file: ArchiveFile, cdOffset: Int64) throws(ArchiveError) {
        let archive = file.path
        for index in entries.indices {
            let entry = entries[index]
            let shown = EntryName.display(entry.nameBytes)
            guard entry.localHeaderOffset <= cdOffset - 30 else {
                throw ArchiveError(.truncated, archive: archive, entry: shown,
                                   vi: "tiêu đề cục bộ nằm ngoài vùng dữ liệu", en: "local header lies outside the data area")
            }
            let local = try file.bytes(at: entry.localHeaderOffset, count: 30, what: "local header")
            guard local.littleEndian(0, 4) == localSignature else {
                throw ArchiveError(.malformed, archive: archive, entry: shown,
                                   vi: "chữ ký tiêu đề cục bộ sai", en: "bad local header signature")
            }
            if local.littleEndian(6, 2) & 0x0041 != 0 {
                throw ArchiveError(.encrypted, archive: archive, entry: shown,
                                   vi: "tiêu đề cục bộ đánh dấu mã hoá", en: "the local header marks the entry encrypted")
            }
            let nameLength = Int(local.littleEndian(26, 2))
            let extraLength = Int(local.littleEndian(28, 2))
            let localName = try file.bytes(at: entry.localHeaderOffset + 30, count: nameLength, what: "local name")
            guard localName == entry.nameBytes else {
                throw ArchiveError(.malformed, archive: archive, entry: shown,
                                   vi: "tên ở tiêu đề cục bộ ('\(EntryName.display(localName))') khác thư mục trung tâm",
                                   en: "the local header names it '\(EntryName.display(localName))', unlike the central directory")
            }
            let dataOffset = entry.localHeaderOffset + 30 + Int64(nameLength) + Int64(extraLength)
            guard entry.compressedSize >= 0, dataOffset <= cdOffset, entry.compressedSize <= cdOffset - dataOffset else {
                throw ArchiveError(.truncated, archive: archive, entry: shown,
                                   vi: "dữ liệu nén vượt quá vùng dữ liệu", en: "stored data runs past the data area")
            }
            entries[index].dataOffset = dataOffset
        }
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (before, after) in zip(ordered, ordered.dropFirst())
        where before.dataOffset + before.compressedSize > after.localHeaderOffset {
            throw ArchiveError(.overlap, archive: archive, entry: EntryName.display(after.nameBytes),
                               vi: "dữ liệu chồng lên mục '\(EntryName.display(before.nameBytes))'",
                               en: "its data overlaps entry '\(EntryName.display(before.nameBytes))'")
        }
    }
}
