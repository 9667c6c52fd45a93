public import Foundation
import CLibXML2
import KhoCore

/// A parsed XML document (an owned libxml2 `xmlDoc`), read the only way Kho reads XML: safely.
///
/// Parsing never touches the network, never substitutes entities, never loads or validates a DTD and never
/// processes XInclude. A document that declares entities (billion laughs, XXE) or names an external DTD is
/// refused at the declaration, before anything is expanded or fetched.
///
/// Not `Sendable`: keep a document inside the task that parsed it. Elements (`XMLElement`) keep their
/// document alive.
public final class XMLDocument {
    /// The owned libxml2 tree, freed on deinit.
    let pointer: xmlDocPtr
    /// The file path or name given at parse time, used in every message.
    public let sourceName: String
    /// Sibling positions for `XMLElement.xpath`, filled one parent at a time.
    let positionCache = XMLPositionCache()

    /// The document element, checked to exist at parse time.
    private let rootNode: xmlNodePtr

    private init(pointer: xmlDocPtr, rootNode: xmlNodePtr, sourceName: String) {
        self.pointer = pointer
        self.rootNode = rootNode
        self.sourceName = sourceName
    }

    deinit { xmlFreeDoc(pointer) }

    /// The document (root) element.
    public var root: XMLElement {
        XMLElement(document: self, node: rootNode)
    }

    /// Reads and parses the file at `path`.
    public static func parse(fileAt path: String) throws(XMLError) -> XMLDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw XMLError(.unreadable, path: path,
                           vi: "Không đọc được tệp XML: \(error.localizedDescription)",
                           en: "Cannot read the XML file: \(error.localizedDescription)")
        }
        return try parse(data: data, sourceName: path)
    }

    /// Parses `data`; `sourceName` (a file path or a package-relative name) appears in every message.
    public static func parse(data: Data, sourceName: String) throws(XMLError) -> XMLDocument {
        guard data.count < Int(Int32.max) else {
            throw XMLError(.tooLarge, path: sourceName,
                           vi: "Tệp XML quá lớn (\(data.count) byte, tối đa 2 GiB)",
                           en: "XML file too large (\(data.count) bytes, at most 2 GiB)")
        }
        let diagnostics = XMLDiagnostics(sourceName: sourceName)
        return try LibXML.capturing(diagnostics) { () throws(XMLError) -> XMLDocument in
            guard let context = xmlNewParserCtxt() else {
                throw XMLError(.malformed, path: sourceName, vi: "Không tạo được bộ phân tích XML", en: "Cannot create an XML parser")
            }
            defer { xmlFreeParserCtxt(context) }
            installSecurityHooks(on: context)
            let document: xmlDocPtr? = data.withUnsafeBytes { bytes in
                // An empty buffer still needs a valid pointer for libxml2.
                let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                return withUnsafePointer(to: CChar(0)) { empty in
                    xmlCtxtReadMemory(context, base ?? empty, Int32(bytes.count), sourceName, nil, LibXML.safeParseOptions)
                }
            }
            if let refusal = diagnostics.refusals.first {
                if let document { xmlFreeDoc(document) }
                throw refusal
            }
            guard let document, context.pointee.wellFormed != 0, let rootNode = xmlDocGetRootElement(document) else {
                if let document { xmlFreeDoc(document) }
                throw malformed(sourceName: sourceName, diagnostics: diagnostics)
            }
            return XMLDocument(pointer: document, rootNode: rootNode, sourceName: sourceName)
        }
    }

    private static func malformed(sourceName: String, diagnostics: XMLDiagnostics) -> XMLError {
        guard let first = diagnostics.firstError else {
            return XMLError(.malformed, path: sourceName,
                            vi: "Tài liệu XML không có phần tử gốc hoặc không đúng cú pháp",
                            en: "The XML document has no root element or is not well-formed")
        }
        return XMLError(.malformed, path: sourceName, line: first.line > 0 ? first.line : nil,
                        vi: "Tài liệu XML không đúng cú pháp: \(first.text)",
                        en: "The XML document is not well-formed: \(first.text)")
    }

    /// Replaces the SAX callbacks through which DTD declarations arrive so that any entity declaration or
    /// external DTD stops the parser at once and is recorded as a refusal.
    private static func installSecurityHooks(on context: xmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee.serror = khoStructuredErrorHandler
        sax.pointee.internalSubset = { rawContext, name, externalID, systemID in
            guard let rawContext else { return }
            let parser = rawContext.assumingMemoryBound(to: xmlParserCtxt.self)
            if externalID != nil || systemID != nil {
                let target = systemID.map { String(cString: $0) } ?? externalID.map { String(cString: $0) } ?? ""
                refuseDeclaration(parser, .externalEntity,
                       vi: "Tài liệu khai báo DTD ngoài '\(target)'; Kho không nạp DTD và không tải gì qua mạng",
                       en: "The document names an external DTD '\(target)'; Kho loads no DTD and fetches nothing")
                return
            }
            xmlSAX2InternalSubset(rawContext, name, nil, nil)
        }
        sax.pointee.entityDecl = { rawContext, name, type, publicID, systemID, _ in
            guard let rawContext else { return }
            let parser = rawContext.assumingMemoryBound(to: xmlParserCtxt.self)
            let entity = name.map { String(cString: $0) } ?? "?"
            let parameter = type == XML_INTERNAL_PARAMETER_ENTITY.rawValue || type == XML_EXTERNAL_PARAMETER_ENTITY.rawValue
            let label = parameter ? "%\(entity);" : "&\(entity);"
            if publicID != nil || systemID != nil {
                let target = systemID.map { String(cString: $0) } ?? publicID.map { String(cString: $0) } ?? ""
                refuseDeclaration(parser, .externalEntity,
                       vi: "Tài liệu khai báo thực thể ngoài \(label) trỏ tới '\(target)'; Kho không đọc tệp hay URL nào từ thực thể",
                       en: "The document declares an external entity \(label) pointing to '\(target)'; Kho reads no file or URL for entities")
            } else {
                refuseDeclaration(parser, .dtd,
                       vi: "Tài liệu khai báo thực thể \(label) trong DTD; Kho từ chối mọi khai báo thực thể (chống tấn công 'billion laughs')",
                       en: "The document declares the entity \(label) in a DTD; Kho refuses all entity declarations (billion-laughs protection)")
            }
        }
        sax.pointee.unparsedEntityDecl = { rawContext, name, _, systemID, _ in
            guard let rawContext else { return }
            let parser = rawContext.assumingMemoryBound(to: xmlParserCtxt.self)
            let entity = name.map { String(cString: $0) } ?? "?"
            let target = systemID.map { String(cString: $0) } ?? ""
            refuseDeclaration(parser, .externalEntity,
                   vi: "Tài liệu khai báo thực thể ngoài &\(entity); trỏ tới '\(target)'; Kho không đọc nó",
                   en: "The document declares the external entity &\(entity); pointing to '\(target)'; Kho does not read it")
        }
    }
}

/// Records a refusal on the current thread's collector and stops the parser.
private func refuseDeclaration(_ parser: xmlParserCtxtPtr, _ kind: XMLError.Kind, vi: String, en: String) {
    let line = Int(xmlSAX2GetLineNumber(parser))
    if let diagnostics = LibXML.currentDiagnostics, diagnostics.refusals.isEmpty {
        diagnostics.refusals.append(XMLError(kind, path: diagnostics.sourceName, line: line > 0 ? line : nil, vi: vi, en: en))
    }
    xmlStopParser(parser)
}
