import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho bench ingest` — `kho ingest` of a 20,003-file TT05 SIP and of a SIP of 20 × 50 MB, each into a
/// fresh home, against the same work done by existing tools (`bagit.py --validate` then
/// `ocfl-object.py create`) and against the limit (`cp -r` plus `openssl dgst -sha512` and `-sha256`,
/// each as two processes).
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Đo tốc độ tiếp nhận — kho ingest vs bagit.py + ocfl-object.py vs cp + openssl.",
        discussion: """
            Makes two sample SIPs under --work (reused between runs, shared with `kho bench sip`): one \
            dossier of --documents documents (PDF + EAD_doc each: 20,003 files by default) and one of 20 \
            documents with 50 MB PDFs. Outside the timing, bags each SIP folder once with Kho's BagCreator \
            (SHA-256 and SHA-512 manifests). Then, --runs rounds, interleaved, keeping each row's fastest run:
              kho ingest SIP --home FRESH                (every step: validate, verify, identify, PDF text
                                                          through poppler-glib in process, AIP, durable OCFL
                                                          commit, catalogue, receipt)
              bagit.py --validate --processes 2 BAG, then ocfl-object.py create --fixity sha256 of BAG/data
              cp -r SIP, then openssl dgst -sha512 ×2 processes, then openssl dgst -sha256 ×2 processes
            Peak memory is the largest resident set of any process of the row (GNU time). Prints Markdown \
            tables for Benchmarks/ingest.md, with the issue's targets checked.
            """
    )

    @Option(help: "Folder for the generated packages, bags and homes.")
    var work: String = "bench-work"

    @Option(help: "Documents in the many-files SIP (two files each; 10,000 makes the issue's 20,003 files).")
    var documents: Int = 10_000

    @Option(help: "Documents in the large-files SIP.")
    var largeDocuments: Int = 20

    @Option(help: "Size of each large PDF in bytes.")
    var largeSize: Int = 50 << 20

    @Option(help: "Runs of each row; the fastest is kept.")
    var runs: Int = 1

    @Flag(help: "Also run kho ingest with PDF text reading off, KHO_INGEST_PDF_TEXT=0 (a diagnostic row: the cost of text extraction).")
    var withoutPdfText = false

    @Flag(help: "Only the many-files case.")
    var skipLarge = false

    @Flag(help: "Only the large-files case.")
    var skipMany = false

    func validate() throws {
        guard documents >= 1, largeDocuments >= 1, largeSize >= 1, runs >= 1 else {
            throw ValidationError("--documents, --large-documents, --large-size and --runs must be at least 1")
        }
    }

    func run() async throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        guard let bagitPy = BenchRunner.which("bagit.py") else { throw ValidationError("bagit.py not found: pip install bagit") }
        guard let ocflObject = BenchRunner.which("ocfl-object.py") else { throw ValidationError("ocfl-object.py not found: pip install ocfl-py") }
        var cases: [(title: String, key: String, options: SampleSIPOptions, target: Target)] = []
        if !skipMany {
            cases.append(("Ingest a SIP of \(documents * 2 + 3) files", "many",
                          SampleSIPOptions(dossiers: 1, documents: documents, seed: 1), .fasterThanPython(20)))
        }
        if !skipLarge {
            cases.append(("Ingest a SIP of \(largeDocuments) × \(largeSize >> 20) MB", "large",
                          SampleSIPOptions(dossiers: 1, documents: largeDocuments, seed: 2, payloadBytes: largeSize), .nearLimit(1.5)))
        }
        print(BenchTable.machineDescription())
        print("Load average before: \(Self.loadAverage())\n")
        for testCase in cases {
            let package = try BenchSIPCommand.package(in: workURL.appendingPathComponent("sip-\(testCase.key)"), options: testCase.options)
            let packageURL = URL(fileURLWithPath: package)
            let files = BenchCorpus.listFiles(packageURL)
            let bytes = files.reduce(Int64(0)) { total, file in
                var info = stat()
                return total + (stat(file, &info) == 0 ? Int64(info.st_size) : 0)
            }
            let bag = try prepareBag(packageURL, at: workURL.appendingPathComponent("ingest-\(testCase.key)-bag"), files: files.count)
            let scratch = workURL.appendingPathComponent("ingest-\(testCase.key)-out")
            BenchRunner.warm(files)
            var kho: Measurement?, python: Measurement?, limit: Measurement?, noText: Measurement?
            for _ in 0..<runs {
                try reset(scratch)
                kho = Measurement.best(kho, try BenchRunner.run(
                    "kho ingest (fresh home)",
                    [BenchRunner.khoExecutable, "ingest", package, "--home", scratch.appendingPathComponent("home").path]))
                if withoutPdfText {
                    try reset(scratch)
                    noText = Measurement.best(noText, try BenchRunner.run(
                        "diagnostic: kho ingest, PDF text off",
                        ["/usr/bin/env", "KHO_INGEST_PDF_TEXT=0", BenchRunner.khoExecutable, "ingest", package,
                         "--home", scratch.appendingPathComponent("home").path]))
                }
                try reset(scratch)
                let validate = try BenchRunner.run("bagit.py --validate", [bagitPy, "--validate", "--quiet", "--processes", "2", bag.path])
                let create = try BenchRunner.run("ocfl-object.py create", [
                    ocflObject, "create", "--srcdir", bag.appendingPathComponent("data").path,
                    "--objdir", scratch.appendingPathComponent("ocfl-py").path,
                    "--id", "urn:kho:bench:\(testCase.key)", "--fixity", "sha256", "--message", "bench",
                ])
                python = Measurement.best(python, Self.sequence("bagit.py --validate --processes 2 + ocfl-object.py create --fixity sha256", [validate, create]))
                try reset(scratch)
                let copy = try BenchRunner.run("cp -r", ["cp", "-r", package, scratch.appendingPathComponent("copy").path])
                let sha512 = try BenchRunner.openssl("openssl -sha512", algorithm: "sha512", files: files, work: workURL)
                let sha256 = try BenchRunner.openssl("openssl -sha256", algorithm: "sha256", files: files, work: workURL)
                limit = Measurement.best(limit, Self.sequence("limit: cp -r + openssl dgst -sha512 ×2 + -sha256 ×2 processes", [copy, sha512, sha256]))
            }
            try? FileManager.default.removeItem(at: scratch)
            guard let kho, let python, let limit else { return }
            var table = BenchTable(title: "\(testCase.title) — \(bytes / 1_000_000) MB", bytes: bytes, files: files.count)
            table.add(kho)
            table.add(python)
            table.add(limit)
            if let noText { table.add(noText) }
            print(table.render())
            print("- \(BenchTable.speedup(kho, over: python))")
            print("- kho ingest takes \(String(format: "%.2f", kho.seconds / max(limit.seconds, 1e-9)))× the limit's time")
            let peakMB = Double(kho.peakRSSBytes) / 1_048_576
            print("- kho peak memory \(String(format: "%.0f", peakMB)) MB: target < 200 MB \(peakMB < 200 ? "met" : "NOT met")")
            switch testCase.target {
            case .fasterThanPython(let factor):
                let speedup = python.seconds / max(kho.seconds, 1e-9)
                print("- target ≥ \(Int(factor))× faster than the Python pipeline: \(speedup >= factor ? "met" : "NOT met") (\(String(format: "%.1f", speedup))×)")
            case .nearLimit(let factor):
                let ratio = kho.seconds / max(limit.seconds, 1e-9)
                print("- target within \(factor)× of the limit: \(ratio <= factor ? "met" : "NOT met") (\(String(format: "%.2f", ratio))×)")
            }
            print("- load average after: \(Self.loadAverage())\n")
        }
    }

    /// What a case must show, from issue 4.
    enum Target {
        /// Kho at least this many times faster than bagit.py + ocfl-object.py.
        case fasterThanPython(Double)
        /// Kho within this factor of the cp + openssl time.
        case nearLimit(Double)
    }

    /// Steps run one after another, as one row: times add up, memory is the largest of any step.
    static func sequence(_ label: String, _ steps: [Measurement]) -> Measurement {
        Measurement(label: label, seconds: steps.reduce(0) { $0 + $1.seconds },
                    peakRSSBytes: steps.map(\.peakRSSBytes).max() ?? 0,
                    status: steps.first { $0.status != 0 }?.status ?? 0,
                    commands: steps.flatMap(\.commands))
    }

    /// `/proc/loadavg`'s three averages, recorded with every result on the shared machine.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// Bags the SIP folder once (SHA-256 and SHA-512), reused while it is a complete bag of the same files.
    private func prepareBag(_ source: URL, at bag: URL, files: Int) throws -> URL {
        let fast = BagValidator(options: BagValidationOptions(fast: true)).validate(bagAt: bag.path)
        if fast.isValid, fast.payloadFileCount == files { return bag }
        if FileManager.default.fileExists(atPath: bag.path) { try FileManager.default.removeItem(at: bag) }
        let options = BagCreationOptions(algorithms: [.sha256, .sha512], softwareAgent: "Kho \(KhoVersion.current)", durable: false)
        _ = try BagCreator(options: options).create(from: source.path, to: bag.path)
        return bag
    }

    /// Empties the scratch folder that receives each row's output (outside the timing).
    private func reset(_ scratch: URL) throws {
        if FileManager.default.fileExists(atPath: scratch.path) { try FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

}
