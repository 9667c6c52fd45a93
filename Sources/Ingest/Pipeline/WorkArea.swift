import Foundation

/// An ingest work area under `staging/` (same file system as the OCFL root): the unpacked zip and the AIP
/// metadata live here until the commit. It carries the owning process id, so a later run removes the
/// work areas of processes that died (a crash) and leaves running ones alone.
struct WorkArea: Sendable {
    /// The folder.
    let path: String

    /// Creates `staging/ingest-<uuid>/` after removing work areas left by dead processes.
    static func create(in staging: String) throws(IngestError) -> WorkArea {
        removeStale(in: staging)
        let path = staging + "/ingest-" + UUID().uuidString.lowercased()
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data("\(getpid())\n".utf8).write(to: URL(fileURLWithPath: path + "/.owner"))
        } catch {
            throw IngestError("KHO-INGEST-STAGING", path: path, vi: "Không tạo được vùng làm việc", en: "Cannot create the work area", error: error)
        }
        return WorkArea(path: path)
    }

    /// Removes the work area (scratch space: nothing in it is the only copy of anything).
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Work areas whose owner process is gone.
    static func removeStale(in staging: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        for entry in entries where entry.hasPrefix("ingest-") {
            let folder = staging + "/" + entry
            let owner = (try? String(contentsOfFile: folder + "/.owner", encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let owner {
                if owner == getpid() || kill(owner, 0) == 0 || errno == EPERM { continue }
            } else if let created = (try? FileManager.default.attributesOfItem(atPath: folder))?[.modificationDate] as? Date,
                      Date().timeIntervalSince(created) < 3600 {
                continue  // being created right now by another process
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
