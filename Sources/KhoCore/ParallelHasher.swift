import Dispatch
import Synchronization

/// Hashes many files on a fixed number of worker threads, each with its own buffer.
///
/// Files are handed out one at a time from a shared cursor, so a mix of 2 KB letters and 40 GB
/// videos keeps every worker busy; results come back in the order of the input.
public struct ParallelHasher: Sendable {
    /// Worker threads (the machine has 2 cores; more rarely helps with a warm cache).
    public var workers: Int
    /// Read size per worker.
    public var bufferSize: Int

    public init(workers: Int = 2, bufferSize: Int = 1 << 20) {
        self.workers = workers
        self.bufferSize = bufferSize
    }

    /// Size and digests of every file, in input order; the first failure is thrown.
    public func digest(_ files: [String], algorithms: [DigestAlgorithm]) async throws(KhoFailure) -> [FileDigest] {
        let results = await withCheckedContinuation { (continuation: CheckedContinuation<[Result<FileDigest, KhoFailure>], Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: digestBlocking(files, algorithms: algorithms))
            }
        }
        return try results.map { result throws(KhoFailure) in try result.get() }
    }

    /// The same, blocking the calling thread; each result is a digest or the failure for that file.
    public func digestBlocking(_ files: [String], algorithms: [DigestAlgorithm]) -> [Result<FileDigest, KhoFailure>] {
        let box = ResultBox(count: files.count)
        let hasher = FileHasher(bufferSize: bufferSize)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, files.count))) { _ in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
            defer { buffer.deallocate() }
            while let index = box.nextIndex() {
                let result = Result { () throws(KhoFailure) in
                    try hasher.digest(fileAt: files[index], algorithms: algorithms, buffer: buffer)
                }
                box.store(result, at: index)
            }
        }
        return box.results()
    }
}

/// Shared cursor and result slots for the workers.
private final class ResultBox: Sendable {
    private struct State {
        var cursor = 0
        var slots: [Result<FileDigest, KhoFailure>?]
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(slots: Array(repeating: nil, count: count))) }

    func nextIndex() -> Int? {
        state.withLock { state in
            guard state.cursor < state.slots.count else { return nil }
            defer { state.cursor += 1 }
            return state.cursor
        }
    }

    func store(_ result: Result<FileDigest, KhoFailure>, at index: Int) {
        state.withLock { $0.slots[index] = result }
    }

    func results() -> [Result<FileDigest, KhoFailure>] {
        state.withLock { state in
            state.slots.map { $0 ?? .failure(KhoFailure(rule: "KHO-IO", vi: "Tệp chưa được băm", en: "File was not hashed")) }
        }
    }
}
