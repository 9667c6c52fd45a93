extension DocumentRecord {
    /// Reads a document `<simpledc>` tolerantly (any order, empty elements, `docCode`/`arcDocCode`); never fails.
    public init(reading document: XMLDocument) {
        let reader = SimpleDCReader(document: document, fields: DocumentField.all, prefix: "TT05-DOC", recordName: ("tài liệu", "document"))
        docId = reader.string("docId")
        docCode = reader.string("docCode")
        arcDocCode = reader.string("arcDocCode")
        maintenance = reader.value("maintenance")
        typeName = reader.value("typeName")
        codeNumber = reader.string("codeNumber")
        codeNotation = reader.string("codeNotation")
        issuedDate = reader.value("issuedDate")
        organName = reader.string("organName")
        subject = reader.string("subject")
        language = reader.codes("language")
        numberOfPage = reader.value("numberOfPage")
        inforSign = reader.string("inforSign")
        keyword = reader.keywords("keyword")
        mode = reader.value("mode")
        confidenceLevel = reader.value("confidenceLevel")
        autograph = reader.string("autograph")
        format = reader.value("format")
        riskRecovery = reader.value("riskRecovery")
        riskRecoveryStatus = reader.value("riskRecoveryStatus")
        process = reader.value("process")
        description = reader.string("description")
        source = reader.source
    }

    /// Parses the file at `path` safely and reads it.
    public static func read(fileAt path: String) throws(XMLError) -> DocumentRecord {
        DocumentRecord(reading: try XMLDocument.parse(fileAt: path))
    }
}
