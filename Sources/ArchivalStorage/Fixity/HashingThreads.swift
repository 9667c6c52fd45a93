import Foundation

/// Read buffers and hashing threads kept for the life of the process, so that checking an object of 20 small
/// files does not start and join threads nor map and unmap 1 MiB buffers (a sweep checks thousands of them: the
/// thread starts, context switches and TLB shootdowns were about half a millisecond per object).
///
/// The threads are not Dispatch's pool, whose width the caller's threads may already fill: `HashRun` needs its
/// workers to run beside the thread that checks the structure. A thread is started only when every one started so
/// far is busy, so as many run at once as before; idle ones wait for the next object.
final class HashingThreads: @unchecked Sendable {
    /// The threads and buffers of this process.
    static let shared = HashingThreads()

    private let condition = NSCondition()
    private var tasks: [@Sendable () -> Void] = []
    private var first = 0
    private var idle = 0

    /// Runs `task` on a thread of the pool, at once: on an idle thread, else on a new one.
    func run(_ task: @escaping @Sendable () -> Void) {
        condition.lock()
        tasks.append(task)
        let start = tasks.count - first > idle
        condition.signal()
        condition.unlock()
        guard start else { return }
        let thread = Thread { [self] in serve() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func serve() {
        while true {
            condition.lock()
            while first == tasks.count {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let task = tasks[first]
            first += 1
            if first == tasks.count {
                tasks.removeAll(keepingCapacity: true)
                first = 0
            }
            condition.unlock()
            task()
        }
    }
}

/// Page-aligned read buffers lent to one worker at a time and kept for the next, instead of being allocated and
/// freed for each object (a freed 1 MiB buffer is unmapped, which stops every core to flush its TLB).
final class ReadBuffers: @unchecked Sendable {
    /// The buffers of this process.
    static let shared = ReadBuffers()
    /// Buffers kept for reuse, at most: more than the workers that ever run at once.
    private static let kept = 16

    private let lock = NSLock()
    private var free: [UnsafeMutableRawBufferPointer] = []

    /// Calls `body` with a buffer of exactly `size` bytes (at least 4 KiB), returned for reuse afterwards.
    func with<R>(size: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        let size = max(4096, size)
        let buffer = take(size)
        defer { give(buffer) }
        return try body(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]))
    }

    private func take(_ size: Int) -> UnsafeMutableRawBufferPointer {
        lock.lock()
        // The smallest kept buffer large enough.
        var best: Int?
        for index in free.indices where free[index].count >= size && (best.map { free[index].count < free[$0].count } ?? true) {
            best = index
        }
        let found = best.map { free.remove(at: $0) }
        lock.unlock()
        return found ?? UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
    }

    private func give(_ buffer: UnsafeMutableRawBufferPointer) {
        lock.lock()
        if free.count < Self.kept {
            free.append(buffer)
            lock.unlock()
            return
        }
        // Full: the smallest one goes.
        let smallest = free.indices.min { free[$0].count < free[$1].count } ?? 0
        let dropped = free[smallest].count < buffer.count ? free[smallest] : buffer
        if dropped.baseAddress != buffer.baseAddress { free[smallest] = buffer }
        lock.unlock()
        dropped.deallocate()
    }
}
