import KhoCore

/// A finding that stopped a document from loading.
struct XMLLoadFailure: Error {
    var finding: Finding
}

/// TEMPORARY stub until the Metadata XML layer is merged.
enum XMLLoader {
    static func load(_ fullPath: String, relativePath: String) -> Result<METSElement, XMLLoadFailure> {
        .failure(XMLLoadFailure(finding: Finding(code: "KHO-XML-PARSE", severity: .error, message: BilingualMessage(vi: "chưa có", en: "not yet"), path: relativePath)))
    }
    static func validateMETSSchema(_ fullPath: String, relativePath: String) -> ([Finding], Bool) { ([], false) }
}
