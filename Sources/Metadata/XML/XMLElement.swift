import CLibXML2

/// One element of an `XMLDocument`: a light handle that keeps its document alive.
///
/// Names are local names; namespaces are compared by URI, never by prefix.
public struct XMLElement {
    /// The document this element belongs to (kept alive by this handle).
    public let document: XMLDocument
    /// The libxml2 node.
    let node: xmlNodePtr

    init(document: XMLDocument, node: xmlNodePtr) {
        self.document = document
        self.node = node
    }

    /// The local name, e.g. `fileGrp` for `<mets:fileGrp>`.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, or nil for an element in no namespace (TT05 `<simpledc>` fields).
    public var namespaceURI: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// The prefix written in the document, or nil (default namespace or none).
    public var prefix: String? { node.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) } }

    /// The 1-based line where the start tag appears in the source.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// The value of the attribute `localName` in `namespace` (nil: an attribute in no namespace, like METS `@ID`).
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        let value: UnsafeMutablePointer<xmlChar>? = if let namespace {
            xmlGetNsProp(node, localName, namespace)
        } else {
            xmlGetNoNsProp(node, localName)
        }
        guard let value else { return nil }
        defer { kho_xml_free(value) }
        return String(cString: value)
    }

    /// All attributes in document order (namespace declarations are not attributes).
    public var attributes: [XMLAttribute] { XMLElement.attributes(of: node) }

    /// The attributes of an element node, in document order (shared with `XMLElementStream`).
    static func attributes(of node: xmlNodePtr) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        var current = node.pointee.properties
        while let attribute = current {
            let value: String
            if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: raw)
                kho_xml_free(raw)
            } else {
                value = ""
            }
            result.append(XMLAttribute(
                name: String(cString: attribute.pointee.name),
                namespaceURI: attribute.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
                prefix: attribute.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) },
                value: value
            ))
            current = attribute.pointee.next
        }
        return result
    }

    /// The element children, in document order (text, comments and processing instructions skipped).
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var current = node.pointee.children
        while let child = current {
            if child.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(document: document, node: child)) }
            current = child.pointee.next
        }
        return result
    }

    /// True when the element has at least one element child (cheaper than `!children.isEmpty`).
    public var hasChildElements: Bool {
        var current = node.pointee.children
        while let child = current {
            if child.pointee.type == XML_ELEMENT_NODE { return true }
            current = child.pointee.next
        }
        return false
    }

    /// True when the element has at least one attribute (cheaper than `!attributes.isEmpty`).
    public var hasAttributes: Bool { node.pointee.properties != nil }

    /// Unlinks this element from its document and frees it with its whole subtree, so a one-pass reader that
    /// converts a large document (a 9 MB representation METS) into its own values does not hold both copies.
    ///
    /// Every handle to this element or one of its descendants is invalid afterwards; the document and the
    /// rest of the tree stay usable. Use only on a subtree the caller has finished reading.
    public func discard() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Element children with local name `name` in `namespace` (nil: any namespace).
    public func children(named name: String, namespace: String? = nil) -> [XMLElement] {
        children.filter { $0.matches(name, namespace: namespace) }
    }

    /// The first element child with local name `name` in `namespace` (nil: any namespace).
    public func firstChild(named name: String, namespace: String? = nil) -> XMLElement? {
        var current = node.pointee.children
        while let child = current {
            if child.pointee.type == XML_ELEMENT_NODE {
                let element = XMLElement(document: document, node: child)
                if element.matches(name, namespace: namespace) { return element }
            }
            current = child.pointee.next
        }
        return nil
    }

    /// The parent element, nil for the root.
    public var parent: XMLElement? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLElement(document: document, node: parent)
    }

    /// The text content: all descendant text and CDATA concatenated, exactly as written (not trimmed).
    public var text: String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { kho_xml_free(raw) }
        return String(cString: raw)
    }

    /// An absolute location for messages, e.g. `/mets:mets/mets:fileSec[1]/mets:fileGrp[2]/mets:file[1]`.
    ///
    /// Well-known namespaces use the prefixes of `XMLNamespace.standardPrefixes` whatever the document
    /// wrote, so the path can be evaluated again with `document.elements(xpath:)`.
    public var xpath: String { XMLElement.locationPath(of: node, cache: document.positionCache) }

    /// True when this element has local name `name` and, if given, namespace URI `namespace`.
    public func matches(_ name: String, namespace: String?) -> Bool {
        guard self.name == name else { return false }
        guard let namespace else { return true }
        return namespaceURI == namespace
    }

    /// The absolute location path of an element node (see `xpath`).
    static func locationPath(of node: xmlNodePtr, cache: XMLPositionCache? = nil) -> String {
        var steps: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            let name = String(cString: element.pointee.name)
            let uri = element.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
            let position = cache?.position(of: element) ?? XMLPositionCache.countPosition(of: element)
            let step: String
            if let uri {
                if let prefix = XMLNamespace.preferredPrefix(for: uri) ?? element.pointee.ns.flatMap({ $0.pointee.prefix }).map({ String(cString: $0) }) {
                    step = "\(prefix):\(name)"
                } else {
                    step = "*[local-name()='\(name)']"
                }
            } else {
                step = name
            }
            steps.append("\(step)[\(position)]")
            current = element.pointee.parent
        }
        // The root element has no siblings; write it without a position, as in /mets:mets/…
        if var last = steps.last, last.hasSuffix("[1]") {
            last.removeLast(3)
            steps[steps.count - 1] = last
        }
        return "/" + steps.reversed().joined(separator: "/")
    }
}

extension XMLElement: Equatable, Hashable {
    /// Two handles are equal when they point at the same node.
    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool { lhs.node == rhs.node }
    /// Hashes the node identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

/// One attribute of an element.
public struct XMLAttribute: Sendable, Hashable {
    /// Local name, e.g. `href` for `xlink:href`.
    public var name: String
    /// Namespace URI, nil for attributes in no namespace.
    public var namespaceURI: String?
    /// The prefix written in the document, if any.
    public var prefix: String?
    /// The value, with character references resolved.
    public var value: String
}
