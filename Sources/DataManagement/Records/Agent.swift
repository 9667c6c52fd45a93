import GRDB

/// A PREMIS agent row (software with its version, or a person).
public struct Agent: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `agents`.
    public static let databaseTableName = "agents"
    /// agentIdentifierValue.
    public var identifier: String
    /// Name.
    public var name: String
    /// software / person.
    public var kind: AgentEntry.Kind
    /// Version (software).
    public var version: String?

    init(_ entry: AgentEntry) {
        identifier = entry.identifier
        name = entry.name
        kind = entry.kind
        version = entry.version
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agents (
                identifier TEXT PRIMARY KEY NOT NULL CHECK (identifier <> ''),
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('software', 'person')),
                version TEXT
            ) STRICT
            """)
    }

    static let snapshotSQL = "SELECT * FROM agents ORDER BY identifier"
}
