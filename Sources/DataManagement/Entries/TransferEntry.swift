/// A transfer (nộp lưu) as received: one submitted package and what the archive decided.
public struct TransferEntry: Sendable, Hashable, Codable {
    /// Whether the package was taken in.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Validated and stored as an AIP.
        case accepted
        /// Refused; the report says why.
        case rejected
    }

    /// Transfer identifier (e.g. a UUID given at receipt).
    public var id: String
    /// Đơn vị nộp lưu.
    public var transferringUnit: String
    /// When the package was received, ISO 8601 with offset.
    public var receivedAt: String
    /// SHA-256 of the package as received (the zip).
    public var packageSHA256: String
    /// The package's file name.
    public var packageName: String
    /// Accepted or rejected.
    public var status: Status
    /// The validation report (text or JSON), as Ingest wrote it.
    public var report: String?

    /// A transfer.
    public init(id: String, transferringUnit: String, receivedAt: String, packageSHA256: String,
                packageName: String, status: Status, report: String? = nil) {
        self.id = id
        self.transferringUnit = transferringUnit
        self.receivedAt = receivedAt
        self.packageSHA256 = packageSHA256
        self.packageName = packageName
        self.status = status
        self.report = report
    }
}
