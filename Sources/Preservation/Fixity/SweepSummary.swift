import DataManagement
import Foundation

/// One damaged thing found, with the copy and object it is in.
public struct DamageFinding: Sendable, Hashable, Codable {
    /// `primary` or the replica's name.
    public var root: String
    public var objectID: String
    /// `altered`, `truncated`, `missing`, `unexpected`, `inventoryDamaged`, `sidecarDamaged`, `invalid`.
    public var kind: String
    /// Relative to the object root; empty for the object folder itself.
    public var path: String
    public var detail: String

    public init(root: String, objectID: String, kind: String, path: String, detail: String) {
        self.root = root
        self.objectID = objectID
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    /// The damage kind in Vietnamese and English.
    public var kindLabel: String {
        switch kind {
        case "altered": "bị sửa đổi / altered"
        case "truncated": "bị cắt ngắn / truncated"
        case "missing": "bị mất / missing"
        case "unexpected": "tệp lạ / unexpected file"
        case "inventoryDamaged": "inventory hỏng / inventory damaged"
        case "sidecarDamaged": "tệp sidecar hỏng / sidecar damaged"
        case "invalid": "lỗi OCFL / OCFL validation error"
        default: kind
        }
    }
}

/// The audit chain head at the end of a run, for an auditor to anchor (neo) the report.
public struct AuditHead: Sendable, Hashable, Codable {
    public var length: Int64
    public var headDigest: String
    /// False when the chain does not verify (then `problem` says where).
    public var intact: Bool
    public var problem: String?

    public init(length: Int64, headDigest: String, intact: Bool, problem: String?) {
        self.length = length
        self.headDigest = headDigest
        self.intact = intact
        self.problem = problem
    }

    /// Verifies the catalogue's chain and returns its head.
    public static func of(_ catalogue: Catalogue) throws(CatalogueError) -> AuditHead {
        let verification = try AuditChain.verify(catalogue)
        return AuditHead(length: verification.length, headDigest: verification.headDigest, intact: verification.isIntact,
                         problem: verification.failure?.explanation)
    }
}

/// What a sweep did: this run's work and the sweep's cumulative damage.
public struct SweepSummary: Sendable, Codable {
    public var sweepID: Int64
    /// True when this run continued an unfinished sweep.
    public var resumed: Bool
    /// `finished` or `stopped`.
    public var status: String
    public var mode: String
    public var scope: String
    public var startedAt: String
    public var finishedAt: String
    /// Pairs (root, object) in scope.
    public var pairsInScope: Int
    /// Pairs checked by this run.
    public var checkedThisRun: Int
    /// Pairs a resumed sweep had already checked.
    public var checkedEarlier: Int
    /// Pairs left unchecked (stopped).
    public var remaining: Int
    public var filesChecked: Int
    public var bytesChecked: UInt64
    public var seconds: Double
    /// Damage found in the whole sweep (this run and the part it resumed).
    public var damage: [DamageFinding]
    /// Pairs found damaged in the whole sweep.
    public var damagedObjects: Int
    /// Replicas that could not be reached, as `name: path — why`.
    public var unreachableRoots: [String]
    public var audit: AuditHead

    /// True when nothing damaged and every root reached.
    public var isClean: Bool { damage.isEmpty && unreachableRoots.isEmpty }
}
