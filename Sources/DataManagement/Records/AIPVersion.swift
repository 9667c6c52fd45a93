import GRDB

/// One recorded version of an AIP (OCFL object); its presence makes `record(aip:)` idempotent.
public struct AIPVersion: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `aip_versions`.
    public static let databaseTableName = "aip_versions"
    /// OCFL object id.
    public var objectID: String
    /// Version number.
    public var version: Int
    /// Created (ISO 8601).
    public var created: String
    /// Version message.
    public var message: String?
    /// Transfer (nộp lưu) it came from.
    public var transferID: String?

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE aip_versions (
                objectID TEXT NOT NULL CHECK (objectID <> ''),
                version INTEGER NOT NULL CHECK (version >= 1),
                created TEXT NOT NULL,
                message TEXT,
                transferID TEXT REFERENCES transfers(id),
                PRIMARY KEY (objectID, version)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX aip_versions_transfer ON aip_versions(transferID);
            """)
    }

    static let snapshotSQL = "SELECT * FROM aip_versions ORDER BY objectID, version"
}
