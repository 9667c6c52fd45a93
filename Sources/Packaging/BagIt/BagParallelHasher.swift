#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import KhoCore
import Synchronization

/// Hashes many files on a few threads: each worker owns one read buffer and reads each file once for
/// all requested algorithms (`MultiDigester`). Memory is `threads × bufferSize` whatever the bag size.
struct BagParallelHasher: Sendable {
    /// One file to hash.
    struct Job: Sendable {
        /// Absolute path bytes.
        var path: [UInt8]
        /// The algorithms wanted for this file.
        var algorithms: [DigestAlgorithm]
        /// When set, the bytes are also written to this new file (copy and hash in one pass).
        var copyTo: [UInt8]? = nil
    }

    /// The outcome for one job: digests, or why the file could not be read.
    enum Outcome: Sendable {
        case digest(FileDigest)
        case failed(KhoFailure)
    }

    /// Worker threads (the brief's machines have 2 cores).
    var threads: Int
    /// Read buffer per worker.
    var bufferSize: Int
    /// fsync copies before reporting them done.
    var durable: Bool

    init(threads: Int = 2, bufferSize: Int = 1 << 20, durable: Bool = false) {
        self.threads = max(1, threads)
        self.bufferSize = bufferSize
        self.durable = durable
    }

    /// Hashes every job; the result at index `i` belongs to `jobs[i]`.
    func hash(_ jobs: [Job]) -> [Outcome] {
        guard !jobs.isEmpty else { return [] }
        let slots = ResultSlots(count: jobs.count)
        let next = WorkCounter()
        let workers = min(threads, jobs.count)
        let bufferSize = bufferSize
        let durable = durable
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
            defer { buffer.deallocate() }
            // One digester per worker, reset between files that want the same algorithms.
            var cached: (algorithms: [DigestAlgorithm], digester: MultiDigester)?
            while true {
                let index = next.take()
                if index >= jobs.count { break }
                let job = jobs[index]
                let digester: MultiDigester
                if let cached, cached.algorithms == job.algorithms {
                    cached.digester.reset()
                    digester = cached.digester
                } else {
                    digester = MultiDigester(job.algorithms)
                    cached = (job.algorithms, digester)
                }
                slots.set(index, Self.hashOne(job, digester: digester, buffer: buffer, durable: durable))
            }
        }
        return slots.finish()
    }

    /// Reads one file through the worker's buffer.
    private static func hashOne(_ job: Job, digester: MultiDigester, buffer: UnsafeMutableRawBufferPointer, durable: Bool) -> Outcome {
        let fd: Int32
        var output: Int32 = -1
        do {
            fd = try BagFileSystem.withCPath(job.path) { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else { return .failed(POSIXFile.failure("open", path: BagPath.display(job.path))) }
            if let target = job.copyTo {
                output = try BagFileSystem.withCPath(target) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
                if output < 0 {
                    let failure = POSIXFile.failure("open", path: BagPath.display(target))
                    close(fd)
                    return .failed(failure)
                }
            }
        } catch {
            return .failed(error)
        }
        defer {
            close(fd)
            if output >= 0 { close(output) }
        }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(POSIXFile.failure("read", path: BagPath.display(job.path)))
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            digester.update(chunk)
            if output >= 0, let target = job.copyTo, let failure = POSIXFile.writeAll(fd: output, chunk, path: BagPath.display(target)) {
                return .failed(failure)
            }
        }
        if output >= 0, durable, fsync(output) != 0, let target = job.copyTo {
            return .failed(POSIXFile.failure("fsync", path: BagPath.display(target)))
        }
        return .digest(FileDigest(size: digester.byteCount, digests: digester.finalize()))
    }
}

/// Hands out job indices to workers.
private final class WorkCounter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// A fixed array each index of which is written by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<BagParallelHasher.Outcome?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ outcome: BagParallelHasher.Outcome) { storage[index] = outcome }

    /// Collects the results; call once, after every worker has finished.
    func finish() -> [BagParallelHasher.Outcome] {
        storage.map { $0 ?? .failed(KhoFailure(rule: "KHO-IO", vi: "không băm được", en: "not hashed")) }
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}
