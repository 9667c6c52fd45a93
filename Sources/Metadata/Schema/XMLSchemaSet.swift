import CLibXML2
import Foundation
public import KhoCore

/// A compiled XSD (with everything it imports), ready to validate many documents.
///
/// Imports are resolved without the network: public `http(s)://` locations only through an `XMLCatalog`,
/// local files only under the schema's own folder and the catalog's folders. Anything else is refused and
/// compilation fails with `KHO-XML-NETWORK-REFUSED`. An instance's `xsi:schemaLocation` and a package's own
/// `schemas/` folder are never used: Kho validates against the schemas it chose.
///
/// `Sendable`: the compiled schema is immutable and libxml2 allows sharing it between threads; every
/// validation gets its own validation context.
public final class XMLSchemaSet: @unchecked Sendable {
    let schema: xmlSchemaPtr
    /// The schema file or name given at compile time.
    public let sourceName: String
    /// How findings name the schema: the file name, or the imported files of a driver.
    public let label: String

    /// Compiles the XSD at `path`, resolving remote imports through `catalog`.
    public init(schemaAt path: String, catalog: XMLCatalog? = nil) throws(XMLError) {
        let directory = (path as NSString).deletingLastPathComponent
        let policy = XMLLoadPolicy(catalog: catalog, allowedDirectories: [directory.isEmpty ? "." : directory])
        guard let canonical = XMLLoadPolicy.canonicalFile(path) else {
            throw XMLError(.unreadable, path: path, vi: "Không tìm thấy tệp lược đồ XSD", en: "XSD file not found")
        }
        // libxml2 reads schema files with entity substitution on; Kho's safe parser sees the main file first,
        // so a schema declaring entities or naming an external DTD is refused before libxml2 reads it.
        _ = try XMLDocument.parse(fileAt: canonical)
        schema = try XMLSchemaSet.compile(sourceName: path, policy: policy) { canonical.withCString { xmlSchemaNewParserCtxt($0) } }
        sourceName = path
        label = (path as NSString).lastPathComponent
    }

    /// Compiles XSD text held in memory (Kho's embedded schemas); imports resolve through `catalog`.
    public convenience init(schemaText: String, sourceName: String, catalog: XMLCatalog? = nil) throws(XMLError) {
        try self.init(schemaText: schemaText, sourceName: sourceName, label: (sourceName as NSString).lastPathComponent, catalog: catalog)
    }

    private init(schemaText: String, sourceName: String, label: String, catalog: XMLCatalog?) throws(XMLError) {
        let policy = XMLLoadPolicy(catalog: catalog, allowedDirectories: [])
        _ = try XMLDocument.parse(data: Data(schemaText.utf8), sourceName: sourceName)
        let bytes = Array(schemaText.utf8)
        schema = try XMLSchemaSet.compile(sourceName: sourceName, policy: policy) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlSchemaNewMemParserCtxt($0, Int32(buffer.count)) }
                }
            }
        }
        self.sourceName = sourceName
        self.label = label
    }

    /// Compiles a driver schema that imports each of `imports` through `catalog`, e.g.
    /// `XMLSchemaImport.informationPackage` to validate a TT05/E-ARK METS with embedded PREMIS.
    public convenience init(importing imports: [XMLSchemaImport], catalog: XMLCatalog) throws(XMLError) {
        var text = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:kho:driver\">\n"
        for item in imports {
            text += "  <xs:import namespace=\"\(XMLSchemaSet.escape(item.namespace))\" schemaLocation=\"\(XMLSchemaSet.escape(item.location))\"/>\n"
        }
        text += "</xs:schema>\n"
        let label = imports.map { ($0.location as NSString).lastPathComponent }.joined(separator: " + ")
        try self.init(schemaText: text, sourceName: "kho-driver.xsd", label: label, catalog: catalog)
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates `document`; one finding (`KHO-XSD-INVALID`, file, line and XPath) per problem, empty when valid.
    public func validate(_ document: XMLDocument) -> [Finding] {
        let diagnostics = XMLDiagnostics(sourceName: document.sourceName)
        let status: Int32 = LibXML.capturing(diagnostics) {
            guard let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, khoStructuredErrorHandler, nil)
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        var findings = diagnostics.messages.map { message in
            Finding(
                code: "KHO-XSD-INVALID",
                severity: message.isError ? .error : .warning,
                message: BilingualMessage(
                    vi: "Không hợp lệ theo lược đồ \(schemaLabel): \(message.text)",
                    en: "Not valid against \(schemaLabel): \(message.text)"
                ),
                path: document.sourceName,
                location: XMLLocation.describe(xpath: message.nodePath, line: message.line)
            )
        }
        findings += diagnostics.refusals.map(\.finding)
        if status != 0 && !findings.contains(where: { $0.severity == .error }) {
            findings.append(Finding(
                code: "KHO-XSD-INVALID", severity: .error,
                message: BilingualMessage(vi: "Không kiểm tra được theo lược đồ \(schemaLabel) (mã \(status))",
                                          en: "Could not validate against \(schemaLabel) (status \(status))"),
                path: document.sourceName))
        }
        return findings
    }

    /// Parses and validates the file at `path`; a parse refusal becomes a single error finding.
    ///
    /// A streaming pass comes first (`passesStreaming(fileAt:)`): a valid document is never held as a tree;
    /// anything else is parsed and validated as before, so the findings are the same either way.
    public func validate(fileAt path: String) -> [Finding] {
        if passesStreaming(fileAt: path) { return [] }
        do {
            return validate(try XMLDocument.parse(fileAt: path))
        } catch {
            return [error.finding]
        }
    }

    private var schemaLabel: String { label }

    private static func compile(sourceName: String, policy: XMLLoadPolicy, makeContext: () -> xmlSchemaParserCtxtPtr?) throws(XMLError) -> xmlSchemaPtr {
        let diagnostics = XMLDiagnostics(sourceName: sourceName, loadPolicy: policy)
        let compiled: xmlSchemaPtr? = LibXML.capturing(diagnostics) {
            guard let context = makeContext() else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, khoStructuredErrorHandler, nil)
            return xmlSchemaParse(context)
        }
        if let refusal = diagnostics.refusals.first {
            if let compiled { xmlSchemaFree(compiled) }
            throw refusal
        }
        guard let compiled else {
            let first = diagnostics.firstError
            let detail = first?.text ?? "unknown error"
            throw XMLError(.schema, path: first?.file ?? sourceName, line: first.flatMap { $0.line > 0 ? $0.line : nil },
                           vi: "Không biên dịch được lược đồ XSD: \(detail)",
                           en: "Cannot compile the XSD: \(detail)")
        }
        return compiled
    }

    private static func escape(_ value: String) -> String { MarkupText.escape(value) }
}
