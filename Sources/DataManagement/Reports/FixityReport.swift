/// The fixity report (báo cáo kiểm tra toàn vẹn) an auditor signs: coverage of every storage root within
/// the check interval, the last check of each object, damage found and what repair did, replica status,
/// and the audit chain head that anchors all of it.
public struct FixityReport: Sendable, Hashable, Codable {
    /// When the report was made, ISO 8601 UTC (as the fixity tables store times).
    public var generatedAt: String
    /// The interval every object must be checked within, in days (kho.toml `[fixity] interval_days`).
    public var intervalDays: Int
    /// Objects (AIPs) the catalogue knows.
    public var objectsTotal: Int
    /// Coverage per storage root (`primary`, then replicas by name).
    public var roots: [RootCoverage]
    /// The latest check of every (root, object), never-checked pairs included, worst first.
    public var objects: [ObjectStatus]
    /// Damage found and repaired, over every check recorded.
    public var damage: DamageSummary
    /// Every repair action, oldest first.
    public var repairs: [Repair]
    /// The latest sync of each replica.
    public var replicas: [Replica]
    /// Sweeps recorded, and the latest.
    public var sweeps: Sweeps
    /// The audit chain as verified while the report was made.
    public var audit: AuditHead
}

extension FixityReport {
    /// How much of one root was checked within the interval.
    public struct RootCoverage: Sendable, Hashable, Codable {
        /// `primary` or the replica's name.
        public var rootName: String
        /// Objects whose latest check on this root is within the interval.
        public var checkedWithinInterval: Int
        /// Objects ever checked on this root.
        public var checkedEver: Int
        /// Objects the catalogue knows (the denominator).
        public var objectsTotal: Int
        /// Objects whose latest check on this root found damage.
        public var damagedNow: Int
        /// The latest check on this root, ISO 8601 UTC.
        public var lastCheckedAt: String?
        /// `checkedWithinInterval / objectsTotal` in per cent (100 when there are no objects).
        public var coveragePercent: Double {
            objectsTotal == 0 ? 100 : Double(checkedWithinInterval) * 100 / Double(objectsTotal)
        }
    }

    /// The latest check of one object on one root.
    public struct ObjectStatus: Sendable, Hashable, Codable {
        /// `primary` or the replica's name.
        public var rootName: String
        /// OCFL object id.
        public var objectID: String
        /// When last checked, ISO 8601 UTC; nil when never.
        public var lastCheckedAt: String?
        /// `intact`, `damaged`, or `never` when never checked.
        public var outcome: String
        /// Whether the last check is older than the interval (or there is none).
        public var stale: Bool
        /// Damage the last check found: `kind path` each.
        public var damage: [String]
    }

    /// Damage counted over every check, and what repair did about it.
    public struct DamageSummary: Sendable, Hashable, Codable {
        /// Checks that found damage.
        public var damagedChecks: Int
        /// Distinct damage found (root, object, path, kind), counted once however many sweeps saw it.
        public var damageFound: Int
        /// Distinct damage by kind (`altered`, `missing`, …).
        public var byKind: [String: Int]
        /// Repair actions that replaced or restored a file from a verified copy.
        public var repaired: Int
        /// Damage no copy could heal.
        public var unrecoverable: Int
        /// Damage still present in the latest checks.
        public var outstanding: Int
    }

    /// One repair action.
    public struct Repair: Sendable, Hashable, Codable {
        public var repairedAt: String
        public var rootName: String
        public var objectID: String
        public var path: String
        public var kind: String
        /// Where the good copy came from; nil when unrecoverable.
        public var sourceRootName: String?
        /// `repaired` or `unrecoverable`.
        public var outcome: String
    }

    /// A replica's latest sync.
    public struct Replica: Sendable, Hashable, Codable {
        public var rootName: String
        public var path: String
        public var syncedAt: String
        public var objectsCurrent: Int
        public var objectsCopied: Int
        public var objectsFailed: Int
        /// Syncs recorded for this replica.
        public var syncs: Int
    }

    /// The sweeps recorded.
    public struct Sweeps: Sendable, Hashable, Codable {
        /// Every sweep.
        public var count: Int
        /// Sweeps not finished (running, killed, or stopped and waiting to resume).
        public var unfinished: Int
        /// The latest sweep: id, mode, scope, status, start and end.
        public var latest: Sweep?
    }

    /// One sweep.
    public struct Sweep: Sendable, Hashable, Codable {
        public var id: Int64
        public var startedAt: String
        public var finishedAt: String?
        public var mode: String
        public var scope: String
        public var status: String
    }

    /// The audit chain's state: what `kho audit verify` prints.
    public struct AuditHead: Sendable, Hashable, Codable {
        /// Entries in the chain (the sound prefix when broken).
        public var length: Int64
        /// SHA-256 of the head entry.
        public var headDigest: String
        /// Whether the whole chain verified.
        public var intact: Bool
        /// The first bad entry and why, when broken.
        public var firstBadEntry: Int64?
        public var failureReason: String?
        /// PREMIS events whose catalogue rows differ from what the chain sealed (`AuditChain.verifyEvents`).
        public var eventsDiffering: Int
    }
}
