import KhoCore

/// Why an archive (gói nén) was refused while it was checked, unpacked or written.
///
/// Every error names the archive and, where there is one, the entry, with a Kho rule code
/// (`KHO-ARCHIVE-…`) and a message in Vietnamese and English.
public struct ArchiveError: KhoError, Hashable {
    /// The kind of refusal; its raw value is the rule code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An entry name climbs out of the work area with `..`.
        case traversal = "KHO-ARCHIVE-TRAVERSAL"
        /// An entry name is absolute (`/x`, `C:\x`, `\\server\x`).
        case absolute = "KHO-ARCHIVE-ABSOLUTE"
        /// A symbolic link entry, or a symbolic link met in the work area.
        case symlink = "KHO-ARCHIVE-SYMLINK"
        /// A tar hard link entry.
        case hardlink = "KHO-ARCHIVE-HARDLINK"
        /// A device, FIFO or socket entry.
        case device = "KHO-ARCHIVE-DEVICE"
        /// Two entries with the same name, or a name used both as a file and as a folder.
        case duplicate = "KHO-ARCHIVE-DUPLICATE"
        /// Two names that differ in bytes but are equal under Unicode NFC.
        case nfcCollision = "KHO-ARCHIVE-NFC-COLLISION"
        /// A name that is not valid UTF-8.
        case encoding = "KHO-ARCHIVE-ENCODING"
        /// A name that is empty or holds a NUL byte.
        case invalidName = "KHO-ARCHIVE-NAME"
        /// A name longer or deeper than the limits allow.
        case pathLimit = "KHO-ARCHIVE-PATH-LIMIT"
        /// An encrypted entry.
        case encrypted = "KHO-ARCHIVE-ENCRYPTED"
        /// The archive ends too early, or its data does not match its checksums.
        case truncated = "KHO-ARCHIVE-TRUNCATED"
        /// A structure of the archive is damaged or inconsistent.
        case malformed = "KHO-ARCHIVE-MALFORMED"
        /// Two zip entries share the same stored bytes (an overlapping-entry bomb).
        case overlap = "KHO-ARCHIVE-OVERLAP"
        /// An entry or the whole archive expands beyond the allowed compression ratio.
        case bombRatio = "KHO-ARCHIVE-BOMB-RATIO"
        /// The archive expands beyond the allowed total size.
        case bombSize = "KHO-ARCHIVE-BOMB-SIZE"
        /// The archive holds more entries than allowed.
        case bombCount = "KHO-ARCHIVE-BOMB-COUNT"
        /// A format, compression method or entry type Kho does not unpack.
        case unsupported = "KHO-ARCHIVE-UNSUPPORTED"
        /// Reading the archive or writing the work area failed.
        case io = "KHO-ARCHIVE-IO"
    }

    /// The kind of refusal.
    public var kind: Kind
    /// The archive file concerned.
    public var archive: String
    /// The entry concerned, as named in the archive (lossy if its bytes are not UTF-8).
    public var entry: String?
    /// The details in both languages.
    public var detail: BilingualMessage

    /// Creates an error of `kind` about `entry` in `archive`.
    public init(_ kind: Kind, archive: String, entry: String? = nil, vi: String, en: String) {
        self.kind = kind
        self.archive = archive
        self.entry = entry
        self.detail = BilingualMessage(vi: vi, en: en)
    }

    /// The rule code, e.g. `KHO-ARCHIVE-TRAVERSAL`.
    public var rule: String { kind.rawValue }

    /// `archive` or `archive!entry`.
    public var path: String? {
        guard let entry else { return archive }
        return "\(archive)!\(entry)"
    }

    /// The full message, naming archive and entry in both languages.
    public var message: BilingualMessage {
        let summary = kind.summary
        let whereVI = entry.map { "mục '\($0)' trong gói '\(archive)'" } ?? "gói '\(archive)'"
        let whereEN = entry.map { "entry '\($0)' in archive '\(archive)'" } ?? "archive '\(archive)'"
        return BilingualMessage(
            vi: "\(summary.vi) — \(whereVI): \(detail.vi)",
            en: "\(summary.en) — \(whereEN): \(detail.en)"
        )
    }
}

extension ArchiveError.Kind {
    /// A one-line statement of the rule, in both languages.
    public var summary: BilingualMessage {
        switch self {
        case .traversal: BilingualMessage(vi: "Tên mục thoát ra ngoài thư mục giải nén", en: "Entry name escapes the work area")
        case .absolute: BilingualMessage(vi: "Tên mục là đường dẫn tuyệt đối", en: "Entry name is an absolute path")
        case .symlink: BilingualMessage(vi: "Không chấp nhận liên kết tượng trưng", en: "Symbolic links are not accepted")
        case .hardlink: BilingualMessage(vi: "Không chấp nhận liên kết cứng", en: "Hard links are not accepted")
        case .device: BilingualMessage(vi: "Không chấp nhận tệp thiết bị, FIFO hoặc socket", en: "Device, FIFO and socket entries are not accepted")
        case .duplicate: BilingualMessage(vi: "Tên mục bị trùng", en: "Duplicate entry name")
        case .nfcCollision: BilingualMessage(vi: "Hai tên mục trùng nhau theo chuẩn Unicode NFC", en: "Two entry names are equal under Unicode NFC")
        case .encoding: BilingualMessage(vi: "Tên mục không phải UTF-8 hợp lệ", en: "Entry name is not valid UTF-8")
        case .invalidName: BilingualMessage(vi: "Tên mục không hợp lệ", en: "Invalid entry name")
        case .pathLimit: BilingualMessage(vi: "Đường dẫn quá dài hoặc quá sâu", en: "Path too long or too deep")
        case .encrypted: BilingualMessage(vi: "Mục được mã hoá", en: "Encrypted entry")
        case .truncated: BilingualMessage(vi: "Gói nén bị cụt hoặc hỏng dữ liệu", en: "Archive truncated or data corrupt")
        case .malformed: BilingualMessage(vi: "Cấu trúc gói nén không hợp lệ", en: "Malformed archive structure")
        case .overlap: BilingualMessage(vi: "Các mục dùng chung dữ liệu (bom nén chồng lấn)", en: "Entries share stored data (overlapping bomb)")
        case .bombRatio: BilingualMessage(vi: "Tỷ lệ giải nén vượt giới hạn (nghi bom nén)", en: "Compression ratio over the limit (suspected zip bomb)")
        case .bombSize: BilingualMessage(vi: "Tổng dung lượng giải nén vượt giới hạn", en: "Total uncompressed size over the limit")
        case .bombCount: BilingualMessage(vi: "Số mục vượt giới hạn", en: "Entry count over the limit")
        case .unsupported: BilingualMessage(vi: "Định dạng hoặc kiểu mục không được hỗ trợ", en: "Unsupported format or entry type")
        case .io: BilingualMessage(vi: "Lỗi đọc/ghi", en: "Read or write failure")
        }
    }
}
