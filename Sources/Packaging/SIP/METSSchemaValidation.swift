import KhoCore
import Metadata
import Synchronization

/// METS XSD validation through the `Metadata` module, against the schemas Kho chose (METS 1.12, xlink, the CSIP
/// and SIP extensions, PREMIS 3), found through an XML catalog — never a package's own `schemas/` folder.
///
/// Kho ships no copy of these schemas: the catalog comes from `SIPValidationOptions.schemaCatalog` or
/// `XML_CATALOG_FILES`. Without one, validation is skipped and the report says so (`KHO-METS-XSD-SKIPPED`).
enum METSSchemaValidation {
    private static let cache = Mutex<[String: XMLSchemaSet]>([:])

    /// The compiled schema for `catalogPath` (nil: from the environment); nil when no catalog or schema is available.
    static func schema(catalogPath: String?) -> (XMLSchemaSet?, Finding?) {
        let key = catalogPath ?? "$XML_CATALOG_FILES"
        if let cached = cache.withLock({ $0[key] }) { return (cached, nil) }
        do {
            let catalog: XMLCatalog?
            if let catalogPath { catalog = try XMLCatalog(fileAt: catalogPath) } else { catalog = try XMLCatalog.fromEnvironment() }
            guard let catalog else { return (nil, nil) }
            let schema = try XMLSchemaSet(importing: XMLSchemaImport.informationPackage, catalog: catalog)
            cache.withLock { $0[key] = schema }
            return (schema, nil)
        } catch {
            return (nil, Finding(code: "KHO-METS-XSD-SKIPPED", severity: .warning, message: error.message, path: error.path))
        }
    }

    /// Validates one METS file; returns findings (code `KHO-METS-XSD`) and whether validation ran.
    static func validate(_ fullPath: String, relativePath: String, catalogPath: String?) -> ([Finding], Bool) {
        let (schema, problem) = schema(catalogPath: catalogPath)
        guard let schema else { return (problem.map { [$0] } ?? [], false) }
        let findings = schema.validate(fileAt: fullPath).map { finding -> Finding in
            var finding = finding
            if finding.code == "KHO-XSD-INVALID" { finding.code = "KHO-METS-XSD" }
            finding.path = relativePath
            return finding
        }
        return (findings, true)
    }
}
