#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import KhoCore
import Synchronization

/// One content file to read and the digest it must have.
struct ContentJob {
    /// Relative to the object root.
    var path: String
    var algorithm: DigestAlgorithm
    /// Lower-case hex.
    var expected: String
    /// The size the bytes should have, when known.
    var expectedSize: UInt64?
}

/// Hashes content files on a few threads, each with one reusable buffer and digester, and reports what does not match.
struct ContentVerifier {
    var threads: Int
    var bufferSize: Int
    var rateLimiter: ByteRateLimiter?

    /// What the workers found.
    struct Outcome {
        var damage: [Damage] = []
        var files = 0
        var bytes: UInt64 = 0
    }

    /// Reads every job's file under `objectRoot` (opened relative to the object folder) and compares digests.
    func verify(_ jobs: [ContentJob], objectRoot: String) -> Outcome {
        guard !jobs.isEmpty else { return Outcome() }
        let folder = open(objectRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            return Outcome(damage: jobs.map { Damage(kind: .missing, path: $0.path, detail: "object folder unreadable") })
        }
        defer { close(folder) }
        // One shared atomic index: a worker takes the next file without a lock.
        let cursor = Atomic<Int>(0)
        let merged = Mutex(Outcome())
        let bufferSize = bufferSize
        let limiter = rateLimiter
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, jobs.count))) { _ in
            ReadBuffers.shared.with(size: bufferSize) { buffer in
                // A handful of algorithms at most: a list, not a dictionary looked up (and written) per file.
                var digesters: [(algorithm: DigestAlgorithm, digester: MultiDigester)] = []
                var local = Outcome()
                while true {
                    let index = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < jobs.count else { break }
                    let algorithm = jobs[index].algorithm
                    let digester: MultiDigester
                    if let found = digesters.first(where: { $0.algorithm == algorithm }) {
                        digester = found.digester
                        digester.reset()
                    } else {
                        digester = MultiDigester([algorithm])
                        digesters.append((algorithm, digester))
                    }
                    if let damage = Self.check(jobs[index], in: folder, buffer: buffer, digester: digester, limiter: limiter, outcome: &local) {
                        local.damage.append(damage)
                    }
                }
                merged.withLock { total in
                    total.damage += local.damage
                    total.files += local.files
                    total.bytes += local.bytes
                }
            }
        }
        return merged.withLock { $0 }
    }

    /// Hashes one file; the damage found, or nil when its digest matches.
    private static func check(_ job: ContentJob, in folder: Int32, buffer: UnsafeMutableRawBufferPointer, digester: MultiDigester,
                              limiter: ByteRateLimiter?, outcome: inout Outcome) -> Damage? {
        let fd = openat(folder, job.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            return errno == ENOENT ? Damage(kind: .missing, path: job.path, detail: "not found")
                : Damage(kind: .altered, path: job.path, detail: "unreadable: \(reason)")
        }
        defer { close(fd) }
        let size: UInt64
        switch ContentRead.hash(fd, buffer: buffer, digester: digester, limiter: limiter) {
        case .success(let read): size = read
        case .failure(let error): return Damage(kind: .altered, path: job.path, detail: "read error: \(error.reason)")
        }
        outcome.files += 1
        outcome.bytes += size
        let actual = digester.finalize()[job.algorithm] ?? ""
        guard actual != job.expected else { return nil }
        if let expectedSize = job.expectedSize, size < expectedSize {
            return Damage(kind: .truncated, path: job.path, detail: "\(size) bytes, expected \(expectedSize)")
        }
        return Damage(kind: .altered, path: job.path, detail: "\(job.algorithm.rawValue) \(actual), expected \(job.expected)")
    }
}

/// Reading one open content file through a reusable buffer into a digester: the one loop of both fixity paths.
enum ContentRead {
    /// Hashes `fd` to its end; the size read, or the read error's text.
    static func hash(_ fd: Int32, buffer: UnsafeMutableRawBufferPointer, digester: MultiDigester,
                     limiter: ByteRateLimiter?) -> Result<UInt64, ContentReadError> {
        var size: UInt64 = 0
        while true {
            // A file larger than one buffer gets a larger read-ahead; small files skip the extra system call.
            if size == UInt64(buffer.count) { _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL)) }
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count == 0 { return .success(size) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ContentReadError(reason: String(cString: strerror(errno))))
            }
            digester.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            size += UInt64(count)
            limiter?.consume(count)
        }
    }
}

/// A read that failed part-way (the system's reason).
struct ContentReadError: Error {
    var reason: String
}
