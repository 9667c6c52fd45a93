import Foundation

extension DocumentRecord {
    /// Writes the `<simpledc>` element at the writer's position.
    public func write(to writer: XMLStreamWriter) throws(XMLError) {
        try simpleDC.write(to: writer)
    }

    /// The record as a complete `EAD_doc_*.xml` document (UTF-8, no namespace, every field present).
    public func xmlData() throws(XMLError) -> Data {
        try simpleDC.document(named: source?.name ?? "EAD_doc.xml")
    }

    private var simpleDC: SimpleDCWriter {
        var out = SimpleDCWriter()
        out.add("docId", docId)
        if docCode != nil || arcDocCode == nil { out.add("docCode", docCode) }
        if let arcDocCode { out.add("arcDocCode", arcDocCode) }
        out.add("maintenance", maintenance)
        out.add("typeName", typeName)
        out.add("codeNumber", codeNumber)
        out.add("codeNotation", codeNotation)
        out.add("issuedDate", issuedDate)
        out.add("organName", organName)
        out.add("subject", subject)
        out.add("language", language.isEmpty ? nil : language.map(\.text).joined(separator: ", "))
        out.add("numberOfPage", numberOfPage)
        out.add("inforSign", inforSign)
        out.add("keyword", keyword.isEmpty ? nil : keyword.joined(separator: "; "))
        out.add("mode", mode)
        out.add("confidenceLevel", confidenceLevel)
        out.add("autograph", autograph)
        out.add("format", format)
        out.add("riskRecovery", riskRecovery)
        out.add("riskRecoveryStatus", riskRecoveryStatus)
        out.add("process", process)
        out.add("description", description)
        return out
    }
}
