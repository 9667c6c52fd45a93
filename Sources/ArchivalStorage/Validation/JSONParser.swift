/// Why a JSON document could not be read, with the byte offset where parsing stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// Byte offset into the document.
    public var offset: Int
    /// What the parser expected, in English.
    public var reason: String
}

/// A strict RFC 8259 parser over raw bytes that keeps object member order and duplicate keys.
public enum JSONParser {
    /// Parses a complete JSON document into a tree; trailing non-whitespace is an error.
    /// (The validator itself reads inventories as a `JSONTape`, which is far smaller for large documents.)
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try JSONTape(parsing: bytes).value(0)
    }
}
