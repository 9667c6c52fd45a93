import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho bench bag` — `kho bag validate` against `bagit.py --validate --processes 2` and the hashing
/// limit of the machine (two parallel `openssl dgst -sha256` processes), on the shared corpora.
struct BenchBagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bag",
        abstract: "Đo kiểm tra túi BagIt — kho bag validate vs bagit.py vs openssl.",
        discussion: """
            Makes the corpora under --work (reused between runs), bags each one once with
            `kho bag create --algorithms sha256 SRC --output BAG` (SHA-256 only, the algorithm the
            openssl baseline computes), warms the page cache, then runs the three tools in turn, --runs
            rounds, and keeps each tool's fastest run (the machine is shared). Prints Markdown tables for Benchmarks/bagit.md.
            """
    )

    @Option(help: "Folder for the generated corpora and bags.")
    var work: String = "bench-work"

    @Option(help: "Number of small files.")
    var smallFiles: Int = 20_000

    @Option(help: "Number of 50 MB files.")
    var largeFiles: Int = 20

    @Option(help: "Runs per tool; the fastest is reported.")
    var runs: Int = 3

    func run() async throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let corpora = [
            ("\(smallFiles) files of 1–20 KB", "small", try BenchCorpus.smallFiles(in: workURL.appendingPathComponent("small"), count: smallFiles)),
            ("\(largeFiles) files of 50 MB", "large", try BenchCorpus.largeFiles(in: workURL.appendingPathComponent("large"), count: largeFiles)),
        ]
        guard let bagitPy = BenchRunner.which("bagit.py") else {
            throw ValidationError("bagit.py not found: pip install bagit")
        }
        print(BenchTable.machineDescription() + "\n")
        for (name, key, corpus) in corpora {
            let bag = try prepareBag(corpus.root, at: workURL.appendingPathComponent("\(key)-bag"))
            let payload = BenchCorpus.listFiles(bag.appendingPathComponent("data"))
            let bytes = payload.reduce(Int64(0)) { total, file in
                var info = stat()
                return total + (stat(file, &info) == 0 ? Int64(info.st_size) : 0)
            }
            BenchRunner.warm(payload)
            var table = BenchTable(title: "Validate a bag (SHA-256) — \(name)", bytes: bytes, files: payload.count)
            // Interleaved runs, so the three tools see the same load on a shared machine; best of each.
            var kho: Measurement?, python: Measurement?, openssl: Measurement?
            for _ in 0..<max(1, runs) {
                kho = Measurement.best(kho, try BenchRunner.run("kho bag validate (2 threads)", [BenchRunner.khoExecutable, "bag", "validate", bag.path]))
                python = Measurement.best(python, try BenchRunner.run("bagit.py --validate --processes 2", [bagitPy, "--validate", "--quiet", "--processes", "2", bag.path]))
                openssl = Measurement.best(openssl, try BenchRunner.openssl("openssl dgst -sha256 ×2 processes", algorithm: "sha256", files: payload, work: workURL))
            }
            guard let kho, let python, let openssl else { return }
            table.add(kho)
            table.add(python)
            table.add(openssl)
            print(table.render())
            print("- \(BenchTable.speedup(kho, over: python))")
            print("- kho runs at \(String(format: "%.0f", openssl.seconds / max(kho.seconds, 1e-9) * 100))% of the openssl ×2 hashing speed\n")
        }
    }

    /// Bags `source` once into `bag` (reused while it is still a complete bag of the same payload).
    private func prepareBag(_ source: URL, at bag: URL) throws -> URL {
        let fast = BagValidator(options: BagValidationOptions(fast: true)).validate(bagAt: bag.path)
        if fast.isValid, fast.payloadFileCount == BenchCorpus.listFiles(source).count + 1 { return bag }  // + the corpus marker
        if FileManager.default.fileExists(atPath: bag.path) { try FileManager.default.removeItem(at: bag) }
        let options = BagCreationOptions(algorithms: [.sha256], softwareAgent: "Kho \(KhoVersion.current)", durable: false)
        _ = try BagCreator(options: options).create(from: source.path, to: bag.path)
        return bag
    }

}
