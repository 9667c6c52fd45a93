import Dispatch
import Synchronization

/// Runs jobs on a few threads, each taking the next job index; the first error stops the rest.
enum Parallel {
    static func forEach(count: Int, workers: Int, _ body: @Sendable (Int) throws(OCFLStorageError) -> Void) throws(OCFLStorageError) {
        guard count > 0 else { return }
        let next = Mutex(0)
        let failure = Mutex<OCFLStorageError?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while true {
                let index = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                if index >= count || failure.withLock({ $0 != nil }) { return }
                do throws(OCFLStorageError) {
                    try body(index)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
