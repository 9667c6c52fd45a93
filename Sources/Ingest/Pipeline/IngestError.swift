public import KhoCore

/// Why an ingest could not finish (lỗi tiếp nhận): an operational failure, not a rejected package.
/// A rejected package is an `IngestOutcome.rejected`, with its findings in quarantine.
public struct IngestError: KhoError, Hashable {
    /// The rule, e.g. `KHO-INGEST-STORAGE`.
    public var rule: String
    /// The file, package or object concerned.
    public var path: String?
    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage

    /// An error for `rule`.
    public init(_ rule: String, path: String? = nil, vi: String, en: String) {
        self.rule = rule
        self.path = path
        self.message = BilingualMessage(vi: vi, en: en)
    }

    /// Wraps a lower module's error under `rule`, keeping its own rule and message.
    init(_ rule: String, wrapping error: some KhoError, path: String? = nil, vi: String, en: String) {
        self.init(rule, path: error.path ?? path,
                  vi: "\(vi) (\(error.rule)): \(error.message.vi)",
                  en: "\(en) (\(error.rule)): \(error.message.en)")
    }

    /// Wraps any error (Foundation file operations, catalogue) under `rule`.
    init(_ rule: String, path: String?, vi: String, en: String, error: any Error) {
        if let kho = error as? any KhoError {
            self.init(rule, wrapping: kho, path: path, vi: vi, en: en)
        } else {
            self.init(rule, path: path, vi: "\(vi): \(error)", en: "\(en): \(error)")
        }
    }
}
