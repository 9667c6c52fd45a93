#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import KhoCore
import Synchronization

/// POSIX file access by exact name bytes, so NFC and NFD names are never confused and no Foundation
/// object is made per file.
enum BagFileSystem {
    /// What a directory entry is, from `lstat` (links are never followed).
    enum Kind: Sendable {
        case file, directory, symlink, other, missing
    }

    /// One entry found by `walk`.
    struct Entry: Sendable {
        /// Path relative to the walked root, segments joined by `/`.
        var path: [UInt8]
        var kind: Kind
        var size: Int64
    }

    /// Calls `body` with a NUL-terminated copy of `bytes`.
    static func withCPath<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) throws(KhoFailure) -> R) throws(KhoFailure) -> R {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        defer { buffer.deallocate() }
        bytes.withUnsafeBufferPointer { source in
            for (index, byte) in source.enumerated() { buffer[index] = CChar(bitPattern: byte) }
        }
        buffer[bytes.count] = 0
        return try body(buffer)
    }

    /// `root/relative` as bytes.
    static func join(_ root: [UInt8], _ relative: [UInt8]) -> [UInt8] {
        if relative.isEmpty { return root }
        return root + [UInt8(ascii: "/")] + relative
    }

    /// The kind and size of `path` without following a final symbolic link.
    static func kind(of path: [UInt8]) -> (Kind, Int64) {
        var info = stat()
        let status = (try? withCPath(path) { lstat($0, &info) }) ?? -1
        guard status == 0 else { return (.missing, 0) }
        let found = Self.kind(ofMode: info.st_mode)
        return (found, found == .file ? Int64(info.st_size) : 0)
    }

    /// The names in one directory (not `.` or `..`), unsorted.
    static func list(_ directory: [UInt8]) throws(KhoFailure) -> [[UInt8]] {
        let handle = try withCPath(directory) { opendir($0) }
        guard let handle else { throw POSIXFile.failure("opendir", path: BagPath.display(directory)) }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name: [UInt8] = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { pointer in
                    var length = 0
                    while pointer[length] != 0 { length += 1 }
                    return Array(UnsafeBufferPointer(start: pointer, count: length))
                }
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    /// Every entry under `root` (depth first, sorted by bytes), with paths prefixed by `prefix`.
    /// Directories are listed too, so empty ones can be reported. Symbolic links are not followed.
    /// Kinds come from `readdir`'s `d_type`; sizes are read (`fstatat`) only when `sizes` is true,
    /// otherwise they are -1. Every lookup is relative to the open parent directory.
    static func walk(_ root: [UInt8], prefix: [UInt8], sizes: Bool = true, skipping: Set<[UInt8]> = [],
                     recursive: Bool = true) throws(KhoFailure) -> [Entry] {
        let fd = try withCPath(root) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw POSIXFile.failure("open", path: BagPath.display(root)) }
        var result: [Entry] = []
        try walk(fd: fd, display: root, relative: prefix, sizes: sizes, skipping: skipping, recursive: recursive, into: &result)
        return result
    }

    /// `walk` with the top-level subdirectories shared among `threads` workers (directory walking is
    /// system-call bound, so two cores walk a deep payload tree in about half the time). Same order.
    static func walkParallel(_ root: [UInt8], prefix: [UInt8], sizes: Bool, threads: Int) throws(KhoFailure) -> [Entry] {
        let top = try walk(root, prefix: prefix, sizes: sizes, recursive: false)
        let directories = top.indices.filter { top[$0].kind == .directory }
        guard threads > 1, directories.count > 1 else { return try walk(root, prefix: prefix, sizes: sizes) }
        let slots = WalkSlots(count: directories.count)
        let next = Synchronization.Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, directories.count)) { _ in
            while true {
                let slot = next.add(1, ordering: .relaxed).oldValue
                if slot >= directories.count { return }
                let entry = top[directories[slot]]
                let name = Array(entry.path.dropFirst(prefix.isEmpty ? 0 : prefix.count + 1))
                let outcome = Result { () throws(KhoFailure) -> [Entry] in
                    try walk(join(root, name), prefix: entry.path, sizes: sizes)
                }
                slots.set(slot, outcome)
            }
        }
        var result: [Entry] = []
        var slot = 0
        for entry in top {
            result.append(entry)
            if entry.kind == .directory {
                switch slots.take(slot) {
                case .success(let entries): result.append(contentsOf: entries)
                case .failure(let error): throw error
                }
                slot += 1
            }
        }
        return result
    }

    /// Walks the directory open as `fd` (which this call closes).
    private static func walk(fd: Int32, display: [UInt8], relative: [UInt8], sizes: Bool, skipping: Set<[UInt8]>,
                             recursive: Bool, into result: inout [Entry]) throws(KhoFailure) {
        guard let handle = fdopendir(fd) else {
            close(fd)
            throw POSIXFile.failure("opendir", path: BagPath.display(display))
        }
        defer { closedir(handle) }
        let directoryFD = dirfd(handle)
        var children: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(handle) {
            let name: [UInt8] = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { pointer in
                    var length = 0
                    while pointer[length] != 0 { length += 1 }
                    return Array(UnsafeBufferPointer(start: pointer, count: length))
                }
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            children.append((name, entry.pointee.d_type))
        }
        children.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for child in children {
            let relativePath = relative.isEmpty ? child.name : relative + [UInt8(ascii: "/")] + child.name
            if skipping.contains(relativePath) { continue }
            var kind: Kind
            switch child.type {
            case 4: kind = .directory   // DT_DIR
            case 8: kind = .file        // DT_REG
            case 10: kind = .symlink    // DT_LNK
            case 0: kind = .missing     // DT_UNKNOWN: ask lstat
            default: kind = .other
            }
            var size: Int64 = -1
            if kind == .missing || (kind == .file && sizes) {
                var info = stat()
                let status = try withCPath(child.name) { fstatat(directoryFD, $0, &info, Int32(AT_SYMLINK_NOFOLLOW)) }
                if status != 0 { throw POSIXFile.failure("lstat", path: BagPath.display(relativePath)) }
                kind = Self.kind(ofMode: info.st_mode)
                if kind == .file { size = Int64(info.st_size) }
            }
            result.append(Entry(path: relativePath, kind: kind, size: kind == .file ? size : 0))
            if kind == .directory, recursive {
                let childFD = try withCPath(child.name) { openat(directoryFD, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
                guard childFD >= 0 else { throw POSIXFile.failure("open", path: BagPath.display(relativePath)) }
                try walk(fd: childFD, display: relativePath, relative: relativePath, sizes: sizes, skipping: skipping, recursive: true, into: &result)
            }
        }
    }

    private static func kind(ofMode mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        default: .other
        }
    }

    /// The whole content of a (small) file.
    static func readAll(_ path: [UInt8]) throws(KhoFailure) -> [UInt8] {
        let display = BagPath.display(path)
        let fd = try withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw POSIXFile.failure("open", path: display) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        try POSIXFile.readAll(fd: fd, path: display, bufferSize: 64 * 1024) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Writes a new file (which must not exist); with `durable`, fsyncs it.
    static func write(_ bytes: [UInt8], to path: [UInt8], durable: Bool) throws(KhoFailure) {
        let display = BagPath.display(path)
        let fd = try withCPath(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw POSIXFile.failure("open", path: display) }
        var failure: KhoFailure?
        bytes.withUnsafeBytes { raw in failure = POSIXFile.writeAll(fd: fd, raw, path: display) }
        if failure == nil, durable, fsync(fd) != 0 { failure = POSIXFile.failure("fsync", path: display) }
        if close(fd) != 0, failure == nil { failure = POSIXFile.failure("close", path: display) }
        if let failure { throw failure }
    }

    /// Creates a directory (mode 0755).
    static func makeDirectory(_ path: [UInt8]) throws(KhoFailure) {
        let status = try withCPath(path) { mkdir($0, 0o755) }
        if status != 0 { throw POSIXFile.failure("mkdir", path: BagPath.display(path)) }
    }

    /// Renames within one filesystem (atomic for each entry).
    static func rename(_ from: [UInt8], _ to: [UInt8]) throws(KhoFailure) {
        let status = try withCPath(from) { source throws(KhoFailure) in
            try withCPath(to) { target in systemRename(source, target) }
        }
        if status != 0 { throw POSIXFile.failure("rename", path: BagPath.display(from)) }
    }

    private static func systemRename(_ source: UnsafePointer<CChar>, _ target: UnsafePointer<CChar>) -> Int32 {
        #if canImport(Glibc)
        Glibc.rename(source, target)
        #else
        Darwin.rename(source, target)
        #endif
    }

    /// Removes a file.
    static func removeFile(_ path: [UInt8]) throws(KhoFailure) {
        let status = try withCPath(path) { unlink($0) }
        if status != 0 { throw POSIXFile.failure("unlink", path: BagPath.display(path)) }
    }

    /// Flushes the whole filesystem holding `path` once (`syncfs`), cheaper than one fsync per file
    /// when thousands of small files were written; falls back to `sync()` where `syncfs` is absent.
    static func syncFilesystem(_ path: [UInt8]) throws(KhoFailure) {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        // Glibc declares syncfs only under _GNU_SOURCE, so Swift does not see it: look it up.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
            sync()
            return
        }
        let syncfs = unsafeBitCast(symbol, to: SyncFS.self)
        let fd = try withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw POSIXFile.failure("open", path: BagPath.display(path)) }
        defer { close(fd) }
        if syncfs(fd) != 0 { throw POSIXFile.failure("syncfs", path: BagPath.display(path)) }
    }

    /// fsync of a directory, so renames and new names in it survive a crash.
    static func syncDirectory(_ path: [UInt8]) throws(KhoFailure) {
        try POSIXFile.sync(BagPath.display(path))
    }

    /// The bytes of a path string, without a trailing slash.
    static func bytes(of path: String) -> [UInt8] {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        return bytes
    }
}

/// Per-directory results of `walkParallel`, each slot written by one worker.
private final class WalkSlots: @unchecked Sendable {
    private var storage: [Result<[BagFileSystem.Entry], KhoFailure>?]
    private let lock = Mutex<Void>(())

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[BagFileSystem.Entry], KhoFailure>) {
        lock.withLock { _ in storage[index] = value }
    }

    func take(_ index: Int) -> Result<[BagFileSystem.Entry], KhoFailure> {
        lock.withLock { _ in storage[index] } ?? .failure(KhoFailure(rule: "KHO-IO", vi: "không duyệt được", en: "not walked"))
    }
}
