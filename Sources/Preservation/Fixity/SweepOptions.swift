import ArchivalStorage
import DataManagement
import Foundation

/// How a fixity sweep runs (`kho fixity sweep` options).
public struct SweepOptions: Sendable {
    /// sha256 fixity values, or sha512 digests + full OCFL validation.
    public var mode: FixityMode
    /// One object only; nil for every object.
    public var objectID: String?
    /// Least recently checked (never checked first) before the others.
    public var staleFirst: Bool
    /// Stop cleanly (status `stopped`, resumable) once this much time has passed.
    public var maxDuration: TimeInterval?
    /// Hashing threads.
    public var parallel: Int
    /// Throttle in MB/s; nil for full speed.
    public var maxRateMB: Double?
    /// Only these pairs (the scheduler's due list, a repair's re-check): a new sweep, never a resumed one.
    public var only: [RootObject]?
    /// Who asked for the sweep; with `only`, it names the subset in the sweep's recorded scope.
    public var purpose: SweepPurpose = .manual
    /// Kho's version, for the PREMIS agent.
    public var softwareVersion: String
    /// Test hook: SIGKILL this process right after the N-th check of this run is committed
    /// (env `KHO_TEST_SWEEP_KILL_AFTER`), to show a killed sweep resumes without re-checking.
    public var killAfter: Int?

    /// Options with Kho's defaults.
    public init(mode: FixityMode = .fixity, objectID: String? = nil, staleFirst: Bool = false, maxDuration: TimeInterval? = nil,
                parallel: Int = 2, maxRateMB: Double? = nil, only: [RootObject]? = nil, softwareVersion: String = "0.1.0",
                killAfter: Int? = ProcessInfo.processInfo.environment["KHO_TEST_SWEEP_KILL_AFTER"].flatMap { Int($0) }) {
        self.mode = mode
        self.objectID = objectID
        self.staleFirst = staleFirst
        self.maxDuration = maxDuration
        self.parallel = parallel
        self.maxRateMB = maxRateMB
        self.only = only
        self.softwareVersion = softwareVersion
        self.killAfter = killAfter
    }

    /// The sweep's scope as the catalogue stores it: `*` (every object), an object id, or — for a sweep over a
    /// chosen subset — what chose it and how many copies, so that a report never presents a partial sweep as a
    /// sweep of everything (`scheduled:12`, `repair-recheck:3`, `repair-recheck:3:<object id>`).
    public var scope: String {
        guard let only else { return objectID ?? "*" }
        return "\(purpose.rawValue):\(only.count)" + (objectID.map { ":" + $0 } ?? "")
    }
}

/// Who started a sweep.
public enum SweepPurpose: String, Sendable {
    /// `kho fixity sweep`.
    case manual
    /// `kho scheduler`: the copies due.
    case scheduled
    /// `kho repair`: the copies just repaired, checked again.
    case repairRecheck = "repair-recheck"
}

/// Reads a duration such as `90s`, `30m`, `2h`, `1d` (a bare number is seconds).
public enum DurationText {
    /// Seconds, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(text.trimmingCharacters(in: .whitespaces))
        var factor = 1.0
        if let last = number.last, let unit = units[last] {
            factor = unit
            number = number.dropLast()
        }
        guard let value = Double(number), value > 0, value.isFinite else { return nil }
        return value * factor
    }
}
