import Foundation

/// A TT05 code list (Thông tư 05/2025/TT-BNV): two-digit codes with Vietnamese labels.
public protocol TT05Code: RawRepresentable, CaseIterable, Sendable, Hashable, TT05Parsable where RawValue == String {
    /// The label archivists read, e.g. "Vĩnh viễn".
    var vietnameseLabel: String { get }
    /// An English gloss, e.g. "Permanent".
    var englishLabel: String { get }
}

extension TT05Code {
    /// Parses a code, tolerating surrounding whitespace and a missing leading zero ("1" → "01").
    public init?(tt05Text text: String) {
        let trimmed = text.trimmingTT05Whitespace
        if let exact = Self(rawValue: trimmed) {
            self = exact
        } else if trimmed.count == 1, trimmed.allSatisfy(\.isASCII), let padded = Self(rawValue: "0" + trimmed) {
            self = padded
        } else {
            return nil
        }
    }

    /// The code as written in TT05 XML.
    public var tt05Text: String { rawValue }

    /// The codes of this list, for messages: "01, 02, 03".
    static var codeListText: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
