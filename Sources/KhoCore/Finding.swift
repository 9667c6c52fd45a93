/// How much a finding matters: MUST → error, SHOULD → warning, MAY → info.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a validator noticed: the rule, how serious, where, and what it means.
///
/// Shared by the OCFL, BagIt, E-ARK and TT05 validators so that reports look alike everywhere.
public struct Finding: Sendable, Hashable, Codable {
    /// Spec or Kho rule code, e.g. `E040`, `W004`, `CSIP17`, `BAGIT-MANIFEST-MISSING`.
    public var code: String
    public var severity: Severity
    public var message: BilingualMessage
    /// The file concerned, relative to what was validated.
    public var path: String?
    /// A finer location inside that file (an XPath, a line number), if known.
    public var location: String?

    public init(code: String, severity: Severity, message: BilingualMessage, path: String? = nil, location: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
    }

    /// One line for a terminal, starting with the code: `E040 [path] (xpath): vi / en`.
    public var line: String {
        var text = code
        if let path { text += " [\(path)]" }
        if let location { text += " (\(location))" }
        return "\(text): \(message.combined)"
    }
}

extension Sequence where Element == Finding {
    /// True when no finding is an error.
    public var isValid: Bool { !contains { $0.severity == .error } }
}
