import GRDB

extension Catalogue {
    /// Every catalogue table's rows in a canonical order, surrogate row ids left out, so two catalogues
    /// (say, the original and one rebuilt from storage) can be compared table by table.
    public func tableSnapshots() throws(CatalogueError) -> [String: [Row]] {
        let queries: [(String, String)] = [
            ("fonds", Fonds.snapshotSQL),
            ("transfers", Transfer.snapshotSQL),
            ("agents", Agent.snapshotSQL),
            ("aip_versions", AIPVersion.snapshotSQL),
            ("dossiers", Dossier.snapshotSQL),
            ("documents", Document.snapshotSQL),
            ("files", CatalogueFile.snapshotSQL),
            ("premis_events", PremisEvent.snapshotSQL),
            ("event_objects", PremisEvent.objectsSnapshotSQL),
            ("search_entries", SearchIndex.snapshotSQL),
            ("audit_log", AuditEntry.snapshotSQL),
        ]
        return try read("snapshot tables") { db in
            var result: [String: [Row]] = [:]
            for (table, sql) in queries {
                result[table] = try Row.fetchAll(db, sql: sql)
            }
            return result
        }
    }
}
