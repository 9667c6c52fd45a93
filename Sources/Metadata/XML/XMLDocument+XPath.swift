import CLibXML2

extension XMLDocument {
    /// The elements selected by an XPath 1.0 expression, in document order (non-element results are skipped).
    ///
    /// `namespaces` maps the prefixes used in `xpath` to URIs; by default the well-known ones
    /// (`mets`, `xlink`, `csip`, `sip`, `premis`, `xsi`, `xs`, `dc`).
    public func elements(xpath: String, namespaces: [String: String] = XMLNamespace.standardPrefixes) throws(XMLError) -> [XMLElement] {
        try evaluate(xpath: xpath, namespaces: namespaces, context: nil)
    }

    /// Evaluates `xpath` with `context` as the context node (nil: the document).
    func evaluate(xpath: String, namespaces: [String: String], context contextNode: xmlNodePtr?) throws(XMLError) -> [XMLElement] {
        let diagnostics = XMLDiagnostics(sourceName: sourceName)
        return try LibXML.capturing(diagnostics) { () throws(XMLError) -> [XMLElement] in
            guard let context = xmlXPathNewContext(pointer) else {
                throw XMLError(.xpath, path: sourceName, vi: "Không tạo được ngữ cảnh XPath", en: "Cannot create an XPath context")
            }
            defer { xmlXPathFreeContext(context) }
            if let contextNode { context.pointee.node = contextNode }
            for (prefix, uri) in namespaces {
                xmlXPathRegisterNs(context, prefix, uri)
            }
            guard let result = xmlXPathEvalExpression(xpath, context) else {
                let detail = diagnostics.firstError?.text ?? "invalid expression"
                throw XMLError(.xpath, path: sourceName,
                               vi: "Biểu thức XPath không hợp lệ '\(xpath)': \(detail)",
                               en: "Invalid XPath expression '\(xpath)': \(detail)")
            }
            defer { xmlXPathFreeObject(result) }
            guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval, let nodes = set.pointee.nodeTab else {
                return []
            }
            var elements: [XMLElement] = []
            for index in 0..<Int(set.pointee.nodeNr) {
                if let node = nodes[index], node.pointee.type == XML_ELEMENT_NODE {
                    elements.append(XMLElement(document: self, node: node))
                }
            }
            return elements
        }
    }
}

extension XMLElement {
    /// The elements selected by an XPath 1.0 expression evaluated with this element as context node,
    /// e.g. `file.elements(xpath: "mets:FLocat")`.
    public func elements(xpath: String, namespaces: [String: String] = XMLNamespace.standardPrefixes) throws(XMLError) -> [XMLElement] {
        try document.evaluate(xpath: xpath, namespaces: namespaces, context: node)
    }
}
