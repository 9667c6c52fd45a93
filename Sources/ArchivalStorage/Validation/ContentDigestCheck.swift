import Dispatch
import Foundation
import KhoCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hashes every content file once, on several threads, with all the algorithms any inventory names for it
/// (manifest and fixity, root and version inventories: the `DigestPlan`), and compares (E092, E093).
/// Workers share one job counter, open files relative to the object root, reuse their buffer and digesters,
/// and compare digests as bytes: only mismatches become Strings.
struct ContentDigestCheck {
    var root: String
    var options: OCFLValidator.Options
    var prefix: String
    /// Where the failures are also recorded as data, if anyone wants them.
    var facts: ValidationFactSink? = nil

    private func rel(_ p: String) -> String { prefix.isEmpty ? p : "\(prefix)/\(p)" }

    /// What a worker found wrong with one file: unreadable (`nil`), or the computed digests.
    struct Failure: Sendable {
        var job: Int
        var computed: [DigestAlgorithm: String]?
    }

    /// Hashing started early, from the root inventory's claims, while the structure is still being checked.
    struct Started: Sendable {
        /// The plan as it was when hashing started (its jobs and claims are what was hashed).
        var snapshot: DigestPlan
        fileprivate var run: HashRun?

        fileprivate func wait() -> [Failure] { run?.wait() ?? [] }
        /// Files not yet handed to a worker.
        var jobsLeft: Int { run?.jobsLeft ?? 0 }
        /// Stops handing out jobs and waits for the files being hashed; what was found is dropped.
        func abandon() {
            run?.stop()
            _ = wait()
        }
        /// Bytes read, once `wait` (or `abandon`) has returned.
        var bytesRead: UInt64 { run?.bytesRead ?? 0 }
    }

    /// Starts hashing every job of `plan` on threads of its own; `finish` waits for them.
    func start(_ plan: DigestPlan) -> Started {
        let jobs = plan.jobs.indices.filter { plan.jobs[$0].algorithms != 0 }
        return Started(snapshot: plan, run: jobs.isEmpty ? nil : HashRun(check: self, jobs: jobs, plan: plan))
    }

    /// Completes the digest check: waits for `started`, hashes what later inventories added (new paths, or new
    /// claims about a path already hashed), and reports for the content present on disk; returns the files hashed.
    func finish(_ started: Started, plan: DigestPlan, present: PathList, _ out: inout FindingCollector) -> Int {
        for u in plan.unchecked {
            out.note("KHO-OCFL-FIXITY-UNCHECKED", rel(u.label),
                     vi: "Không kiểm tra giá trị fixity \(u.algorithm) (thuật toán chưa hỗ trợ)",
                     en: "Fixity values for \(u.algorithm) not checked (algorithm not supported)")
        }
        let early = started.wait()
        // Jobs whose claims changed after the snapshot are hashed again with every claim they now have.
        var dirty = Set<Int>(started.snapshot.jobs.count..<plan.jobs.count)
        for c in started.snapshot.claims.count..<plan.claims.count { dirty.insert(Int(plan.claims[c].job)) }
        let again = dirty.sorted().filter { plan.jobs[$0].algorithms != 0 }
        var failures = early.filter { !dirty.contains($0.job) }
        let later = HashRun.run(check: self, jobs: again, plan: plan)
        failures += later.failures
        let isPresent = { (j: Int) in plan.withPath(j) { present.contains($0) } }
        failures = failures.filter { isPresent($0.job) }.sorted { $0.job < $1.job }
        // The root manifest's claims come first in the plan, under its first source label.
        let rootManifest = plan.sources.firstIndex(of: "inventory.json manifest").map(UInt16.init)
        var recorded: [ValidationFacts.DigestFailure] = []
        for failure in failures {
            let path = plan.path(failure.job)
            guard let computed = failure.computed else {
                if facts != nil { recorded.append(.init(path: path, computed: nil)) }
                out.add("E092", rel(path), "cannot be read", vi: "không đọc được")
                continue
            }
            if facts != nil {
                let failedRoot = plan.claims(of: failure.job).first { c in
                    plan.claims[c].source == rootManifest && computed[plan.claims[c].algorithm] != plan.digest(c)
                }
                recorded.append(.init(path: path, computed: computed, rootManifestDigest: failedRoot.map(plan.digest)))
            }
            let sorted = plan.claims(of: failure.job).sorted { a, b in
                let x = plan.claims[a], y = plan.claims[b]
                return (x.code, plan.sources[Int(x.source)], plan.digest(a)) < (y.code, plan.sources[Int(y.source)], plan.digest(b))
            }
            for c in sorted {
                let claim = plan.claims[c]
                let digest = plan.digest(c)
                guard computed[claim.algorithm] != digest else { continue }
                let source = plan.sources[Int(claim.source)]
                out.add(claim.code, rel(path), "\(source) says \(claim.algorithm.rawValue) \(digest), file has \(computed[claim.algorithm] ?? "?")",
                        vi: "\(source) ghi \(claim.algorithm.rawValue) \(digest), tệp có \(computed[claim.algorithm] ?? "?")")
            }
        }
        let files = plan.jobs.indices.reduce(0) { $0 + (plan.jobs[$1].algorithms != 0 && isPresent($1) ? 1 : 0) }
        facts?.update {
            $0.digestFailures = recorded
            $0.filesHashed = files
            $0.bytesHashed = started.bytesRead + later.bytes
        }
        return files
    }

    /// One worker: takes the next job from `run` until none is left.
    fileprivate func work(_ run: HashRun, directory: Int32) -> (failures: [Failure], bytes: UInt64) {
        ReadBuffers.shared.with(size: options.bufferSize) { buffer in work(run, directory: directory, buffer: buffer) }
    }

    private func work(_ run: HashRun, directory: Int32, buffer: UnsafeMutableRawBufferPointer) -> (failures: [Failure], bytes: UInt64) {
        let plan = run.plan
        var name = [CChar](repeating: 0, count: 4096)
        var digesters: [UInt8: MultiDigester] = [:]
        var local: [Failure] = []
        var bytes: UInt64 = 0
        let limiter = options.rateLimiter
        while let j = run.nextJob() {
            let bits = plan.jobs[j].algorithms
            let digester: MultiDigester
            if let d = digesters[bits] { digester = d; d.reset() } else { digester = MultiDigester(DigestAlgorithm.from(bits: bits)); digesters[bits] = digester }
            let ok = plan.withPath(j) { p in
                if name.count <= p.count { name = [CChar](repeating: 0, count: p.count + 1) }
                name.withUnsafeMutableBufferPointer { n in
                    p.withMemoryRebound(to: CChar.self) { src in _ = n.initialize(from: src) }
                    n[p.count] = 0
                }
                return Self.digest(directory, name, buffer, digester, limiter, &bytes)
            }
            // A path that is not there is E092/E093 "does not exist", reported by the structural checks.
            if ok == .absent { continue }
            guard ok == .read else { local.append(Failure(job: j, computed: nil)); continue }
            let computed = digester.finalize()
            var allMatch = true
            var c = Int(plan.jobs[j].firstClaim)
            while c >= 0, allMatch {
                if var hex = computed[plan.claims[c].algorithm] {
                    allMatch = hex.withUTF8 { plan.matches(c, $0) }
                } else {
                    allMatch = false
                }
                c = Int(plan.claims[c].next)
            }
            if !allMatch { local.append(Failure(job: j, computed: computed)) }
        }
        return (local, bytes)
    }

    private enum ReadOutcome { case read, absent, unreadable }

    private static func digest(_ directory: Int32, _ name: [CChar], _ buffer: UnsafeMutableRawBufferPointer, _ digester: MultiDigester,
                               _ limiter: ByteRateLimiter?, _ bytes: inout UInt64) -> ReadOutcome {
        // Never follow a symbolic link out of the object (E090 is reported by the walk).
        let fd = openat(directory, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .absent : .unreadable }
        defer { close(fd) }
        // Reads of at most 256 KiB, hashed 64 KiB at a time: the bytes the kernel just copied are still in the
        // core's cache when the second algorithm reads them.
        let chunk = min(buffer.count, 256 << 10)
        var first = true
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n == 0 { return .read }
            if n < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            // A file larger than one read gets a larger read-ahead; small files skip the system call.
            #if canImport(Glibc)
            if first && n == chunk { _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL)) }
            #endif
            first = false
            bytes += UInt64(n)
            limiter?.consume(n)
            var offset = 0
            while offset < n {
                let end = min(n, offset + (64 << 10))
                digester.update(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
            }
        }
    }
}

/// Hashing workers on threads of their own (not Dispatch's pool, whose width the caller's threads already
/// fill, so `concurrentPerform` from inside it can end up on one thread), sharing one job counter. The threads
/// and their buffers are kept for the next object (`HashingThreads`, `ReadBuffers`).
private final class HashRun: Sendable {
    let plan: DigestPlan
    private let jobs: [Int]
    private let next = Atomic<Int>(0)
    private let failures = Mutex<[ContentDigestCheck.Failure]>([])
    private let bytes = Atomic<UInt64>(0)
    private let done = DispatchSemaphore(value: 0)
    private let workers: Int
    private let directory: Int32
    /// With one hashing thread the caller hashes, in `wait`: a sweep checking many small objects at once, each on
    /// one thread, would otherwise hand every object to a second thread and wake it, for a few files.
    private let inline: ContentDigestCheck?
    private let hashedInline = Atomic<Bool>(false)

    init(check: ContentDigestCheck, jobs: [Int], plan: DigestPlan) {
        self.plan = plan
        self.jobs = jobs
        self.workers = min(check.options.hashingThreads, max(1, jobs.count))
        // Files are opened relative to the object root: no walk of its long path for each file.
        self.directory = open(check.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        inline = check.options.hashingThreads == 1 ? check : nil
        guard inline == nil else { return }
        for _ in 0..<workers {
            HashingThreads.shared.run { [self] in
                let found = check.work(self, directory: self.directory)
                self.failures.withLock { $0.append(contentsOf: found.failures) }
                self.bytes.wrappingAdd(found.bytes, ordering: .relaxed)
                self.done.signal()
            }
        }
    }

    deinit { if directory >= 0 { close(directory) } }

    /// Jobs not yet handed out.
    var jobsLeft: Int { max(0, jobs.count - next.load(ordering: .relaxed)) }

    /// Hands out no more jobs.
    func stop() { next.store(jobs.count, ordering: .relaxed) }

    /// The next job to hash, or `nil` when all are taken.
    func nextJob() -> Int? {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return i < jobs.count ? jobs[i] : nil
    }

    /// Hashes `jobs` and waits: what was found and the bytes read.
    static func run(check: ContentDigestCheck, jobs: [Int], plan: DigestPlan) -> (failures: [ContentDigestCheck.Failure], bytes: UInt64) {
        guard !jobs.isEmpty else { return ([], 0) }
        let run = HashRun(check: check, jobs: jobs, plan: plan)
        return (run.wait(), run.bytesRead)
    }

    /// Bytes read by the workers (complete once `wait` has returned).
    var bytesRead: UInt64 { bytes.load(ordering: .relaxed) }

    /// Waits for every worker (once), or hashes on this thread, and returns what was found.
    func wait() -> [ContentDigestCheck.Failure] {
        if let inline {
            if !hashedInline.exchange(true, ordering: .acquiringAndReleasing) {
                let found = inline.work(self, directory: directory)
                failures.withLock { $0.append(contentsOf: found.failures) }
                bytes.wrappingAdd(found.bytes, ordering: .relaxed)
            }
        } else {
            for _ in 0..<workers { done.wait() }
        }
        return failures.withLock { $0 }
    }
}
