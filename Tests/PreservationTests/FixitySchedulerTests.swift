import DataManagement
import Foundation
import Preservation
import Testing

/// What falls due, in which order, and when the scheduler wakes next.
@Suite struct FixitySchedulerTests {
    let now = FixityTime.date("2026-11-21T12:00:00Z") ?? Date()
    func pair(_ root: String, _ id: String) -> RootObject { RootObject(rootName: root, objectID: id) }

    @Test func dueIsNeverCheckedOrOlderThanTheIntervalStalestFirst() {
        let pairs = [pair("primary", "a"), pair("primary", "b"), pair("primary", "c"), pair("r1", "a"), pair("r1", "b")]
        let last = [
            pair("primary", "a"): "2026-11-20T12:00:00Z",   // 1 day ago: not due
            pair("primary", "b"): "2026-08-01T00:00:00Z",   // > 90 days: due
            pair("r1", "a"): "2026-07-01T00:00:00Z",        // older still: due first among the checked
            pair("r1", "b"): "2026-08-23T12:00:00Z",        // exactly 90 days: due
        ]
        let due = FixityScheduler(intervalDays: 90).due(pairs, lastChecked: last, now: now, rootOrder: ["primary", "r1"])
        #expect(due == [pair("primary", "c"), pair("r1", "a"), pair("primary", "b"), pair("r1", "b")])
        #expect(FixityScheduler(intervalDays: 1).due(pairs, lastChecked: last, now: now, rootOrder: ["primary", "r1"]).count == 5)
    }

    @Test func nextDueIsTheEarliestLastCheckPlusTheInterval() {
        let pairs = [pair("primary", "a"), pair("r1", "a")]
        let last = [pair("primary", "a"): "2026-11-20T12:00:00Z", pair("r1", "a"): "2026-11-01T00:00:00Z"]
        let next = FixityScheduler(intervalDays: 30).nextDue(pairs, lastChecked: last, now: now)
        #expect(next == FixityTime.date("2026-12-01T00:00:00Z"))
        #expect(FixityScheduler(intervalDays: 30).nextDue([pair("primary", "z")], lastChecked: last, now: now) == now)
        #expect(FixityScheduler(intervalDays: 30).nextDue([], lastChecked: last, now: now) == nil)
    }

    @Test func sweepPlanSkipsWhatTheResumedSweepChecked() {
        let pairs = [pair("r1", "a"), pair("primary", "b"), pair("primary", "a"), pair("r2", "a")]
        let plan = SweepPlan.order(pairs, done: [pair("primary", "a")], lastChecked: [:], staleFirst: false,
                                   rootOrder: ["primary", "r2", "r1"])
        #expect(plan == [pair("primary", "b"), pair("r2", "a"), pair("r1", "a")])
        let stale = SweepPlan.order(pairs, done: [], lastChecked: [pair("primary", "a"): "2026-01-01T00:00:00Z",
                                                                   pair("primary", "b"): "2025-01-01T00:00:00Z"],
                                    staleFirst: true, rootOrder: ["primary", "r2", "r1"])
        #expect(stale == [pair("r2", "a"), pair("r1", "a"), pair("primary", "b"), pair("primary", "a")])
    }

    @Test func durationsReadAsArchivistsWriteThem() {
        #expect(DurationText.seconds("30m") == 1800)
        #expect(DurationText.seconds("2h") == 7200)
        #expect(DurationText.seconds("1d") == 86400)
        #expect(DurationText.seconds("45") == 45)
        #expect(DurationText.seconds("0.5s") == 0.5)
        #expect(DurationText.seconds("abc") == nil)
        #expect(DurationText.seconds("-3m") == nil)
    }
}
