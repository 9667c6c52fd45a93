import GRDB

extension Catalogue {
    /// Records one AIP version — dossier (hồ sơ), documents (tài liệu), files, version, events and
    /// their audit entries — in ONE transaction. Idempotent by object id + version: a version already
    /// recorded changes nothing. A newer version replaces the AIP's descriptive rows; an older one
    /// arriving late only adds its version row and events.
    @discardableResult
    public func record(aip: AIPEntry) throws(CatalogueError) -> RecordOutcome {
        try Self.validate(aip)
        return try write("record AIP \(aip.objectID) v\(aip.version)") { db in
            try Self.insertAIP(db, aip)
        }
    }

    /// The rows of one AIP version, inside the caller's transaction (see `record(aip:)`).
    static func insertAIP(_ db: Database, _ aip: AIPEntry) throws -> RecordOutcome {
        let known = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM aip_versions WHERE objectID = ? AND version = ?",
            arguments: [aip.objectID, aip.version]) ?? 0
        if known > 0 { return .alreadyRecorded }
        let head = try Int.fetchOne(
            db, sql: "SELECT MAX(version) FROM aip_versions WHERE objectID = ?", arguments: [aip.objectID])
        try Fonds(code: aip.fonds.code, name: aip.fonds.name).save(db)
        try AIPVersion(objectID: aip.objectID, version: aip.version, created: aip.created,
                       message: aip.message, transferID: aip.transferID).insert(db)
        if head.map({ aip.version > $0 }) ?? true {
            try Self.deleteDescription(db, objectID: aip.objectID)
            try Self.insertDescription(db, aip)
        }
        for event in aip.events {
            _ = try Self.insertEvent(db, event, aipObjectID: aip.objectID)
        }
        return .recorded
    }

    /// Records an accepted transfer and the AIP version it made in ONE transaction, so the catalogue never
    /// holds one without the other (and a version that fails validation leaves no transfer row behind).
    /// `whileOpen` runs inside the transaction after both are written, before the commit (a crash hook for tests).
    public func record(aip: AIPEntry, transfer: TransferEntry, whileOpen: (() -> Void)? = nil) throws(CatalogueError) -> RecordOutcome {
        guard !transfer.id.isEmpty else { throw .invalidEntry(field: "transfer.id", reason: "empty") }
        try Self.validate(aip)
        return try write("record transfer \(transfer.id) and AIP \(aip.objectID) v\(aip.version)") { db in
            try Transfer(transfer).save(db)
            let outcome = try Self.insertAIP(db, aip)
            whileOpen?()
            return outcome
        }
    }

    /// Records a transfer (nộp lưu), accepted or rejected; recording the same id again updates it.
    public func record(transfer: TransferEntry) throws(CatalogueError) {
        guard !transfer.id.isEmpty else { throw .invalidEntry(field: "transfer.id", reason: "empty") }
        try write("record transfer \(transfer.id)") { db in try Transfer(transfer).save(db) }
    }

    /// Records one PREMIS event (e.g. a fixity check) and appends it to the audit chain in the same
    /// transaction. Returns false when an event with this identifier is already recorded.
    @discardableResult
    public func record(event: EventEntry, aipObjectID: String? = nil) throws(CatalogueError) -> Bool {
        guard !event.identifier.isEmpty else { throw .invalidEntry(field: "event.identifier", reason: "empty") }
        return try write("record event \(event.identifier)") { db in
            try Self.insertEvent(db, event, aipObjectID: aipObjectID)
        }
    }

    /// Deletes everything the catalogue holds about one AIP (dossier, documents, files, versions,
    /// events, search entries), for a catalogue rebuild from storage. Fonds, transfers, agents and
    /// the audit log stay: the audit log is append-only, and re-recording the AIP's events later
    /// does not append them twice.
    public func deleteAIP(objectID: String) throws(CatalogueError) {
        try write("delete AIP \(objectID)") { db in
            try Self.deleteDescription(db, objectID: objectID)
            try db.execute(sql: "DELETE FROM premis_events WHERE aipObjectID = ?", arguments: [objectID])
            try db.execute(sql: "DELETE FROM aip_versions WHERE objectID = ?", arguments: [objectID])
        }
    }

    static func validate(_ aip: AIPEntry) throws(CatalogueError) {
        guard !aip.objectID.isEmpty else { throw .invalidEntry(field: "objectID", reason: "empty") }
        guard aip.version >= 1 else { throw .invalidEntry(field: "version", reason: "must be ≥ 1, got \(aip.version)") }
        guard !aip.fonds.code.isEmpty else { throw .invalidEntry(field: "fonds.code", reason: "empty") }
        var docIds = Set<String>()
        for document in aip.documents {
            guard !document.docId.isEmpty else { throw .invalidEntry(field: "docId", reason: "empty") }
            guard docIds.insert(document.docId).inserted else {
                throw .invalidEntry(field: "docId", reason: "\(document.docId) appears twice in \(aip.objectID)")
            }
        }
        var paths = Set<String>()
        for file in aip.files {
            guard paths.insert(file.path).inserted else {
                throw .invalidEntry(field: "files.path", reason: "\(file.path) appears twice")
            }
            if let docId = file.docId, !docIds.contains(docId) {
                throw .invalidEntry(field: "files.docId", reason: "\(file.path) names unknown document \(docId)")
            }
        }
        var events = Set<String>()
        for event in aip.events {
            guard !event.identifier.isEmpty, events.insert(event.identifier).inserted else {
                throw .invalidEntry(field: "events.identifier", reason: "empty or repeated: \(event.identifier)")
            }
        }
    }

    static func deleteDescription(_ db: Database, objectID: String) throws {
        try SearchIndex.delete(db, aipObjectID: objectID)
        try db.execute(sql: "DELETE FROM files WHERE aipObjectID = ?", arguments: [objectID])
        try db.execute(sql: "DELETE FROM documents WHERE aipObjectID = ?", arguments: [objectID])
        try db.execute(sql: "DELETE FROM dossiers WHERE aipObjectID = ?", arguments: [objectID])
    }

    static func insertDescription(_ db: Database, _ aip: AIPEntry) throws {
        var dossierRow: Dossier?
        if let entry = aip.dossier {
            let dossier = Dossier(entry, aipObjectID: aip.objectID, fondsCode: aip.fonds.code,
                                  recordStatus: aip.recordStatus)
            try dossier.insert(db)
            try SearchIndex.add(db, dossier: dossier)
            dossierRow = dossier
        }
        for (ordinal, entry) in aip.documents.enumerated() {
            let document = Document(entry, aipObjectID: aip.objectID, fondsCode: aip.fonds.code, ordinal: ordinal)
            try document.insert(db)
            try SearchIndex.add(db, document: document, fullText: entry.fullText, dossier: dossierRow)
        }
        for entry in aip.files {
            try CatalogueFile(entry, aipObjectID: aip.objectID).insert(db)
        }
    }

    /// Inserts an event, its agent and linking objects, and its audit entry; false if already there.
    /// `agentKnown`: the event's agent was already inserted or checked in this transaction.
    static func insertEvent(_ db: Database, _ event: EventEntry, aipObjectID: String?, agentKnown: Bool = false) throws -> Bool {
        // Cached statements: a sweep records one event per copy, thousands in a run.
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM premis_events WHERE identifier = ? LIMIT 1")
        if try Int.fetchOne(exists, arguments: [event.identifier]) != nil { return false }
        if let agent = event.agent, !agentKnown { try Agent(agent).insertOnce(db) }
        try PremisEvent(event, aipObjectID: aipObjectID).insert(db)
        let link = try db.cachedStatement(sql: "INSERT INTO event_objects (eventIdentifier, position, objectID) VALUES (?, ?, ?)")
        for (position, object) in event.linkingObjects.enumerated() {
            try link.execute(arguments: [event.identifier, position, object])
        }
        try AuditChain.appendEvent(db, event, aipObjectID: aipObjectID)
        return true
    }
}
