import CLibXML2

/// Remembers each element's position among same-named siblings, so that XPath locations of all 100 000
/// `<mets:file>` children of one `<mets:fileGrp>` cost one pass over them, not one pass each.
///
/// Not `Sendable`: owned by one document or one validation run.
final class XMLPositionCache {
    private var positions: [xmlNodePtr: Int] = [:]
    private var parentsDone: Set<xmlNodePtr> = []

    /// The 1-based position of `element` among its siblings with the same local name and namespace.
    func position(of element: xmlNodePtr) -> Int {
        if let known = positions[element] { return known }
        guard let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE, !parentsDone.contains(parent) else {
            return XMLPositionCache.countPosition(of: element)
        }
        parentsDone.insert(parent)
        var counters: [String: Int] = [:]
        var child = parent.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE {
                let key = XMLPositionCache.key(of: node)
                let position = (counters[key] ?? 0) + 1
                counters[key] = position
                positions[node] = position
            }
            child = node.pointee.next
        }
        return positions[element] ?? XMLPositionCache.countPosition(of: element)
    }

    /// The position found by walking back over the preceding siblings (no cache).
    static func countPosition(of element: xmlNodePtr) -> Int {
        var position = 1
        var sibling = element.pointee.prev
        while let previous = sibling {
            if previous.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(previous.pointee.name, element.pointee.name) != 0,
               sameNamespace(previous, element) {
                position += 1
            }
            sibling = previous.pointee.prev
        }
        return position
    }

    private static func sameNamespace(_ a: xmlNodePtr, _ b: xmlNodePtr) -> Bool {
        switch (a.pointee.ns?.pointee.href, b.pointee.ns?.pointee.href) {
        case (nil, nil): true
        case let (x?, y?): xmlStrEqual(x, y) != 0
        default: false
        }
    }

    private static func key(of node: xmlNodePtr) -> String {
        let name = String(cString: node.pointee.name)
        guard let href = node.pointee.ns?.pointee.href else { return name }
        return "{\(String(cString: href))}\(name)"
    }
}
