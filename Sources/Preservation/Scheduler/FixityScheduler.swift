import DataManagement
import Foundation

/// The fixity schedule (lịch kiểm tra định kỳ): every (root, object) checked at least every `intervalDays`.
/// Pure computation over the last check times; `kho scheduler` sweeps what is due and sleeps until the next.
public struct FixityScheduler: Sendable {
    /// Days between checks of one copy.
    public var intervalDays: Int

    public init(intervalDays: Int) {
        self.intervalDays = max(1, intervalDays)
    }

    var interval: TimeInterval { TimeInterval(intervalDays) * 86_400 }

    /// The pairs due at `now` — never checked, or last checked `intervalDays` ago or more — stale first.
    public func due(_ pairs: [RootObject], lastChecked: [RootObject: String], now: Date, rootOrder: [String]) -> [RootObject] {
        let due = pairs.filter { pair in
            guard let last = lastChecked[pair].flatMap(FixityTime.date) else { return true }
            return now.timeIntervalSince(last) >= interval
        }
        return SweepPlan.order(due, done: [], lastChecked: lastChecked, staleFirst: true, rootOrder: rootOrder)
    }

    /// When the next pair falls due (nil when there are no pairs); `now` or earlier when one is due already.
    public func nextDue(_ pairs: [RootObject], lastChecked: [RootObject: String], now: Date) -> Date? {
        pairs.map { pair in lastChecked[pair].flatMap(FixityTime.date).map { $0.addingTimeInterval(interval) } ?? now }.min()
    }
}

/// One pass of the scheduler: what was due and what the sweep of it found.
public struct SchedulerPass: Sendable, Codable {
    public var due: Int
    public var sweep: SweepSummary?
    /// When the next pair falls due after this pass.
    public var nextDue: String?
}

/// Runs scheduler passes over a home: sweep what is due (stale first, throttled), then wait.
public struct FixitySchedulerRun: Sendable {
    public let catalogue: Catalogue
    public let roots: StorageRoots
    public let schedule: FixityScheduler
    public let options: SweepOptions

    public init(catalogue: Catalogue, roots: StorageRoots, schedule: FixityScheduler, options: SweepOptions) {
        self.catalogue = catalogue
        self.roots = roots
        self.schedule = schedule
        self.options = options
    }

    /// Sweeps every pair due now; stops between objects when `stop` is raised.
    public func pass(now: Date = Date(), stop: StopFlag) throws(PreservationError) -> SchedulerPass {
        var all = SweepOptions(mode: options.mode, parallel: options.parallel, maxRateMB: options.maxRateMB,
                               softwareVersion: options.softwareVersion, killAfter: options.killAfter)
        let pairs = try FixitySweeper(catalogue: catalogue, roots: roots, options: all).pairsInScope()
        let last = try catalogued { () throws(CatalogueError) in try catalogue.lastCheckTimes() }
        let due = schedule.due(pairs, lastChecked: last, now: now, rootOrder: roots.roots.map(\.name))
        var result = SchedulerPass(due: due.count, sweep: nil, nextDue: nil)
        if !due.isEmpty {
            all.only = due
            all.purpose = .scheduled
            all.staleFirst = true
            result.sweep = try FixitySweeper(catalogue: catalogue, roots: roots, options: all).run(stop: stop)
        }
        let after = try catalogued { () throws(CatalogueError) in try catalogue.lastCheckTimes() }
        result.nextDue = schedule.nextDue(pairs, lastChecked: after, now: Date()).map(FixityTime.string)
        return result
    }
}
