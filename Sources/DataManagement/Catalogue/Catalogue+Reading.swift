import GRDB

extension Catalogue {
    /// The dossier (hồ sơ) held by an AIP, if any.
    public func dossier(aipObjectID: String) throws(CatalogueError) -> Dossier? {
        try read("read dossier") { db in try Dossier.fetchOne(db, key: aipObjectID) }
    }

    /// The documents (tài liệu) of an AIP, in the order they were recorded.
    public func documents(aipObjectID: String) throws(CatalogueError) -> [Document] {
        try read("read documents") { db in
            try Document.fetchAll(db, sql: "SELECT * FROM documents WHERE aipObjectID = ? ORDER BY ordinal",
                                  arguments: [aipObjectID])
        }
    }

    /// The files of an AIP, by path.
    public func files(aipObjectID: String) throws(CatalogueError) -> [CatalogueFile] {
        try read("read files") { db in
            try CatalogueFile.fetchAll(db, sql: "SELECT * FROM files WHERE aipObjectID = ? ORDER BY path",
                                       arguments: [aipObjectID])
        }
    }

    /// The recorded versions of an AIP, oldest first.
    public func versions(objectID: String) throws(CatalogueError) -> [AIPVersion] {
        try read("read versions") { db in
            try AIPVersion.fetchAll(db, sql: "SELECT * FROM aip_versions WHERE objectID = ? ORDER BY version",
                                    arguments: [objectID])
        }
    }

    /// A transfer (nộp lưu) by id.
    public func transfer(id: String) throws(CatalogueError) -> Transfer? {
        try read("read transfer") { db in try Transfer.fetchOne(db, key: id) }
    }

    /// The fonds (phông) by code.
    public func fonds(code: String) throws(CatalogueError) -> Fonds? {
        try read("read fonds") { db in try Fonds.fetchOne(db, key: code) }
    }

    /// The PREMIS events of an AIP as entries (with agent and linking objects), by date-time then id.
    public func events(aipObjectID: String) throws(CatalogueError) -> [EventEntry] {
        try read("read events") { db in
            try Self.eventEntries(db, PremisEvent.fetchAll(
                db, sql: "SELECT * FROM premis_events WHERE aipObjectID = ? ORDER BY dateTime, identifier",
                arguments: [aipObjectID]))
        }
    }

    /// Rebuilds entries (agent, linking objects) from event rows.
    static func eventEntries(_ db: Database, _ rows: [PremisEvent]) throws -> [EventEntry] {
        try rows.map { row in
            let objects = try String.fetchAll(
                db, sql: "SELECT objectID FROM event_objects WHERE eventIdentifier = ? ORDER BY position",
                arguments: [row.identifier])
            let agent = try row.agentIdentifier.flatMap { try Agent.fetchOne(db, key: $0) }
            return EventEntry(
                identifier: row.identifier, type: row.type, dateTime: row.dateTime, outcome: row.outcome,
                detail: row.detail, outcomeDetail: row.outcomeDetail, linkingObjects: objects,
                agent: agent.map { AgentEntry(identifier: $0.identifier, name: $0.name, kind: $0.kind, version: $0.version) })
        }
    }

    /// Number of rows in a catalogue table (for reports and tests).
    public func count(table: String) throws(CatalogueError) -> Int {
        try read("count \(table)") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
    }
}
