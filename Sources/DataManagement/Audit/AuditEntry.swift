import GRDB

/// One link of the audit chain (nhật ký kiểm toán): its content and the hashes that bind it to the
/// entry before. `hash = SHA-256(previousHash + content)`, both as UTF-8, hashes in lower-case hex.
public struct AuditEntry: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `audit_log`.
    public static let databaseTableName = "audit_log"
    /// 1, 2, 3, … with no gaps.
    public var sequence: Int64
    /// What kind of thing is recorded (`premis-event`).
    public var kind: String
    /// The PREMIS event identifier, when the entry records one.
    public var eventIdentifier: String?
    /// Canonical JSON (sorted keys, no whitespace); holds `sequence` too.
    public var content: String
    /// The previous entry's hash; 64 zeros for the first.
    public var previousHash: String
    /// SHA-256(previousHash + content).
    public var hash: String

    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                sequence INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                eventIdentifier TEXT,
                content TEXT NOT NULL,
                previousHash TEXT NOT NULL,
                hash TEXT NOT NULL
            ) STRICT;
            CREATE INDEX audit_log_hash ON audit_log(hash);
            CREATE INDEX audit_log_event ON audit_log(eventIdentifier);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """)
    }

    static let snapshotSQL = "SELECT * FROM audit_log ORDER BY sequence"
}
