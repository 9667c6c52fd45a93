import GRDB

extension Catalogue {
    /// The latest sweep with this mode and scope that did not finish (killed while running, or stopped):
    /// the one a new sweep resumes.
    public func unfinishedSweep(mode: String, scope: String) throws(CatalogueError) -> FixitySweepRecord? {
        try read("find unfinished sweep") { db in
            try FixitySweepRecord.fetchOne(db, sql: """
                SELECT * FROM fixity_sweep WHERE mode = ? AND scope = ? AND status IN ('running', 'stopped')
                ORDER BY id DESC LIMIT 1
                """, arguments: [mode, scope])
        }
    }

    /// Starts a new sweep (status `running`).
    public func startSweep(mode: String, scope: String, at time: String) throws(CatalogueError) -> FixitySweepRecord {
        try write("start sweep") { db in
            var sweep = FixitySweepRecord(id: nil, startedAt: time, finishedAt: nil, mode: mode, scope: scope, status: .running)
            try sweep.insert(db)
            return sweep
        }
    }

    /// Marks a resumed sweep as running again.
    public func resumeSweep(id: Int64) throws(CatalogueError) {
        try write("resume sweep \(id)") { db in
            try db.execute(sql: "UPDATE fixity_sweep SET status = 'running', finished_at = NULL WHERE id = ?", arguments: [id])
        }
    }

    /// Ends a sweep as `finished` or `stopped`.
    public func endSweep(id: Int64, status: FixitySweepRecord.Status, at time: String) throws(CatalogueError) {
        try write("end sweep \(id)") { db in
            try db.execute(sql: "UPDATE fixity_sweep SET status = ?, finished_at = ? WHERE id = ?",
                           arguments: [status.rawValue, time, id])
        }
    }

    /// A sweep by id.
    public func sweep(id: Int64) throws(CatalogueError) -> FixitySweepRecord? {
        try read("read sweep") { db in try FixitySweepRecord.fetchOne(db, key: id) }
    }

    /// Every sweep, oldest first.
    public func sweeps() throws(CatalogueError) -> [FixitySweepRecord] {
        try read("read sweeps") { db in try FixitySweepRecord.fetchAll(db, sql: "SELECT * FROM fixity_sweep ORDER BY id") }
    }

    /// The (root, object) pairs already checked in a sweep.
    public func checkedPairs(sweepID: Int64) throws(CatalogueError) -> Set<RootObject> {
        try read("read checked pairs") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT root_name, object_id FROM fixity_check WHERE sweep_id = ?", arguments: [sweepID])
            return Set(rows.map { RootObject(rootName: $0["root_name"], objectID: $0["object_id"]) })
        }
    }

    /// The checks of a sweep, in the order they were recorded.
    public func checks(sweepID: Int64) throws(CatalogueError) -> [FixityCheckRecord] {
        try read("read checks") { db in
            try FixityCheckRecord.fetchAll(db, sql: "SELECT * FROM fixity_check WHERE sweep_id = ? ORDER BY id", arguments: [sweepID])
        }
    }

    /// Records one check and its PREMIS `fixity check` event (with its audit entry) in ONE transaction, so
    /// a sweep killed at any instant has either both or neither.
    public func record(check: FixityCheckRecord, event: EventEntry) throws(CatalogueError) {
        try record(checks: [(check, event)])
    }

    /// Records several checks, each with its event and audit entry, in ONE transaction: all of them or none. A
    /// sweep over thousands of small dossiers spends less time committing (a killed sweep checks the unrecorded
    /// ones again when it resumes).
    public func record(checks: [(check: FixityCheckRecord, event: EventEntry)]) throws(CatalogueError) {
        guard let first = checks.first else { return }
        let what = checks.count == 1 ? "\(first.check.rootName)/\(first.check.objectID)" : "\(checks.count) copies"
        try write("record fixity check \(what)") { db in
            var agents = Set<String>()
            for (check, event) in checks {
                var row = check
                try row.insert(db)
                // The sweep's one agent is looked up once a transaction, not once a copy.
                _ = try Self.insertEvent(db, event, aipObjectID: check.objectID, agentKnown: event.agent.map { !agents.insert($0.identifier).inserted } ?? false)
            }
        }
    }

    /// When each (root, object) was last checked (any sweep), for stale-first order and the scheduler.
    public func lastCheckTimes() throws(CatalogueError) -> [RootObject: String] {
        try read("read last checks") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT root_name, object_id, MAX(checked_at) AS last FROM fixity_check GROUP BY root_name, object_id")
            var times: [RootObject: String] = [:]
            for row in rows { times[RootObject(rootName: row["root_name"], objectID: row["object_id"])] = row["last"] }
            return times
        }
    }

    /// The latest check of each (root, object), optionally of one object only: what repair works from.
    public func latestChecks(objectID: String? = nil) throws(CatalogueError) -> [FixityCheckRecord] {
        try read("read latest checks") { db in
            let filter = objectID == nil ? "" : "WHERE object_id = ?"
            let arguments: StatementArguments = objectID.map { [$0] } ?? []
            return try FixityCheckRecord.fetchAll(db, sql: """
                SELECT * FROM fixity_check WHERE id IN (
                    SELECT MAX(id) FROM fixity_check \(filter) GROUP BY root_name, object_id)
                ORDER BY root_name, object_id
                """, arguments: arguments)
        }
    }

    /// sha256 → size of every file the catalogue knows for an object (what Ingest measured), so a
    /// fixity check can tell a truncated file from an altered one.
    public func expectedSizes(objectID: String) throws(CatalogueError) -> [String: UInt64] {
        try read("read expected sizes") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT sha256, size FROM files WHERE aipObjectID = ?", arguments: [objectID])
            var sizes: [String: UInt64] = [:]
            for row in rows {
                let sha: String = row["sha256"]
                let size: Int64 = row["size"]
                sizes[sha.lowercased()] = UInt64(max(0, size))
            }
            return sizes
        }
    }

    /// Records what a repair did to one object, and its PREMIS event (with its audit entry), in ONE transaction.
    public func record(repairs: [RepairActionRecord], event: EventEntry, objectID: String) throws(CatalogueError) {
        try write("record repair \(objectID)") { db in
            for action in repairs {
                var row = action
                try row.insert(db)
            }
            _ = try Self.insertEvent(db, event, aipObjectID: objectID)
        }
    }

    /// Repair actions, oldest first.
    public func repairActions(objectID: String? = nil) throws(CatalogueError) -> [RepairActionRecord] {
        try read("read repair actions") { db in
            if let objectID {
                return try RepairActionRecord.fetchAll(db, sql: "SELECT * FROM repair_action WHERE object_id = ? ORDER BY id", arguments: [objectID])
            }
            return try RepairActionRecord.fetchAll(db, sql: "SELECT * FROM repair_action ORDER BY id")
        }
    }

    /// Records one replica sync.
    @discardableResult
    public func record(replicaSync: ReplicaSyncRecord) throws(CatalogueError) -> ReplicaSyncRecord {
        try write("record replica sync \(replicaSync.rootName)") { db in
            var row = replicaSync
            try row.insert(db)
            return row
        }
    }

    /// Replica syncs, oldest first.
    public func replicaSyncs() throws(CatalogueError) -> [ReplicaSyncRecord] {
        try read("read replica syncs") { db in try ReplicaSyncRecord.fetchAll(db, sql: "SELECT * FROM replica_sync ORDER BY id") }
    }

    /// Every AIP object id the catalogue knows, sorted.
    public func objectIDs() throws(CatalogueError) -> [String] {
        try read("read object ids") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT objectID FROM aip_versions ORDER BY objectID")
        }
    }

    /// How many events of a type name an object, for tests and reports.
    public func eventCount(type: PremisEventType, aipObjectID: String) throws(CatalogueError) -> Int {
        try read("count events") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM premis_events WHERE type = ? AND aipObjectID = ?",
                             arguments: [type.rawValue, aipObjectID]) ?? 0
        }
    }
}
