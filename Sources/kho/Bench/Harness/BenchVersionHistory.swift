import ArchivalStorage
import Foundation
import KhoCore

/// Gives a benchmark object a version history like an archive's: each new version supplements, replaces,
/// renames and withdraws a few hundred of its 20,000 files (hồ sơ bổ sung / thay thế), deterministically.
enum BenchVersionHistory {
    /// How many logical paths each new version touches, per kind of edit.
    struct Edits: Sendable {
        var renamed = 150
        var replaced = 150
        var removed = 100
        var added = 100
    }

    /// Commits versions until the object `id` in `root` has `versions` of them (it must already exist).
    static func extend(root: String, objectID id: String, to versions: Int, edits: Edits = Edits(), seed: UInt64 = 3) throws {
        let storage = try OCFLStorageRoot.open(at: root)
        let writer = OCFLObjectWriter(root: storage)
        var random = SplitMix64(seed: seed)
        var buffer = [UInt8](repeating: 0, count: 8 * 1024)
        let user = InventoryUser(name: "Bench", address: "mailto:bench@kho.invalid")
        var have = try storage.object(id).versions.count
        while have < versions {
            have += 1
            var changes = try writer.changes(forObject: id)
            // A stable order, so the same seed gives the same history.
            var paths = changes.entries.keys.sorted { $0.string.utf8.lexicographicallyPrecedes($1.string.utf8) }
            func pick() -> RelativePath { paths.remove(at: Int(random.next() % UInt64(paths.count))) }
            func bytes() -> Data {
                let size = 1024 + Int(random.next() % UInt64(7 * 1024))
                random.fill(&buffer, count: size)
                return Data(buffer[0..<size])
            }
            for _ in 0..<edits.renamed {
                let from = pick()
                let folder = from.string.split(separator: "/").dropLast().joined(separator: "/")
                let name = from.string.split(separator: "/").last.map(String.init) ?? "tệp"
                try changes.rename(from, to: RelativePath("\(folder)/Đã chỉnh lý v\(have) \(name)"))
            }
            for _ in 0..<edits.replaced { changes.put(pick(), .data(bytes())) }
            for _ in 0..<edits.removed { try changes.remove(pick()) }
            for k in 0..<edits.added {
                changes.put(try RelativePath("Tài liệu bổ sung/Đợt \(have)/Bổ sung số \(k).txt"), .data(bytes()))
            }
            let created = Date(timeIntervalSince1970: 1_700_000_000 + Double(have) * 86_400)
            try writer.commit(objectID: id, changes: changes,
                              metadata: VersionMetadata(message: "Bổ sung, thay thế tài liệu (phiên bản \(have))", user: user, created: created))
        }
    }
}
