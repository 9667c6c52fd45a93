/// A message said twice: in Vietnamese for archivists, in English for everyone else.
public struct BilingualMessage: Sendable, Hashable, Codable {
    /// Tiếng Việt.
    public var vi: String
    /// English.
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// Both languages on one line, Vietnamese first: "… / …".
    public var combined: String { "\(vi) / \(en)" }
}
