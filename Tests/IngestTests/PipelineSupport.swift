import Foundation
@testable import Ingest
import KhoCore
import KhoTestSupport
import Packaging
import Preservation

/// Real transfers and a real repository home for the pipeline tests.
enum PipelineSupport {
    /// The METS/PREMIS schema catalog of the shared corpus.
    static var catalog: String { TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path }

    /// A pipeline on a fresh home under `temp`, validating METS against the shared schemas.
    static func pipeline(_ temp: TemporaryDirectory, unit: String? = "Đảng ủy xã Tân Lập") -> IngestPipeline {
        IngestPipeline(home: RepositoryHome(path: temp.path + "/home"),
                       options: IngestOptions(transferringUnit: unit, archiveCode: "LTTU-BN", schemaCatalog: catalog, durable: false))
    }

    /// Sample SIPs from `SampleSIPGenerator` (zip or folder).
    static func samples(in folder: String, dossiers: Int = 1, documents: Int = 3, seed: UInt64, zip: Bool, images: Bool = false) throws -> [GeneratedPackage] {
        try SampleSIPGenerator(options: SampleSIPOptions(dossiers: dossiers, documents: documents, seed: seed, zip: zip, images: images),
                               zipper: SampleZipper.zip).generate(into: folder)
    }

    /// One file or folder of a tree as a snapshot sees it.
    struct Entry: Hashable, CustomStringConvertible {
        var path: String
        var size: Int64
        var modified: Double
        var sha256: String?
        var description: String { "\(path) \(size) \(modified) \(sha256 ?? "dir")" }
    }

    /// Paths, sizes, modification times (ns) and SHA-256 of everything under `root` (or of the file `root`).
    static func snapshot(_ root: String) throws -> Set<Entry> {
        var entries: Set<Entry> = []
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory)
        let paths = isDirectory.boolValue ? [""] + (try FileManager.default.subpathsOfDirectory(atPath: root)) : [""]
        for relative in paths {
            let full = relative.isEmpty ? root : root + "/" + relative
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            let isFile = (info.st_mode & S_IFMT) == S_IFREG
            let digest = isFile ? try FileHasher().digest(fileAt: full, algorithms: [.sha256]).digests[.sha256] : nil
            entries.insert(Entry(path: relative, size: Int64(info.st_size), modified: modified, sha256: digest))
        }
        return entries
    }

    /// A copy of a folder package with `edit` applied to one of its files (text replace).
    static func copy(_ source: String, to target: String, editing file: String? = nil, replace: String = "", with replacement: String = "") throws {
        try FileManager.default.copyItem(atPath: source, toPath: target)
        if let file {
            let path = target + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            precondition(text.contains(replace), "\(file) does not contain \(replace)")
            try Data(text.replacingOccurrences(of: replace, with: replacement).utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
