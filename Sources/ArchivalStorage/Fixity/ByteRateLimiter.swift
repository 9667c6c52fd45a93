#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Throttles reads to a number of bytes per second (giới hạn tốc độ đọc), shared by every hashing thread.
///
/// A token bucket holding at most a quarter of a second of bytes: a reader takes what it read and, when the bucket
/// runs into debt, sleeps for the time the debt takes to refill, so the sum over all threads keeps to the rate.
public final class ByteRateLimiter: Sendable {
    /// The rate kept to.
    public let bytesPerSecond: UInt64
    private let capacity: Double
    private let state: Mutex<State>

    private struct State {
        var tokens: Double
        var last: UInt64
    }

    /// A limiter for `bytesPerSecond` (at least 1).
    public init(bytesPerSecond: UInt64) {
        let rate = max(1, bytesPerSecond)
        self.bytesPerSecond = rate
        capacity = max(Double(rate) / 4, 64 * 1024)
        state = Mutex(State(tokens: min(Double(rate) / 4, 64 * 1024), last: DispatchTime.now().uptimeNanoseconds))
    }

    /// A limiter for `megabytesPerSecond` MB/s (1 MB = 1,000,000 bytes), as `--max-rate` gives it.
    public convenience init(megabytesPerSecond: Double) {
        self.init(bytesPerSecond: UInt64(max(megabytesPerSecond, 0.001) * 1_000_000))
    }

    /// Accounts for `bytes` just read, sleeping as long as needed to keep to the rate.
    public func consume(_ bytes: Int) {
        guard bytes > 0 else { return }
        let rate = Double(bytesPerSecond)
        let wait = state.withLock { state -> Double in
            let now = DispatchTime.now().uptimeNanoseconds
            state.tokens = min(capacity, state.tokens + Double(now &- state.last) / 1e9 * rate)
            state.last = now
            state.tokens -= Double(bytes)
            return state.tokens < 0 ? -state.tokens / rate : 0
        }
        guard wait > 0 else { return }
        var request = timespec(tv_sec: Int(wait), tv_nsec: Int((wait - Double(Int(wait))) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
