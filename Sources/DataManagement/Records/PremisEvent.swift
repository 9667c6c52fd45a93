import GRDB

/// A PREMIS event row; its linking objects are in `event_objects`, its audit link in `audit_log`.
public struct PremisEvent: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table `premis_events`.
    public static let databaseTableName = "premis_events"
    /// eventIdentifierValue.
    public var identifier: String
    /// The AIP it concerns, if any (nil for repository-wide events).
    public var aipObjectID: String?
    /// LoC event type label.
    public var type: PremisEventType
    /// ISO 8601 date-time as given.
    public var dateTime: String
    /// Outcome.
    public var outcome: EventOutcome
    /// eventDetail.
    public var detail: String?
    /// eventOutcomeDetailNote.
    public var outcomeDetail: String?
    /// The acting agent's identifier.
    public var agentIdentifier: String?

    init(_ e: EventEntry, aipObjectID: String?) {
        identifier = e.identifier
        self.aipObjectID = aipObjectID
        type = e.type
        dateTime = e.dateTime
        outcome = e.outcome
        detail = e.detail
        outcomeDetail = e.outcomeDetail
        agentIdentifier = e.agent?.identifier
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE premis_events (
                identifier TEXT PRIMARY KEY NOT NULL CHECK (identifier <> ''),
                aipObjectID TEXT,
                type TEXT NOT NULL,
                dateTime TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'warning')),
                detail TEXT,
                outcomeDetail TEXT,
                agentIdentifier TEXT REFERENCES agents(identifier)
            ) STRICT;
            CREATE INDEX premis_events_aip ON premis_events(aipObjectID, dateTime);
            CREATE INDEX premis_events_type ON premis_events(type, dateTime);
            CREATE TABLE event_objects (
                eventIdentifier TEXT NOT NULL REFERENCES premis_events(identifier) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                objectID TEXT NOT NULL,
                PRIMARY KEY (eventIdentifier, position)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX event_objects_object ON event_objects(objectID);
            """)
    }

    static let snapshotSQL = "SELECT * FROM premis_events ORDER BY identifier"
    static let objectsSnapshotSQL = "SELECT * FROM event_objects ORDER BY eventIdentifier, position"
}
