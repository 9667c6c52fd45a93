import GRDB

/// A fonds (phông) row.
public struct Fonds: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `fonds`.
    public static let databaseTableName = "fonds"
    /// Mã phông.
    public var code: String
    /// Tên phông.
    public var name: String

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE fonds (
                code TEXT PRIMARY KEY NOT NULL CHECK (code <> ''),
                name TEXT NOT NULL
            ) STRICT
            """)
    }

    static let snapshotSQL = "SELECT * FROM fonds ORDER BY code"
}
