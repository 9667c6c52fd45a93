import Foundation
import KhoCore
#if canImport(Glibc)
import Glibc
#endif

/// What one measured run cost.
struct Measurement: Sendable {
    /// What ran, as shown in the table.
    var label: String
    /// Wall-clock seconds.
    var seconds: Double
    /// Largest resident set of any process of the run, in bytes (from `wait4`'s rusage).
    var peakRSSBytes: Int64
    /// Exit status of the run (the worst one for parallel runs).
    var status: Int32
    /// The exact command line(s), for BENCHMARKS.md.
    var commands: [String]

    /// The faster of `current` and `next` over repeated rounds, keeping the larger peak memory and any failure.
    static func best(_ current: Measurement?, _ next: Measurement) -> Measurement {
        guard var result = current else { return next }
        let peak = max(result.peakRSSBytes, next.peakRSSBytes)
        let status = result.status != 0 ? result.status : next.status
        if next.seconds < result.seconds { result = next }
        result.peakRSSBytes = peak
        result.status = status
        return result
    }
}

/// Runs commands as child processes and measures wall time and peak memory, the same way for Kho and
/// for the reference tools, so a table compares like with like.
enum BenchRunner {
    /// Runs one command; standard output is discarded, standard error kept for failures.
    static func run(_ label: String, _ argv: [String], in directory: URL? = nil) throws -> Measurement {
        try runParallel(label, [argv], in: directory)
    }

    /// Starts every command at once and waits for all: wall time of the whole, peak RSS of the largest.
    static func runParallel(_ label: String, _ commands: [[String]], in directory: URL? = nil) throws -> Measurement {
        let start = DispatchTime.now().uptimeNanoseconds
        // posix_spawn uses vfork, and Linux seeds a vforked child's peak RSS with the parent's; GNU time
        // forks for real, so its report is the command's own peak (and that of its descendants).
        let reports = commands.indices.map { FileManager.default.temporaryDirectory.appendingPathComponent("kho-bench-rss-\(getpid())-\($0)") }
        var pids: [pid_t] = []
        for (argv, report) in zip(commands, reports) {
            let measured = FileManager.default.isExecutableFile(atPath: gnuTime) ? [gnuTime, "-f", "%M", "-o", report.path] + argv : argv
            pids.append(try spawn(measured, in: directory))
        }
        var peak: Int64 = 0
        var worst: Int32 = 0
        for (pid, report) in zip(pids, reports) {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let timed = (try? String(contentsOf: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int64($0) }
            try? FileManager.default.removeItem(at: report)
            peak = max(peak, (timed ?? Int64(usage.ru_maxrss)) * 1024)  // both in KiB
            let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            if exitCode != 0 { worst = exitCode }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Measurement(label: label, seconds: seconds, peakRSSBytes: peak, status: worst, commands: commands.map(shellQuoted))
    }

    /// `processes` parallel `openssl dgst -<algorithm>` runs over the files split evenly between them:
    /// the hashing limit on this machine (openssl uses the CPU's SHA instructions).
    static func openssl(_ label: String, algorithm: String, files: [String], processes: Int = 2, work: URL) throws -> Measurement {
        var commands: [[String]] = []
        for part in 0..<processes {
            let slice = files.enumerated().filter { $0.offset % processes == part }.map(\.element)
            let list = work.appendingPathComponent("openssl-files-\(part).list")
            try Data(slice.joined(separator: "\0").utf8).write(to: list)
            commands.append(["/bin/sh", "-c", "xargs -0 -n 1000 openssl dgst -\(algorithm) -r < '\(list.path)'"])
        }
        return try runParallel(label, commands)
    }

    private static let gnuTime = "/usr/bin/time"

    /// Reads every file once so each tool starts from the same warm page cache.
    static func warm(_ files: [String]) {
        let hasher = FileHasher()
        for file in files { _ = try? hasher.digest(fileAt: file, algorithms: []) }
    }

    /// The path of an executable on PATH, if installed.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The running `kho` binary, so benchmarks measure the build that runs them.
    static var khoExecutable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    private static func spawn(_ argv: [String], in directory: URL?) throws -> pid_t {
        guard !argv.isEmpty else { throw failure("empty command") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        // Glibc's chdir file action is not exported to Swift; a shell hop does the same.
        let argv = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path] + argv } ?? argv
        let executable = argv[0]
        let resolved = executable.contains("/") ? executable : (which(executable) ?? executable)
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs[0] = strdup(resolved)
        cArgs.append(nil)
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, resolved, &actions, nil, cArgs, environ)
        guard rc == 0 else { throw failure("cannot start \(resolved): \(String(cString: strerror(rc)))") }
        return pid
    }

    private static func shellQuoted(_ argv: [String]) -> String {
        argv.map { arg in
            arg.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,".contains($0) } ? arg : "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    private static func failure(_ text: String) -> KhoFailure {
        KhoFailure(rule: "KHO-BENCH", vi: "Không chạy được lệnh đo: \(text)", en: "Benchmark command failed: \(text)")
    }
}
