/// PREMIS event types from the Library of Congress vocabulary
/// (id.loc.gov/vocabulary/preservation/eventType), stored by their label.
public enum PremisEventType: String, Sendable, Hashable, Codable, CaseIterable {
    /// LoC event type "accession".
    case accession
    /// LoC event type "appraisal".
    case appraisal
    /// LoC event type "capture".
    case capture
    /// LoC event type "compiling".
    case compiling
    /// LoC event type "compression".
    case compression
    /// LoC event type "creation".
    case creation
    /// LoC event type "deaccession".
    case deaccession
    /// LoC event type "decompression".
    case decompression
    /// LoC event type "decryption".
    case decryption
    /// LoC event type "deletion".
    case deletion
    /// LoC event type "displaying".
    case displaying
    /// LoC event type "dissemination".
    case dissemination
    /// LoC event type "encryption".
    case encryption
    /// LoC event type "execution".
    case execution
    /// LoC event type "exporting".
    case exporting
    /// LoC event type "extraction".
    case extraction
    /// LoC event type "forensic feature analysis".
    case forensicFeatureAnalysis = "forensic feature analysis"
    /// LoC event type "digital signature generation".
    case digitalSignatureGeneration = "digital signature generation"
    /// LoC event type "digital signature validation".
    case digitalSignatureValidation = "digital signature validation"
    /// LoC event type "filename change".
    case filenameChange = "filename change"
    /// LoC event type "fixity check".
    case fixityCheck = "fixity check"
    /// LoC event type "format identification".
    case formatIdentification = "format identification"
    /// LoC event type "imaging".
    case imaging
    /// LoC event type "information package creation".
    case informationPackageCreation = "information package creation"
    /// LoC event type "information package merging".
    case informationPackageMerging = "information package merging"
    /// LoC event type "information package splitting".
    case informationPackageSplitting = "information package splitting"
    /// LoC event type "ingestion end".
    case ingestionEnd = "ingestion end"
    /// LoC event type "ingestion start".
    case ingestionStart = "ingestion start"
    /// LoC event type "ingestion".
    case ingestion
    /// LoC event type "interpreting".
    case interpreting
    /// LoC event type "message digest calculation".
    case messageDigestCalculation = "message digest calculation"
    /// LoC event type "metadata extraction".
    case metadataExtraction = "metadata extraction"
    /// LoC event type "metadata modification".
    case metadataModification = "metadata modification"
    /// LoC event type "migration".
    case migration
    /// LoC event type "modification".
    case modification
    /// LoC event type "normalization".
    case normalization
    /// LoC event type "packing".
    case packing
    /// LoC event type "policy assignment".
    case policyAssignment = "policy assignment"
    /// LoC event type "printing".
    case printing
    /// LoC event type "quarantine".
    case quarantine
    /// LoC event type "recovery".
    case recovery
    /// LoC event type "redaction".
    case redaction
    /// LoC event type "refreshment".
    case refreshment
    /// LoC event type "rendering".
    case rendering
    /// LoC event type "replication".
    case replication
    /// LoC event type "transfer".
    case transfer
    /// LoC event type "unpacking".
    case unpacking
    /// LoC event type "unquarantine".
    case unquarantine
    /// LoC event type "validation".
    case validation
    /// LoC event type "virus check".
    case virusCheck = "virus check"
}
