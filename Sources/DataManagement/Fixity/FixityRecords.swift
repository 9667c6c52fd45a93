import Foundation
import GRDB

/// One fixity sweep (lượt kiểm tra toàn vẹn): a run over every (root, object) in its scope.
public struct FixitySweepRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table `fixity_sweep`.
    public static let databaseTableName = "fixity_sweep"
    /// Status of a sweep.
    public enum Status: String, Codable, Sendable, Hashable {
        /// Running, or killed while running: the next sweep with the same mode and scope resumes it.
        case running
        /// Every pair in scope checked.
        case finished
        /// Stopped cleanly (time limit, signal): resumed by the next sweep with the same mode and scope.
        case stopped
    }

    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    /// `fixity` or `full`.
    public var mode: String
    /// An object id, or `*` for every object.
    public var scope: String
    public var status: Status

    enum CodingKeys: String, CodingKey {
        case id, mode, scope, status
        case startedAt = "started_at", finishedAt = "finished_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One (root, object) checked in a sweep.
public struct FixityCheckRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table `fixity_check`.
    public static let databaseTableName = "fixity_check"
    public var id: Int64?
    public var sweepID: Int64
    /// `primary` or the replica's name.
    public var rootName: String
    public var objectID: String
    public var checkedAt: String
    /// `intact` or `damaged`.
    public var outcome: String
    public var filesChecked: Int64
    public var bytesChecked: Int64
    /// JSON array of `{kind, path, detail}`.
    public var damageJSON: String

    enum CodingKeys: String, CodingKey {
        case id, outcome
        case sweepID = "sweep_id", rootName = "root_name", objectID = "object_id", checkedAt = "checked_at"
        case filesChecked = "files_checked", bytesChecked = "bytes_checked", damageJSON = "damage_json"
    }

    /// A check row (the id is assigned on insert).
    public init(sweepID: Int64, rootName: String, objectID: String, checkedAt: String, damage: [DamageEntry],
                filesChecked: Int64, bytesChecked: Int64) {
        self.sweepID = sweepID
        self.rootName = rootName
        self.objectID = objectID
        self.checkedAt = checkedAt
        outcome = damage.isEmpty ? "intact" : "damaged"
        self.filesChecked = filesChecked
        self.bytesChecked = bytesChecked
        damageJSON = DamageEntry.encode(damage)
    }

    /// The damage recorded, decoded.
    public var damage: [DamageEntry] { DamageEntry.decode(damageJSON) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Damage as the catalogue stores it: DataManagement does not know ArchivalStorage's `Damage`, only its shape.
public struct DamageEntry: Codable, Sendable, Hashable {
    public var kind: String
    public var path: String
    public var detail: String

    public init(kind: String, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    static func encode(_ damage: [DamageEntry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(damage)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decode(_ json: String) -> [DamageEntry] {
        (try? JSONDecoder().decode([DamageEntry].self, from: Data(json.utf8))) ?? []
    }
}

/// One file (or inventory) repaired, or found unrecoverable.
public struct RepairActionRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table `repair_action`.
    public static let databaseTableName = "repair_action"
    public var id: Int64?
    public var repairedAt: String
    public var rootName: String
    public var objectID: String
    public var path: String
    /// The damage kind repaired.
    public var kind: String
    /// Where the good copy came from; nil when unrecoverable.
    public var sourceRootName: String?
    /// `repaired` or `unrecoverable`.
    public var outcome: String

    enum CodingKeys: String, CodingKey {
        case id, path, kind, outcome
        case repairedAt = "repaired_at", rootName = "root_name", objectID = "object_id", sourceRootName = "source_root_name"
    }

    public init(repairedAt: String, rootName: String, objectID: String, path: String, kind: String, sourceRootName: String?, outcome: String) {
        self.repairedAt = repairedAt
        self.rootName = rootName
        self.objectID = objectID
        self.path = path
        self.kind = kind
        self.sourceRootName = sourceRootName
        self.outcome = outcome
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One replica brought up to date.
public struct ReplicaSyncRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table `replica_sync`.
    public static let databaseTableName = "replica_sync"
    public var id: Int64?
    public var rootName: String
    public var path: String
    public var syncedAt: String
    public var objectsCurrent: Int64
    public var objectsCopied: Int64
    public var objectsFailed: Int64

    enum CodingKeys: String, CodingKey {
        case id, path
        case rootName = "root_name", syncedAt = "synced_at"
        case objectsCurrent = "objects_current", objectsCopied = "objects_copied", objectsFailed = "objects_failed"
    }

    public init(rootName: String, path: String, syncedAt: String, objectsCurrent: Int64, objectsCopied: Int64, objectsFailed: Int64) {
        self.rootName = rootName
        self.path = path
        self.syncedAt = syncedAt
        self.objectsCurrent = objectsCurrent
        self.objectsCopied = objectsCopied
        self.objectsFailed = objectsFailed
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A (root, object) pair: what a sweep checks once.
public struct RootObject: Sendable, Hashable, Codable, Comparable {
    public var rootName: String
    public var objectID: String

    public init(rootName: String, objectID: String) {
        self.rootName = rootName
        self.objectID = objectID
    }

    public static func < (a: RootObject, b: RootObject) -> Bool {
        (a.rootName, a.objectID) < (b.rootName, b.objectID)
    }
}

/// ISO 8601 UTC with seconds, as the fixity tables store times ("2026-11-21T15:30:00Z").
public enum FixityTime {
    /// `date` as stored.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }

    /// A stored time back as a date.
    public static func date(_ string: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt).parse(string)
    }
}
