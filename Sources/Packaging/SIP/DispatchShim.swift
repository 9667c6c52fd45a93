import Dispatch

/// The one place the SIP code touches Dispatch: run a body on several threads and wait.
enum DispatchShim {
    /// Runs `body(i)` for `i` in `0..<iterations` on Dispatch's worker threads and returns when all are done.
    static func concurrentPerform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    }
}
