/// One tar entry after pax extended headers and GNU long names have been applied.
struct TarRecord {
    /// Entry name bytes (pax `path`, GNU `L`, or ustar prefix + name).
    var nameBytes: [UInt8]
    /// Link target bytes, for link entries.
    var linkBytes: [UInt8]
    /// The ustar type flag (`0`, `5`, `1`, `2`, …).
    var typeFlag: UInt8
    /// Size of the entry's data in bytes.
    var size: Int64
    /// Modification time in Unix seconds (pax `mtime` or the header field), nil if unreadable.
    var modified: Int64?
}

/// Reads tar headers one by one: ustar, pax (`x`, `g`) and GNU (`L`, `K`, base-256 sizes).
///
/// Every numeric field, checksum and pax record is validated; the archive must end with a zero block.
struct TarReader<Source: TarByteSource> {
    private var source: Source
    let archive: String
    /// Data of the current entry not yet read or skipped (padding excluded).
    private var dataLeft: Int64 = 0
    /// Padding after the current entry's data.
    private var paddingLeft: Int64 = 0
    private var ended = false
    /// Name of the entry whose data is being read or skipped, so stream errors can name it.
    private var currentName: [UInt8]?

    /// Upper bound for a pax or GNU long-name header's data (names are at most a few KiB).
    static var maxMetaHeaderBytes: Int64 { 1 << 20 }

    init(source: Source, archive: String) {
        self.source = source
        self.archive = archive
    }

    private func malformed(_ vi: String, _ en: String, entry: [UInt8]? = nil) -> ArchiveError {
        ArchiveError(.malformed, archive: archive, entry: entry.map(EntryName.display), vi: vi, en: en)
    }

    private func truncated(_ vi: String, _ en: String) -> ArchiveError {
        ArchiveError(.truncated, archive: archive, vi: vi, en: en)
    }

    /// The next entry, or nil after the end-of-archive marker.
    mutating func next() throws(ArchiveError) -> TarRecord? {
        try skipRest()
        var paxPath: [UInt8]?, paxLink: [UInt8]?, paxSize: Int64?, paxModified: Int64?
        var longName: [UInt8]?, longLink: [UInt8]?
        while !ended {
            let header = try readExactly(512, what: "tiêu đề tar / tar header")
            if header.allSatisfy({ $0 == 0 }) {
                ended = true
                if paxPath != nil || longName != nil || paxSize != nil {
                    throw malformed("tiêu đề mở rộng không có mục theo sau", "an extended header is followed by no entry")
                }
                return nil
            }
            try verifyChecksum(header)
            let typeFlag = header[156]
            let size = try number(header[124..<136], field: "size")
            switch typeFlag {
            case UInt8(ascii: "x"), UInt8(ascii: "g"):
                let data = try readMeta(size)
                let records = try paxRecords(data)
                if typeFlag == UInt8(ascii: "g") {
                    if records.keys.contains(where: { ["path", "linkpath", "size"].contains($0) }) {
                        throw ArchiveError(.unsupported, archive: archive, vi: "tiêu đề pax toàn cục đặt path/size",
                                           en: "a global pax header sets path, linkpath or size")
                    }
                    continue
                }
                if let value = records["path"] { paxPath = value }
                if let value = records["linkpath"] { paxLink = value }
                if let value = records["size"] {
                    guard let parsed = Self.decimal(value) else {
                        throw malformed("kích thước pax không hợp lệ", "invalid pax size")
                    }
                    paxSize = parsed
                }
                if let value = records["mtime"] {
                    paxModified = Self.decimal(Array(value.prefix { $0 != UInt8(ascii: ".") }))
                }
                if records.keys.contains(where: { $0.hasPrefix("GNU.sparse") }) {
                    throw ArchiveError(.unsupported, archive: archive, vi: "tệp thưa (sparse) không được hỗ trợ",
                                       en: "sparse files are not supported")
                }
            case UInt8(ascii: "L"):
                longName = Self.trimNUL(try readMeta(size))
            case UInt8(ascii: "K"):
                longLink = Self.trimNUL(try readMeta(size))
            default:
                var name = Self.trimNUL(Array(header[0..<100]))
                let magic = Array(header[257..<263])
                if magic == Array("ustar\0".utf8) {
                    let prefix = Self.trimNUL(Array(header[345..<500]))
                    if !prefix.isEmpty { name = prefix + [UInt8(ascii: "/")] + name }
                }
                let record = TarRecord(
                    nameBytes: paxPath ?? longName ?? name,
                    linkBytes: paxLink ?? longLink ?? Self.trimNUL(Array(header[157..<257])),
                    typeFlag: typeFlag, size: paxSize ?? size,
                    modified: paxModified ?? (try? number(header[136..<148], field: "mtime")))
                dataLeft = record.size
                currentName = record.nameBytes
                paddingLeft = (512 - record.size % 512) % 512
                return record
            }
        }
        return nil
    }

    /// Streams the current entry's data to `body` in chunks of at most `buffer.count` bytes.
    mutating func readData(buffer: UnsafeMutableRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> Void) throws(ArchiveError) {
        while dataLeft > 0 {
            let want = Int(min(Int64(buffer.count), dataLeft))
            let got: Int
            do {
                got = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<want]))
            } catch {
                throw named(error)
            }
            if got == 0 {
                throw named(truncated("tệp kết thúc giữa dữ liệu của một mục", "the archive ends inside an entry's data"))
            }
            dataLeft -= Int64(got)
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<got]))
        }
    }

    private mutating func skipRest() throws(ArchiveError) {
        let count = dataLeft + paddingLeft
        dataLeft = 0
        paddingLeft = 0
        guard count > 0 else { return }
        do {
            try source.skip(count)
        } catch {
            throw named(error)
        }
    }

    /// `error` with the current entry's name filled in when it names none.
    private func named(_ error: ArchiveError) -> ArchiveError {
        var error = error
        if error.entry == nil, let currentName { error.entry = EntryName.display(currentName) }
        return error
    }

    private mutating func readExactly(_ count: Int, what: String) throws(ArchiveError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = try bytes.withMutableBytes { (raw) throws(ArchiveError) -> Int in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[done...]))
            }
            if got == 0 {
                if done == 0 && what.hasPrefix("tiêu đề") {
                    throw truncated("thiếu khối kết thúc gói tar (hai khối 0)", "missing the tar end-of-archive marker (zero blocks)")
                }
                throw truncated("đọc thiếu \(what)", "short read of \(what)")
            }
            done += got
        }
        return bytes
    }

    /// Reads a pax or GNU long-name header's data and its padding.
    private mutating func readMeta(_ size: Int64) throws(ArchiveError) -> [UInt8] {
        guard size <= Self.maxMetaHeaderBytes else {
            throw malformed("tiêu đề mở rộng quá lớn (\(size) byte)", "extended header too large (\(size) bytes)")
        }
        let data = try readExactly(Int(size), what: "tiêu đề mở rộng / extended header")
        let padding = (512 - size % 512) % 512
        if padding > 0 { try source.skip(padding) }
        return data
    }

    private func verifyChecksum(_ header: [UInt8]) throws(ArchiveError) {
        let stored = try number(header[148..<156], field: "checksum")
        var unsigned: Int64 = 0, signed: Int64 = 0
        for (index, byte) in header.enumerated() {
            let value = (148..<156).contains(index) ? UInt8(ascii: " ") : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        guard stored == unsigned || stored == signed else {
            throw malformed("tổng kiểm tiêu đề sai", "header checksum mismatch", entry: Self.trimNUL(Array(header[0..<100])))
        }
    }

    /// An octal (space/NUL padded) or GNU base-256 numeric field.
    private func number(_ field: ArraySlice<UInt8>, field name: String) throws(ArchiveError) -> Int64 {
        guard let first = field.first else { return 0 }
        if first & 0x80 != 0 {
            guard first == 0x80 else { throw malformed("trường \(name) âm", "negative \(name) field") }
            var value: Int64 = 0
            for byte in field.dropFirst() {
                guard value <= (Int64.max >> 8) else { throw malformed("trường \(name) tràn số", "\(name) field overflows") }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        var value: Int64 = 0
        var seenDigit = false, seenEnd = false
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard !seenEnd else { throw malformed("trường \(name) không hợp lệ", "invalid \(name) field") }
                guard value <= (Int64.max >> 3) else { throw malformed("trường \(name) tràn số", "\(name) field overflows") }
                value = value << 3 | Int64(byte - UInt8(ascii: "0"))
                seenDigit = true
            case UInt8(ascii: " "), 0:
                if seenDigit { seenEnd = true }
            default:
                throw malformed("trường \(name) không phải số bát phân", "\(name) field is not octal")
            }
        }
        return value
    }

    /// Parses `"<length> <key>=<value>\n"` records; keys are ASCII/UTF-8, values kept as bytes.
    private func paxRecords(_ data: [UInt8]) throws(ArchiveError) -> [String: [UInt8]] {
        var records: [String: [UInt8]] = [:]
        var position = 0
        while position < data.count {
            guard let space = data[position...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Self.decimal(Array(data[position..<space])),
                  length > Int64(space - position + 2), Int64(data.count - position) >= length else {
                throw malformed("bản ghi pax không hợp lệ", "invalid pax record")
            }
            let end = position + Int(length)
            let body = data[(space + 1)..<(end - 1)]
            guard data[end - 1] == UInt8(ascii: "\n"), let equals = body.firstIndex(of: UInt8(ascii: "=")),
                  let key = String(validating: body[body.startIndex..<equals], as: UTF8.self) else {
                throw malformed("bản ghi pax không hợp lệ", "invalid pax record")
            }
            records[key] = Array(body[(equals + 1)...])
            position = end
        }
        return records
    }

    static func decimal(_ bytes: [UInt8]) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func trimNUL(_ bytes: [UInt8]) -> [UInt8] {
        guard let end = bytes.firstIndex(of: 0) else { return bytes }
        return Array(bytes[..<end])
    }
}
