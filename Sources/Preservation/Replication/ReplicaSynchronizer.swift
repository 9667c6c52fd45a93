import ArchivalStorage
import DataManagement
import Foundation
import KhoCore

/// What happened to one object on one replica.
public struct ReplicaObjectResult: Sendable, Hashable, Codable {
    /// `current` (nothing to copy), `copied` or `failed`.
    public enum Status: String, Sendable, Hashable, Codable { case current, copied, failed }
    public var replica: String
    public var objectID: String
    public var status: Status
    /// What was copied, or why it failed.
    public var detail: String

    public init(replica: String, objectID: String, status: Status, detail: String) {
        self.replica = replica
        self.objectID = objectID
        self.status = status
        self.detail = detail
    }
}

/// One replica brought up to date.
public struct ReplicaSyncSummary: Sendable, Codable {
    public var replica: String
    public var path: String
    public var current: Int
    public var copied: Int
    public var failed: Int
    /// Every object copied or failed (current ones are only counted).
    public var results: [ReplicaObjectResult]
    /// Set when the replica could not be reached at all.
    public var unreachable: String?
}

/// Brings replicas (bản sao) up to the primary, object by object, with verification (`ObjectReplicator`
/// refuses a source that does not verify and a replica that has diverged), recording a PREMIS `replication`
/// event for each object copied or failed.
public struct ReplicaSynchronizer: Sendable {
    public let catalogue: Catalogue
    public let primary: OCFLStorageRoot
    public let events: PreservationEvents
    public let threads: Int
    /// Test hook for process-level crash tests (`kho replica sync` maps `KHO_TEST_CRASH_AT` to it): each object's
    /// replication blocks at this durable step, like the writer (`ObjectReplicator.crashAtStep`).
    public var crashAtStep: Int?

    public init(catalogue: Catalogue, primary: OCFLStorageRoot, softwareVersion: String, threads: Int = 2) {
        self.catalogue = catalogue
        self.primary = primary
        events = PreservationEvents(softwareVersion: softwareVersion)
        self.threads = threads
    }

    /// Brings one replica up to date with every object of the primary and records a `replica_sync` row.
    public func sync(_ replica: ReplicaConfiguration, stop: StopFlag = StopFlag()) throws(PreservationError) -> ReplicaSyncSummary {
        var summary = ReplicaSyncSummary(replica: replica.name, path: replica.path, current: 0, copied: 0, failed: 0, results: [])
        let destination: OCFLStorageRoot
        do {
            destination = try Self.openReplica(replica)
        } catch {
            summary.unreachable = error.description
            let ids = (try? primary.objectIDs()) ?? []
            summary.failed = ids.count
            try record(summary)
            return summary
        }
        let ids: [String]
        do {
            ids = try primary.objectIDs()
        } catch {
            throw PreservationError("KHO-REPLICA-LIST", path: primary.path, vi: "Không liệt kê được đối tượng của kho chính",
                                    en: "Cannot list the primary root's objects", error: error)
        }
        for objectID in ids {
            if stop.isRaised { break }
            let result = replicate(objectID, to: NamedRoot(name: replica.name, root: destination))
            switch result.status {
            case .current: summary.current += 1
            case .copied: summary.copied += 1; summary.results.append(result)
            case .failed: summary.failed += 1; summary.results.append(result)
            }
        }
        try record(summary)
        return summary
    }

    /// Copies one object's missing versions to every reachable replica (the ingest hook). Never throws:
    /// an unreachable replica is a `failed` result with its PREMIS event, and `kho replica sync` catches up.
    public func replicateToAll(_ objectID: String, replicas: [ReplicaConfiguration]) -> [ReplicaObjectResult] {
        replicas.map { replica in
            do throws(PreservationError) {
                let destination = try Self.openReplica(replica)
                return replicate(objectID, to: NamedRoot(name: replica.name, root: destination))
            } catch {
                let result = ReplicaObjectResult(replica: replica.name, objectID: objectID, status: .failed, detail: error.description)
                recordEvent(result)
                return result
            }
        }
    }

    /// Replicates one object to one open replica and records the event (none when already current).
    public func replicate(_ objectID: String, to replica: NamedRoot) -> ReplicaObjectResult {
        var replicator = ObjectReplicator(source: primary, destination: replica.root, threads: threads)
        replicator.crashAtStep = crashAtStep
        let result: ReplicaObjectResult
        do {
            switch try replicator.replicate(objectID: objectID) {
            case .alreadyCurrent:
                return ReplicaObjectResult(replica: replica.name, objectID: objectID, status: .current, detail: "")
            case .copied(let versions, let files, let bytes):
                result = ReplicaObjectResult(replica: replica.name, objectID: objectID, status: .copied,
                                             detail: "\(versions) phiên bản / versions, \(files) tệp / files, \(bytes) byte")
            }
        } catch {
            result = ReplicaObjectResult(replica: replica.name, objectID: objectID, status: .failed, detail: error.description)
        }
        recordEvent(result)
        return result
    }

    /// Opens a configured replica; never creates one (an unmounted disk must not get a fresh empty root).
    static func openReplica(_ replica: ReplicaConfiguration) throws(PreservationError) -> OCFLStorageRoot {
        let fm = FileManager.default
        guard fm.fileExists(atPath: replica.path + "/0=ocfl_1.1") || fm.fileExists(atPath: replica.path + "/0=ocfl_1.0") else {
            throw PreservationError("KHO-REPLICA-UNREACHABLE", path: replica.path,
                                    vi: "Không thấy bản sao \(replica.name) (ổ đĩa chưa gắn?)",
                                    en: "Replica \(replica.name) not found (disk not mounted?)")
        }
        do {
            return try OCFLStorageRoot.open(at: replica.path)
        } catch {
            throw PreservationError("KHO-REPLICA-UNREACHABLE", path: replica.path, vi: "Không mở được bản sao \(replica.name)",
                                    en: "Cannot open replica \(replica.name)", error: error)
        }
    }

    func recordEvent(_ result: ReplicaObjectResult) {
        let event = events.event(
            .replication, outcome: result.status == .failed ? .failure : .success, objectID: result.objectID, rootName: result.replica,
            detail: "Sao chép có kiểm tra sang bản \(result.replica) / verified replication to \(result.replica)",
            outcomeDetail: result.detail)
        // A catalogue failure here must not undo a copy that succeeded; the next sync records again.
        _ = try? catalogue.record(event: event, aipObjectID: result.objectID)
    }

    func record(_ summary: ReplicaSyncSummary) throws(PreservationError) {
        let row = ReplicaSyncRecord(rootName: summary.replica, path: summary.path, syncedAt: FixityTime.string(Date()),
                                    objectsCurrent: Int64(summary.current), objectsCopied: Int64(summary.copied),
                                    objectsFailed: Int64(summary.failed))
        _ = try catalogued { () throws(CatalogueError) in try catalogue.record(replicaSync: row) }
    }
}
