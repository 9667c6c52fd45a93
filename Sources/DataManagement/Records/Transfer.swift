import GRDB

/// A transfer (nộp lưu) row: one received package and the decision taken on it.
public struct Transfer: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `transfers`.
    public static let databaseTableName = "transfers"
    /// Transfer identifier.
    public var id: String
    /// Đơn vị nộp lưu.
    public var transferringUnit: String
    /// Received at (ISO 8601).
    public var receivedAt: String
    /// SHA-256 of the package.
    public var packageSHA256: String
    /// Package file name.
    public var packageName: String
    /// accepted / rejected.
    public var status: TransferEntry.Status
    /// Validation report.
    public var report: String?

    init(_ entry: TransferEntry) {
        id = entry.id
        transferringUnit = entry.transferringUnit
        receivedAt = entry.receivedAt
        packageSHA256 = entry.packageSHA256
        packageName = entry.packageName
        status = entry.status
        report = entry.report
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE transfers (
                id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                transferringUnit TEXT NOT NULL,
                receivedAt TEXT NOT NULL,
                packageSHA256 TEXT NOT NULL,
                packageName TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
                report TEXT
            ) STRICT;
            CREATE INDEX transfers_unit ON transfers(transferringUnit, receivedAt);
            """)
    }

    static let snapshotSQL = "SELECT * FROM transfers ORDER BY id"
}
