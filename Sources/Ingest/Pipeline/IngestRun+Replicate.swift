import Foundation
import Preservation

extension IngestRun {
    /// Replicates the version just committed to every replica in `kho.toml` (with verification and a PREMIS
    /// `replication` event each). A replica that cannot be reached does not fail the ingest: its failed event is
    /// recorded, a warning is printed on standard error, and `kho replica sync` catches up later.
    func replicateCommittedVersion(objectID: String) {
        guard let configuration = try? home.loadConfiguration(), !configuration.replicas.isEmpty else { return }
        let synchronizer = ReplicaSynchronizer(catalogue: catalogue, primary: storage, softwareVersion: options.softwareVersion,
                                               threads: configuration.fixity.parallel)
        for result in synchronizer.replicateToAll(objectID, replicas: configuration.replicas) where result.status == .failed {
            let warning = "⚠ Chưa sao chép \(objectID) sang bản sao \(result.replica); chạy `kho replica sync` sau / "
                + "\(objectID) not replicated to \(result.replica); run `kho replica sync` later: \(result.detail)\n"
            FileHandle.standardError.write(Data(warning.utf8))
        }
    }
}
