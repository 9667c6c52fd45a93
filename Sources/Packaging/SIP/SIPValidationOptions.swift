/// How thoroughly `SIPValidator` checks a package.
public struct SIPValidationOptions: Sendable, Hashable {
    /// Verify every declared SIZE and CHECKSUM by reading the files (the slow part).
    public var verifyFixity: Bool = true
    /// Files hashed at once.
    public var threads: Int = 2
    /// Validate METS documents against the METS 1.12 XSD when the schemas are available.
    public var schemaValidation: Bool = true
    /// XML catalog mapping the METS, xlink, CSIP, SIP and PREMIS schema URLs to local files; nil reads `XML_CATALOG_FILES`.
    public var schemaCatalog: String?

    /// Options with the defaults above.
    public init(verifyFixity: Bool = true, threads: Int = 2, schemaValidation: Bool = true, schemaCatalog: String? = nil) {
        self.verifyFixity = verifyFixity
        self.threads = threads
        self.schemaValidation = schemaValidation
        self.schemaCatalog = schemaCatalog
    }
}
