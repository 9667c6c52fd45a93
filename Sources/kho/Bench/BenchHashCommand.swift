import ArgumentParser
import Foundation

/// `kho bench hash` — Kho's hashing against the machine's limit (`openssl dgst`, 2 processes).
struct BenchHashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Đo tốc độ băm — Kho's SHA-256/SHA-512 against openssl on the same files.",
        discussion: "Makes its corpora under --work (reused between runs) and prints Markdown tables."
    )

    @Option(help: "Folder for the generated corpora.")
    var work: String = "bench-work"

    @Option(help: "Number of small files.")
    var smallFiles: Int = 20_000

    @Option(help: "Number of 50 MB files.")
    var largeFiles: Int = 20

    func run() async throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let corpora = [
            ("\(smallFiles) files of 1–20 KB", try BenchCorpus.smallFiles(in: workURL.appendingPathComponent("small"), count: smallFiles)),
            ("\(largeFiles) files of 50 MB", try BenchCorpus.largeFiles(in: workURL.appendingPathComponent("large"), count: largeFiles)),
        ]
        print(BenchTable.machineDescription() + "\n")
        for (name, corpus) in corpora {
            BenchRunner.warm(corpus.files)
            for algorithm in ["sha256", "sha512"] {
                var table = BenchTable(title: "\(algorithm) — \(name)", bytes: corpus.totalBytes, files: corpus.files.count)
                table.add(try BenchRunner.run("kho digest (2 threads)", [BenchRunner.khoExecutable, "digest", "--quiet", "--algorithms", algorithm, corpus.root.path]))
                table.add(try BenchRunner.openssl("openssl dgst ×2 processes", algorithm: algorithm, files: corpus.files, work: workURL))
                print(table.render())
            }
            var both = BenchTable(title: "sha256+sha512 in one read — \(name)", bytes: corpus.totalBytes, files: corpus.files.count)
            both.add(try BenchRunner.run("kho digest sha256,sha512", [BenchRunner.khoExecutable, "digest", "--quiet", "--algorithms", "sha256,sha512", corpus.root.path]))
            print(both.render())
        }
    }
}
