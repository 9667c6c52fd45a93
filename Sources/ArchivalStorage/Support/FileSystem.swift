#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KhoCore

#if canImport(Glibc)
/// glibc's `syncfs(2)`, hidden from Swift's Glibc module behind _GNU_SOURCE.
@_silgen_name("syncfs")
private func kho_syncfs(_ fd: Int32) -> Int32
#endif

/// Small POSIX helpers for the storage engine: every failure becomes an `OCFLStorageError` naming the path.
enum FileSystem {
    /// The `errno` of the last failed call as a bilingual I/O error.
    static func ioError(_ operation: String, _ path: String) -> OCFLStorageError {
        OCFLStorageError(POSIXFile.failure(operation, path: path))
    }

    /// True when something (file, directory, link) exists at `path` without following links.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// True when `path` is a directory (not a link to one).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Size in bytes of a regular file, or nil.
    static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Creates `path` and any missing parents (mode 0755).
    static func makeDirectories(_ path: String) throws(OCFLStorageError) {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "" : "."
        for segment in path.split(separator: "/") {
            prefix += "/" + segment
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw ioError("mkdir", prefix) }
        }
    }

    /// Names in a directory, excluding "." and "..", with their kind; bytes of each name kept as given.
    static func entries(_ path: String) throws(OCFLStorageError) -> [(name: String, isDirectory: Bool)] {
        guard let dir = opendir(path) else { throw ioError("opendir", path) }
        defer { closedir(dir) }
        var result: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) {
                kind = isDirectory(path + "/" + name) ? Int32(DT_DIR) : Int32(DT_REG)
            }
            result.append((name, kind == Int32(DT_DIR)))
        }
        return result
    }

    /// Removes a file or a whole directory tree; missing paths are fine.
    static func removeTree(_ path: String) throws(OCFLStorageError) {
        guard exists(path) else { return }
        if isDirectory(path) {
            for entry in try entries(path) { try removeTree(path + "/" + entry.name) }
            if rmdir(path) != 0 { throw ioError("rmdir", path) }
        } else if unlink(path) != 0 {
            throw ioError("unlink", path)
        }
    }

    /// Reads a whole (small) file such as an inventory or a declaration.
    static func readFile(_ path: String) throws(OCFLStorageError) -> [UInt8] {
        let fd: Int32
        do { fd = try POSIXFile.openForReading(path) } catch { throw OCFLStorageError(error) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0 { bytes.reserveCapacity(Int(info.st_size) + 1) }
        do {
            try POSIXFile.readAll(fd: fd, path: path, bufferSize: 1 << 16) { bytes.append(contentsOf: $0) }
        } catch { throw OCFLStorageError(error) }
        return bytes
    }

    /// True when both files exist and hold the same bytes; read 1 MiB at a time.
    static func sameContents(_ a: String, _ b: String) -> Bool {
        guard let sizeA = fileSize(a), sizeA == fileSize(b) else { return false }
        let fdA = open(a, O_RDONLY | O_CLOEXEC)
        guard fdA >= 0 else { return false }
        defer { close(fdA) }
        let fdB = open(b, O_RDONLY | O_CLOEXEC)
        guard fdB >= 0 else { return false }
        defer { close(fdB) }
        let chunk = 1 << 20
        var bufferA = [UInt8](repeating: 0, count: chunk), bufferB = [UInt8](repeating: 0, count: chunk)
        var offset: Int64 = 0
        while offset < sizeA {
            let wanted = Int(min(Int64(chunk), sizeA - offset))
            let gotA = bufferA.withUnsafeMutableBytes { pread(fdA, $0.baseAddress, wanted, off_t(offset)) }
            let gotB = bufferB.withUnsafeMutableBytes { pread(fdB, $0.baseAddress, wanted, off_t(offset)) }
            guard gotA == wanted, gotB == wanted, bufferA[0..<wanted] == bufferB[0..<wanted] else { return false }
            offset += Int64(wanted)
        }
        return true
    }

    /// True only when the regular file at `path` reads completely and holds exactly `bytes`; any error is "not equal".
    /// Compared a chunk at a time without keeping the file: cheaper than hashing it.
    static func file(_ path: String, equals bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        // A kept buffer (`ReadBuffers`): a 256 KiB one freed per call was unmapped per object checked.
        let chunk = 1 << 18
        return ReadBuffers.shared.with(size: chunk) { buffer in bytes.withUnsafeBytes { expected -> Bool in
            var offset = 0
            while true {
                let count = read(fd, buffer.baseAddress, chunk)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                // The end: equal only when every expected byte was seen.
                if count == 0 { return offset == expected.count }
                guard offset + count <= expected.count, let base = buffer.baseAddress, let want = expected.baseAddress,
                      memcmp(base, want + offset, count) == 0 else { return false }
                offset += count
            }
        } }
    }

    /// Writes `bytes` to a new file at `path` (replacing nothing), optionally fsyncing it.
    static func writeNewFile(_ path: String, _ bytes: [UInt8], durable: Bool) throws(OCFLStorageError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError("open", path) }
        let failure = bytes.withUnsafeBytes { POSIXFile.writeAll(fd: fd, $0, path: path) }
        if let failure {
            close(fd)
            throw OCFLStorageError(failure)
        }
        if durable, fsync(fd) != 0 {
            close(fd)
            throw ioError("fsync", path)
        }
        if close(fd) != 0 { throw ioError("close", path) }
    }

    /// fsync of a file or directory.
    static func sync(_ path: String) throws(OCFLStorageError) {
        do { try POSIXFile.sync(path) } catch { throw OCFLStorageError(error) }
    }

    /// Flushes the whole filesystem holding `path` with one `syncfs`: cheaper than thousands of fsyncs.
    static func syncFileSystem(containing path: String) throws(OCFLStorageError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError("open", path) }
        defer { close(fd) }
        #if canImport(Glibc)
        if kho_syncfs(fd) != 0 { throw ioError("syncfs", path) }
        #else
        if fsync(fd) != 0 { throw ioError("fsync", path) }
        #endif
    }

    /// Atomic rename on one filesystem.
    static func rename(_ from: String, _ to: String) throws(OCFLStorageError) {
        if Glibc.rename(from, to) != 0 { throw ioError("rename", to) }
    }

    /// The directory part of a path ("." when there is none).
    static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last segment of a path.
    static func lastComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
