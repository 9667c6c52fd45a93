import DataManagement
import Preservation
import Foundation
import KhoTestSupport
import Testing

/// A repository home with a primary root and replicas, filled through the real `kho` binary.
struct PreservationHome {
    let temp: TemporaryDirectory
    var home: String { temp.path + "/home" }
    var primary: String { home + "/ocfl" }
    var catalogue: String { home + "/kho.sqlite" }
    func replica(_ name: String) -> String { temp.path + "/" + name }

    static var catalog: String { TestEnvironment.corpus("xsd").appendingPathComponent("catalog.xml").path }

    /// A new, empty home (OCFL root, catalogue, kho.toml).
    init(_ label: String) throws {
        temp = try TemporaryDirectory(label)
        _ = try RepositoryHome(path: temp.path + "/home").prepare()
    }

    /// Runs kho with `--home` appended after the subcommand words.
    @discardableResult
    func kho(_ words: [String], _ rest: [String] = [], environment: [String: String]? = nil) throws -> ProcessResult {
        try runKho(words + ["--home", home] + rest, environment: environment)
    }

    /// Ingests `count` generated sample transfers (`kho sample sip`), so the catalogue knows their sizes.
    func ingestSamples(count: Int, docs: Int = 3, seed: Int) throws {
        let folder = temp.path + "/sips-\(seed)"
        #expect(try runKho(["sample", "sip", "--out", folder, "--dossiers", String(count), "--docs", String(docs), "--seed", String(seed)]).status == 0)
        let packages = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        let result = try kho(["ingest"], ["--catalog", Self.catalog] + packages)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    }

    /// Commits an object of `files` small text files with `kho ocfl commit` (a second version when `versions` is 2).
    func commitObject(_ id: String, files: Int, versions: Int = 1) throws {
        for version in 1...versions {
            let source = temp.path + "/src-\(abs(id.hashValue))-\(version)"
            for index in 0..<files {
                let url = URL(fileURLWithPath: source + "/tai-lieu-\(index / 10)/trang-\(index).txt")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("Đối tượng \(id), phiên bản \(version), trang \(index): \(String(repeating: "nội dung ", count: 5 + index % 40))".utf8).write(to: url)
            }
            let result = try runKho(["ocfl", "commit", primary, id, source, "--message", "v\(version)"])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    /// Adds a replica by name (a folder beside the home).
    func addReplica(_ name: String) throws {
        let result = try kho(["replica", "add"], [replica(name), "--name", name])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    }

    /// The OCFL object folders under a storage root, relative to it.
    static func objectFolders(_ root: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix("0=ocfl_object_1.1") }
            .map { ($0 as NSString).deletingLastPathComponent }.sorted()
    }

    /// `kho fixity sweep --json`, decoded.
    func sweep(_ extra: [String] = [], environment: [String: String]? = nil) throws -> (ProcessResult, SweepJSON?) {
        let result = try kho(["fixity", "sweep"], ["--json"] + extra, environment: environment)
        return (result, try? JSONDecoder().decode(SweepJSON.self, from: Data(result.stdout.utf8)))
    }

    func openCatalogue() throws -> Catalogue { try Catalogue(path: catalogue) }
}

/// The parts of a sweep's JSON the tests read.
struct SweepJSON: Decodable {
    struct Finding: Decodable, Hashable {
        var root: String
        var objectID: String
        var kind: String
        var path: String
    }
    struct Audit: Decodable {
        var length: Int64
        var headDigest: String
        var intact: Bool
    }
    var sweepID: Int64
    var resumed: Bool
    var status: String
    var pairsInScope: Int
    var checkedThisRun: Int
    var checkedEarlier: Int
    var damage: [Finding]
    var audit: Audit
}
