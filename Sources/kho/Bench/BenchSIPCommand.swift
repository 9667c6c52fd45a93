import ArgumentParser
import Foundation
import KhoCore
import Packaging

/// `kho bench sip` — `kho sip validate` on a 20,000-file SIP and on a SIP of 20 × 50 MB, against two
/// parallel `openssl dgst -sha256` processes over the same files.
struct BenchSIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip",
        abstract: "Đo tốc độ kiểm tra gói SIP — SIP validation against openssl on the same files.",
        discussion: """
            Makes two sample SIPs under --work (reused between runs): one dossier of 10,000 documents \
            (20,003 files: PDF + EAD_doc each) and one of 20 documents with 50 MB PDFs. Measures \
            `kho sip validate` (METS schema when XML_CATALOG_FILES is set, all rules, full SHA-256 verification on 2 threads) against \
            `openssl dgst -sha256` in two processes over every file of the package. Prints Markdown tables.
            """
    )

    @Option(help: "Folder for the generated packages.")
    var work: String = "bench-work"

    @Option(help: "Documents in the many-files SIP (two files each).")
    var documents: Int = 10_000

    @Option(help: "Documents in the large-files SIP.")
    var largeDocuments: Int = 20

    @Option(help: "Size of each large PDF in bytes.")
    var largeSize: Int = 50 << 20

    @Option(help: "Runs of each command; the best wall time is kept.")
    var runs: Int = 1

    func run() async throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        let cases = [
            ("SIP with \(documents * 2 + 3) files", "many", SampleSIPOptions(dossiers: 1, documents: documents, seed: 1)),
            ("SIP of \(largeDocuments) × \(largeSize >> 20) MB", "large", SampleSIPOptions(dossiers: 1, documents: largeDocuments, seed: 2, payloadBytes: largeSize)),
        ]
        print(BenchTable.machineDescription() + "\n")
        for (title, folder, options) in cases {
            let package = try Self.package(in: workURL.appendingPathComponent("sip-\(folder)"), options: options)
            let files = BenchCorpus.listFiles(URL(fileURLWithPath: package))
            let bytes = files.reduce(Int64(0)) { total, path in
                total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
            }
            BenchRunner.warm(files)
            var table = BenchTable(title: "\(title) — \(bytes / 1_000_000) MB", bytes: bytes, files: files.count)
            var best: Measurement?
            var bestOpenSSL: Measurement?
            var bestMetadata: Measurement?
            for _ in 0..<max(1, runs) {
                let kho = try BenchRunner.run("kho sip validate (2 threads)",
                                              [BenchRunner.khoExecutable, "sip", "validate", package])
                if kho.seconds < (best?.seconds ?? .infinity) { best = kho }
                let metadata = try BenchRunner.run("kho sip validate --skip-fixity (rules only)",
                                                   [BenchRunner.khoExecutable, "sip", "validate", "--skip-fixity", package])
                if metadata.seconds < (bestMetadata?.seconds ?? .infinity) { bestMetadata = metadata }
                let openssl = try BenchRunner.openssl("openssl dgst -sha256 ×2 processes", algorithm: "sha256", files: files, work: workURL)
                if openssl.seconds < (bestOpenSSL?.seconds ?? .infinity) { bestOpenSSL = openssl }
            }
            if let best { table.add(best) }
            if let bestOpenSSL { table.add(bestOpenSSL) }
            if let bestMetadata { table.add(bestMetadata) }
            print(table.render())
        }
    }

    /// The sample package under `folder`, generated once (a marker file records the options).
    static func package(in folder: URL, options: SampleSIPOptions) throws -> String {
        let marker = folder.appendingPathComponent(".kho-bench-sip")
        let signature = "\(options.documents) \(options.seed) \(options.payloadBytes ?? 0)"
        if let existing = try? String(contentsOf: marker, encoding: .utf8), existing.hasPrefix(signature + "\n") {
            return String(existing.dropFirst(signature.count + 1)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let packages = try SampleSIPGenerator(options: options).generate(into: folder.path)
        try Data("\(signature)\n\(packages[0].path)\n".utf8).write(to: marker)
        return packages[0].path
    }
}
