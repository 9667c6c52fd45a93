#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KhoCore
import ZIPFoundation

/// Writes a folder tree into a new zip (nén gói), streaming each file, with ZIP64 where sizes need it.
///
/// Used for sample SIP transfers (`kho sample sip --zip`) and DIPs. Names are stored as the exact UTF-8
/// bytes found on disk (flag bit 11 set), in byte order, folders first within their parent; symbolic
/// links and special files in the tree are refused, as the extractor would refuse them.
public struct ZipWriter: Sendable {
    /// How file data is stored.
    public enum Compression: Sendable, Hashable {
        /// Stored as is (method 0): for already compressed media such as JPEG, MP4, PDF.
        case store
        /// Deflate (method 8).
        case deflate
    }

    /// How file data is stored.
    public var compression: Compression
    /// Read and write chunk size; memory use stays near this whatever the file sizes.
    public var bufferSize: Int

    /// Creates a writer; deflate by default.
    public init(compression: Compression = .deflate, bufferSize: Int = 1 << 20) {
        self.compression = compression
        self.bufferSize = bufferSize
    }

    /// Writes every file and folder below `directory` into a new zip at `destination` (which must not exist),
    /// each name prefixed with `rootFolder/` when given. Returns the entries written, in order.
    @discardableResult
    public func write(directory: URL, to destination: URL, rootFolder: String? = nil) throws(ArchiveError) -> [ArchiveEntryInfo] {
        let target = destination.path
        let items = try TreeWalker(archive: target).walk(directory.path)
        let archive: Archive
        do {
            archive = try Archive(url: destination, accessMode: .create)
        } catch {
            throw ArchiveError(.io, archive: target, vi: "không tạo được tệp zip: \(error)", en: "cannot create the zip file: \(error)")
        }
        var written: [ArchiveEntryInfo] = []
        do throws(any Error) {
            for item in items {
                let name = rootFolder.map { "\($0)/\(item.relative)" } ?? item.relative
                let path = try RelativePath(name)
                if item.isDirectory {
                    try archive.addEntry(with: name + "/", type: .directory, uncompressedSize: Int64(0),
                                         modificationDate: item.modified, permissions: 0o755,
                                         provider: { (_: Int64, _: Int) in Data() })
                    written.append(ArchiveEntryInfo(path: path, kind: .directory, size: 0))
                } else {
                    try addFile(item, name: name, to: archive)
                    written.append(ArchiveEntryInfo(path: path, kind: .file, size: item.size))
                }
            }
        } catch {
            _ = unlink(target)
            if let error = error as? ArchiveError { throw error }
            throw ArchiveError(.io, archive: target, entry: written.last?.path.string,
                               vi: "ghi zip thất bại: \(error)", en: "writing the zip failed: \(error)")
        }
        return written
    }

    private func addFile(_ item: TreeWalker.Item, name: String, to archive: Archive) throws {
        let fd = open(item.absolute, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw WorkAreaWriter.failure(.io, archive: archive.url.path, entry: name, "open", path: item.absolute)
        }
        defer { _ = closeDescriptor(fd) }
        let source = item.absolute
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: item.size, modificationDate: item.modified, permissions: 0o644,
            compressionMethod: compression == .deflate ? .deflate : .none, bufferSize: bufferSize
        ) { position, size in
            var data = Data(count: size)
            let got = data.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress, size, off_t(position)) }
            guard got == size else {
                throw ArchiveError(.io, archive: archive.url.path, entry: name,
                                   vi: "tệp nguồn '\(source)' thay đổi hoặc đọc lỗi khi đang nén",
                                   en: "source file '\(source)' changed or failed to read while zipping")
            }
            return data
        }
    }
}

/// Lists a folder tree with the exact name bytes from `readdir`, refusing links and special files.
struct TreeWalker {
    struct Item {
        var relative: String
        var absolute: String
        var isDirectory: Bool
        var size: Int64
        var modified: Date
    }

    let archive: String

    func walk(_ root: String) throws(ArchiveError) -> [Item] {
        var items: [Item] = []
        try walk(directory: root, relative: "", into: &items)
        return items
    }

    private func walk(directory: String, relative: String, into items: inout [Item]) throws(ArchiveError) {
        guard let handle = opendir(directory) else {
            throw WorkAreaWriter.failure(.io, archive: archive, entry: relative, "opendir", path: directory)
        }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [46] || bytes == [46, 46] { continue }
            names.append(bytes)
        }
        closedir(handle)
        names.sort { $0.lexicographicallyPrecedes($1) }
        for bytes in names {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                throw ArchiveError(.encoding, archive: archive, entry: relative + "/" + EntryName.display(bytes),
                                   vi: "tên tệp trên đĩa không phải UTF-8", en: "the file name on disk is not UTF-8")
            }
            let absolute = directory + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(absolute, &info) == 0 else {
                throw WorkAreaWriter.failure(.io, archive: archive, entry: child, "lstat", path: absolute)
            }
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                items.append(Item(relative: child, absolute: absolute, isDirectory: true, size: 0, modified: modified))
                try walk(directory: absolute, relative: child, into: &items)
            case S_IFREG:
                items.append(Item(relative: child, absolute: absolute, isDirectory: false, size: Int64(info.st_size), modified: modified))
            case S_IFLNK:
                throw ArchiveError(.symlink, archive: archive, entry: child,
                                   vi: "thư mục nguồn chứa liên kết tượng trưng", en: "the source tree holds a symbolic link")
            default:
                throw ArchiveError(.device, archive: archive, entry: child,
                                   vi: "thư mục nguồn chứa tệp đặc biệt", en: "the source tree holds a special file")
            }
        }
    }
}
