import Dispatch
import Synchronization

/// Runs jobs on a few threads, each taking the next job index; the first error stops the rest.
enum Parallel {
    /// Calls `body(buffer, index)` for every index; each worker owns one read buffer of `bufferSize` bytes,
    /// reused for all its jobs.
    static func forEach(count: Int, workers: Int, bufferSize: Int,
                        _ body: @Sendable (UnsafeMutableRawBufferPointer, Int) throws(OCFLStorageError) -> Void) throws(OCFLStorageError) {
        guard count > 0 else { return }
        let next = Mutex(0)
        let failure = Mutex<OCFLStorageError?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
            defer { buffer.deallocate() }
            while true {
                let index = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                if index >= count || failure.withLock({ $0 != nil }) { return }
                do throws(OCFLStorageError) {
                    try body(buffer, index)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
