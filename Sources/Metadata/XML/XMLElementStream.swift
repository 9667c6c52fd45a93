import CLibXML2
import Foundation

/// Reads a document's elements in one streaming pass (libxml2 `xmlTextReader`), never holding the whole tree:
/// a 9 MB representation METS costs a few MB instead of the ~73 MB of a parsed `XMLDocument`.
///
/// The stream reports exactly what an `XMLDocument` of the same file would show — names, namespace URIs,
/// attributes as `XMLElement.attributes` gives them, lines as `XMLElement.line` — or gives up: `read` returns
/// false for anything it could not report the same way (a parse error or any libxml2 message, a DOCTYPE,
/// a line past 65,535, a file too large for `XMLDocument.parse`). The caller then parses the file with
/// `XMLDocument`, which also produces the right failure.
public enum XMLElementStream {
    /// One event of the stream, in document order.
    public enum Event {
        /// A start tag: local name, namespace URI (nil for none), attributes in document order, 1-based line.
        case start(name: String, namespaceURI: String?, attributes: [XMLAttribute], line: Int)
        /// Character data (text, CDATA or whitespace) directly inside the innermost open element.
        case text(String)
        /// The end of the innermost open element (also sent for an empty element `<a/>`).
        case end
    }

    /// Streams the file at `path` to `body`; false when the stream could not stand in for `XMLDocument.parse`
    /// (see the type's documentation) — events already sent must then be discarded.
    public static func read(fileAt path: String, _ body: (Event) -> Void) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size < off_t(Int32.max) else { return false }
        let diagnostics = XMLDiagnostics(sourceName: path)
        let completed: Bool = LibXML.capturing(diagnostics) {
            guard let reader = xmlReaderForFile(path, nil, LibXML.safeParseOptions) else { return false }
            defer { xmlFreeTextReader(reader) }
            var status = xmlTextReaderRead(reader)
            while status == 1 {
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    guard let node = xmlTextReaderCurrentNode(reader), node.pointee.line < 65535,
                          node.pointee.doc?.pointee.intSubset == nil, node.pointee.doc?.pointee.extSubset == nil else { return false }
                    body(.start(name: String(cString: node.pointee.name),
                                namespaceURI: node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
                                attributes: XMLElement.attributes(of: node), line: Int(node.pointee.line)))
                    if xmlTextReaderIsEmptyElement(reader) == 1 { body(.end) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    body(.end)
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                     Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if let value = xmlTextReaderConstValue(reader) { body(.text(String(cString: value))) }
                case Int32(XML_READER_TYPE_COMMENT.rawValue), Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue):
                    break
                default:
                    // DOCTYPE, entity references and anything else: leave it to the tree parser.
                    return false
                }
                status = xmlTextReaderRead(reader)
            }
            return status == 0
        }
        return completed && diagnostics.messages.isEmpty && diagnostics.refusals.isEmpty
    }
}
