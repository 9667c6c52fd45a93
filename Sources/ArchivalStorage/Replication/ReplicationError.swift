import KhoCore

/// Why a replication was refused or failed (lỗi sao lưu bản sao); nothing in the destination changed except staging.
public enum ReplicationError: KhoError, Equatable {
    /// The source root has no object with this identifier.
    case sourceMissing(objectID: String)
    /// The source copy does not verify (inventory against sidecar, root against head version); `detail` says what.
    case sourceUnverified(objectID: String, detail: String)
    /// A source file did not match its inventory digest while being copied.
    case sourceDamaged(path: String, detail: String)
    /// The destination copy differs from the source for a version both hold, or is ahead of it.
    case destinationDiverged(objectID: String, detail: String)
    /// The destination copy's own inventory does not verify: repair it before replicating into it.
    case destinationDamaged(objectID: String, detail: String)
    /// Reading or writing failed.
    case storage(OCFLStorageError)
    /// Test hook: stopped on purpose after a durable step, as a crash would.
    case interrupted(step: String)

    public var rule: String {
        switch self {
        case .sourceMissing: "KHO-REPLICA-NO-SOURCE"
        case .sourceUnverified: "KHO-REPLICA-SOURCE-UNVERIFIED"
        case .sourceDamaged: "KHO-REPLICA-SOURCE-DAMAGED"
        case .destinationDiverged: "KHO-REPLICA-DIVERGED"
        case .destinationDamaged: "KHO-REPLICA-DESTINATION-DAMAGED"
        case .storage(let error): error.rule
        case .interrupted: "KHO-REPLICA-INTERRUPTED"
        }
    }

    public var path: String? {
        switch self {
        case .sourceMissing(let id), .sourceUnverified(let id, _), .destinationDiverged(let id, _), .destinationDamaged(let id, _): id
        case .sourceDamaged(let path, _): path
        case .storage(let error): error.path
        case .interrupted: nil
        }
    }

    public var message: BilingualMessage {
        switch self {
        case .sourceMissing:
            BilingualMessage(vi: "Kho nguồn không có đối tượng này", en: "The source root has no such object")
        case .sourceUnverified(_, let detail):
            BilingualMessage(vi: "Bản nguồn không xác minh được, không sao chép: \(detail)",
                             en: "The source copy does not verify, nothing copied: \(detail)")
        case .sourceDamaged(_, let detail):
            BilingualMessage(vi: "Tệp nguồn không khớp mã băm trong bản kê: \(detail)",
                             en: "A source file does not match its inventory digest: \(detail)")
        case .destinationDiverged(_, let detail):
            BilingualMessage(vi: "Bản sao đích khác với bản nguồn ở phiên bản chung: \(detail)",
                             en: "The destination copy diverges from the source: \(detail)")
        case .destinationDamaged(_, let detail):
            BilingualMessage(vi: "Bản kê của bản sao đích bị hỏng, cần sửa trước: \(detail)",
                             en: "The destination copy's inventory is damaged, repair it first: \(detail)")
        case .storage(let error): error.message
        case .interrupted(let step):
            BilingualMessage(vi: "Dừng có chủ ý sau bước \(step) (kiểm thử)", en: "Stopped on purpose after step \(step) (test)")
        }
    }
}

/// What a replication did (kết quả sao lưu).
public enum ReplicationOutcome: Sendable, Equatable, Codable {
    /// The destination already held the source's head.
    case alreadyCurrent
    /// Copied `versions` version folders (all of them for a new object), `files` content files, `bytes` bytes.
    case copied(versions: Int, files: Int, bytes: UInt64)
}
