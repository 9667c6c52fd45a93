import ArgumentParser
import Foundation
import KhoCore

/// `kho digest` — checksums of files, read once for all algorithms, on several threads.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Tính mã băm của tệp — checksum files (one read for every algorithm).",
        discussion: """
            Prints one line per file and algorithm: "<algorithm> <hex digest>  <path>".
            Folders are walked recursively. Example: kho digest --algorithms sha256,sha512 hoso/
            """
    )

    @Option(help: "Comma-separated algorithms: md5, sha1, sha256, sha512.")
    var algorithms: String = "sha256"

    @Option(help: "Files hashed at the same time.")
    var parallel: Int = 2

    @Flag(help: "Print nothing; only hash (for benchmarks).")
    var quiet = false

    @Argument(help: "Files or folders.")
    var paths: [String]

    func run() async throws {
        var chosen: [DigestAlgorithm] = []
        for name in algorithms.split(separator: ",") {
            guard let algorithm = DigestAlgorithm(name: String(name)) else {
                throw ValidationError("Thuật toán không hỗ trợ / unsupported algorithm: \(name)")
            }
            chosen.append(algorithm)
        }
        let files = paths.flatMap(Self.expand)
        let results = try await ParallelHasher(workers: max(1, parallel)).digest(files, algorithms: chosen)
        guard !quiet else { return }
        var output = ""
        for (file, digest) in zip(files, results) {
            for algorithm in chosen { output += "\(algorithm.rawValue) \(digest.digests[algorithm] ?? "")  \(file)\n" }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    private static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        return BenchCorpus.listFiles(URL(fileURLWithPath: path))
    }
}
