/// One element of a METS (or other XML) document as the SIP rules see it: a plain value tree.
///
/// Built from the `Metadata` module's libxml2 tree (`METSElement(_:)` in `METSElement+Metadata.swift`), so the
/// rules are independent of the parser and easy to feed with mutated documents.
public struct METSElement: Sendable, Hashable {
    /// One attribute: local name, namespace URI (nil when unqualified), value.
    public struct Attribute: Sendable, Hashable {
        /// Local name.
        public var name: String
        /// Namespace URI, nil when unqualified.
        public var namespace: String?
        /// The value as written (entities resolved).
        public var value: String

        /// An attribute with a local name, optional namespace URI and value.
        public init(name: String, namespace: String?, value: String) {
            self.name = name
            self.namespace = namespace
            self.value = value
        }
    }

    /// Local name.
    public var name: String
    /// Namespace URI, nil for no namespace.
    public var namespace: String?
    /// Attributes in document order.
    public var attributes: [Attribute]
    /// Child elements in document order.
    public var children: [METSElement]
    /// Concatenated text content of this element's own text nodes, whitespace-trimmed.
    public var text: String
    /// Line in the source document (0 when unknown).
    public var line: Int
    /// A positional XPath such as `/mets/fileSec[1]/fileGrp[2]/file[3]`.
    public var xpath: String

    /// An element with everything given.
    public init(name: String, namespace: String?, attributes: [Attribute], children: [METSElement], text: String, line: Int, xpath: String) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.xpath = xpath
    }

    /// The value of an attribute; `namespace` nil means an unqualified attribute.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// Child elements with a local name in the METS namespace.
    public func elements(_ name: String) -> [METSElement] {
        children.filter { $0.name == name && $0.namespace == METSNamespace.mets }
    }

    /// The first child element with a local name in the METS namespace.
    public func element(_ name: String) -> METSElement? {
        children.first { $0.name == name && $0.namespace == METSNamespace.mets }
    }

    /// Calls `body` with this element and every descendant, depth first, without copying the tree.
    public func visit(_ body: (METSElement) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    /// This element and all its descendants, depth first.
    public func descendants() -> [METSElement] {
        var result: [METSElement] = [self]
        for child in children { result += child.descendants() }
        return result
    }
}

/// Namespace URIs the SIP rules read.
public enum METSNamespace {
    /// METS 1.12.
    public static let mets = "http://www.loc.gov/METS/"
    /// E-ARK CSIP extension attributes.
    public static let csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
    /// E-ARK SIP extension attributes.
    public static let sip = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
    /// XLink.
    public static let xlink = "http://www.w3.org/1999/xlink"
}
