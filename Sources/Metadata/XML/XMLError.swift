public import KhoCore

/// Why Kho refused or could not read some XML: the rule, the file, the line, and a message in both languages.
///
/// Security refusals (`dtd`, `externalEntity`, `networkRefused`) are deliberate: Kho never expands
/// entities, never loads a DTD, never fetches anything over the network while reading XML.
public struct XMLError: KhoError, Hashable {
    /// The kind of failure; its raw value is the rule code shown to people.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file is not well-formed XML (Tài liệu XML không đúng cú pháp).
        case malformed = "KHO-XML-MALFORMED"
        /// The document declares entities in a DTD (billion laughs and friends); refused before any expansion.
        case dtd = "KHO-XML-DTD"
        /// The document refers to an external entity or external DTD; nothing was read or fetched.
        case externalEntity = "KHO-XML-EXTERNAL-ENTITY"
        /// A schema or other resource would have been fetched from the network or from outside the allowed folders.
        case networkRefused = "KHO-XML-NETWORK-REFUSED"
        /// The file could not be read from disk.
        case unreadable = "KHO-XML-UNREADABLE"
        /// The file is larger than libxml2 can parse in one buffer.
        case tooLarge = "KHO-XML-TOO-LARGE"
        /// An XPath expression could not be compiled or evaluated.
        case xpath = "KHO-XML-XPATH"
        /// An XSD could not be compiled.
        case schema = "KHO-XML-SCHEMA"
        /// An XML catalog could not be read.
        case catalog = "KHO-XML-CATALOG"
        /// Writing XML failed: an invalid name or character, unbalanced elements, or an I/O error.
        case write = "KHO-XML-WRITE"
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// The file (or source name) concerned.
    public var path: String?
    /// The 1-based line in that file, when known.
    public var line: Int?
    /// What went wrong, in Vietnamese and English.
    public var message: BilingualMessage

    /// Creates an error of `kind` about `path` at `line`.
    public init(_ kind: Kind, path: String?, line: Int? = nil, vi: String, en: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.message = BilingualMessage(vi: vi, en: en)
    }

    /// The rule code, e.g. `KHO-XML-DTD`.
    public var rule: String { kind.rawValue }

    /// `RULE [file:line]: vi / en`.
    public var description: String {
        var location = ""
        if let path {
            location = line.map { " [\(path):\($0)]" } ?? " [\(path)]"
        }
        return "\(rule)\(location): \(message.combined)"
    }

    /// The error as a validation finding (severity error), for reports that collect rather than stop.
    public var finding: Finding {
        Finding(code: rule, severity: .error, message: message, path: path, location: XMLLocation.describe(xpath: nil, line: line))
    }
}
