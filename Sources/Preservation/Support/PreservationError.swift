import KhoCore

/// `kho.toml` could not be used: names the file and the line.
public struct ConfigurationError: KhoError, Hashable {
    /// The configuration file.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: BilingualMessage

    /// An error about `path` at `line`.
    public init(path: String, line: Int?, vi: String, en: String) {
        file = path
        self.line = line
        let place = line.map { " (dòng \($0))" } ?? ""
        let placeEN = line.map { " (line \($0))" } ?? ""
        message = BilingualMessage(vi: "kho.toml\(place): \(vi)", en: "kho.toml\(placeEN): \(en)")
    }

    public var rule: String { "KHO-CONFIG" }
    public var path: String? { line.map { "\(file):\($0)" } ?? file }
}

/// A preservation operation failed (not damage: damage is a finding, this is the machinery failing).
public struct PreservationError: KhoError, Hashable {
    public var rule: String
    public var path: String?
    public var message: BilingualMessage

    /// An error with a Kho rule code.
    public init(_ rule: String, path: String? = nil, vi: String, en: String) {
        self.rule = rule
        self.path = path
        message = BilingualMessage(vi: vi, en: en)
    }

    /// Wraps a lower error, keeping its text.
    public init(_ rule: String, path: String? = nil, vi: String, en: String, error: any Error) {
        let detail = (error as? any KhoError)?.description ?? String(describing: error)
        self.init(rule, path: path, vi: "\(vi): \(detail)", en: "\(en): \(detail)")
    }
}

/// Names of storage roots as the catalogue stores them.
public enum RootName {
    /// The home's own OCFL root.
    public static let primary = "primary"
}
