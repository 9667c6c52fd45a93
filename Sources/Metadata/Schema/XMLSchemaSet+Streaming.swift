import CLibXML2

extension XMLSchemaSet {
    /// True when the file at `path` is well-formed, has no DOCTYPE and is valid, checked in one streaming pass
    /// (libxml2 `xmlTextReader` with this schema attached) that never holds the whole tree: a 9 MB METS costs
    /// a few MB instead of ~73 MB.
    ///
    /// Any doubt gives false — a parse error, a DOCTYPE, a refused load, any libxml2 message at all — and the
    /// caller then validates the parsed tree, which yields the findings with their XPath locations. So a
    /// document this accepts is one `validate(_:)` reports nothing for, and findings never depend on the path.
    func passesStreaming(fileAt path: String) -> Bool {
        let diagnostics = XMLDiagnostics(sourceName: path)
        let passed: Bool = LibXML.capturing(diagnostics) {
            // The reader unplugs the validation context when freed, so the context must outlive it.
            guard let context = xmlSchemaNewValidCtxt(schema) else { return false }
            defer { xmlSchemaFreeValidCtxt(context) }
            guard let reader = xmlReaderForFile(path, nil, LibXML.safeParseOptions) else { return false }
            defer { xmlFreeTextReader(reader) }
            xmlSchemaSetValidStructuredErrors(context, khoStructuredErrorHandler, nil)
            guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else { return false }
            var status = xmlTextReaderRead(reader)
            while status == 1 {
                // Documents with a DTD go through the safe tree parser, which refuses what it must.
                if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { return false }
                status = xmlTextReaderRead(reader)
            }
            return status == 0 && xmlTextReaderIsValid(reader) == 1
        }
        return passed && diagnostics.messages.isEmpty && diagnostics.refusals.isEmpty
    }
}
