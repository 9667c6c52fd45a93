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

    /// Inserts the agent, or checks that the row already there is the same agent. Never updates: events
    /// already sealed in the audit chain name this row, and changing it would make them look edited.
    func insertOnce(_ db: Database) throws {
        if let recorded = try Agent.fetchOne(db, key: identifier) {
            guard recorded == self else {
                throw CatalogueError.agentChanged(identifier: identifier, recorded: recorded.summary, offered: summary)
            }
            return
        }
        try insert(db)
    }

    private var summary: String { "\(name) (\(kind.rawValue)\(version.map { " " + $0 } ?? ""))" }

    static let snapshotSQL = "SELECT * FROM agents ORDER BY identifier"
}
