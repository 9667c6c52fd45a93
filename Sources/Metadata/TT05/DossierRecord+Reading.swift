extension DossierRecord {
    /// Reads a dossier `<simpledc>` tolerantly (any order, empty elements, variants); never fails.
    /// Structural problems are kept in `source.readFindings` and reported by `check(options:)`.
    public init(reading document: XMLDocument) {
        let reader = SimpleDCReader(document: document, fields: DossierField.all, prefix: "TT05-DOS", recordName: ("hồ sơ", "dossier"))
        fileCode = reader.string("fileCode")
        arcFileCode = reader.string("arcFileCode")
        title = reader.string("title")
        maintenance = reader.value("maintenance")
        mode = reader.value("mode")
        language = reader.codes("language")
        startDate = reader.value("startDate")
        endDate = reader.value("endDate")
        keyword = reader.keywords("keyword")
        totalDoc = reader.value("totalDoc")
        numberOfPaper = reader.value("numberOfPaper")
        numberOfPage = reader.value("numberOfPage")
        format = reader.value("format")
        inforSign = reader.string("inforSign")
        confidenceLevel = reader.value("confidenceLevel")
        paperFileCode = reader.string("paperFileCode")
        riskRecovery = reader.value("riskRecovery")
        riskRecoveryStatus = reader.value("riskRecoveryStatus")
        description = reader.string("description")
        source = reader.source
    }

    /// Parses the file at `path` safely and reads it.
    public static func read(fileAt path: String) throws(XMLError) -> DossierRecord {
        DossierRecord(reading: try XMLDocument.parse(fileAt: path))
    }
}
