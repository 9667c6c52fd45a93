public import KhoCore

/// Why a bag could not be created; each case names the rule and the file.
public struct BagItError: KhoError, Hashable {
    /// A `BAGIT-CREATE-…` code or the I/O rule of the underlying failure.
    public var rule: String
    /// The file or directory concerned.
    public var path: String?
    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage

    /// Creates an error.
    public init(rule: String, path: String?, vi: String, en: String) {
        self.rule = rule
        self.path = path
        self.message = BilingualMessage(vi: vi, en: en)
    }

    /// Wraps an I/O failure.
    init(_ failure: KhoFailure) {
        self.init(rule: failure.rule, path: failure.path, vi: failure.message.vi, en: failure.message.en)
    }
}
