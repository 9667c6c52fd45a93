import Foundation

/// Runs items `0..<count` on a few threads of its own while the caller takes the results one by one, in order.
///
/// A sweep over an archive of dossiers of twenty small files spends more per object on opening, starting threads
/// and recording than on hashing; checked one at a time, the cores wait for each other. Here the next objects are
/// checked while the caller records the last. At most `window` results wait to be taken (memory stays flat), and
/// once `finish` is called no new item starts: results not taken are dropped (a resumed sweep checks them again).
final class OrderedWorkPipeline<Output: Sendable>: @unchecked Sendable {
    // Every stored property below is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var taken = 0
    private var ready: [Int: Output] = [:]
    private var finished = false
    private var running: Int

    /// Starts `workers` threads that run `work` on each index, in increasing order, keeping at most `window`
    /// results ahead of the caller.
    init(count: Int, workers: Int, window: Int, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        self.window = max(1, window)
        let threads = max(1, min(workers, count))
        running = count == 0 ? 0 : threads
        guard count > 0 else { return }
        for _ in 0..<threads {
            let thread = Thread { [self] in self.work(work) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func work(_ body: @Sendable (Int) -> Output) {
        condition.lock()
        while true {
            while !finished, next < count, next - taken >= window { condition.wait() }
            guard !finished, next < count else { break }
            let index = next
            next += 1
            condition.unlock()
            let output = body(index)
            condition.lock()
            ready[index] = output
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The output of item `index`, waiting for it; items are asked for in order, each once, before `finish`.
    func output(_ index: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let output = ready.removeValue(forKey: index) {
                taken = index + 1
                condition.broadcast()
                return output
            }
            condition.wait()
        }
    }

    /// The output of item `first`, waiting for it, and those of the items after it that are already done, up to
    /// `limit` in all: what can be recorded together without waiting longer.
    func outputs(from first: Int, limit: Int) -> [Output] {
        var outputs = [output(first)]
        condition.lock()
        defer { condition.unlock() }
        while outputs.count < max(1, limit), let next = ready.removeValue(forKey: first + outputs.count) {
            outputs.append(next)
        }
        taken = first + outputs.count
        condition.broadcast()
        return outputs
    }

    /// True when item `index` is done and waiting to be taken.
    func isReady(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return ready[index] != nil
    }

    /// Starts no new item and waits for the threads to end; outputs not taken are dropped.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        ready.removeAll()
        condition.unlock()
    }
}
