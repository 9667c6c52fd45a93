/// Kho's own TT05 XSDs (`schemas/tt05/`), compiled once from the text embedded in the module.
///
/// Validating a package's `EAD.xml` against these (never against the package's own `schemas/`) gives the
/// XSD view; `DossierRecord.check(options:)` and `DocumentRecord.check(dossier:options:)` add the rules an
/// XSD cannot express.
public enum TT05Schemas {
    private static let dossierResult = Result { () throws(XMLError) -> XMLSchemaSet in
        try XMLSchemaSet(schemaText: EmbeddedSchemas.eadDossier, sourceName: "schemas/tt05/EAD-hoso.xsd")
    }
    private static let documentResult = Result { () throws(XMLError) -> XMLSchemaSet in
        try XMLSchemaSet(schemaText: EmbeddedSchemas.eadDocument, sourceName: "schemas/tt05/EAD-doc.xsd")
    }

    /// `EAD-hoso.xsd`: the dossier `<simpledc>`.
    public static func dossier() throws(XMLError) -> XMLSchemaSet { try dossierResult.get() }

    /// `EAD-doc.xsd`: the document `<simpledc>`.
    public static func document() throws(XMLError) -> XMLSchemaSet { try documentResult.get() }
}
