import Foundation

/// A receipt for an accepted transfer (biên bản giao nhận): what was received, what it became, and the
/// digest of the package, so the transferring unit and the archive hold the same facts.
public struct IngestReceipt: Sendable, Hashable, Codable {
    /// One document (tài liệu) received.
    public struct DocumentLine: Sendable, Hashable, Codable {
        /// docId.
        public var docId: String
        /// Số, ký hiệu (e.g. `12-NQ/ĐU`), if any.
        public var number: String?
        /// Ngày ban hành.
        public var issuedDate: String?
        /// Trích yếu.
        public var subject: String
        /// Files of the document.
        public var files: Int
    }

    /// One file received.
    public struct FileLine: Sendable, Hashable, Codable {
        /// Path inside the AIP.
        public var path: String
        /// Size in bytes.
        public var size: Int64
        /// SHA-256 hex.
        public var sha256: String
        /// PRONOM PUID, if identified.
        public var puid: String?
        /// MIME type.
        public var mimeType: String
    }

    /// Transfer id (mã lần nộp lưu).
    public var transferID: String
    /// Đơn vị nộp lưu.
    public var transferringUnit: String
    /// Đơn vị nhận: the archive's code.
    public var archiveCode: String
    /// When the package was received (ISO 8601, +07:00).
    public var receivedAt: String
    /// When the receipt was issued.
    public var issuedAt: String
    /// The package as given (file or folder name).
    public var packageName: String
    /// Zip, folder or BagIt.
    public var packageKind: String
    /// SHA-256 of the zip as received; for a folder or a bag, of its root manifest (see the README).
    public var packageSHA256: String
    /// The SIP's OBJID.
    public var submissionObjectID: String?
    /// METS RECORDSTATUS.
    public var recordStatus: String
    /// The AIP's OBJID (also its OCFL object id).
    public var aipObjectID: String
    /// The OCFL version written, e.g. `v1`.
    public var version: String
    /// Mã hồ sơ, mã hồ sơ lưu trữ, tiêu đề.
    public var fileCode: String
    public var arcFileCode: String
    public var title: String
    /// Documents and files received.
    public var documents: [DocumentLine]
    public var files: [FileLine]
    /// Total payload bytes.
    public var totalBytes: Int64
    /// Warnings noted on the way (code and message), e.g. format findings.
    public var warnings: [String]
    /// Kho and its version.
    public var software: String
}
