/// An error Kho shows to a person: which rule was broken, where, and what it means in both languages.
///
/// Modules define small enums or structs conforming to this; callers never parse error strings.
public protocol KhoError: Error, Sendable, CustomStringConvertible {
    /// The rule broken: a spec code (`E040`, `CSIP12`, `TT05-DOS-003`) or a Kho code (`KHO-ZIP-TRAVERSAL`).
    var rule: String { get }
    /// The file (or entry, or object) concerned, if any.
    var path: String? { get }
    /// What went wrong, in Vietnamese and English.
    var message: BilingualMessage { get }
}

extension KhoError {
    public var description: String {
        let location = path.map { " [\($0)]" } ?? ""
        return "\(rule)\(location): \(message.combined)"
    }
}

/// A general-purpose `KhoError` for failures that need no type of their own.
public struct KhoFailure: KhoError, Hashable {
    public var rule: String
    public var path: String?
    public var message: BilingualMessage

    public init(rule: String, path: String? = nil, vi: String, en: String) {
        self.rule = rule
        self.path = path
        self.message = BilingualMessage(vi: vi, en: en)
    }
}
