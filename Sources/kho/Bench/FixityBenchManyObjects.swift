import ArchivalStorage
import DataManagement
import Foundation
import KhoCore
import Preservation

/// Corpus (c) of `kho bench fixity`: a repository home whose primary root holds one OCFL object per dossier
/// (hồ sơ) — a real archive's shape, thousands of objects of ~20 small files — and whose catalogue knows every
/// object, as after ingest. There a sweep's per-object costs (catalogue writes, threads, buffers) show.
struct FixityBenchManyObjects {
    /// The repository home (`--home` of the sweeps).
    let home: RepositoryHome
    /// How many objects (one per dossier) it holds.
    let objectCount: Int
    /// Every object's folder in the primary root, in dossier order.
    var objectFolders: [String] = []

    /// The object id of dossier `index`.
    static func objectID(_ index: Int) -> String { String(format: "info:kho/bench-fixity-c/ho-so-%04d", index) }

    /// Writes every dossier as an object with Kho's writer into a new home, or reuses the home a previous run
    /// completed (a marker names the corpus it holds); then gives it a new catalogue knowing every object.
    static func prepare(_ dossiers: [CorpusInfo], at path: String) throws -> FixityBenchManyObjects {
        let home = RepositoryHome(path: path)
        let files = dossiers.reduce(0) { $0 + $1.files.count }
        let bytes = dossiers.reduce(Int64(0)) { $0 + $1.totalBytes }
        let marker = path + ".complete-\(dossiers.count)-\(files)-\(bytes)"
        if !isComplete(home, objects: dossiers.count, marker: marker) {
            try? FileManager.default.removeItem(atPath: marker)
            try? FileManager.default.removeItem(atPath: path)
            let storage = try home.prepare().storage
            // The bench corpus can be rebuilt, so one syncfs per object instead of an fsync per file.
            let writer = OCFLObjectWriter(root: storage, options: WriterOptions(durability: .syncFileSystem))
            let metadata = VersionMetadata(message: "Nộp lưu hồ sơ (bench)", user: InventoryUser(name: "Kho bench", address: nil))
            for (index, dossier) in dossiers.enumerated() {
                try writer.commit(objectID: objectID(index), tree: dossier.root.path, metadata: metadata)
            }
            _ = FileManager.default.createFile(atPath: marker, contents: nil)
        }
        let many = FixityBenchManyObjects(home: home, objectCount: dossiers.count)
        try many.newCatalogue()
        let storage = try OCFLStorageRoot.open(at: home.ocflRoot)
        return FixityBenchManyObjects(home: home, objectCount: dossiers.count,
                                      objectFolders: try dossiers.indices.map { try storage.objectPath(for: objectID($0)) })
    }

    /// Replaces the home's catalogue by one knowing every object and nothing else (no sweeps, an empty audit chain:
    /// the entries carry no events), so each measured sweep starts from the same catalogue: a sweep ends by
    /// verifying the whole audit chain, and each sweep adds an entry per object to it.
    func newCatalogue() throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: home.cataloguePath + suffix) }
        let catalogue = try home.prepare().catalogue
        let fonds = FondsEntry(code: "BENCH", name: "Kho bench")
        try catalogue.record(aips: (0..<objectCount).map {
            AIPEntry(objectID: Self.objectID($0), version: 1, created: "2026-11-21T00:00:00+07:00", fonds: fonds, dossier: nil)
        })
    }

    /// Whether a previous run finished writing every object (its marker is there and so is each object).
    private static func isComplete(_ home: RepositoryHome, objects: Int, marker: String) -> Bool {
        guard FileManager.default.fileExists(atPath: marker), let storage = try? OCFLStorageRoot.open(at: home.ocflRoot) else { return false }
        return (0..<objects).allSatisfy { index in
            (try? storage.objectPath(for: objectID(index))).map { FileManager.default.fileExists(atPath: $0 + "/inventory.json") } ?? false
        }
    }
}
