import Foundation
import KhoCore
import Metadata

/// A finding that stopped a document from loading.
struct XMLLoadFailure: Error {
    var finding: Finding
}

/// Reads package XML through the `Metadata` module's safe libxml2 layer into `METSElement` trees.
enum XMLLoader {
    /// Parses the file at `fullPath`; failures (malformed, DTD, external entity, unreadable) become findings
    /// with the XML layer's code (`KHO-XML-MALFORMED`, …) naming `relativePath`.
    static func load(_ fullPath: String, relativePath: String) -> Result<METSElement, XMLLoadFailure> {
        // A clean document streams straight into the value tree; anything unusual is parsed as a whole below,
        // which gives the same tree or the failure finding.
        if let streamed = stream(fullPath) { return .success(streamed) }
        do {
            // The mapped bytes are released once parsed, before the tree is converted.
            let document = try parse(data: try Data(contentsOf: URL(fileURLWithPath: fullPath), options: .mappedIfSafe), relativePath: relativePath)
            return .success(convert(document))
        } catch let error as XMLLoadFailure {
            return .failure(error)
        } catch {
            return .failure(XMLLoadFailure(finding: Finding(
                code: "KHO-XML-UNREADABLE", severity: .error,
                message: BilingualMessage(vi: "Không đọc được tệp XML: \(error.localizedDescription)",
                                          en: "Cannot read the XML file: \(error.localizedDescription)"),
                path: relativePath)))
        }
    }

    /// Parses XML bytes (used by the fuzz tests as well).
    static func load(data: Data, relativePath: String) throws(XMLLoadFailure) -> METSElement {
        convert(try parse(data: data, relativePath: relativePath))
    }

    private static func parse(data: Data, relativePath: String) throws(XMLLoadFailure) -> XMLDocument {
        do {
            return try XMLDocument.parse(data: data, sourceName: relativePath)
        } catch {
            var finding = error.finding
            finding.path = relativePath
            throw XMLLoadFailure(finding: finding)
        }
    }

    /// Converts the whole document, freeing each libxml2 subtree as soon as it is converted, so the peak is
    /// about the larger of the two trees rather than their sum.
    private static func convert(_ document: XMLDocument) -> METSElement {
        convert(document.root, xpath: "/" + qualified(document.root))
    }

    /// An element being built from the stream: what `convert` computes, kept until its end tag.
    private struct OpenElement {
        var name: String
        var namespace: String?
        var attributes: [METSElement.Attribute]
        var line: Int
        var xpath: String
        var children: [METSElement] = []
        var counts: [String: Int] = [:]
        var text = ""
    }

    /// The tree `convert` would build, from one streaming pass; nil when the stream gave up.
    private static func stream(_ fullPath: String) -> METSElement? {
        var stack: [OpenElement] = []
        var root: METSElement?
        let completed = XMLElementStream.read(fileAt: fullPath) { event in
            switch event {
            case let .start(name, namespaceURI, attributes, line):
                let step = qualified(name: name, namespaceURI: namespaceURI)
                let xpath: String
                if stack.isEmpty {
                    xpath = "/" + step
                } else {
                    let position = (stack[stack.count - 1].counts[step] ?? 0) + 1
                    stack[stack.count - 1].counts[step] = position
                    xpath = "\(stack[stack.count - 1].xpath)/\(step)[\(position)]"
                }
                stack.append(OpenElement(
                    name: name, namespace: interned(namespaceURI),
                    attributes: attributes.map { METSElement.Attribute(name: $0.name, namespace: interned($0.namespaceURI), value: $0.value) },
                    line: line, xpath: xpath))
            case .text(let text):
                if let last = stack.indices.last, stack[last].children.isEmpty { stack[last].text += text }
            case .end:
                guard let open = stack.popLast() else { return }
                let element = METSElement(name: open.name, namespace: open.namespace, attributes: open.attributes, children: open.children,
                                          text: open.children.isEmpty ? open.text.trimmingSpaces : "", line: open.line, xpath: open.xpath)
                if stack.isEmpty {
                    root = element
                } else {
                    stack[stack.count - 1].children.append(element)
                    // Only a leaf's text is kept.
                    stack[stack.count - 1].text = ""
                }
            }
        }
        return completed ? root : nil
    }

    private static func qualified(name: String, namespaceURI: String?) -> String {
        if let namespaceURI, let prefix = XMLNamespace.preferredPrefix(for: namespaceURI) {
            return "\(prefix):\(name)"
        }
        return name
    }

    private static func qualified(_ element: XMLElement) -> String {
        if let namespace = element.namespaceURI, let prefix = XMLNamespace.preferredPrefix(for: namespace) {
            return "\(prefix):\(element.name)"
        }
        return element.name
    }

    private static func convert(_ element: XMLElement, xpath: String) -> METSElement {
        // Line and attributes first: past line 65535 libxml2 finds an element's line through its neighbours,
        // which must not be discarded yet.
        let line = element.line
        let attributes = element.attributes.map {
            METSElement.Attribute(name: $0.name, namespace: interned($0.namespaceURI), value: $0.value)
        }
        let childElements = element.children
        var counts: [String: Int] = [:]
        var children: [METSElement] = []
        children.reserveCapacity(childElements.count)
        for child in childElements {
            let name = qualified(child)
            counts[name, default: 0] += 1
            children.append(convert(child, xpath: "\(xpath)/\(name)[\(counts[name] ?? 1)]"))
            child.discard()
        }
        return METSElement(name: element.name, namespace: interned(element.namespaceURI), attributes: attributes, children: children,
                           text: childElements.isEmpty ? element.text.trimmingSpaces : "", line: line, xpath: xpath)
    }

    /// The well-known namespace URIs as shared constants, so a 20,000-file METS does not hold 100,000 copies.
    private static func interned(_ uri: String?) -> String? {
        switch uri {
        case METSNamespace.mets?: METSNamespace.mets
        case METSNamespace.xlink?: METSNamespace.xlink
        case METSNamespace.csip?: METSNamespace.csip
        case METSNamespace.sip?: METSNamespace.sip
        default: uri
        }
    }

    /// Validates a METS document against the METS 1.12 XSD when the schemas can be found; returns the
    /// findings and whether validation ran.
    static func validateMETSSchema(_ fullPath: String, relativePath: String, catalogPath: String?) -> ([Finding], Bool) {
        METSSchemaValidation.validate(fullPath, relativePath: relativePath, catalogPath: catalogPath)
    }
}
