import ArchivalStorage
import ArgumentParser
import Foundation

/// `kho bench storage` — creating and validating OCFL objects, Kho against ocfl-py and cp + openssl.
struct BenchStorageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage",
        abstract: "Đo hiệu năng kho OCFL — OCFL object creation and validation against reference tools.",
        discussion: """
            Makes its corpora under --work (reused between runs): 20,000 files of 1–20 KB in Vietnamese folders,
            and 20 files of 50 MB. For each: Kho `ocfl commit` (syncfs and per-file fsync), `ocfl-object.py create`
            (ocfl-py), `cp -r` running beside `openssl dgst -sha512` (2 processes); then validation with digests:
            `kho ocfl validate`, `ocfl-validate.py`, openssl over the content. Prints Markdown tables.
            """
    )

    @Option(help: "Folder for corpora and the roots written.")
    var work: String = "bench-work"

    @Option(help: "Number of small files.")
    var smallFiles: Int = 20_000

    @Option(help: "Number of 50 MB files.")
    var largeFiles: Int = 20

    @Flag(help: "Only what validation needs: Kho's commits, then the validation table (no ocfl-py create, fsync or cp rows).")
    var validateOnly = false

    @Option(help: "Rounds of the validation table; tools take turns in each round and the best time of each is shown.")
    var runs: Int = 1

    @Option(help: "Also validate an object of the small files with this many versions (each renames, replaces, removes and adds a few hundred files); 0 for none.")
    var versions: Int = 0

    func run() async throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let corpora = [
            ("a", "\(smallFiles) files of 1–20 KB", try BenchCorpus.smallFiles(in: workURL.appendingPathComponent("small"), count: smallFiles)),
            ("b", "\(largeFiles) files of 50 MB", try BenchCorpus.largeFiles(in: workURL.appendingPathComponent("large"), count: largeFiles)),
        ]
        print(BenchTable.machineDescription() + "\n")
        let kho = BenchRunner.khoExecutable
        for (key, name, corpus) in corpora {
            let roots = workURL.appendingPathComponent("roots-\(key)")
            try? FileManager.default.removeItem(at: roots)
            try FileManager.default.createDirectory(at: roots, withIntermediateDirectories: true)
            let id = "info:kho/bench-\(key)"
            BenchRunner.warm(corpus.files)

            var create = BenchTable(title: "(\(key)) Create one object — \(name), \(corpus.totalBytes >> 20) MiB",
                                    bytes: corpus.totalBytes, files: corpus.files.count)
            let khoRoot = roots.appendingPathComponent("kho").path
            _ = try OCFLStorageRoot.create(at: khoRoot)
            let khoCommit = try BenchRunner.run("kho ocfl commit (syncfs)", [kho, "ocfl", "commit", khoRoot, id, corpus.root.path, "--message", "bench", "--durability", "syncfs"])
            create.add(khoCommit)
            // A one-version object for the validation table (the fsync row writes one when it runs).
            let oneVersionRoot = roots.appendingPathComponent(validateOnly ? "kho-one-version" : "kho-fsync").path
            _ = try OCFLStorageRoot.create(at: oneVersionRoot)
            let fsyncCommit = try BenchRunner.run(validateOnly ? "kho ocfl commit (syncfs), second root" : "kho ocfl commit (fsync each file)",
                                                  [kho, "ocfl", "commit", oneVersionRoot, id, corpus.root.path, "--message", "bench", "--durability", validateOnly ? "syncfs" : "fsync"])
            if !validateOnly { create.add(fsyncCommit) }
            create.add(try BenchRunner.run("kho ocfl commit, same tree again (hash only)", [kho, "ocfl", "commit", khoRoot, id, corpus.root.path, "--message", "unchanged"]))
            if !validateOnly {
                var ocflPy: Measurement?
                if let tool = BenchRunner.which("ocfl-object.py") {
                    let measurement = try BenchRunner.run("ocfl-object.py create (ocfl-py)", [tool, "create", "--objdir", roots.appendingPathComponent("ocfl-py").path,
                                                                                             "--srcdir", corpus.root.path, "--id", id, "--fixity", "sha256", "--message", "bench"])
                    create.add(measurement)
                    ocflPy = measurement
                }
                let list = roots.appendingPathComponent("corpus-files.list")
                try Data(corpus.files.joined(separator: "\0").utf8).write(to: list)
                let copyAndHash = try BenchRunner.runParallel("cp -r ‖ openssl dgst -sha512 (2 processes)", [
                    ["cp", "-r", corpus.root.path, roots.appendingPathComponent("cp-copy").path],
                    ["/bin/sh", "-c", "xargs -0 -n 1000 openssl dgst -sha512 -r < '\(list.path)'"],
                ])
                create.add(copyAndHash)
                create.add(try BenchRunner.runParallel("cp -r && sync ‖ openssl dgst -sha512 (2 processes)", [
                    ["/bin/sh", "-c", "cp -r \"$0\" \"$1\" && sync", corpus.root.path, roots.appendingPathComponent("cp-copy-synced").path],
                    ["/bin/sh", "-c", "xargs -0 -n 1000 openssl dgst -sha512 -r < '\(list.path)'"],
                ]))
                print(create.render())
                if let ocflPy { print("- " + BenchTable.speedup(khoCommit, over: ocflPy)) }
                print("- kho / (cp ‖ openssl) time ratio: \(String(format: "%.2f", khoCommit.seconds / max(copyAndHash.seconds, 1e-9)))\n")
            }

            let objectFolder = try OCFLStorageRoot.open(at: khoRoot).objectPath(for: id)
            let oneVersionFolder = try OCFLStorageRoot.open(at: oneVersionRoot).objectPath(for: id)
            let contentFiles = BenchCorpus.listFiles(URL(fileURLWithPath: objectFolder)).filter { $0.contains("/content/") }
            // The many-version object (small files only: its history is a few hundred small files per version).
            var manyVersionsFolder: String?
            if key == "a", versions > 2 {
                let manyRoot = roots.appendingPathComponent("kho-\(versions)-versions").path
                _ = try OCFLStorageRoot.create(at: manyRoot)
                _ = try BenchRunner.run("kho ocfl commit (syncfs), v1 of the \(versions)-version object",
                                        [kho, "ocfl", "commit", manyRoot, id, corpus.root.path, "--message", "bench", "--durability", "syncfs"])
                try BenchVersionHistory.extend(root: manyRoot, objectID: id, to: versions)
                manyVersionsFolder = try OCFLStorageRoot.open(at: manyRoot).objectPath(for: id)
            }
            try validationTable(key: key, name: name, corpus: corpus, objectFolder: objectFolder, oneVersionFolder: oneVersionFolder,
                                manyVersionsFolder: manyVersionsFolder, contentFiles: contentFiles, roots: roots)
            try? FileManager.default.removeItem(at: roots)
        }
    }

    /// Validation with digests, Kho against ocfl-validate.py and the hashing limit, `runs` rounds with the tools
    /// taking turns (so each sees the same load), best time of each.
    private func validationTable(key: String, name: String, corpus: CorpusInfo, objectFolder: String, oneVersionFolder: String,
                                 manyVersionsFolder: String?, contentFiles: [String], roots: URL) throws {
        let kho = BenchRunner.khoExecutable
        let files = contentFiles
        // The same digests Kho checks (sha512 manifest + sha256 fixity), one openssl run per algorithm in each process.
        var bothCommands: [[String]] = []
        for part in 0..<2 {
            let list = roots.appendingPathComponent("openssl-both-\(part).list")
            try Data(files.enumerated().filter { $0.offset % 2 == part }.map(\.element).joined(separator: "\0").utf8).write(to: list)
            bothCommands.append(["/bin/sh", "-c", "xargs -0 -n 1000 openssl dgst -sha512 -r < '\(list.path)' && xargs -0 -n 1000 openssl dgst -sha256 -r < '\(list.path)'"])
        }
        typealias Row = (label: String, run: () throws -> Measurement)
        var rows: [Row] = [
            ("kho ocfl validate (object, 2 versions)", { try BenchRunner.run("kho ocfl validate (object, 2 versions)", [kho, "ocfl", "validate", objectFolder]) }),
            ("kho ocfl validate (object, 1 version)", { try BenchRunner.run("kho ocfl validate (object, 1 version)", [kho, "ocfl", "validate", oneVersionFolder]) }),
            // Manifest digests only: the same hashing work as the openssl -sha512 row.
            ("kho ocfl validate --no-fixity (object, 2 versions)", { try BenchRunner.run("kho ocfl validate --no-fixity (object, 2 versions)", [kho, "ocfl", "validate", "--no-fixity", objectFolder]) }),
            // The object the issue names: one object created from the folder, validated with its content digests.
            ("kho ocfl validate --no-fixity (object, 1 version)", { try BenchRunner.run("kho ocfl validate --no-fixity (object, 1 version)", [kho, "ocfl", "validate", "--no-fixity", oneVersionFolder]) }),
        ]
        if let tool = BenchRunner.which("ocfl-validate.py") {
            rows.append(("ocfl-validate.py (object, 2 versions)", { try BenchRunner.run("ocfl-validate.py (object, 2 versions)", [tool, objectFolder]) }))
        }
        if let many = manyVersionsFolder {
            let label = "(object, \(versions) versions)"
            rows.append(("kho ocfl validate \(label)", { try BenchRunner.run("kho ocfl validate \(label)", [kho, "ocfl", "validate", many]) }))
            if let tool = BenchRunner.which("ocfl-validate.py") {
                rows.append(("ocfl-validate.py \(label)", { try BenchRunner.run("ocfl-validate.py \(label)", [tool, many]) }))
            }
        }
        rows.append(("openssl dgst -sha512 ×2 processes", { try BenchRunner.openssl("openssl dgst -sha512 ×2 processes", algorithm: "sha512", files: files, work: roots) }))
        rows.append(("openssl dgst -sha512, then -sha256 ×2 processes", { try BenchRunner.runParallel("openssl dgst -sha512, then -sha256 ×2 processes", bothCommands) }))

        BenchRunner.warm(files)
        BenchRunner.warm(BenchCorpus.listFiles(URL(fileURLWithPath: oneVersionFolder)))
        if let many = manyVersionsFolder { BenchRunner.warm(BenchCorpus.listFiles(URL(fileURLWithPath: many))) }
        let loadBefore = Self.loadAverage()
        var best: [Measurement?] = Array(repeating: nil, count: rows.count)
        for _ in 0..<max(1, runs) {
            for (i, row) in rows.enumerated() {
                let m = try row.run()
                if best[i] == nil || m.seconds < best[i]?.seconds ?? .infinity { best[i] = m }
            }
        }
        let loadAfter = Self.loadAverage()
        var table = BenchTable(title: "(\(key)) Validate with digests — \(name)", bytes: corpus.totalBytes, files: corpus.files.count)
        for m in best.compactMap({ $0 }) { table.add(m) }
        print(table.render())
        func find(_ prefix: String) -> Measurement? { best.compactMap { $0 }.first { $0.label.hasPrefix(prefix) } }
        if let k = find("kho ocfl validate (object, 2"), let k1 = find("kho ocfl validate (object, 1") {
            if let py = find("ocfl-validate.py") { print("- " + BenchTable.speedup(k, over: py)) }
            if let o = find("openssl dgst -sha512 ×2") {
                print("- kho (2 versions) at \(Self.percent(o.seconds / k.seconds)) of the throughput of openssl -sha512 ×2; kho (1 version) at \(Self.percent(o.seconds / k1.seconds))")
                if let m = find("kho ocfl validate --no-fixity (object, 2"), let m1 = find("kho ocfl validate --no-fixity (object, 1") {
                    print("- kho --no-fixity (sha512 manifest only, the same digest work as openssl -sha512) at \(Self.percent(o.seconds / m.seconds)) (2 versions), \(Self.percent(o.seconds / m1.seconds)) (1 version)")
                }
            }
            if let o = find("openssl dgst -sha512, then") {
                print("- kho (2 versions) at \(Self.percent(o.seconds / k.seconds)) of openssl doing the same two digests ×2; kho (1 version) at \(Self.percent(o.seconds / k1.seconds))")
            }
            print("- kho peak memory \(Int(Double(k.peakRSSBytes) / 1_048_576)) MB (2 versions), \(Int(Double(k1.peakRSSBytes) / 1_048_576)) MB (1 version)")
        }
        if manyVersionsFolder != nil, let k = find("kho ocfl validate (object, \(versions) versions)") {
            var line = "- kho peak memory \(Int(Double(k.peakRSSBytes) / 1_048_576)) MB (\(versions) versions)"
            if let py = find("ocfl-validate.py (object, \(versions) versions)") {
                line += ", ocfl-validate.py \(Int(Double(py.peakRSSBytes) / 1_048_576)) MB; " + BenchTable.speedup(k, over: py)
            }
            print(line)
        }
        print("- best of \(max(1, runs)) round(s); load average before: \(loadBefore), after: \(loadAfter)\n")
    }

    private static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }

    private static func percent(_ ratio: Double) -> String { String(format: "%.0f %%", ratio * 100) }
}
