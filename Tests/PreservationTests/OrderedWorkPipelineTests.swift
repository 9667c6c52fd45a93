import Foundation
@testable import Preservation
import Synchronization
import Testing

/// The sweep checks several copies at once while it records the earlier ones: results come back in plan order,
/// the checks never run more than a window ahead of the recording, and a stop starts nothing new.
@Suite struct OrderedWorkPipelineTests {
    /// Highest `index - taken` seen when an item started, and how many started.
    final class Tally: Sendable {
        let taken = Atomic<Int>(0)
        let furthestAhead = Atomic<Int>(0)
        let started = Atomic<Int>(0)

        func start(_ index: Int) {
            started.wrappingAdd(1, ordering: .relaxed)
            let ahead = index - taken.load(ordering: .acquiring)
            var seen = furthestAhead.load(ordering: .relaxed)
            while ahead > seen {
                let (exchanged, original) = furthestAhead.compareExchange(expected: seen, desired: ahead, ordering: .relaxed)
                if exchanged { break }
                seen = original
            }
        }
    }

    @Test func outputsComeInOrderAndNeverRunAheadOfTheWindow() {
        let tally = Tally()
        let pipeline = OrderedWorkPipeline(count: 300, workers: 3, window: 5) { index in
            tally.start(index)
            // Later items often finish first.
            usleep(UInt32((300 - index) % 7) * 100)
            return index * 2
        }
        var outputs: [Int] = []
        var index = 0
        while index < 300 {
            let batch = pipeline.outputs(from: index, limit: 4)
            #expect(!batch.isEmpty && batch.count <= 4)
            outputs += batch
            index += batch.count
            tally.taken.store(index, ordering: .releasing)
        }
        pipeline.finish()
        #expect(outputs == (0..<300).map { $0 * 2 })
        #expect(tally.started.load(ordering: .relaxed) == 300)
        // An item starts only within the window of what the pipeline has handed out; the tally learns of a batch
        // once it is back, so it may lag by one batch (4 items).
        #expect(tally.furthestAhead.load(ordering: .relaxed) <= 5 + 4 - 1)
    }

    @Test func finishStartsNothingNewAndWaitsForWhatRuns() {
        let tally = Tally()
        let finished = Atomic<Int>(0)
        let pipeline = OrderedWorkPipeline(count: 10_000, workers: 2, window: 4) { index in
            tally.start(index)
            usleep(1000)
            finished.wrappingAdd(1, ordering: .relaxed)
            return index
        }
        #expect(pipeline.output(0) == 0)
        #expect(pipeline.output(1) == 1)
        pipeline.finish()
        let started = tally.started.load(ordering: .relaxed)
        // At most a window beyond what was taken, and every started item has ended once `finish` returns.
        #expect(started <= 2 + 4)
        #expect(finished.load(ordering: .relaxed) == started)
    }

    @Test func nothingToDoStartsNoThread() {
        let pipeline = OrderedWorkPipeline(count: 0, workers: 4, window: 8) { (_: Int) -> Int in
            Issue.record("no item to run")
            return 0
        }
        pipeline.finish()
    }
}
