import ArchivalStorage
import Foundation
import Preservation

/// The measured rows of one corpus of `kho bench fixity`, run interleaved round after round, each from the same
/// page cache state; keeps each row's fastest run.
struct FixityBenchRounds {
    /// Every file of the corpus's objects (content, inventories, sidecars): what each run may read.
    let objectFiles: [String]
    /// The objects' content files, the openssl rows' input.
    let contentFiles: [String]
    /// Bytes of the content files.
    let contentBytes: Int64
    let home: RepositoryHome
    let kho: String
    let work: URL
    let cold: Bool
    /// The rows, in round order: a label and how to run it once.
    var rows: [(label: String, run: () throws -> Measurement)] = []

    init(objectFolders: [String], home: RepositoryHome, kho: String, work: URL, cold: Bool) {
        objectFiles = objectFolders.flatMap { BenchCorpus.listFiles(URL(fileURLWithPath: $0)) }
        contentFiles = objectFiles.filter { $0.contains("/content/") }
        contentBytes = contentFiles.reduce(Int64(0)) { total, file in
            var info = stat()
            return total + (stat(file, &info) == 0 ? Int64(info.st_size) : 0)
        }
        self.home = home
        self.kho = kho
        self.work = work
        self.cold = cold
    }

    /// `openssl dgst -<algorithm>` as 2 processes over the content files split in two halves.
    func openssl(_ algorithm: String) -> () throws -> Measurement {
        let label = algorithm == "sha256" ? FixityBenchRow.openssl256 : FixityBenchRow.openssl512
        return { [contentFiles, work] in try BenchRunner.openssl(label, algorithm: algorithm, files: contentFiles, work: work) }
    }

    /// `kho fixity sweep` of the home in `mode`: a new sweep, run to its end.
    func sweep(_ mode: FixityMode) -> () throws -> Measurement {
        let label = mode == .full ? FixityBenchRow.fullSweep : FixityBenchRow.sweep
        return { [home, kho] in
            try FixityBenchSweeps.finishUnfinished(home: home, mode: mode, kho: kho)
            return try BenchRunner.run(label, [kho, "fixity", "sweep", "--home", home.path] + (mode == .full ? ["--full"] : []))
        }
    }

    /// Runs every row `runs` times, interleaved; the fastest run of each row.
    func measure(_ runs: Int) throws -> [String: Measurement] {
        var best: [String: Measurement] = [:]
        for _ in 0..<max(1, runs) {
            for row in rows {
                if cold { FixityBenchCache.drop() } else { BenchRunner.warm(objectFiles) }
                best[row.label] = Measurement.best(best[row.label], try row.run())
            }
        }
        return best
    }

    /// The Markdown table of the rows in `order`, with the target lines under it.
    func table(_ title: String, best: [String: Measurement], order: [String]) -> String {
        var table = BenchTable(title: "\(title), \(contentBytes >> 20) MiB", bytes: contentBytes, files: contentFiles.count)
        for label in order { if let row = best[label] { table.add(row) } }
        return table.render() + "\n" + FixityBenchCache.verdicts(best)
    }
}
