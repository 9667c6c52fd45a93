#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KhoCore

/// Creates files and folders below a work area without ever following a symbolic link.
///
/// Every step is relative to a directory descriptor opened with `O_NOFOLLOW`; files are created fresh
/// with `O_CREAT | O_EXCL | O_NOFOLLOW`, so nothing existing is overwritten or written through.
/// Everything created is remembered so that `removeCreated()` can leave the work area as it was.
struct WorkAreaWriter {
    let root: String
    let archive: String
    private let rootFD: Int32
    private(set) var created: [(path: String, isDirectory: Bool)] = []

    /// Opens (creating it if missing) the work area; a symbolic link there is refused.
    init(root: String, archive: String) throws(ArchiveError) {
        self.root = root
        self.archive = archive
        if mkdir(root, 0o755) != 0 && errno != EEXIST {
            throw Self.failure(.io, archive: archive, entry: nil, "mkdir", path: root)
        }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let kind: ArchiveError.Kind = (errno == ELOOP || errno == ENOTDIR) ? .symlink : .io
            throw Self.failure(kind, archive: archive, entry: nil, "open work area", path: root)
        }
        rootFD = fd
    }

    /// Closes the work area descriptor.
    func close() {
        _ = closeDescriptor(rootFD)
    }

    /// Creates the folder `path` (and its parents) if missing.
    mutating func makeDirectory(_ path: RelativePath) throws(ArchiveError) {
        let fd = try openDirectory(segments: path.segments[...], entry: path.string)
        _ = closeDescriptor(fd)
    }

    /// Creates the file `path` fresh and returns a descriptor open for writing; the caller closes it.
    mutating func createFile(_ path: RelativePath) throws(ArchiveError) -> Int32 {
        let segments = path.segments
        guard let name = segments.last else {
            throw ArchiveError(.invalidName, archive: archive, entry: path.string, vi: "tên rỗng", en: "empty name")
        }
        let parent = try openDirectory(segments: segments.dropLast(), entry: path.string)
        defer { _ = closeDescriptor(parent) }
        let fd = openat(parent, String(name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let kind: ArchiveError.Kind = errno == ELOOP ? .symlink : (errno == EEXIST ? .duplicate : .io)
            throw Self.failure(kind, archive: archive, entry: path.string, "create", path: root + "/" + path.string)
        }
        created.append((path.string, false))
        return fd
    }

    /// Walks (and creates where missing) the folders `segments` below the root; returns the last one's descriptor.
    private mutating func openDirectory(segments: ArraySlice<Substring>, entry: String) throws(ArchiveError) -> Int32 {
        var current = dup(rootFD)
        guard current >= 0 else { throw Self.failure(.io, archive: archive, entry: entry, "dup", path: root) }
        var walked = ""
        for segment in segments {
            let name = String(segment)
            walked = walked.isEmpty ? name : walked + "/" + name
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT {
                if mkdirat(current, name, 0o755) == 0 {
                    created.append((walked, true))
                } else if errno != EEXIST {
                    let error = Self.failure(.io, archive: archive, entry: entry, "mkdir", path: root + "/" + walked)
                    _ = closeDescriptor(current)
                    throw error
                }
                next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else {
                let code = errno
                _ = closeDescriptor(current)
                if code == ELOOP || code == ENOTDIR {
                    throw ArchiveError(
                        .symlink, archive: archive, entry: entry,
                        vi: "'\(walked)' trong vùng làm việc không phải thư mục thật (liên kết tượng trưng?); không ghi xuyên qua",
                        en: "'\(walked)' in the work area is not a real folder (a symbolic link?); refusing to write through it")
                }
                errno = code
                throw Self.failure(.io, archive: archive, entry: entry, "open", path: root + "/" + walked)
            }
            _ = closeDescriptor(current)
            current = next
        }
        return current
    }

    /// Removes everything this writer created, newest first, never following a link.
    mutating func removeCreated() {
        for item in created.reversed() {
            var segments = item.path.split(separator: "/")
            guard let name = segments.popLast() else { continue }
            var parent = dup(rootFD)
            for segment in segments where parent >= 0 {
                let next = openat(parent, String(segment), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                _ = closeDescriptor(parent)
                parent = next
            }
            guard parent >= 0 else { continue }
            _ = unlinkat(parent, String(name), item.isDirectory ? AT_REMOVEDIR : 0)
            _ = closeDescriptor(parent)
        }
        created.removeAll()
    }

    /// Sets a file's modification (and access) time; best effort, a failure changes nothing that matters.
    static func setModified(fd: Int32, _ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.magnitude < 1e12 else { return }  // hostile values (base-256 tar fields) stay out of Int conversion
        let time = timespec(tv_sec: Int(seconds), tv_nsec: Int((date.timeIntervalSince1970 - seconds) * 1e9))
        var times = [time, time]
        _ = futimens(fd, &times)
    }

    static func failure(_ kind: ArchiveError.Kind, archive: String, entry: String?, _ operation: String, path: String) -> ArchiveError {
        let reason = String(cString: strerror(errno))
        return ArchiveError(kind, archive: archive, entry: entry,
                            vi: "\(operation) '\(path)' thất bại: \(reason)",
                            en: "\(operation) '\(path)' failed: \(reason)")
    }
}
