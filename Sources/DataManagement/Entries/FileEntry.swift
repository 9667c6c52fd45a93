/// One file of an AIP as Ingest measured it; DataManagement never reads the bytes itself.
public struct FileEntry: Sendable, Hashable, Codable {
    /// Path inside the OCFL object (logical path), NFC as stored.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// SHA-256, lower-case hex (TT05, PREMIS).
    public var sha256: String
    /// SHA-512, lower-case hex (OCFL).
    public var sha512: String?
    /// PRONOM identifier, e.g. `fmt/354`.
    public var puid: String?
    /// MIME type.
    public var mimeType: String?
    /// The docId of the document (tài liệu) this file belongs to, if any.
    public var docId: String?

    /// A file entry.
    public init(path: String, size: Int64, sha256: String, sha512: String? = nil, puid: String? = nil,
                mimeType: String? = nil, docId: String? = nil) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.sha512 = sha512
        self.puid = puid
        self.mimeType = mimeType
        self.docId = docId
    }
}
