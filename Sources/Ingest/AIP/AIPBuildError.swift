public import KhoCore

/// Why an AIP could not be built (lỗi tạo gói AIP); nothing is returned and the directory must be discarded.
public struct AIPBuildError: KhoError, Hashable {
    /// The rule broken, e.g. `KHO-AIP-OBJID`.
    public var rule: String
    /// The file or value concerned.
    public var path: String?
    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage

    /// An error for `rule`.
    public init(_ rule: String, path: String? = nil, vi: String, en: String) {
        self.rule = rule
        self.path = path
        self.message = BilingualMessage(vi: vi, en: en)
    }

    /// Wraps a lower-level Kho error (XML writer, file hasher) under `KHO-AIP-WRITE`, keeping its message.
    init(writing error: some KhoError, path: String) {
        self.init("KHO-AIP-WRITE", path: error.path ?? path,
                  vi: "Không ghi được tệp của gói AIP (\(error.rule)): \(error.message.vi)",
                  en: "Cannot write an AIP file (\(error.rule)): \(error.message.en)")
    }
}
