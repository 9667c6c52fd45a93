import ArchivalStorage
import DataManagement
import Foundation
import Preservation

/// Page cache, load and verdict helpers for `kho bench fixity`.
enum FixityBenchCache {
    /// Flushes dirty pages and drops the page cache; false when not permitted.
    @discardableResult
    static func drop() -> Bool {
        sync()
        guard let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("3\n".utf8))
            return true
        } catch {
            return false
        }
    }

    /// `/proc/loadavg`'s first three fields.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }


    /// The target lines printed under a table, for each Kho row present: throughput against its openssl row,
    /// speed against ocfl-validate.py, peak memory.
    static func verdicts(_ best: [String: Measurement]) -> String {
        var lines: [String] = []
        for row in FixityBenchRow.khoRows {
            guard let kho = best[row.label], let reference = best[row.reference] else { continue }
            let value = reference.seconds / max(kho.seconds, 1e-9)
            lines.append("- \(row.ratioName): \(String(format: "%.0f", value * 100)) % of the throughput (target ≥ 90 %) — \(value >= 0.9 ? "met" : "NOT met")")
        }
        for row in FixityBenchRow.khoRows {
            guard let kho = best[row.label], let python = best[FixityBenchRow.validate] else { continue }
            let speedup = python.seconds / max(kho.seconds, 1e-9)
            lines.append("- \(row.validateName) vs ocfl-validate.py: \(String(format: "%.1f", speedup))× faster (target ≥ 3×) — \(speedup >= 3 ? "met" : "NOT met")")
        }
        for row in FixityBenchRow.khoRows {
            guard let peak = best[row.label]?.peakRSSBytes else { continue }
            lines.append("- Kho peak RSS, \(row.memoryName): \(String(format: "%.1f", Double(peak) / 1_048_576)) MB (target < 100 MB) — \(peak < 100 << 20 ? "met" : "NOT met")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The rows of `kho bench fixity`'s tables: their labels, and for Kho's rows the reference each is held to.
enum FixityBenchRow {
    static let check = "kho fixity check (sha256, 2 threads)"
    static let checkFull = "kho fixity check --full (sha512 + OCFL validation)"
    static let sweep = "kho fixity sweep (home, sha256, catalogue + audit)"
    static let fullSweep = "kho fixity sweep --full (home, sha512 + OCFL validation)"
    static let openssl256 = "openssl dgst -sha256 ×2 processes"
    static let openssl512 = "openssl dgst -sha512 ×2 processes"
    static let validate = "ocfl-validate.py (ocfl-py)"

    /// A Kho row and how its target lines name it.
    struct KhoRow {
        var label: String
        /// The openssl row it must reach 90 % of.
        var reference: String
        var ratioName: String
        var validateName: String
        var memoryName: String
    }

    /// Kho's rows, in the order their target lines are printed.
    static let khoRows = [
        KhoRow(label: check, reference: openssl256, ratioName: "fixity mode vs openssl sha256 ×2",
               validateName: "fixity (default) mode", memoryName: "fixity mode"),
        KhoRow(label: checkFull, reference: openssl512, ratioName: "full mode vs openssl sha512 ×2",
               validateName: "full mode (like for like: sha512 + validation)", memoryName: "full mode"),
        KhoRow(label: sweep, reference: openssl256, ratioName: "`kho fixity sweep` vs openssl sha256 ×2",
               validateName: "`kho fixity sweep`", memoryName: "sweep"),
        KhoRow(label: fullSweep, reference: openssl512, ratioName: "`kho fixity sweep --full` vs openssl sha512 ×2",
               validateName: "`kho fixity sweep --full`", memoryName: "sweep --full"),
    ]
}

/// Keeps every measured sweep a new, complete one.
enum FixityBenchSweeps {
    /// A sweep resumes an unfinished sweep of the same mode and scope (one killed or stopped earlier, e.g. a benchmark
    /// interrupted by Ctrl-C): finishes such a sweep, unmeasured, so the measured run that follows starts a new one.
    static func finishUnfinished(home: RepositoryHome, mode: FixityMode, kho: String) throws {
        let unfinished = try {
            let catalogue = try Catalogue(path: home.cataloguePath)
            return try catalogue.unfinishedSweep(mode: mode.rawValue, scope: SweepOptions(mode: mode).scope) != nil
        }()
        guard unfinished else { return }
        _ = try BenchRunner.run("finish unfinished sweep", [kho, "fixity", "sweep", "--home", home.path] + (mode == .full ? ["--full"] : []))
    }
}
