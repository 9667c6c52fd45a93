import ArchivalStorage
import ArgumentParser
import DataManagement
import Foundation
import KhoCore
import Preservation

/// `kho bench fixity` — a fixity check of one OCFL object (`fixity` and `full` modes) and a real `kho fixity sweep`
/// of a repository home holding that object, and a sweep of a home holding many small objects (one per dossier, as
/// an archive holds them), against two parallel `openssl dgst` processes over the same content files, and against
/// ocfl-py's `ocfl-validate.py`.
struct BenchFixityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixity",
        abstract: "Đo kiểm tra tính toàn vẹn — fixity check and sweep vs openssl ×2 and ocfl-validate.py.",
        discussion: """
            Makes the corpora under --work (reused between runs): (a) 20,000 files of 1–20 KB and (b) 20 files of \
            50 MB, each written into one OCFL object with the Kho writer; (c) 1,000 dossiers (hồ sơ) of 20 files of \
            1–20 KB (about the size of (a)), each written as its own OCFL object into the primary root of a \
            repository home whose catalogue knows every object, as after ingest: the shape of a real archive, where \
            a sweep's per-object costs show.

            Then runs, interleaved, --runs rounds of: for (a) and (b), the Kho check in `fixity` mode (sha256 fixity \
            values) and in `full` mode (sha512 + OCFL validation), each in a child `kho` process under GNU time, and \
            `kho fixity sweep` and `kho fixity sweep --full` on a repository home whose primary root holds the same \
            object (hard links to its files); for (c), `kho fixity sweep` and `--full` on its home. A sweep also \
            writes a fixity_check row, PREMIS event and audit entry per object and verifies the audit chain, part \
            of its cost. Each measured sweep is a new, complete one (an unfinished sweep left by an interrupted \
            benchmark is first finished, unmeasured); each sweep of (c) starts from a catalogue made anew, unmeasured, \
            that knows the objects and holds no sweeps (a sweep verifies the whole audit chain, to which every \
            sweep adds an entry per object).

            References over the same content files: `openssl dgst -sha256` and `-sha512` as 2 processes over the \
            files split in two halves, and ocfl-py's `ocfl-validate.py` on the object; for (c) on all the object \
            folders in one process, as ocfl-py 2.1 refuses Kho's storage root itself (E071: it does not know the \
            layout 0004-hashed-n-tuple-storage-layout).

            Keeps each tool's fastest run and prints Markdown tables with the ratios against the targets: check \
            and sweep ≥ 90 % of openssl sha256 ×2, full check and sweep --full ≥ 90 % of openssl sha512 ×2, ≥ 3× \
            faster than ocfl-validate.py, peak RSS < 100 MB. Warm page cache by default, like the other benchmarks \
            (every object's files are read once before each run); with --cold the page cache is dropped before \
            every run (needs root: /proc/sys/vm/drop_caches; it slows everything else on the machine, so it is not \
            the default).

            Examples:
              kho bench fixity --work /tmp/fixity-bench --runs 3
              kho bench fixity --work /tmp/fixity-bench --corpora c --objects 3000
            """
    )

    @Option(help: "Folder for the corpora and the roots written.")
    var work: String = "bench-work"

    @Option(help: "Corpora to run, comma-separated: a (small files, one object), b (large files, one object), c (many objects).")
    var corpora: String = "a,b,c"

    @Option(help: "Number of small files of corpus a.")
    var smallFiles: Int = 20_000

    @Option(help: "Number of large files of corpus b.")
    var largeFiles: Int = 20

    @Option(help: "Size of each large file of corpus b in MB (MiB).")
    var largeSizeMb: Int = 50

    @Option(help: "Number of objects (dossiers) of corpus c.")
    var objects: Int = 1_000

    @Option(help: "Files of 1–20 KB per object of corpus c.")
    var objectFiles: Int = 20

    @Option(help: "Rounds per tool; the fastest is reported.")
    var runs: Int = 3

    @Flag(help: "Drop the page cache before every run (root only).")
    var cold = false

    @Option(help: .hidden)
    var runOne: String?

    @Argument(help: .hidden)
    var object: String?

    /// The corpora named by --corpora.
    var chosenCorpora: Set<String> {
        Set(corpora.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    func validate() throws {
        if chosenCorpora.isEmpty || !chosenCorpora.isSubset(of: ["a", "b", "c"]) {
            throw ValidationError("--corpora \(corpora): a comma-separated list of a, b, c")
        }
        if objects < 1 || objectFiles < 1 { throw ValidationError("--objects and --object-files: at least 1") }
    }

    func run() async throws {
        if let runOne { return try checkOne(mode: runOne) }
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let chosen = chosenCorpora
        let cold = self.cold && FixityBenchCache.drop()
        print(BenchTable.machineDescription().replacingOccurrences(of: "warm page cache", with: cold ? "page cache dropped before every run" : "warm page cache"))
        print("Load average at start: \(FixityBenchCache.loadAverage())\n")
        let kho = BenchRunner.khoExecutable
        let validate = BenchRunner.which("ocfl-validate.py")
        for (key, name) in [("a", "\(smallFiles) files of 1–20 KB"), ("b", "\(largeFiles) files of \(largeSizeMb) MB")] where chosen.contains(key) {
            let corpus = key == "a"
                ? try BenchCorpus.smallFiles(in: workURL.appendingPathComponent("small"), count: smallFiles)
                : try BenchCorpus.largeFiles(in: workURL.appendingPathComponent("large-\(largeSizeMb)"), count: largeFiles, size: largeSizeMb << 20)
            let objectFolder = try writeObject(corpus, key: key, work: workURL)
            let home = try homeHolding(objectFolder, id: Self.objectID(key), key: key, work: workURL)
            var rounds = FixityBenchRounds(objectFolders: [objectFolder], home: RepositoryHome(path: home), kho: kho, work: workURL, cold: cold)
            rounds.rows = [
                (FixityBenchRow.check, { try BenchRunner.run(FixityBenchRow.check, [kho, "bench", "fixity", "--run-one", "fixity", objectFolder]) }),
                (FixityBenchRow.openssl256, rounds.openssl("sha256")),
                (FixityBenchRow.checkFull, { try BenchRunner.run(FixityBenchRow.checkFull, [kho, "bench", "fixity", "--run-one", "full", objectFolder]) }),
                (FixityBenchRow.openssl512, rounds.openssl("sha512")),
                (FixityBenchRow.sweep, rounds.sweep(.fixity)),
                (FixityBenchRow.fullSweep, rounds.sweep(.full)),
            ]
            if let validate { rounds.rows.append((FixityBenchRow.validate, { try BenchRunner.run(FixityBenchRow.validate, [validate, "-q", objectFolder]) })) }
            let best = try rounds.measure(runs)
            let order = [FixityBenchRow.check, FixityBenchRow.openssl256, FixityBenchRow.checkFull, FixityBenchRow.openssl512,
                         FixityBenchRow.validate, FixityBenchRow.sweep, FixityBenchRow.fullSweep]
            print(rounds.table("(\(key)) Fixity check of one object — \(name)", best: best, order: order))
        }
        if chosen.contains("c") { try benchManyObjects(work: workURL, kho: kho, validate: validate, cold: cold) }
        print("Load average at end: \(FixityBenchCache.loadAverage())")
    }

    /// Corpus (c): sweeps of a home of `objects` small objects against openssl and ocfl-validate.py over them.
    private func benchManyObjects(work: URL, kho: String, validate: String?, cold: Bool) throws {
        let dossiers = try BenchCorpus.dossiers(in: work.appendingPathComponent("dossiers"), objects: objects, filesPerObject: objectFiles)
        let many = try FixityBenchManyObjects.prepare(dossiers, at: work.appendingPathComponent("fixity-home-c").path)
        var rounds = FixityBenchRounds(objectFolders: many.objectFolders, home: many.home, kho: kho, work: work, cold: cold)
        // Every sweep from the same catalogue (one that knows the objects, no sweeps), made anew unmeasured.
        let sweep = rounds.sweep(.fixity), fullSweep = rounds.sweep(.full)
        rounds.rows = [
            (FixityBenchRow.sweep, { try many.newCatalogue(); return try sweep() }),
            (FixityBenchRow.openssl256, rounds.openssl("sha256")),
            (FixityBenchRow.fullSweep, { try many.newCatalogue(); return try fullSweep() }),
            (FixityBenchRow.openssl512, rounds.openssl("sha512")),
        ]
        if let validate {
            // One ocfl-validate.py process over every object folder (it refuses the root itself, see the discussion).
            let list = work.appendingPathComponent("ocfl-validate-c.list")
            try Data(many.objectFolders.joined(separator: "\0").utf8).write(to: list)
            rounds.rows.append((FixityBenchRow.validate, {
                try BenchRunner.run(FixityBenchRow.validate, ["/bin/sh", "-c", "xargs -0 -s 1048576 '\(validate)' -q < '\(list.path)'"])
            }))
        }
        let best = try rounds.measure(runs)
        let order = [FixityBenchRow.sweep, FixityBenchRow.openssl256, FixityBenchRow.fullSweep, FixityBenchRow.openssl512, FixityBenchRow.validate]
        print(rounds.table("(c) Fixity sweep of \(objects) objects — one per dossier (hồ sơ), \(objectFiles) files of 1–20 KB each, \(objects * objectFiles) files", best: best, order: order))
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
