import Foundation
import KhoCore

/// The container format of an archive, recognised by its magic bytes.
public enum ArchiveFormat: String, Sendable, Hashable {
    /// PKZIP, including ZIP64.
    case zip
    /// POSIX ustar / pax, or GNU tar.
    case tar
    /// A tar stream inside gzip.
    case tarGzip = "tar.gz"
}

/// What an archive entry became in the work area.
public enum ArchiveEntryKind: String, Sendable, Hashable {
    /// A regular file.
    case file
    /// A folder.
    case directory
}

/// One entry of an archive: what was (or would be) written to the work area, or what was packed into a zip.
public struct ArchiveEntryInfo: Sendable, Hashable {
    /// The path below the work area, with the producer's name bytes kept exactly.
    public var path: RelativePath
    /// File or folder.
    public var kind: ArchiveEntryKind
    /// Bytes written (0 for folders); for `check(archive:)`, the declared size.
    public var size: Int64
    /// The modification time the archive recorded (also set on the extracted file), if any.
    public var modified: Date?

    /// Creates an entry description.
    public init(path: RelativePath, kind: ArchiveEntryKind, size: Int64, modified: Date? = nil) {
        self.path = path
        self.kind = kind
        self.size = size
        self.modified = modified
    }
}

/// The result of unpacking an archive (giải nén gói).
public struct ExtractionReport: Sendable {
    /// The archive that was unpacked.
    public var archive: URL
    /// Its format.
    public var format: ArchiveFormat
    /// Files and folders written, in archive order.
    public var entries: [ArchiveEntryInfo]
    /// Bytes written in all files.
    public var totalBytes: Int64
    /// Size of the archive file itself.
    public var archiveBytes: Int64

    /// Number of regular files written.
    public var fileCount: Int { entries.count { $0.kind == .file } }
    /// Number of folders written (explicit entries only).
    public var directoryCount: Int { entries.count { $0.kind == .directory } }
}
