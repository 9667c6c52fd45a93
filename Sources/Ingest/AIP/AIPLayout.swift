/// The TT05 AIP_hoso layout: fixed paths inside the package and the PREMIS identifiers Kho gives objects.
public enum AIPLayout {
    /// Root METS.
    public static let rootMETS = "METS.xml"
    /// Package-level dossier record.
    public static let dossierEAD = "metadata/descriptive/EAD.xml"
    /// Package-level PREMIS.
    public static let rootPREMIS = "metadata/preservation/PREMIS.xml"
    /// The SIP's root METS, kept as provenance (E-ARK CSIP `metadata/other`).
    public static let submissionMETS = "metadata/other/SIP-METS.xml"
    /// The one representation's folder.
    public static let representation = "representations/rep1"
    /// The representation's METS.
    public static let representationMETS = "representations/rep1/METS.xml"
    /// The representation's PREMIS.
    public static let representationPREMIS = "representations/rep1/metadata/preservation/PREMIS_rep1.xml"
    /// Folder of the per-document records.
    public static let documentFolder = "representations/rep1/metadata/descriptive"
    /// Folder every payload file must be under.
    public static let dataFolder = "representations/rep1/data/"

    /// PREMIS identifier type of objects inside the AIP (value: the AIP-relative path).
    public static let localIdentifierType = "local"
    /// PREMIS identifier type of the AIP itself (value: the OBJID).
    public static let urnIdentifierType = "URN"
}
