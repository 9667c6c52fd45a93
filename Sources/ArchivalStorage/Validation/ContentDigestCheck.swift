import Dispatch
import KhoCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hashes every content file once, on several threads, with all the algorithms any inventory names for it
/// (manifest and fixity, root and version inventories), and compares (E092, E093).
struct ContentDigestCheck {
    /// One digest an inventory claims for a content file.
    struct Expectation: Hashable {
        var algorithm: DigestAlgorithm
        var digest: String
        var code: String
        /// Where the claim is made, e.g. `v1/inventory.json manifest` (not part of equality: one claim, one finding).
        var source: String

        static func == (a: Expectation, b: Expectation) -> Bool { a.algorithm == b.algorithm && a.digest == b.digest && a.code == b.code }
        func hash(into h: inout Hasher) { h.combine(algorithm); h.combine(digest); h.combine(code) }
    }

    /// One file to hash and the algorithms needed.
    struct Job: Sendable {
        var path: String
        var algorithms: [DigestAlgorithm]
    }

    var root: String
    var options: OCFLValidator.Options
    var prefix: String

    private func rel(_ p: String) -> String { prefix.isEmpty ? p : "\(prefix)/\(p)" }

    /// Checks the content present on disk against `inventories`; returns the number of files hashed.
    func run(inventories: [(label: String, inventory: ParsedInventory)], present: Set<PathKey>, _ out: inout FindingCollector) -> Int {
        var expectations: [PathKey: Set<Expectation>] = [:]
        var order: [PathKey] = []
        func expect(_ path: String, _ e: Expectation) {
            let key = PathKey(path)
            guard present.contains(key) else { return }
            if expectations[key] == nil { order.append(key) }
            expectations[key, default: []].insert(e)
        }
        for (label, inv) in inventories where inv.usable {
            let source = "\(label) manifest"
            if let name = inv.digestAlgorithm, let alg = DigestAlgorithmName.parse(name) {
                for entry in inv.manifest {
                    for p in entry.paths { expect(p, Expectation(algorithm: alg, digest: entry.digest.lowercased(), code: "E092", source: source)) }
                }
            }
            for block in inv.fixity {
                guard let alg = DigestAlgorithmName.parse(block.algorithm) else {
                    out.note("KHO-OCFL-FIXITY-UNCHECKED", rel(label),
                             vi: "Không kiểm tra giá trị fixity \(block.algorithm) (thuật toán chưa hỗ trợ)",
                             en: "Fixity values for \(block.algorithm) not checked (algorithm not supported)")
                    continue
                }
                for entry in block.entries {
                    for p in entry.paths { expect(p, Expectation(algorithm: alg, digest: entry.digest.lowercased(), code: "E093", source: "\(label) fixity.\(block.algorithm)")) }
                }
            }
        }
        let jobs = order.map { key in
            Job(path: key.string, algorithms: Array(Set((expectations[key] ?? []).map(\.algorithm))))
        }
        let results = Self.hash(jobs, root: root, threads: options.hashingThreads, bufferSize: options.bufferSize)
        for (i, key) in order.enumerated() {
            let path = jobs[i].path
            guard let computed = results[i] else {
                out.add("E092", rel(path), "cannot be read", vi: "không đọc được")
                continue
            }
            let sorted = (expectations[key] ?? []).sorted { ($0.code, $0.source, $0.digest) < ($1.code, $1.source, $1.digest) }
            for e in sorted where computed[e.algorithm] != e.digest {
                out.add(e.code, rel(path), "\(e.source) says \(e.algorithm.rawValue) \(e.digest), file has \(computed[e.algorithm] ?? "?")",
                        vi: "\(e.source) ghi \(e.algorithm.rawValue) \(e.digest), tệp có \(computed[e.algorithm] ?? "?")")
            }
        }
        return jobs.count
    }

    /// Hashes `jobs` on `threads` workers, each with one reusable buffer; `nil` for a file that cannot be read.
    static func hash(_ jobs: [Job], root: String, threads: Int, bufferSize: Int) -> [[DigestAlgorithm: String]?] {
        let next = Atomic<Int>(0)
        let results = Mutex<[[DigestAlgorithm: String]?]>(Array(repeating: nil, count: jobs.count))
        let workers = min(threads, max(1, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
            defer { buffer.deallocate() }
            var local: [(Int, [DigestAlgorithm: String]?)] = []
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < jobs.count else { break }
                local.append((i, digest(root + "/" + jobs[i].path, jobs[i].algorithms, buffer)))
            }
            results.withLock { all in for (i, r) in local { all[i] = r } }
        }
        return results.withLock { $0 }
    }

    /// Reads one file through `buffer` computing every algorithm in one pass (KhoCore's libcrypto digests).
    private static func digest(_ path: String, _ algorithms: [DigestAlgorithm], _ buffer: UnsafeMutableRawBufferPointer) -> [DigestAlgorithm: String]? {
        // Never follow a symbolic link out of the object (E090 is reported by the walk).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        #if canImport(Glibc)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        let digester = MultiDigester(algorithms)
        guard readAll(fd, buffer, { digester.update($0) }) else { return nil }
        return digester.finalize()
    }

    /// Reads `fd` to the end through `buffer`; false on a read error.
    private static func readAll(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n == 0 { return true }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
