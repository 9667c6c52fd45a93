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
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: fullPath), options: .mappedIfSafe)
            return .success(try load(data: data, relativePath: relativePath))
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
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(data: data, sourceName: relativePath)
        } catch {
            var finding = error.finding
            finding.path = relativePath
            throw XMLLoadFailure(finding: finding)
        }
        return convert(document.root, xpath: "/" + qualified(document.root))
    }

    private static func qualified(_ element: XMLElement) -> String {
        if let namespace = element.namespaceURI, let prefix = XMLNamespace.preferredPrefix(for: namespace) {
            return "\(prefix):\(element.name)"
        }
        return element.name
    }

    private static func convert(_ element: XMLElement, xpath: String) -> METSElement {
        let childElements = element.children
        var counts: [String: Int] = [:]
        var children: [METSElement] = []
        children.reserveCapacity(childElements.count)
        for child in childElements {
            let name = qualified(child)
            counts[name, default: 0] += 1
            children.append(convert(child, xpath: "\(xpath)/\(name)[\(counts[name] ?? 1)]"))
        }
        let attributes = element.attributes.map {
            METSElement.Attribute(name: $0.name, namespace: interned($0.namespaceURI), value: $0.value)
        }
        return METSElement(name: element.name, namespace: interned(element.namespaceURI), attributes: attributes, children: children,
                           text: childElements.isEmpty ? element.text.trimmingSpaces : "", line: element.line, xpath: xpath)
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
