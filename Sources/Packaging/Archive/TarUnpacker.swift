import Foundation
import KhoCore

/// Unpacks a tar (plain or gzip) in two passes over the stream: the first reads every header and
/// checks names, types and sizes without writing; the second reads the same headers again and
/// streams the data of the planned entries into the work area.
struct TarUnpacker<Source: TarByteSource> {
    let archive: String
    let limits: ExtractionLimits
    private(set) var plan: [(path: RelativePath?, kind: ArchiveEntryKind, nameBytes: [UInt8], size: Int64, modified: Date?)] = []

    /// First pass: reads every header from `source` and refuses the archive at the first broken rule.
    init(source: Source, archive: String, limits: ExtractionLimits) throws(ArchiveError) {
        self.archive = archive
        self.limits = limits
        var reader = TarReader(source: source, archive: archive)
        var registry = EntryRegistry(archive: archive)
        var total: Int64 = 0
        while let record = try reader.next() {
            let shown = EntryName.display(record.nameBytes)
            func refuse(_ kind: ArchiveError.Kind, _ vi: String, _ en: String) -> ArchiveError {
                ArchiveError(kind, archive: archive, entry: shown, vi: vi, en: en)
            }
            if plan.count >= limits.maxEntryCount {
                throw refuse(.bombCount, "gói có hơn \(limits.maxEntryCount) mục", "the archive holds more than \(limits.maxEntryCount) entries")
            }
            var kind: ArchiveEntryKind
            switch record.typeFlag {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): kind = .file
            case UInt8(ascii: "5"): kind = .directory
            case UInt8(ascii: "1"):
                throw refuse(.hardlink, "liên kết cứng tới '\(EntryName.display(record.linkBytes))'; gói nộp lưu không được chứa liên kết",
                             "hard link to '\(EntryName.display(record.linkBytes))'; a submission package may not hold links")
            case UInt8(ascii: "2"):
                throw refuse(.symlink, "liên kết tượng trưng tới '\(EntryName.display(record.linkBytes))'; gói nộp lưu không được chứa liên kết",
                             "symbolic link to '\(EntryName.display(record.linkBytes))'; a submission package may not hold links")
            case UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6"):
                throw refuse(.device, "mục là tệp thiết bị hoặc FIFO", "the entry is a device or FIFO")
            default:
                let flag = String(decoding: [record.typeFlag], as: UTF8.self)
                throw refuse(.unsupported, "kiểu mục tar '\(flag)' không được hỗ trợ", "tar entry type '\(flag)' is not supported")
            }
            let parsed = try EntryName.parse(record.nameBytes, limits: limits, archive: archive)
            if kind == .file && parsed.isDirectory {
                guard record.size == 0 else {
                    throw refuse(.malformed, "tên kết thúc bằng '/' nhưng mục có dữ liệu", "name ends in '/' but the entry has data")
                }
                kind = .directory
            }
            if kind == .file {
                total += record.size
                if total > limits.maxTotalBytes {
                    throw refuse(.bombSize, "tổng kích thước vượt \(limits.maxTotalBytes) byte", "sizes add up to more than \(limits.maxTotalBytes) bytes")
                }
            }
            if let path = parsed.path {
                try registry.register(path, isDirectory: kind == .directory)
            }
            let modified = record.modified.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            plan.append((parsed.path, kind, record.nameBytes, kind == .file ? record.size : 0, modified))
        }
    }

    /// Second pass: reads `source` again from the start and writes the planned entries.
    func extract(source: Source, into writer: inout WorkAreaWriter, budget: inout ExtractionBudget) throws(ArchiveError) -> [ArchiveEntryInfo] {
        var reader = TarReader(source: source, archive: archive)
        var written: [ArchiveEntryInfo] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        for item in plan {
            guard let record = try reader.next(), record.nameBytes == item.nameBytes else {
                throw ArchiveError(.malformed, archive: archive, entry: EntryName.display(item.nameBytes),
                                   vi: "lần đọc thứ hai khác lần thứ nhất", en: "the second read differs from the first")
            }
            guard let path = item.path else { continue }
            switch item.kind {
            case .directory:
                try writer.makeDirectory(path)
                written.append(ArchiveEntryInfo(path: path, kind: .directory, size: 0, modified: item.modified))
            case .file:
                let fd = try writer.createFile(path)
                defer { _ = closeDescriptor(fd) }
                var produced: Int64 = 0
                try reader.readData(buffer: buffer) { (bytes) throws(ArchiveError) in
                    produced += Int64(bytes.count)
                    try budget.produced(bytes.count, entry: path.string, entryProduced: produced, entryStored: nil)
                    if let failure = POSIXFile.writeAll(fd: fd, bytes, path: path.string) {
                        throw ArchiveError(.io, archive: archive, entry: path.string, vi: failure.message.vi, en: failure.message.en)
                    }
                }
                if let modified = item.modified { WorkAreaWriter.setModified(fd: fd, modified) }
                written.append(ArchiveEntryInfo(path: path, kind: .file, size: produced, modified: item.modified))
            }
        }
        return written
    }
}
