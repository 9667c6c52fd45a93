public import KhoCore

/// Where a TT05 record was read from: the file and, per element, its XPath and line. Used in findings.
public struct TT05Source: Sendable, Hashable, Codable {
    /// The file (or package-relative name) read.
    public var name: String
    /// XPath of the `<simpledc>` element.
    public var rootXPath: String
    /// Line of the `<simpledc>` element.
    public var rootLine: Int
    /// First occurrence of each element: element name → (XPath, line).
    public var elements: [String: Location]
    /// What reading noticed about the structure (wrong root, unknown or duplicated elements…).
    public var readFindings: [Finding]

    /// An element's place in the file.
    public struct Location: Sendable, Hashable, Codable {
        /// e.g. `/simpledc/title[1]`.
        public var xpath: String
        /// 1-based line.
        public var line: Int
    }

    /// "xpath (line n)" of `element`, or of the root when the element is absent.
    public func location(of element: String?) -> String? {
        if let element, let found = elements[element] {
            return XMLLocation.describe(xpath: found.xpath, line: found.line)
        }
        return XMLLocation.describe(xpath: rootXPath, line: rootLine)
    }
}

