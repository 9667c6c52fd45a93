#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Set by the SIGTERM/SIGINT handler; a C signal handler may only touch global state.
private let terminationSignalled = Atomic<Bool>(false)

/// A request to stop between two objects (SIGTERM, SIGINT, or a caller): long runs check it before each
/// object so they end cleanly, with their sweep marked `stopped` and resumable.
public final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    private let listens = Atomic<Bool>(false)

    /// A flag not yet raised.
    public init() {}

    /// True once a stop was requested.
    public var isRaised: Bool {
        raised.load(ordering: .acquiring) || (listens.load(ordering: .acquiring) && terminationSignalled.load(ordering: .acquiring))
    }

    /// Requests a stop.
    public func raise() { raised.store(true, ordering: .releasing) }

    /// Raises the flag on SIGTERM and SIGINT instead of letting them kill the process mid-object.
    public func raiseOnTerminationSignals() {
        listens.store(true, ordering: .releasing)
        signal(SIGTERM) { _ in terminationSignalled.store(true, ordering: .releasing) }
        signal(SIGINT) { _ in terminationSignalled.store(true, ordering: .releasing) }
    }

    /// Sleeps up to `seconds`, waking early when the flag is raised.
    public func sleep(seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while !isRaised, Date() < deadline {
            Thread.sleep(forTimeInterval: min(0.2, max(0, deadline.timeIntervalSinceNow)))
        }
    }
}
