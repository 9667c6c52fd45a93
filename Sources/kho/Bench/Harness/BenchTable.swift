import Foundation

/// A side-by-side comparison printed as a Markdown table, ready for BENCHMARKS.md.
struct BenchTable {
    /// What was measured, e.g. "Create one object — 20,000 files, 210 MB".
    var title: String
    /// Bytes every row processes, for throughput.
    var bytes: Int64
    /// Files every row processes, for files per second.
    var files: Int
    private(set) var rows: [Measurement] = []

    init(title: String, bytes: Int64, files: Int) {
        self.title = title
        self.bytes = bytes
        self.files = files
    }

    mutating func add(_ measurement: Measurement) { rows.append(measurement) }

    /// The table; the ratio column compares each row's time with the first row's (Kho).
    func render() -> String {
        var out = "### \(title)\n\n"
        out += "| tool | seconds | MB/s | files/s | peak RSS MB | time vs first row | exit |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|\n"
        let base = rows.first?.seconds ?? 1
        for row in rows {
            let mbps = Double(bytes) / 1_048_576 / max(row.seconds, 1e-9)
            let fps = Double(files) / max(row.seconds, 1e-9)
            out += "| \(row.label) | \(fmt(row.seconds, 2)) | \(fmt(mbps, 0)) | \(fmt(fps, 0)) | \(fmt(Double(row.peakRSSBytes) / 1_048_576, 1)) | \(fmt(row.seconds / base, 2))× | \(row.status) |\n"
        }
        out += "\nCommands:\n\n"
        for row in rows {
            for command in row.commands { out += "- \(row.label): `\(command)`\n" }
        }
        return out
    }

    /// "a is N× faster than b" for the summary lines under a table.
    static func speedup(_ a: Measurement, over b: Measurement) -> String {
        "\(a.label) \(fmt(b.seconds / max(a.seconds, 1e-9), 1))× \(b.seconds >= a.seconds ? "faster than" : "the speed of") \(b.label)"
    }

    /// A one-paragraph description of the machine for the results file.
    static func machineDescription() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; warm page cache."
    }
}

private func fmt(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}
