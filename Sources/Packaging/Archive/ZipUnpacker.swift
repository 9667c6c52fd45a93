import Foundation
import KhoCore
import ZIPFoundation

/// Unpacks a zip in two passes: `plan` checks every central directory entry (names, types, encryption,
/// declared sizes) before anything is written; `extract` streams each entry into the work area,
/// inflating with ZIPFoundation and counting, checksumming and limiting the bytes actually produced.
struct ZipUnpacker {
    let file: ArchiveFile
    let limits: ExtractionLimits
    private(set) var directory: ZipDirectory
    private(set) var plan: [(entry: ZipDirectoryEntry, path: RelativePath, kind: ArchiveEntryKind)] = []

    init(file: ArchiveFile, limits: ExtractionLimits) throws(ArchiveError) {
        self.file = file
        self.limits = limits
        self.directory = try ZipDirectory.read(file, limits: limits)
        try makePlan()
    }

    private mutating func makePlan() throws(ArchiveError) {
        let archive = file.path
        var registry = EntryRegistry(archive: archive)
        var declaredTotal: Int64 = 0
        for entry in directory.entries {
            let shown = EntryName.display(entry.nameBytes)
            func refuse(_ kind: ArchiveError.Kind, _ vi: String, _ en: String) -> ArchiveError {
                ArchiveError(kind, archive: archive, entry: shown, vi: vi, en: en)
            }
            if entry.isEncrypted || entry.flags & 0x2000 != 0 {
                throw refuse(.encrypted, "mục được mã hoá; Kho chỉ nhận gói không mật khẩu",
                             "the entry is encrypted; Kho accepts only archives without passwords")
            }
            var isDirectory = false
            switch entry.unixFileType {
            case 0o120000:
                throw refuse(.symlink, "gói nộp lưu không được chứa liên kết tượng trưng",
                             "a submission package may not hold symbolic links")
            case 0o020000, 0o060000, 0o010000, 0o140000:
                throw refuse(.device, "mục là tệp thiết bị, FIFO hoặc socket", "the entry is a device, FIFO or socket")
            case 0o040000: isDirectory = true
            default: break
            }
            let parsed = try EntryName.parse(entry.nameBytes, limits: limits, archive: archive)
            isDirectory = isDirectory || parsed.isDirectory
            guard let path = parsed.path else { continue }
            if !isDirectory {
                guard entry.method == 0 || entry.method == 8 else {
                    throw refuse(.unsupported, "phương pháp nén \(entry.method) không được hỗ trợ (chỉ 0 và 8)",
                                 "compression method \(entry.method) is not supported (only 0 store and 8 deflate)")
                }
                if entry.method == 0 && entry.compressedSize != entry.uncompressedSize {
                    throw refuse(.malformed, "mục không nén nhưng kích thước khai báo khác nhau",
                                 "stored entry declares different compressed and uncompressed sizes")
                }
                if entry.uncompressedSize > limits.ratioCeiling(storedBytes: entry.compressedSize) {
                    throw refuse(.bombRatio,
                                 "khai báo \(entry.uncompressedSize) byte từ \(entry.compressedSize) byte nén, quá tỷ lệ \(limits.maxCompressionRatio):1",
                                 "declares \(entry.uncompressedSize) bytes from \(entry.compressedSize) stored bytes, over the \(limits.maxCompressionRatio):1 ratio")
                }
                declaredTotal += entry.uncompressedSize
                if declaredTotal > limits.maxTotalBytes {
                    throw refuse(.bombSize, "tổng kích thước khai báo vượt \(limits.maxTotalBytes) byte",
                                 "declared sizes add up to more than \(limits.maxTotalBytes) bytes")
                }
            }
            try registry.register(path, isDirectory: isDirectory)
            plan.append((entry, path, isDirectory ? .directory : .file))
        }
        if declaredTotal > limits.ratioCeiling(storedBytes: file.size) {
            throw ArchiveError(
                .bombRatio, archive: archive,
                vi: "cả gói khai báo \(declaredTotal) byte từ \(file.size) byte, quá tỷ lệ \(limits.maxCompressionRatio):1",
                en: "the archive declares \(declaredTotal) bytes from \(file.size), over the \(limits.maxCompressionRatio):1 ratio")
        }
    }

    /// Writes every planned entry into the work area.
    func extract(into writer: inout WorkAreaWriter, budget: inout ExtractionBudget) throws(ArchiveError) -> [ArchiveEntryInfo] {
        var written: [ArchiveEntryInfo] = []
        written.reserveCapacity(plan.count)
        for item in plan {
            switch item.kind {
            case .directory:
                try writer.makeDirectory(item.path)
                written.append(ArchiveEntryInfo(path: item.path, kind: .directory, size: 0))
            case .file:
                let fd = try writer.createFile(item.path)
                defer { _ = closeDescriptor(fd) }
                let size = try extractFile(item.entry, path: item.path, to: fd, budget: &budget)
                let modified = item.entry.modified
                if let modified { WorkAreaWriter.setModified(fd: fd, modified) }
                written.append(ArchiveEntryInfo(path: item.path, kind: .file, size: size, modified: modified))
            }
        }
        return written
    }

    private func extractFile(_ entry: ZipDirectoryEntry, path: RelativePath, to fd: Int32, budget: inout ExtractionBudget) throws(ArchiveError) -> Int64 {
        let archive = file.path
        let shown = path.string
        var produced: Int64 = 0
        var crc = CRC32Checksum()
        // 1 MiB chunks for big entries; small ones get a small buffer (ZIPFoundation allocates one per chunk).
        let chunk = Int(min(1 << 20, max(1 << 14, max(entry.uncompressedSize, entry.compressedSize))))
        func consume(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
            guard bytes.count > 0 else { return }
            produced += Int64(bytes.count)
            try budget.produced(bytes.count, entry: shown, entryProduced: produced, entryStored: entry.compressedSize)
            crc.update(bytes)
            if let failure = POSIXFile.writeAll(fd: fd, bytes, path: shown) {
                throw ArchiveError(.io, archive: archive, entry: shown, vi: failure.message.vi, en: failure.message.en)
            }
        }
        if entry.method == 0 {
            var buffer = [UInt8](repeating: 0, count: chunk)
            var position = entry.dataOffset
            let end = entry.dataOffset + entry.compressedSize
            while position < end {
                let want = Int(min(Int64(chunk), end - position))
                let got = try buffer.withMutableBytes { (raw) throws(ArchiveError) -> Int in
                    try file.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: raw[..<want]))
                }
                if got == 0 {
                    throw ArchiveError(.truncated, archive: archive, entry: shown, vi: "đọc thiếu dữ liệu", en: "short read of entry data")
                }
                position += Int64(got)
                try buffer.withBytes { (raw) throws(ArchiveError) in
                    try consume(UnsafeRawBufferPointer(rebasing: raw[..<got]))
                }
            }
        } else {
            var position = entry.dataOffset
            let end = entry.dataOffset + entry.compressedSize
            do {
                _ = try Data.decompress(size: entry.compressedSize, bufferSize: chunk, skipCRC32: true, provider: { _, size in
                    guard position < end else {
                        throw ArchiveError(.truncated, archive: archive, entry: shown,
                                           vi: "luồng deflate không kết thúc trong kích thước đã lưu",
                                           en: "the deflate stream does not end within its stored size")
                    }
                    let want = Int(min(Int64(size), end - position))
                    let bytes = try file.bytes(at: position, count: want, what: "dữ liệu nén / compressed data")
                    position += Int64(want)
                    return Data(bytes)
                }, consumer: { data in
                    try data.withBytes { (raw) throws(ArchiveError) in try consume(raw) }
                })
            } catch let error as ArchiveError {
                throw error
            } catch {
                throw ArchiveError(.truncated, archive: archive, entry: shown,
                                   vi: "dữ liệu deflate hỏng (\(error))", en: "corrupt deflate data (\(error))")
            }
        }
        if produced != entry.uncompressedSize {
            throw ArchiveError(.truncated, archive: archive, entry: shown,
                               vi: "giải nén được \(produced) byte, khai báo \(entry.uncompressedSize) byte",
                               en: "produced \(produced) bytes, \(entry.uncompressedSize) declared")
        }
        if crc.value != entry.crc32 {
            throw ArchiveError(.truncated, archive: archive, entry: shown,
                               vi: String(format: "CRC-32 không khớp (tính được %08x, khai báo %08x)", crc.value, entry.crc32),
                               en: String(format: "CRC-32 mismatch (computed %08x, declared %08x)", crc.value, entry.crc32))
        }
        return produced
    }
}
