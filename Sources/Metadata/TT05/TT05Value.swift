import Foundation

/// A value type that has a TT05 text form (codes, dates, counts, 0/1 flags).
public protocol TT05Parsable: Sendable, Hashable {
    /// Parses the text of a `<simpledc>` element; nil when it is not a valid value.
    init?(tt05Text: String)
    /// The canonical text written back to XML.
    var tt05Text: String { get }
}

/// A field as read from XML: the text exactly as found (trimmed) and, when valid, its typed value.
///
/// Reading never fails on a bad value; `DossierRecord.check()` and `DocumentRecord.check(dossier:)` report it.
public struct TT05Value<Value: TT05Parsable>: Sendable, Hashable {
    /// The trimmed element text ("" when the element was present but empty).
    public var text: String
    /// The typed value, nil when `text` is empty or not valid.
    public var value: Value? { Value(tt05Text: text) }

    /// A field holding a valid value.
    public init(_ value: Value) { self.text = value.tt05Text }

    /// A field holding whatever text was found.
    public init(text: String) { self.text = text.trimmingTT05Whitespace }

    /// True when the element was present but empty.
    public var isEmpty: Bool { text.isEmpty }
    /// True when the text is not empty and not a valid value.
    public var isInvalid: Bool { !text.isEmpty && value == nil }
}

extension Int: TT05Parsable {
    /// A non-negative decimal integer, digits only ("12"; not "+12", "1.0" or "-1").
    public init?(tt05Text text: String) {
        let trimmed = text.trimmingTT05Whitespace
        guard !trimmed.isEmpty, trimmed.count <= 18, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(trimmed) else { return nil }
        self = value
    }

    /// Decimal digits.
    public var tt05Text: String { String(self) }
}

/// A 0/1 field: `riskRecovery` (Chế độ dự phòng), `process` (Quy trình xử lý).
public enum TT05Flag: String, TT05Code {
    /// 0 — không.
    case no = "0"
    /// 1 — có.
    case yes = "1"

    /// "Không" / "Có".
    public var vietnameseLabel: String { self == .yes ? "Có" : "Không" }
    /// "No" / "Yes".
    public var englishLabel: String { self == .yes ? "Yes" : "No" }
}

extension TT05Value: Codable {
    /// Decodes from the field's text, as written in XML.
    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the field's text, as written in XML (so invalid values survive a round trip).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
