import GRDB

/// Migration `v2-fixity`: sweeps, checks, repairs and replica syncs. Column names are a contract with
/// the reports (`kho report fixity`): keep them exactly.
enum FixitySchema {
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE fixity_sweep (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                mode TEXT NOT NULL,
                scope TEXT NOT NULL,
                status TEXT NOT NULL
            );
            CREATE INDEX fixity_sweep_status ON fixity_sweep(status, mode, scope);
            CREATE TABLE fixity_check (
                id INTEGER PRIMARY KEY,
                sweep_id INTEGER NOT NULL REFERENCES fixity_sweep(id),
                root_name TEXT NOT NULL,
                object_id TEXT NOT NULL,
                checked_at TEXT NOT NULL,
                outcome TEXT NOT NULL,
                files_checked INTEGER NOT NULL,
                bytes_checked INTEGER NOT NULL,
                damage_json TEXT NOT NULL,
                UNIQUE(sweep_id, root_name, object_id)
            );
            CREATE INDEX fixity_check_pair ON fixity_check(root_name, object_id, checked_at);
            CREATE TABLE repair_action (
                id INTEGER PRIMARY KEY,
                repaired_at TEXT NOT NULL,
                root_name TEXT NOT NULL,
                object_id TEXT NOT NULL,
                path TEXT NOT NULL,
                kind TEXT NOT NULL,
                source_root_name TEXT,
                outcome TEXT NOT NULL
            );
            CREATE INDEX repair_action_object ON repair_action(object_id, repaired_at);
            CREATE TABLE replica_sync (
                id INTEGER PRIMARY KEY,
                root_name TEXT NOT NULL,
                path TEXT NOT NULL,
                synced_at TEXT NOT NULL,
                objects_current INTEGER NOT NULL,
                objects_copied INTEGER NOT NULL,
                objects_failed INTEGER NOT NULL
            );
            """)
    }
}
