import Foundation

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


    /// The target lines printed under a table.
    static func verdicts(_ best: [String: Measurement], order: [String]) -> String {
        func row(_ index: Int) -> Measurement? { best[order[index]] }
        var lines: [String] = []
        func ratio(_ kho: Measurement?, _ reference: Measurement?, target: Double, what: String) {
            guard let kho, let reference else { return }
            let value = reference.seconds / max(kho.seconds, 1e-9)
            lines.append("- \(what): \(String(format: "%.0f", value * 100)) % of the throughput (target ≥ \(String(format: "%.0f", target * 100)) %) — \(value >= target ? "met" : "NOT met")")
        }
        ratio(row(0), row(1), target: 0.9, what: "fixity mode vs openssl sha256 ×2")
        ratio(row(2), row(3), target: 0.9, what: "full mode vs openssl sha512 ×2")
        if order.count > 6 {
            ratio(row(5), row(1), target: 0.9, what: "`kho fixity sweep` vs openssl sha256 ×2")
            ratio(row(6), row(3), target: 0.9, what: "`kho fixity sweep --full` vs openssl sha512 ×2")
        }
        let modes = [(0, "fixity (default) mode"), (2, "full mode (like for like: sha512 + validation)")]
            + (order.count > 6 ? [(5, "`kho fixity sweep`"), (6, "`kho fixity sweep --full`")] : [])
        for (index, mode) in modes {
            guard let kho = row(index), let python = row(4) else { continue }
            let speedup = python.seconds / max(kho.seconds, 1e-9)
            lines.append("- \(mode) vs ocfl-validate.py: \(String(format: "%.1f", speedup))× faster (target ≥ 3×) — \(speedup >= 3 ? "met" : "NOT met")")
        }
        for (index, mode) in [(0, "fixity mode"), (2, "full mode")] + (order.count > 6 ? [(5, "sweep"), (6, "sweep --full")] : []) {
            guard let peak = row(index)?.peakRSSBytes else { continue }
            lines.append("- Kho peak RSS, \(mode): \(String(format: "%.1f", Double(peak) / 1_048_576)) MB (target < 100 MB) — \(peak < 100 << 20 ? "met" : "NOT met")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
