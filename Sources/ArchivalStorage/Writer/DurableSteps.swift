#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Counts the writer's durable steps; with a crash point set, stops dead at that step for crash tests.
final class DurableSteps: Sendable {
    private let crashAt: Int?
    private let count = Mutex(0)

    init(crashAt: Int?) {
        self.crashAt = crashAt
    }

    /// Marks one durable step done. At the crash point: prints `KHO-TEST-CRASH-POINT <n> <step>` and blocks for ever.
    func reached(_ step: String) {
        guard let crashAt else { return }
        let number = count.withLock { value in
            value += 1
            return value
        }
        guard number == crashAt else { return }
        let line = Array("KHO-TEST-CRASH-POINT \(number) \(step)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        while true { pause() }
    }
}
