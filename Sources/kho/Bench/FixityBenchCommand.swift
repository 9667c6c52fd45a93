import ArchivalStorage
import ArgumentParser
import DataManagement
import Foundation
import KhoCore
import Preservation

/// `kho bench fixity` — a fixity check of one OCFL object (`fixity` and `full` modes) and a real `kho fixity sweep`
/// of a repository home holding that object, against two parallel `openssl dgst` processes over the same content
/// files, and against ocfl-py's `ocfl-validate.py`.
struct BenchFixityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixity",
        abstract: "Đo kiểm tra tính toàn vẹn — fixity check of an OCFL object vs openssl ×2 and ocfl-validate.py.",
        discussion: """
            Makes the corpora under --work (reused between runs): 20,000 files of 1–20 KB and 20 files of 50 MB;
            writes each into one OCFL object with the Kho writer; then runs, interleaved, --runs rounds of:
            the Kho check in `fixity` mode (sha256 fixity values) and in `full` mode (sha512 + OCFL validation),
            each in a child `kho` process under GNU time; `kho fixity sweep` and `kho fixity sweep --full` on a
            repository home whose primary root holds the same object (hard links to its files; the sweep also
            writes its fixity_check row, PREMIS event and audit entry, part of a sweep's cost); `openssl dgst -sha256` and `-sha512` as 2 processes over
            the object's content files split in two halves; and `ocfl-validate.py` on the object. Keeps each tool's
            fastest run and prints Markdown tables with the ratios against the targets: fixity ≥ 90 % of openssl
            sha256 ×2, full ≥ 90 % of openssl sha512 ×2, ≥ 3× faster than ocfl-validate.py, peak RSS < 100 MB.
            Warm page cache by default, like the other benchmarks (every tool reads the files once first); with
            --cold the page cache is dropped before every run (needs root: /proc/sys/vm/drop_caches; it slows
            everything else on the machine, so it is not the default).
            """
    )

    @Option(help: "Folder for the corpora and the roots written.")
    var work: String = "bench-work"

    @Option(help: "Number of small files.")
    var smallFiles: Int = 20_000

    @Option(help: "Number of large files.")
    var largeFiles: Int = 20

    @Option(help: "Size of each large file in MB (MiB).")
    var largeSizeMb: Int = 50

    @Option(help: "Rounds per tool; the fastest is reported.")
    var runs: Int = 3

    @Flag(help: "Drop the page cache before every run (root only).")
    var cold = false

    @Option(help: .hidden)
    var runOne: String?

    @Argument(help: .hidden)
    var object: String?

    func run() async throws {
        if let runOne { return try checkOne(mode: runOne) }
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let corpora = [
            ("a", "\(smallFiles) files of 1–20 KB", try BenchCorpus.smallFiles(in: workURL.appendingPathComponent("small"), count: smallFiles)),
            ("b", "\(largeFiles) files of \(largeSizeMb) MB",
             try BenchCorpus.largeFiles(in: workURL.appendingPathComponent("large-\(largeSizeMb)"), count: largeFiles, size: largeSizeMb << 20)),
        ]
        let cold = self.cold && FixityBenchCache.drop()
        print(BenchTable.machineDescription().replacingOccurrences(of: "warm page cache", with: cold ? "page cache dropped before every run" : "warm page cache"))
        print("Load average at start: \(FixityBenchCache.loadAverage())\n")
        for (key, name, corpus) in corpora {
            let objectFolder = try writeObject(corpus, key: key, work: workURL)
            let home = try homeHolding(objectFolder, id: Self.objectID(key), key: key, work: workURL)
            let contentFiles = BenchCorpus.listFiles(URL(fileURLWithPath: objectFolder)).filter { $0.contains("/content/") }
            let bytes = contentFiles.reduce(Int64(0)) { total, file in
                var info = stat()
                return total + (stat(file, &info) == 0 ? Int64(info.st_size) : 0)
            }
            let kho = BenchRunner.khoExecutable
            let validate = BenchRunner.which("ocfl-validate.py")
            var best: [String: Measurement] = [:]
            func measure(_ make: () throws -> Measurement) rethrows {
                if cold { FixityBenchCache.drop() } else { BenchRunner.warm(contentFiles) }
                let next = try make()
                best[next.label] = Measurement.best(best[next.label], next)
            }
            for _ in 0..<max(1, runs) {
                try measure { try BenchRunner.run("kho fixity check (sha256, 2 threads)", [kho, "bench", "fixity", "--run-one", "fixity", objectFolder]) }
                try measure { try BenchRunner.openssl("openssl dgst -sha256 ×2 processes", algorithm: "sha256", files: contentFiles, work: workURL) }
                try measure { try BenchRunner.run("kho fixity check --full (sha512 + OCFL validation)", [kho, "bench", "fixity", "--run-one", "full", objectFolder]) }
                try measure { try BenchRunner.openssl("openssl dgst -sha512 ×2 processes", algorithm: "sha512", files: contentFiles, work: workURL) }
                try measure { try BenchRunner.run(Self.sweepLabel, [kho, "fixity", "sweep", "--home", home]) }
                try measure { try BenchRunner.run(Self.fullSweepLabel, [kho, "fixity", "sweep", "--home", home, "--full"]) }
                if let validate { try measure { try BenchRunner.run("ocfl-validate.py (ocfl-py)", [validate, "-q", objectFolder]) } }
            }
            var table = BenchTable(title: "(\(key)) Fixity check of one object — \(name), \(bytes >> 20) MiB", bytes: bytes, files: contentFiles.count)
            let order = ["kho fixity check (sha256, 2 threads)", "openssl dgst -sha256 ×2 processes",
                         "kho fixity check --full (sha512 + OCFL validation)", "openssl dgst -sha512 ×2 processes", "ocfl-validate.py (ocfl-py)",
                         Self.sweepLabel, Self.fullSweepLabel]
            for label in order { if let row = best[label] { table.add(row) } }
            print(table.render())
            print(FixityBenchCache.verdicts(best, order: order))
        }
        print("Load average at end: \(FixityBenchCache.loadAverage())")
    }

    /// Writes the corpus as one object into a fresh root; returns the object folder.
    private func writeObject(_ corpus: CorpusInfo, key: String, work: URL) throws -> String {
        let rootPath = work.appendingPathComponent("fixity-root-\(key)").path
        let staging = OCFLStorageRoot.stagingPath(forRoot: rootPath)
        let id = Self.objectID(key)
        let marker = rootPath + ".complete-\(corpus.files.count)-\(corpus.totalBytes)"
        if FileManager.default.fileExists(atPath: marker), let root = try? OCFLStorageRoot.open(at: rootPath), let reader = try? root.object(id) {
            return reader.objectRoot
        }
        try? FileManager.default.removeItem(atPath: marker)
        try? FileManager.default.removeItem(atPath: rootPath)
        try? FileManager.default.removeItem(atPath: staging)
        let root = try OCFLStorageRoot.create(at: rootPath)
        try OCFLObjectWriter(root: root).commit(objectID: id, tree: corpus.root.path,
                                                 metadata: VersionMetadata(message: "bench", user: InventoryUser(name: "Kho bench", address: nil)))
        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        return try root.objectPath(for: id)
    }

    static let sweepLabel = "kho fixity sweep (home, sha256, catalogue + audit)"
    static let fullSweepLabel = "kho fixity sweep --full (home, sha512 + OCFL validation)"

    static func objectID(_ key: String) -> String { "info:kho/bench-fixity-\(key)" }

    /// A repository home (catalogue, kho.toml, OCFL root) whose primary root holds the benchmark object, its files
    /// hard-linked from `objectFolder` (same bytes, same page cache; nothing copied), and whose catalogue knows it,
    /// as after an ingest (otherwise the sweep's census reads the id from the whole inventory); reused between runs.
    private func homeHolding(_ objectFolder: String, id: String, key: String, work: URL) throws -> String {
        let home = RepositoryHome(path: work.appendingPathComponent("fixity-home-\(key)").path)
        var linked = false
        if let storage = try? OCFLStorageRoot.open(at: home.ocflRoot), let target = try? storage.objectPath(for: id),
           let inode = Self.inode(objectFolder + "/inventory.json") {
            linked = Self.inode(target + "/inventory.json") == inode   // still hard links to the current object
        }
        if !linked {
            try? FileManager.default.removeItem(atPath: home.path)
            let storage = try home.prepare().storage
            let target = try storage.objectPath(for: id)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let copy = try BenchRunner.run("cp -al", ["/bin/cp", "-al", objectFolder, target])
            guard copy.status == 0 else { throw ValidationError("cp -al \(objectFolder) \(target) failed") }
        }
        let catalogue = try home.prepare().catalogue
        if try !catalogue.objectIDs().contains(id) {
            try catalogue.record(aip: AIPEntry(objectID: id, version: 1, created: "2026-11-21T00:00:00+07:00",
                                               fonds: FondsEntry(code: "BENCH", name: "Kho bench"), dossier: nil))
        }
        return home.path
    }

    private static func inode(_ path: String) -> UInt? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt(info.st_ino) : nil
    }

    /// The hidden child run: checks one object and exits non-zero when anything is damaged.
    private func checkOne(mode name: String) throws {
        guard let mode = FixityMode(rawValue: name), let object else { throw ValidationError("--run-one fixity|full OBJECT") }
        let report = ObjectFixityChecker(mode: mode).check(objectAt: object)
        print("\(report.filesChecked) files, \(report.bytesChecked) bytes, \(report.damage.count) damaged")
        for damage in report.damage.prefix(20) { print("\(damage.kind.rawValue) \(damage.path) \(damage.detail)") }
        if !report.isIntact { throw ExitCode(1) }
    }
}
