public import KhoCore

/// Collects the findings of one validation run, in the order they were noticed.
public struct BagFindings: Sendable {
    /// Everything found so far.
    public private(set) var all: [Finding] = []

    /// An empty collection.
    public init() {}

    /// Records a finding; `line` becomes the location `line N`.
    public mutating func add(_ rule: BagItRule, _ severity: Severity, path: String?, line: Int? = nil, vi: String, en: String) {
        all.append(Finding(
            code: rule.rawValue,
            severity: severity,
            message: BilingualMessage(vi: vi, en: en),
            path: path,
            location: line.map { "line \($0)" }
        ))
    }

    /// True when at least one error has been recorded.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}
