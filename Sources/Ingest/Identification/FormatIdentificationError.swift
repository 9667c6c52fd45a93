#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KhoCore

/// Why a file could not be examined at all (an unknown format is not an error: it is a finding).
public struct FormatIdentificationError: KhoError, Hashable {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read.
        case unreadable = "KHO-FMT-UNREADABLE"
        /// The path names a directory, device or socket, not a regular file.
        case notRegularFile = "KHO-FMT-NOT-FILE"
    }

    /// What went wrong.
    public var kind: Kind
    /// The file concerned.
    public var path: String?
    /// The operating system's error number, 0 when none.
    public var errorNumber: Int32

    init(_ kind: Kind, path: String, errno: Int32) {
        self.kind = kind
        self.path = path
        self.errorNumber = errno
    }

    /// The Kho rule code.
    public var rule: String { kind.rawValue }

    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage {
        let reason = errorNumber == 0 ? "" : " (\(String(cString: strerror(errorNumber))))"
        switch kind {
        case .unreadable:
            return BilingualMessage(vi: "Không đọc được tệp để nhận dạng định dạng\(reason)",
                                    en: "Cannot read the file to identify its format\(reason)")
        case .notRegularFile:
            return BilingualMessage(vi: "Không phải tệp thông thường", en: "Not a regular file")
        }
    }
}
