public import KhoCore

/// Why `kho catalogue rebuild` stopped: the rule, the object or file concerned, both languages.
/// The catalogue in place is left untouched whenever one is thrown.
public struct RebuildError: KhoError, Hashable {
    /// `KHO-REBUILD-OBJECT` (an OCFL object cannot be read), `KHO-REBUILD-METADATA` (an AIP metadata
    /// file is missing or unreadable), `KHO-REBUILD-CATALOGUE` (the new catalogue refused an entry),
    /// `KHO-REBUILD-SWAP` (the new file could not replace the old one).
    public var rule: String
    /// The object id, AIP path or catalogue file concerned.
    public var path: String?
    /// What went wrong.
    public var message: BilingualMessage

    /// An error.
    public init(_ rule: String, path: String?, vi: String, en: String) {
        self.rule = rule
        self.path = path
        self.message = BilingualMessage(vi: vi, en: en)
    }

    static func metadata(_ objectID: String, _ file: String, _ reason: String) -> RebuildError {
        RebuildError("KHO-REBUILD-METADATA", path: "\(objectID)/\(file)",
                     vi: "Không đọc được siêu dữ liệu AIP: \(reason)", en: "Cannot read the AIP's metadata: \(reason)")
    }
}
