import KhoCore

/// Why an OCFL storage operation was refused or failed (lỗi kho lưu trữ OCFL), with the spec code where one applies.
public struct OCFLStorageError: KhoError, Hashable {
    /// Spec code (`E095`, `E069`) or Kho rule (`KHO-OCFL-…`).
    public var rule: String
    /// Root, object or logical path concerned.
    public var path: String?
    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage

    /// Builds an error from a rule, a path and the two messages.
    public init(_ rule: String, path: String?, vi: String, en: String) {
        self.rule = rule
        self.path = path
        self.message = BilingualMessage(vi: vi, en: en)
    }

    /// Wraps a lower-level `KhoFailure` (I/O, unsafe path) without losing its rule or message.
    public init(_ failure: KhoFailure) {
        self.rule = failure.rule
        self.path = failure.path
        self.message = failure.message
    }
}
