/// One field of a TT05 `<simpledc>` record: its element name, its names in both languages, its published
/// maximum length.
public struct TT05Field: Sendable, Hashable {
    /// The XML element name, e.g. `title`.
    public let element: String
    /// The Vietnamese name from TT05, e.g. "Tiêu đề hồ sơ".
    public let vietnameseName: String
    /// An English name, e.g. "dossier title".
    public let englishName: String
    /// Published maximum length in characters (checked as a warning), if any.
    public let maxLength: Int?
    /// True when several values are allowed (`language`, `keyword`).
    public let repeatable: Bool

    /// Creates a field description.
    public init(_ element: String, vi: String, en: String, maxLength: Int? = nil, repeatable: Bool = false) {
        self.element = element
        self.vietnameseName = vi
        self.englishName = en
        self.maxLength = maxLength
        self.repeatable = repeatable
    }

    /// The element name in rule codes: `TITLE`, `STARTDATE`.
    var ruleName: String { element.uppercased() }

    /// "Tiêu đề hồ sơ (title)".
    var vietnameseLabel: String { "\(vietnameseName) (\(element))" }
    /// "dossier title (title)".
    var englishLabel: String { "\(englishName) (\(element))" }
}
