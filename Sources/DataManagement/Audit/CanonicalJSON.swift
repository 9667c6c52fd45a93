import Foundation

/// The deterministic JSON used for audit content: sorted keys, no whitespace, slashes unescaped,
/// absent optionals left out. The stored bytes are what is hashed, so verification never re-encodes.
enum CanonicalJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
