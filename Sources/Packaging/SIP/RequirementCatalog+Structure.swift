extension RequirementCatalog {
    /// CSIP 2.2 folder-structure requirements (specification text, section 5.2; not in the METS profile).
    public static let structure: [Requirement] = [
        Requirement("CSIPSTR1", .must, "Single Information Package root folder (archives unpack to one folder)"),
        Requirement("CSIPSTR2", .should, "Root folder named after mets/@OBJID"),
        Requirement("CSIPSTR3", .may, "Package may be archived or compressed (zip, tar)"),
        Requirement("CSIPSTR4", .must, "Root folder includes METS.xml"),
        Requirement("CSIPSTR5", .should, "Root folder includes a metadata folder"),
        Requirement("CSIPSTR6", .should, "Preservation metadata in metadata/preservation"),
        Requirement("CSIPSTR7", .should, "Descriptive metadata in metadata/descriptive"),
        Requirement("CSIPSTR8", .may, "Other metadata in further sub-folders"),
        Requirement("CSIPSTR9", .should, "Root folder includes a representations folder"),
        Requirement("CSIPSTR10", .should, "One sub-folder per representation"),
        Requirement("CSIPSTR11", .should, "Representation folder includes a data folder"),
        Requirement("CSIPSTR12", .should, "Representation folder includes METS.xml"),
        Requirement("CSIPSTR13", .should, "Representation folder includes a metadata folder"),
        Requirement("CSIPSTR14", .may, "Package may be extended with additional sub-folders"),
        Requirement("CSIPSTR15", .should, "XML schemas in a schemas folder"),
        Requirement("CSIPSTR16", .should, "Documentation in a documentation folder"),
    ]

    /// Kho's TT05 (Thông tư 05/2025/TT-BNV, SIP_hoso) package rules; record-level rules come from `Metadata`.
    public static let tt05: [Requirement] = [
        Requirement("TT05-PKG-001", .must, "Root METS @OBJID of a SIP is uuid-<UUID>"),
        Requirement("TT05-PKG-002", .should, "Package folder named after @OBJID"),
        Requirement("TT05-PKG-003", .must, "Dossier record metadata/descriptive/EAD.xml present and referenced by a dmdSec"),
        Requirement("TT05-PKG-004", .must, "EAD.xml and EAD_doc files are readable XML (record rules: Metadata TT05-DOS-…/TT05-DOC-…)"),
        Requirement("TT05-PKG-006", .must, "Every document record has a data file referenced in the representation METS"),
        Requirement("TT05-PKG-007", .should, "Checksums are SHA-256"),
        Requirement("TT05-PKG-008", .must, "@csip:OAISPACKAGETYPE is SIP"),
        Requirement("TT05-PKG-009", .should, "Every data file belongs to a document record"),
    ]

    /// Kho's own checks that no standard numbers: fixity, XML well-formedness and schema validity, safety.
    public static let kho: [Requirement] = [
        Requirement("KHO-FIX-MISSING", .must, "A file declared in METS is present"),
        Requirement("KHO-FIX-EXTRA", .must, "Every file present is declared in a METS document"),
        Requirement("KHO-FIX-SIZE", .must, "Declared SIZE matches the file"),
        Requirement("KHO-FIX-CHECKSUM", .must, "Declared CHECKSUM matches the file"),
        Requirement("KHO-FIX-READ", .must, "Every declared file can be read"),
        Requirement("KHO-FIX-ALGORITHM", .must, "CHECKSUMTYPE is an algorithm Kho can verify"),
        Requirement("KHO-METS-XSD", .must, "METS documents are valid against the METS 1.12 schema"),
        Requirement("KHO-METS-XSD-SKIPPED", .may, "METS schema validation skipped: schemas not available"),
        Requirement("KHO-SIP-HREF", .must, "References stay inside the package"),
        Requirement("KHO-SIP-IRREGULAR", .must, "No symbolic links or special files in a package"),
        Requirement("KHO-SIP-NFC", .must, "No two names equal under Unicode NFC"),
        Requirement("KHO-SIP-NAME", .should, "Reference spelled with the same bytes as the file name"),
    ]
}
