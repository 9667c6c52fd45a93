import ArchivalStorage
import Foundation
import KhoCore
import KhoTestSupport

/// Three storage roots holding the same objects: a primary written with `OCFLObjectWriter` (several versions,
/// Vietnamese NFC and NFD names, renames and deletions) and two replicas made with `ObjectReplicator`.
struct FixityTestFixture {
    let temp: TemporaryDirectory
    let primary: OCFLStorageRoot
    let replicas: [OCFLStorageRoot]
    /// Object identifiers.
    let ids: [String]

    var roots: [OCFLStorageRoot] { [primary] + replicas }

    /// Object folders relative to a root (every root uses the default layout).
    func objectFolder(_ id: String) throws -> String { try primary.layout.objectPath(for: id).string }

    static let metadata = VersionMetadata(message: "Nộp lưu / deposit", user: InventoryUser(name: "Lưu trữ viên", address: "mailto:luutru@example.vn"))

    /// Writes `objects` objects of three versions each into a primary, and replicates them to `replicaCount` replicas.
    static func make(objects: Int, filesPerVersion: Int = 30, replicaCount: Int = 2, seed: UInt64 = 5) throws -> FixityTestFixture {
        let temp = try TemporaryDirectory("kho-fixity")
        let primary = try OCFLStorageRoot.create(at: temp.path + "/primary")
        var random = SeededRandom(seed: seed)
        var ids: [String] = []
        let writer = OCFLObjectWriter(root: primary)
        for number in 0..<objects {
            let id = "info:kho/hs-\(String(format: "%04d", number))"
            ids.append(id)
            try writeVersions(of: id, writer: writer, files: filesPerVersion, random: &random)
        }
        var replicas: [OCFLStorageRoot] = []
        for index in 0..<replicaCount {
            let replica = try OCFLStorageRoot.create(at: temp.path + "/replica-\(index + 1)")
            for id in ids { _ = try ObjectReplicator(source: primary, destination: replica).replicate(objectID: id) }
            replicas.append(replica)
        }
        return FixityTestFixture(temp: temp, primary: primary, replicas: replicas, ids: ids)
    }

    /// v1: new files (NFC names); v2: renames, deletions, new NFD names; v3: changed bytes and more files.
    static func writeVersions(of id: String, writer: OCFLObjectWriter, files: Int, random: inout SeededRandom, versions: Int = 3) throws {
        let kinds = ["Quyết định", "Nghị quyết", "Tờ trình", "Biên bản", "Báo cáo"]
        for version in 1...versions {
            var changes = try writer.changes(forObject: id)
            let existing = changes.entries.keys.sorted { $0.string.utf8.lexicographicallyPrecedes($1.string.utf8) }
            if version >= 2 {
                for (index, path) in existing.enumerated() where index % 7 == 0 {
                    try changes.rename(path, to: RelativePath("Đã chuyển/v\(version)-\(index).txt"))
                }
                for (index, path) in existing.enumerated() where index % 11 == 3 && changes.entries[path] != nil {
                    try changes.remove(path)
                }
            }
            for index in 0..<files {
                var name = "Hồ sơ \(index % 4)/\(kinds[index % kinds.count]) số \(index)-v\(version).txt"
                if version == 2 {  // NFD bytes, kept as given, in a folder no NFC name shares
                    name = "Tài liệu bổ sung/\(kinds[index % kinds.count]) số \(index).txt".decomposedStringWithCanonicalMapping
                }
                try changes.put(RelativePath(name), .data(randomBytes(&random)))
            }
            if version == 3, let first = existing.first, changes.entries[first] != nil {
                changes.put(first, .data(Data("đã sửa / changed \(id)".utf8)))
            }
            try writer.commit(objectID: id, changes: changes, metadata: metadata)
        }
    }

    static func randomBytes(_ random: inout SeededRandom) -> Data {
        var bytes = [UInt8](repeating: 0, count: 64 + random.below(3000))
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: random.next()) }
        return Data(bytes)
    }

    /// sha256 → size of every content file of the primary, as the catalogue would know them.
    func expectedSizes() throws -> [String: UInt64] {
        var sizes: [String: UInt64] = [:]
        for id in ids {
            let folder = primary.path + "/" + (try objectFolder(id))
            for relative in try DirectoryWalker.files(under: folder) where relative.contains("/content/") {
                let digest = try FileHasher().digest(fileAt: folder + "/" + relative, algorithms: [.sha256])
                sizes[digest.digests[.sha256] ?? ""] = UInt64(digest.size)
            }
        }
        return sizes
    }

    /// sha256 of every file under the fixture's folder (roots and staging), to prove nothing changed.
    func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        for relative in try DirectoryWalker.files(under: temp.path) {
            result[relative] = try FileHasher().digest(fileAt: temp.path + "/" + relative, algorithms: [.sha256]).digests[.sha256]
        }
        return result
    }
}

/// A damage found in one root, comparable with an injected fault (paths compared by bytes).
struct FoundDamage: Hashable, CustomStringConvertible {
    var root: String
    var object: String
    var path: [UInt8]
    var kind: String

    init(root: String, object: String, path: String, kind: String) {
        self.root = root
        self.object = object
        self.path = Array(path.utf8)
        self.kind = kind
    }

    var description: String { "\(kind) \(root) \(object) \(String(decoding: path, as: UTF8.self))" }
}
