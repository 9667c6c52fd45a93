import Foundation

extension DossierRecord {
    /// Writes the `<simpledc>` element at the writer's position (e.g. inside a METS `xmlData`).
    public func write(to writer: XMLStreamWriter) throws(XMLError) {
        try simpleDC.write(to: writer)
    }

    /// The record as a complete `EAD.xml` document (UTF-8, no namespace, every field present).
    public func xmlData() throws(XMLError) -> Data {
        try simpleDC.document(named: source?.name ?? "EAD.xml")
    }

    private var simpleDC: SimpleDCWriter {
        var out = SimpleDCWriter()
        if fileCode != nil || arcFileCode == nil { out.add("fileCode", fileCode) }
        if let arcFileCode { out.add("arcFileCode", arcFileCode) }
        out.add("title", title)
        out.add("maintenance", maintenance)
        out.add("mode", mode)
        out.add("language", language.isEmpty ? nil : language.map(\.text).joined(separator: ", "))
        out.add("startDate", startDate)
        out.add("endDate", endDate)
        out.add("keyword", keyword.isEmpty ? nil : keyword.joined(separator: "; "))
        out.add("totalDoc", totalDoc)
        out.add("numberOfPaper", numberOfPaper)
        out.add("numberOfPage", numberOfPage)
        out.add("format", format)
        out.add("inforSign", inforSign)
        out.add("confidenceLevel", confidenceLevel)
        out.add("paperFileCode", paperFileCode)
        out.add("riskRecovery", riskRecovery)
        out.add("riskRecoveryStatus", riskRecoveryStatus)
        out.add("description", description)
        return out
    }
}
