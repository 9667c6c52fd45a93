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
            let fsyncRoot = roots.appendingPathComponent("kho-fsync").path
            _ = try OCFLStorageRoot.create(at: fsyncRoot)
            create.add(try BenchRunner.run("kho ocfl commit (fsync each file)", [kho, "ocfl", "commit", fsyncRoot, id, corpus.root.path, "--message", "bench", "--durability", "fsync"]))
            create.add(try BenchRunner.run("kho ocfl commit, same tree again (hash only)", [kho, "ocfl", "commit", khoRoot, id, corpus.root.path, "--message", "unchanged"]))
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

            let objectFolder = try OCFLStorageRoot.open(at: khoRoot).objectPath(for: id)
            let contentFiles = BenchCorpus.listFiles(URL(fileURLWithPath: objectFolder)).filter { $0.contains("/content/") }
            BenchRunner.warm(contentFiles)
            var validate = BenchTable(title: "(\(key)) Validate with digests — \(name)", bytes: corpus.totalBytes, files: corpus.files.count)
            validate.add(try BenchRunner.run("kho ocfl validate", [kho, "ocfl", "validate", khoRoot]))
            if let tool = BenchRunner.which("ocfl-validate.py") {
                validate.add(try BenchRunner.run("ocfl-validate.py (object)", [tool, objectFolder]))
            }
            validate.add(try BenchRunner.openssl("openssl dgst -sha512 ×2 processes", algorithm: "sha512", files: contentFiles, work: roots))
            print(validate.render())
            try? FileManager.default.removeItem(at: roots)
        }
    }
}
