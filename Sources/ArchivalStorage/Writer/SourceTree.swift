#if canImport(Glibc)
import Glibc
#endif
import KhoCore

/// The regular files under a folder, with names kept byte-exact; links and special files are refused.
struct SourceTree {
    /// Logical path → (absolute file path, size).
    var files: [(path: RelativePath, file: String, size: Int64)] = []

    /// Walks `folder` recursively.
    init(folder: String) throws(OCFLStorageError) {
        guard FileSystem.isDirectory(folder) else {
            throw OCFLStorageError("KHO-OCFL-NO-SOURCE", path: folder, vi: "Không có thư mục nguồn", en: "Source folder not found")
        }
        try walk(folder, relative: "")
    }

    private mutating func walk(_ folder: String, relative: String) throws(OCFLStorageError) {
        for entry in try FileSystem.entries(folder) {
            let full = folder + "/" + entry.name
            let logical = relative.isEmpty ? entry.name : relative + "/" + entry.name
            var info = stat()
            guard lstat(full, &info) == 0 else { throw FileSystem.ioError("lstat", full) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try walk(full, relative: logical)
            case S_IFREG:
                do {
                    files.append((try RelativePath(logical), full, Int64(info.st_size)))
                } catch { throw OCFLStorageError(error) }
            default:
                throw OCFLStorageError("E090", path: full,
                                       vi: "Liên kết hoặc tệp đặc biệt không được lưu trữ",
                                       en: "Links and special files cannot be preserved")
            }
        }
    }
}
